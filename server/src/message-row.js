// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The one place a stored message becomes the contract's Message (v2): the SELECT every
// message query uses and the row-to-wire mapping. The reply preview comes from a LEFT
// JOIN on the replied-to row, so it is a snapshot as of serving and costs no extra query.
export const SNIPPET_LENGTH = 140;

export const MESSAGE_COLUMNS = `m.id, m.conversationId, m.seq, m.rev, m.clientId, m.senderId,
  u.name AS senderName, m.content, m.format, m.type, m.replyTo, m.timestamp, m.editedAt, m.deletedAt, m.reactions,
  m.attachments, m.mentions, r.seq AS replySeq, r.senderId AS replySenderId, ru.name AS replySenderName,
  substr(r.content, 1, ${SNIPPET_LENGTH}) AS replySnippet, r.deletedAt AS replyDeletedAt`;
export const MESSAGE_FROM = `FROM messages m JOIN users u ON u.id = m.senderId
  LEFT JOIN messages r ON r.id = m.replyTo LEFT JOIN users ru ON ru.id = r.senderId`;
export const MESSAGE_SELECT = `SELECT ${MESSAGE_COLUMNS} ${MESSAGE_FROM}`;

// The row of a message just inserted without a reply (nothing edited, deleted or reacted
// yet): a send builds its Message from it instead of reading the row back. Fields are
// spelled out: an object spread here cost half of a send's time in the store.
export function newMessageRow(r, senderName) {
  return {
    id: r.id, conversationId: r.conversationId, seq: r.seq, rev: r.rev, clientId: r.clientId, senderId: r.senderId,
    senderName, content: r.content, format: r.format, type: r.type, replyTo: null, timestamp: r.timestamp,
    editedAt: null, deletedAt: null, reactions: '[]', attachments: r.attachments, mentions: r.mentions, replySeq: null,
  };
}

// A JSON list column -> its value (most are empty). reactions is stored as [{emoji, userIds}]
// in order of each emoji's first reaction; attachments and mentions in their wire form.
export function parseList(text) {
  return text === '[]' ? [] : JSON.parse(text);
}

function replyPreview(row) {
  const deleted = row.replyDeletedAt !== null;
  return {
    messageId: row.replyTo,
    seq: row.replySeq,
    senderId: row.replySenderId,
    senderName: row.replySenderName,
    snippet: deleted ? '' : row.replySnippet,
    deleted,
  };
}

export function toMessage(row) {
  const message = {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    rev: row.rev,
    clientId: row.clientId,
    senderId: row.senderId,
    senderName: row.senderName,
    content: row.content,
    format: row.format,
    type: row.type,
    timestamp: row.timestamp,
  };
  if (row.editedAt) message.editedAt = row.editedAt;
  if (row.deletedAt) message.deletedAt = row.deletedAt;
  if (row.replyTo) {
    message.replyTo = row.replyTo;
    if (row.replySeq !== null) message.replyPreview = replyPreview(row);
  }
  message.reactions = parseList(row.reactions).map((r) => ({ emoji: r.emoji, count: r.userIds.length, userIds: r.userIds }));
  message.attachments = parseList(row.attachments); // stored in the wire form (files.js toAttachment)
  message.mentions = parseList(row.mentions);
  return message;
}
