// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Checks client payloads against the contract's limits. Each function returns a clean
// value or throws AppError(BAD_REQUEST); none throws anything else on odd input.
import { AppError } from './errors.js';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
export const MAX_CONTENT = 10000;
export const MAX_MESSAGE_IDS = 500;
export const MAX_GROUP_SIZE = 100;
export const MAX_TITLE = 200;
export const FORMATS = ['plain', 'markdown'];
export const MAX_EMOJI_BYTES = 32;
export const MAX_ATTACHMENTS = 10;
export const MAX_SEARCH_QUERY = 200;
export const NOTIFY_LEVELS = ['all', 'mentions', 'none'];

const bad = (message) => new AppError('BAD_REQUEST', message);

export function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

export function requireObject(payload) {
  if (!isPlainObject(payload)) throw bad('payload must be an object');
  return payload;
}

export function id(value, field) {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw bad(`${field} must match ${ID_PATTERN.source}`);
  return value;
}

// Counts characters as code points, after trimming; stores the trimmed text. With
// `allowEmpty` (a message with attachments) an empty text is fine.
export function content(value, { allowEmpty = false } = {}) {
  if (typeof value !== 'string') throw bad('content must be a string');
  if (value.length > MAX_CONTENT * 2 + 1024) throw bad(`content longer than ${MAX_CONTENT} characters`);
  const trimmed = value.trim();
  if (trimmed.length === 0 && !allowEmpty) throw bad('content is empty');
  let count = 0;
  for (const _ of trimmed) { // eslint-disable-line no-unused-vars
    count += 1;
    if (count > MAX_CONTENT) throw bad(`content longer than ${MAX_CONTENT} characters`);
  }
  if (trimmed.includes('\u0000')) throw bad('content contains NUL');
  return trimmed;
}

// An optional list of ids (attachments, mentions): absent -> [], else 1..max distinct-kept ids.
function idList(value, field, max) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > max) throw bad(`${field} must be an array of at most ${max} ids`);
  return [...new Set(value.map((v) => id(v, `${field}[]`)))];
}

export function sendMessage(payload) {
  requireObject(payload);
  const attachments = idList(payload.attachments, 'attachments', MAX_ATTACHMENTS);
  if (payload.attachments?.length > attachments.length) throw bad('attachments must not repeat an id');
  const result = {
    conversationId: id(payload.conversationId, 'conversationId'),
    clientId: id(payload.clientId, 'clientId'),
    content: content(payload.content ?? '', { allowEmpty: attachments.length > 0 }),
    format: format(payload.format) ?? 'plain',
    type: 'text',
    replyTo: null,
    attachments,
    mentions: idList(payload.mentions, 'mentions', MAX_GROUP_SIZE), // a repeated id counts once
  };
  if (payload.type !== undefined && payload.type !== null && payload.type !== 'text') {
    throw bad('type must be "text"'); // "system" messages are made by the server only
  }
  if (payload.replyTo !== undefined && payload.replyTo !== null) {
    if (typeof payload.replyTo !== 'string' || payload.replyTo.length > 100 || !/^[A-Za-z0-9_-]+$/.test(payload.replyTo)) {
      throw bad('replyTo must be a message id');
    }
    result.replyTo = payload.replyTo;
  }
  return result;
}

// `format` of a message: absent -> null (the caller picks the default), else one of FORMATS.
export function format(value) {
  if (value === undefined || value === null) return null;
  if (!FORMATS.includes(value)) throw bad(`format must be one of ${FORMATS.join(', ')}`);
  return value;
}

export function messageRef(payload) {
  requireObject(payload);
  return { conversationId: id(payload.conversationId, 'conversationId'), messageId: id(payload.messageId, 'messageId') };
}

export function editMessage(payload) {
  return { ...messageRef(payload), content: content(payload.content), format: format(payload.format) };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const NOT_IN_EMOJI = /[\p{L}\p{N}\p{Z}\p{Cc}]/u; // letters, digits, spaces, controls
const EMOJI_BASE = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u; // U+20E3: keycap (#️⃣)

// One emoji: a single grapheme of 1 to 32 bytes of UTF-8 with a pictograph, a flag's
// regional indicators or a keycap in it, and no letter, digit, space or control character.
export function emoji(value) {
  const ok = typeof value === 'string'
    && value.length > 0 && value.length <= MAX_EMOJI_BYTES
    && Buffer.byteLength(value, 'utf8') <= MAX_EMOJI_BYTES
    && !NOT_IN_EMOJI.test(value)
    && EMOJI_BASE.test(value)
    && [...graphemes.segment(value)].length === 1;
  if (!ok) throw bad(`emoji must be one emoji (1 to ${MAX_EMOJI_BYTES} bytes of UTF-8, no letters or digits)`);
  return value;
}

export function setReaction(payload) {
  const ref = messageRef(payload);
  if (typeof payload.on !== 'boolean') throw bad('on must be true or false');
  return { ...ref, emoji: emoji(payload.emoji), on: payload.on };
}

export function conversationRef(payload) {
  requireObject(payload);
  return { conversationId: id(payload.conversationId, 'conversationId') };
}

export function markRead(payload) {
  requireObject(payload);
  const conversationId = id(payload.conversationId, 'conversationId');
  if (payload.upToSeq !== undefined) {
    if (!Number.isSafeInteger(payload.upToSeq) || payload.upToSeq < 0) throw bad('upToSeq must be an integer >= 0');
    return { conversationId, upToSeq: payload.upToSeq };
  }
  if (payload.messageIds !== undefined) {
    const ids = payload.messageIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_MESSAGE_IDS) {
      throw bad(`messageIds must be an array of 1 to ${MAX_MESSAGE_IDS} ids`);
    }
    for (const m of ids) {
      if (typeof m !== 'string' || m.length > 100 || !/^[A-Za-z0-9_-]+$/.test(m)) throw bad('messageIds must hold message ids');
    }
    return { conversationId, messageIds: ids };
  }
  throw bad('upToSeq or messageIds is required');
}

export function presence(payload) {
  requireObject(payload);
  if (payload.status !== 'online' && payload.status !== 'away') throw bad('status must be "online" or "away"');
  return { status: payload.status };
}

export function createConversation(body) {
  requireObject(body);
  if (body.type !== 'direct' && body.type !== 'group') throw bad('type must be "direct" or "group"');
  if (!Array.isArray(body.participantIds) || body.participantIds.length === 0 || body.participantIds.length > MAX_GROUP_SIZE) {
    throw bad(`participantIds must be an array of 1 to ${MAX_GROUP_SIZE} user ids`);
  }
  const participantIds = body.participantIds.map((p) => id(p, 'participantIds[]'));
  let title = null;
  if (body.title !== undefined && body.title !== null) {
    if (typeof body.title !== 'string' || body.title.trim().length > MAX_TITLE) throw bad(`title must be a string of at most ${MAX_TITLE} characters`);
    title = body.title.trim() || null;
  }
  return { type: body.type, participantIds, title };
}

// Query numbers: absent -> fallback; present -> a non-negative integer, else BAD_REQUEST.
export function queryInt(value, field, { fallback = null, min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  if (value === null || value === undefined || value === '') return fallback;
  if (!/^\d{1,16}$/.test(value)) throw bad(`${field} must be a non-negative integer`);
  const n = Number(value);
  if (n < min) throw bad(`${field} must be at least ${min}`);
  return Math.min(n, max);
}

// PUT /api/conversations/:id/settings: {notify?, mutedUntil?}, at least one. mutedUntil is
// an ISO-8601 time with a zone (stored as UTC with milliseconds) or null (not muted).
export function conversationSettings(body) {
  requireObject(body);
  const result = {};
  if (body.notify !== undefined) {
    if (!NOTIFY_LEVELS.includes(body.notify)) throw bad(`notify must be one of ${NOTIFY_LEVELS.join(', ')}`);
    result.notify = body.notify;
  }
  if (body.mutedUntil !== undefined) {
    if (body.mutedUntil === null) {
      result.mutedUntil = null;
    } else {
      const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
      const time = typeof body.mutedUntil === 'string' && iso.test(body.mutedUntil) ? Date.parse(body.mutedUntil) : NaN;
      if (!Number.isFinite(time)) throw bad('mutedUntil must be an ISO-8601 time with a zone, or null');
      result.mutedUntil = new Date(time).toISOString();
    }
  }
  if (Object.keys(result).length === 0) throw bad('give notify, mutedUntil or both');
  return result;
}

// The q of a message search: 1 to 200 characters.
export function searchQuery(value) {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_SEARCH_QUERY) {
    throw bad(`q must be 1 to ${MAX_SEARCH_QUERY} characters`);
  }
  return value;
}
