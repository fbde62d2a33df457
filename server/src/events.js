// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Socket.IO: the auth middleware and the client-to-server events of the contract.
import { AppError, errorBody } from './errors.js';
import { TokenError } from './tokens.js';
import * as validate from './validate.js';
import { RateLimiter } from './ratelimit.js';

const KNOWN_EVENTS = new Set([
  'join_conversation', 'leave_conversation', 'send_message', 'typing_start', 'typing_stop', 'mark_read', 'update_presence',
  'edit_message', 'delete_message', 'set_reaction',
]);

function connectError(code, message, extra = {}) {
  const err = new Error(message);
  err.data = { code, ...extra };
  return err;
}

export function makeAuthMiddleware({ verifyAccessToken, store, connectLimiter }) {
  return async (socket, next) => {
    try {
      const limit = connectLimiter.take(socket.handshake.address || 'unknown');
      if (!limit.ok) return next(connectError('RATE_LIMITED', 'too many connections', { retryAfter: limit.retryAfter }));
      const auth = socket.handshake.auth;
      const token = auth && typeof auth === 'object' ? auth.token : undefined;
      const claims = await verifyAccessToken(token);
      const user = store.userById(claims.sub);
      if (!user) return next(connectError('INVALID_TOKEN', 'unknown user'));
      // A recovered session brings back its rooms: it must be the same user's.
      if (socket.recovered && socket.data.userId && socket.data.userId !== user.id) {
        return next(connectError('INVALID_TOKEN', 'the session to recover belongs to another user'));
      }
      socket.data.userId = user.id;
      socket.data.name = user.name;
      socket.data.status = socket.data.status || 'online';
      socket.data.tokenExpiresAt = claims.exp;
      return next();
    } catch (err) {
      if (err instanceof TokenError) return next(connectError(err.code, err.message));
      console.error('auth middleware:', err.message);
      return next(connectError('INVALID_TOKEN', 'could not check the token'));
    }
  };
}

export function registerEvents({ io, chat, actions, presence, typing, eventRate }) {
  // Protects the process from a socket flooding cheap events (typing, joins...).
  const eventLimiter = new RateLimiter(eventRate);
  io.on('connection', (socket) => {
    const user = { id: socket.data.userId, name: socket.data.name };
    socket.join(`user:${user.id}`);
    socket.emit('connected', { userId: user.id, name: user.name, serverTime: new Date().toISOString() });
    presence.connected(socket).catch((err) => console.error('presence:', err.message));

    const handle = (event, fn) => {
      socket.on(event, async (...args) => {
        const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
        let reply;
        try {
          const limit = eventLimiter.take(socket.id);
          if (!limit.ok) throw new AppError('RATE_LIMITED', 'too many events', { retryAfter: limit.retryAfter });
          reply = { ok: true, ...(await fn(args[0])) };
        } catch (err) {
          if (!(err instanceof AppError)) console.error(`${event}:`, err);
          reply = { ok: false, error: errorBody(err) };
        }
        if (ack) {
          ack(reply);
        } else if (!reply.ok) {
          socket.emit('error', reply.error);
        }
      });
    };

    handle('join_conversation', (payload) => {
      const { conversationId } = validate.conversationRef(payload);
      chat.requireMember(conversationId, user.id);
      socket.join(`conversation:${conversationId}`);
      return { conversation: chat.conversationFor(conversationId, user.id), typing: typing.typingUsers(conversationId).filter((id) => id !== user.id) };
    });

    handle('leave_conversation', (payload) => {
      const { conversationId } = validate.conversationRef(payload);
      chat.requireMember(conversationId, user.id);
      socket.leave(`conversation:${conversationId}`);
      typing.stop(conversationId, user.id);
      return {};
    });

    handle('send_message', async (payload) => {
      const { message, duplicate } = await chat.sendMessage(user, payload);
      return duplicate ? { message, duplicate: true } : { message };
    });

    handle('typing_start', (payload) => {
      const { conversationId } = validate.conversationRef(payload);
      chat.requireMember(conversationId, user.id);
      typing.start(conversationId, user.id, user.name, socket.id);
      return {};
    });

    handle('typing_stop', (payload) => {
      const { conversationId } = validate.conversationRef(payload);
      chat.requireMember(conversationId, user.id);
      typing.stop(conversationId, user.id);
      return {};
    });

    handle('mark_read', (payload) => chat.markRead(user, payload));

    handle('edit_message', (payload) => actions.edit(user, payload));
    handle('delete_message', (payload) => actions.delete(user, payload));
    handle('set_reaction', (payload) => actions.react(user, payload));

    handle('update_presence', async (payload) => {
      const { status } = validate.presence(payload);
      await presence.statusChanged(socket, status);
      return {};
    });

    socket.onAny((event, ...args) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args[args.length - 1];
      const error = { code: 'BAD_REQUEST', message: 'unknown event' };
      if (typeof ack === 'function') ack({ ok: false, error });
      else socket.emit('error', error);
    });

    socket.on('disconnect', () => {
      eventLimiter.forget(socket.id);
      typing.stopAllOfSocket(socket.id);
      presence.disconnected(socket).catch((err) => console.error('presence:', err.message));
    });
  });
  return eventLimiter;
}
