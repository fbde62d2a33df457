// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The chat rules shared by Socket.IO events and REST: membership, idempotent sends with
// gap-free seq, read markers, conversation views, and the broadcasts they cause.
// Edits, deletes and reactions are in actions.js and broadcast through this class.
import { AppError } from './errors.js';
import { GroupCommit } from './group-commit.js';
import * as validate from './validate.js';

// A flood's conversation_updated: the first at the end of its turn, then at most one per
// this many ms (a trailing one carries the latest state), so a conversation taking
// thousands of messages a second costs a few views a second, not one per turn.
export const ANNOUNCE_INTERVAL_MS = 100;

const notFound = () => new AppError('NOT_FOUND', 'conversation not found');
const notMember = () => new AppError('FORBIDDEN', 'not a participant of this conversation');

export class ChatService {
  constructor({ io, store, search, presence, typing, messageLimiter }) {
    this.io = io;
    this.store = store;
    this.search = search; // the message index, told of each new message
    this.presence = presence;
    this.typing = typing;
    this.messageLimiter = messageLimiter;
    this.announcing = new Map(); // conversation id -> { participantIds, again, timer }
    // The sends of one event-loop turn are stored in one transaction (group-commit.js).
    this.sends = new GroupCommit(store.db, (send) => store.writeMessage(send));
  }

  // Stores the sends still queued; later ones are refused.
  close() {
    this.sends.close();
    for (const pending of this.announcing.values()) clearTimeout(pending.timer);
    this.announcing.clear(); // an announce still queued finds itself gone
  }

  requireMember(conversationId, userId) {
    const row = this.store.conversationRow(conversationId);
    if (!row) throw notFound();
    if (!this.store.isParticipant(conversationId, userId)) throw notMember();
    return row;
  }

  // requireMember's check in one query, for the send path, which needs the participant
  // ids anyway (it broadcasts to them): returns them. A conversation always has its creator.
  requireMemberIds(conversationId, userId) {
    const participantIds = this.store.participantIds(conversationId);
    if (!participantIds.length) throw notFound();
    if (!participantIds.includes(userId)) throw notMember();
    return participantIds;
  }

  conversationFor(conversationId, userId) {
    return this.store.conversationView(conversationId, userId, this.presence);
  }

  // Sends conversation_updated to each participant with their own unreadCount.
  announceConversation(conversationId, userIds = this.store.participantIds(conversationId)) {
    for (const userId of userIds) {
      this.io.to(`user:${userId}`).emit('conversation_updated', this.conversationFor(conversationId, userId));
    }
  }

  // conversation_updated after new messages (message_received carries each message):
  // the first at the end of the turn that stored it, then at most one every
  // ANNOUNCE_INTERVAL_MS while messages keep coming, the last with the latest state.
  announceSoon(conversationId, participantIds) {
    const pending = this.announcing.get(conversationId);
    if (pending) {
      pending.participantIds = participantIds;
      pending.again = true;
      return;
    }
    const state = { participantIds, again: false, timer: null };
    this.announcing.set(conversationId, state);
    const announce = () => {
      if (this.announcing.get(conversationId) !== state) return;
      state.again = false;
      this.announceConversation(conversationId, state.participantIds);
      state.timer = setTimeout(() => {
        if (state.again) announce();
        else this.announcing.delete(conversationId);
      }, ANNOUNCE_INTERVAL_MS);
      state.timer.unref();
    };
    setImmediate(announce);
  }

  // message_received / message_updated go to the conversation's room and to every
  // participant's user room (a socket in both gets it once). Returns the participant ids.
  broadcastMessage(event, message, participantIds = this.store.participantIds(message.conversationId)) {
    const rooms = [`conversation:${message.conversationId}`, ...participantIds.map((id) => `user:${id}`)];
    this.io.to(rooms).emit(event, message);
    return participantIds;
  }

  // Resolves with { message, duplicate } once the message is committed (then it is
  // broadcast; a turn's sends are committed together and broadcast in seq order). A
  // duplicate (same sender and clientId) is not stored or broadcast again: the caller
  // gets the stored message. Bad input is refused before anything is queued.
  async sendMessage(user, payload) {
    const input = validate.sendMessage(payload);
    const participantIds = this.requireMemberIds(input.conversationId, user.id);
    if (input.replyTo) { // the one extra lookup of a send, and only for a reply
      if (!this.store.hasMessage(input.conversationId, input.replyTo)) {
        throw new AppError('BAD_REQUEST', 'replyTo is not a message of this conversation');
      }
    }
    if (!input.mentions.every((id) => participantIds.includes(id))) {
      throw new AppError('BAD_REQUEST', 'each of mentions must be a participant of this conversation');
    }
    // attachments are checked by the store, inside the send's transaction.
    // Checked after validation so a malformed message gets its real error; floods of
    // malformed events are bounded by the per-socket event limiter instead.
    const limit = this.messageLimiter.take(user.id);
    if (!limit.ok) throw new AppError('RATE_LIMITED', 'too many messages', { retryAfter: limit.retryAfter });
    const result = await this.sends.add({ ...input, senderId: user.id, senderName: user.name });
    if (result.conflict) throw new AppError('BAD_REQUEST', 'clientId already used for a message in another conversation');
    if (!result.duplicate) {
      const { message } = result;
      this.search.indexSoon();
      this.typing.stop(message.conversationId, user.id);
      this.broadcastMessage('message_received', message, participantIds);
      this.announceSoon(message.conversationId, participantIds);
    }
    return result;
  }

  // Returns { lastReadSeq }; the marker only moves forward.
  markRead(user, payload) {
    const input = validate.markRead(payload);
    this.requireMember(input.conversationId, user.id);
    let upToSeq = input.upToSeq;
    if (input.messageIds) {
      upToSeq = this.store.maxSeqOfMessageIds(input.conversationId, input.messageIds);
      if (upToSeq === null) throw new AppError('NOT_FOUND', 'none of messageIds is in this conversation');
    }
    const result = this.store.markRead(input.conversationId, user.id, upToSeq);
    if (result.moved) {
      const participantIds = this.store.participantIds(input.conversationId);
      const rooms = [`conversation:${input.conversationId}`, ...participantIds.map((id) => `user:${id}`)];
      this.io.to(rooms).emit('messages_read', {
        conversationId: input.conversationId,
        userId: user.id,
        lastReadSeq: result.lastReadSeq,
        readAt: result.lastReadAt,
      });
      this.announceConversation(input.conversationId, [user.id]); // the reader's unreadCount changed
    }
    return { lastReadSeq: result.lastReadSeq };
  }

  createConversation(user, body) {
    const input = validate.createConversation(body);
    const others = [...new Set(input.participantIds)].filter((id) => id !== user.id);
    if (input.type === 'direct' && others.length !== 1) {
      throw new AppError('BAD_REQUEST', 'a direct conversation has exactly one other participant');
    }
    if (input.type === 'group' && others.length < 1) {
      throw new AppError('BAD_REQUEST', 'a group needs at least one other participant');
    }
    for (const id of others) {
      if (!this.store.userById(id)) throw new AppError('BAD_REQUEST', `unknown user ${id}`);
    }
    const { id, created } = this.store.createConversation({
      type: input.type, title: input.type === 'group' ? input.title : null, creatorId: user.id, memberIds: others,
    });
    if (created) this.announceConversation(id);
    return { conversation: this.conversationFor(id, user.id), created };
  }

  listConversations(user, { limit, cursor }) {
    const page = this.store.conversationsForUser(user.id, limit, cursor);
    if (!page) throw new AppError('BAD_REQUEST', 'invalid cursor');
    return {
      data: page.ids.map((id) => this.conversationFor(id, user.id)),
      pagination: { hasMore: page.hasMore, cursor: page.cursor },
    };
  }

  listMessages(user, conversationId, { limit, cursor, direction }) {
    this.requireMember(conversationId, user.id);
    const page = this.store.messages(conversationId, { limit, cursor, direction });
    return { data: page.data, pagination: { hasMore: page.hasMore, cursor: page.cursor } };
  }

  messagesAround(user, conversationId, { around, limit }) {
    this.requireMember(conversationId, user.id);
    const page = this.store.messagesAround(conversationId, { seq: around, limit });
    return { data: page.data, pagination: { hasMoreBefore: page.hasMoreBefore, hasMoreAfter: page.hasMoreAfter } };
  }

  // PUT /api/conversations/:id/settings: the caller's own; their other devices hear of a
  // change through conversation_updated in their user room (nobody else's).
  updateSettings(user, conversationId, body) {
    const change = validate.conversationSettings(body);
    this.requireMember(conversationId, user.id);
    const changed = this.store.setSettings(conversationId, user.id, change);
    const conversation = this.conversationFor(conversationId, user.id);
    if (changed) this.io.to(`user:${user.id}`).emit('conversation_updated', conversation);
    return { data: conversation };
  }

  changes(user, conversationId, { since, limit }) {
    this.requireMember(conversationId, user.id);
    const page = this.store.changes(conversationId, { since, limit });
    return { data: page.data, pagination: { hasMore: page.hasMore, cursor: page.cursor } };
  }
}
