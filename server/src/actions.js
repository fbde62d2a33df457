// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Message actions of contract v2: edit, delete (a tombstone) and reactions. Each runs its
// rule inside the store's transaction on the current row, so two writers cannot both
// pass a check; a change takes the conversation's next rev and goes out as
// message_updated, and doing what is already so changes nothing (the ack carries the
// message either way), which makes every action safe to resend.
import { AppError } from './errors.js';
import { nowIso } from './store.js';
import * as validate from './validate.js';

export const MAX_REACTION_EMOJI = 20;

// The reaction list with `userId`'s `emoji` set on or off, or null when it already is.
// A new emoji goes last, so the list stays in order of each emoji's first reaction.
export function withReaction(reactions, emoji, userId, on) {
  const index = reactions.findIndex((r) => r.emoji === emoji);
  const has = index >= 0 && reactions[index].userIds.includes(userId);
  if (has === on) return null;
  if (index < 0) {
    if (reactions.length >= MAX_REACTION_EMOJI) {
      throw new AppError('BAD_REQUEST', `a message has at most ${MAX_REACTION_EMOJI} different emoji`);
    }
    return [...reactions, { emoji, userIds: [userId] }];
  }
  const userIds = on ? [...reactions[index].userIds, userId] : reactions[index].userIds.filter((id) => id !== userId);
  if (userIds.length === 0) return reactions.filter((_, i) => i !== index);
  return reactions.map((r, i) => (i === index ? { emoji, userIds } : r));
}

// The fields a delete changes: nothing of what the message said remains.
export function tombstone() {
  return {
    content: '', format: 'plain', replyTo: null, editedAt: null, deletedAt: nowIso(), reactions: [], attachments: [], mentions: [],
  };
}

const gone = () => new AppError('GONE', 'the message was deleted');

export class MessageActions {
  constructor({ chat, store, messageLimiter, editWindowSeconds }) {
    this.chat = chat;
    this.store = store;
    this.messageLimiter = messageLimiter;
    this.editWindowMs = editWindowSeconds * 1000;
  }

  edit(user, payload) {
    const input = validate.editMessage(payload);
    this.chat.requireMember(input.conversationId, user.id);
    return this.apply(user, input, (message) => {
      if (message.senderId !== user.id) throw new AppError('FORBIDDEN', 'only the sender may edit a message');
      if (message.deletedAt) throw gone();
      const format = input.format ?? message.format; // no format: the message keeps its own
      if (message.content === input.content && message.format === format) return null;
      if (Date.now() - Date.parse(message.timestamp) > this.editWindowMs) {
        throw new AppError('EDIT_WINDOW_CLOSED', `a message can be edited for ${this.editWindowMs / 1000} s after it was sent`);
      }
      return { content: input.content, format, editedAt: nowIso() };
    });
  }

  // A tombstone keeps id, seq, sender and timestamp.
  delete(user, payload) {
    const input = validate.messageRef(payload);
    const conversation = this.chat.requireMember(input.conversationId, user.id);
    const isGroupAdmin = conversation.type === 'group' && this.store.participant(input.conversationId, user.id).role === 'admin';
    return this.apply(user, input, (message) => {
      if (message.senderId !== user.id && !isGroupAdmin) {
        throw new AppError('FORBIDDEN', "only the sender, or a group's admin, may delete a message");
      }
      return message.deletedAt ? null : tombstone();
    });
  }

  react(user, payload) {
    const input = validate.setReaction(payload);
    this.chat.requireMember(input.conversationId, user.id);
    return this.apply(user, input, (message) => {
      if (message.deletedAt) throw gone();
      const reactions = withReaction(message.reactions, input.emoji, user.id, input.on);
      return reactions && { reactions };
    });
  }

  // Returns { message }: the changed message, or the unchanged one when nothing changed.
  apply(user, { conversationId, messageId }, decide) {
    // Each action is a stored change sent to every participant, so it spends from the
    // same per-user bucket as sending (checked after validation, like a send).
    const limit = this.messageLimiter.take(user.id);
    if (!limit.ok) throw new AppError('RATE_LIMITED', 'too many messages and message actions', { retryAfter: limit.retryAfter });
    const result = this.store.updateMessage(conversationId, messageId, decide);
    if (!result) throw new AppError('NOT_FOUND', 'message not found in this conversation');
    this.store.files.removeBlobsUnlessReferenced(result.releasedFiles);
    if (result.changed) {
      const participantIds = this.chat.broadcastMessage('message_updated', result.message);
      if (result.isLast) this.chat.announceSoon(conversationId, participantIds); // it is the lastMessage
    }
    return { message: result.message };
  }
}
