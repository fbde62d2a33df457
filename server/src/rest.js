// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The REST API under /api (contract section 5), on plain node:http.
import { AppError, HTTP_STATUS, errorBody } from './errors.js';
import { TokenError } from './tokens.js';
import { BodyTooLarge, readBody, sendJson } from './http-util.js';
import { RESPONDED } from './file-service.js';
import * as validate from './validate.js';

const MAX_BODY = 1024 * 1024;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

function sendError(res, err) {
  const body = errorBody(err);
  const status = HTTP_STATUS[body.code] || 500;
  const headers = {};
  if (body.code === 'RATE_LIMITED' && body.retryAfter) headers['Retry-After'] = String(body.retryAfter);
  if (status === 401) headers['WWW-Authenticate'] = `Bearer error="invalid_token", error_description="${body.message}"`;
  sendJson(res, status, { success: false, error: body }, headers);
}

async function readJson(req) {
  const type = String(req.headers['content-type'] || '');
  if (!type.toLowerCase().startsWith('application/json')) throw new AppError('BAD_REQUEST', 'Content-Type must be application/json');
  let raw;
  try {
    raw = await readBody(req, MAX_BODY);
  } catch (err) {
    if (err instanceof BodyTooLarge) throw new AppError('BAD_REQUEST', `body larger than ${MAX_BODY} bytes`);
    throw err;
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST', 'body is not valid JSON');
  }
}

function limitFrom(query) {
  return validate.queryInt(query.get('limit'), 'limit', { fallback: DEFAULT_LIMIT, min: 1, max: MAX_LIMIT });
}

// Opaque cursors (conversations, search) are base64url.
function opaqueCursor(query) {
  const cursor = query.get('cursor') || null;
  if (cursor !== null && (cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor))) throw new AppError('BAD_REQUEST', 'invalid cursor');
  return cursor;
}

export function makeRestHandler({ chat, store, files, search, verifyAccessToken }) {
  async function authenticate(req) {
    const header = String(req.headers.authorization || '');
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header);
    if (!match) throw new AppError('INVALID_TOKEN', 'missing bearer token');
    let claims;
    try {
      claims = await verifyAccessToken(match[1]);
    } catch (err) {
      if (err instanceof TokenError) throw new AppError(err.code, err.message);
      throw err;
    }
    const user = store.userById(claims.sub);
    if (!user) throw new AppError('INVALID_TOKEN', 'unknown user');
    return { id: user.id, name: user.name };
  }

  const routes = [
    ['GET', /^\/api\/me$/, (user) => ({ data: store.publicUser(user.id) })],
    ['GET', /^\/api\/users$/, (user, { query }) => {
      const q = query.get('query') || '';
      if (q.length > 200) throw new AppError('BAD_REQUEST', 'query too long');
      return { data: store.searchUsers(q, limitFrom(query)) };
    }],
    ['GET', /^\/api\/conversations$/, (user, { query }) => chat.listConversations(user, { limit: limitFrom(query), cursor: opaqueCursor(query) })],
    ['POST', /^\/api\/conversations$/, async (user, { req }) => {
      const { conversation } = chat.createConversation(user, await readJson(req));
      return { status: 201, data: conversation };
    }],
    ['GET', /^\/api\/conversations\/([^/]+)\/messages$/, (user, { query, params }) => {
      const conversationId = validate.id(params[0], 'conversation id');
      if (query.has('around')) {
        if (query.has('cursor') || query.has('direction')) throw new AppError('BAD_REQUEST', 'around goes without cursor and direction');
        const around = validate.queryInt(query.get('around'), 'around', { min: 1 });
        if (around === null) throw new AppError('BAD_REQUEST', 'around must be a seq');
        return chat.messagesAround(user, conversationId, { around, limit: limitFrom(query) });
      }
      const direction = query.get('direction') || 'before';
      if (direction !== 'before' && direction !== 'after') throw new AppError('BAD_REQUEST', 'direction must be before or after');
      const cursor = validate.queryInt(query.get('cursor'), 'cursor');
      return chat.listMessages(user, conversationId, { limit: limitFrom(query), cursor, direction });
    }],
    ['GET', /^\/api\/conversations\/([^/]+)\/changes$/, (user, { query, params }) => {
      const conversationId = validate.id(params[0], 'conversation id');
      const since = validate.queryInt(query.get('since'), 'since', { fallback: 0 });
      return chat.changes(user, conversationId, { since, limit: limitFrom(query) });
    }],
    ['POST', /^\/api\/conversations\/([^/]+)\/messages$/, async (user, { req, params }) => {
      const conversationId = validate.id(params[0], 'conversation id');
      const body = await readJson(req);
      if (!validate.isPlainObject(body)) throw new AppError('BAD_REQUEST', 'body must be an object');
      if (body.conversationId !== undefined && body.conversationId !== conversationId) {
        throw new AppError('BAD_REQUEST', 'conversationId differs from the path');
      }
      // Idempotent: a resend answers like the first send (201 with the stored message).
      const { message } = await chat.sendMessage(user, { ...body, conversationId });
      return { status: 201, data: message };
    }],
    ['PUT', /^\/api\/conversations\/([^/]+)\/settings$/, async (user, { req, params }) => {
      const conversationId = validate.id(params[0], 'conversation id');
      return chat.updateSettings(user, conversationId, await readJson(req));
    }],
    ['POST', /^\/api\/conversations\/([^/]+)\/files$/, (user, { req, params }) => {
      return files.upload(user, validate.id(params[0], 'conversation id'), req);
    }],
    ['GET', /^\/api\/files\/([^/]+)$/, (user, { req, res, params }) => files.download(user, params[0], req, res)],
    ['GET', /^\/api\/files\/([^/]+)\/thumbnail$/, (user, { res, params }) => files.thumbnail(user, params[0], res)],
    ['GET', /^\/api\/search\/messages$/, (user, { query }) => {
      const q = validate.searchQuery(query.get('q'));
      const conversationId = query.has('conversationId') ? validate.id(query.get('conversationId'), 'conversationId') : null;
      if (conversationId) chat.requireMember(conversationId, user.id);
      const page = search.search({ userId: user.id, q, conversationId, limit: limitFrom(query), cursor: opaqueCursor(query) });
      if (!page) throw new AppError('BAD_REQUEST', 'invalid cursor');
      return { data: page.data, pagination: { hasMore: page.hasMore, cursor: page.cursor } };
    }],
  ];

  return async function handleRest(req, res, url) {
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') return false;
    try {
      let pathMatched = false;
      for (const [method, pattern, fn] of routes) {
        const match = pattern.exec(url.pathname);
        if (!match) continue;
        pathMatched = true;
        if (method !== req.method) continue;
        const user = await authenticate(req);
        const params = match.slice(1).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
        const result = await fn(user, { req, res, query: url.searchParams, params });
        if (result === RESPONDED) return true;
        const { status = 200, ...body } = result;
        sendJson(res, status, { success: true, ...body });
        return true;
      }
      if (pathMatched) sendJson(res, 405, { success: false, error: { code: 'BAD_REQUEST', message: 'method not allowed' } });
      else sendJson(res, 404, { success: false, error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
    } catch (err) {
      if (!(err instanceof AppError)) console.error('rest:', err);
      req.resume(); // a refused upload's body is dropped, so the answer goes out
      sendError(res, err);
    }
    return true;
  };
}
