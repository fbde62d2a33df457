// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// All SQL of the chat lives here: users, conversations, participants, messages.
// Methods take and return plain objects in the wire shape of the contract (sections 3 and 6.1).
import crypto from 'node:crypto';
import { hashPassword } from './passwords.js';
import { MESSAGE_SELECT, newMessageRow, parseList, toMessage } from './message-row.js';

export function nowIso() {
  return new Date().toISOString();
}

function newId(prefix) {
  return `${prefix}_${crypto.randomBytes(12).toString('base64url')}`;
}

function toUser(row) {
  const user = { id: row.id, name: row.name };
  if (row.avatarUrl) user.avatarUrl = row.avatarUrl;
  return user;
}

// The viewer's own Conversation.settings from their participants row.
function settingsOf(participantRow) {
  const settings = { notify: participantRow ? participantRow.notify : 'all' };
  if (participantRow?.mutedUntil) settings.mutedUntil = participantRow.mutedUntil;
  return settings;
}

export class ChatStore {
  // `files`: the FileStore (files.js) whose uploads messages take as attachments.
  constructor(db, files) {
    this.db = db;
    this.files = files;
    const q = (sql) => db.prepare(sql);
    this.sql = {
      userById: q('SELECT * FROM users WHERE id = ?'),
      userByLogin: q('SELECT * FROM users WHERE login = ?'),
      insertUser: q(`INSERT INTO users (id, login, name, avatarUrl, passwordHash, createdAt)
                     VALUES (@id, @login, @name, @avatarUrl, @passwordHash, @createdAt)`),
      searchUsers: q(`SELECT * FROM users WHERE name LIKE @pattern ESCAPE '\\' OR login LIKE @pattern ESCAPE '\\'
                      ORDER BY name, id LIMIT @limit`),
      setLastSeen: q('UPDATE users SET lastSeenAt = ? WHERE id = ?'),
      conversation: q('SELECT * FROM conversations WHERE id = ?'),
      conversationByDirectKey: q('SELECT * FROM conversations WHERE directKey = ?'),
      insertConversation: q(`INSERT INTO conversations (id, type, title, directKey, lastSeq, createdAt, updatedAt)
                             VALUES (@id, @type, @title, @directKey, 0, @now, @now)`),
      insertParticipant: q(`INSERT INTO participants (conversationId, userId, role, joinedAt, lastReadSeq)
                            VALUES (?, ?, ?, ?, 0)`),
      participants: q(`SELECT p.*, u.name, u.lastSeenAt FROM participants p JOIN users u ON u.id = p.userId
                       WHERE p.conversationId = ? ORDER BY p.joinedAt, p.userId`),
      participant: q('SELECT * FROM participants WHERE conversationId = ? AND userId = ?'),
      participantIds: q('SELECT userId FROM participants WHERE conversationId = ?').pluck(), // on the primary key alone
      conversationsForUser: q(`SELECT c.* FROM conversations c JOIN participants p ON p.conversationId = c.id
                               WHERE p.userId = @userId
                                 AND (@cursorTime IS NULL OR c.updatedAt < @cursorTime
                                      OR (c.updatedAt = @cursorTime AND c.id < @cursorId))
                               ORDER BY c.updatedAt DESC, c.id DESC LIMIT @limit`),
      sharedUserIds: q(`SELECT DISTINCT p2.userId FROM participants p1
                        JOIN participants p2 ON p2.conversationId = p1.conversationId
                        WHERE p1.userId = ?`),
      messageByClientId: q(`${MESSAGE_SELECT} WHERE m.senderId = ? AND m.clientId = ?`),
      messageById: q(`${MESSAGE_SELECT} WHERE m.id = ?`),
      // A new message takes the next seq and the next rev together.
      bumpSeq: q('UPDATE conversations SET lastSeq = lastSeq + 1, rev = rev + 1, updatedAt = ? WHERE id = ? RETURNING lastSeq, rev'),
      insertMessage: q(`INSERT INTO messages (id, conversationId, seq, rev, clientId, senderId, content, format, type, replyTo,
                                              timestamp, attachments, mentions)
                        VALUES (@id, @conversationId, @seq, @rev, @clientId, @senderId, @content, @format, @type, @replyTo,
                                @timestamp, @attachments, @mentions)`),
      insertMention: q('INSERT OR IGNORE INTO message_mentions (userId, conversationId, seq) VALUES (?, ?, ?)'),
      deleteMentions: q('DELETE FROM message_mentions WHERE conversationId = ? AND seq = ?'),
      unreadMentions: q('SELECT COUNT(*) AS n FROM message_mentions WHERE userId = ? AND conversationId = ? AND seq > ?'),
      setSettings: q(`UPDATE participants SET notify = @notify, mutedUntil = @mutedUntil
                      WHERE conversationId = @conversationId AND userId = @userId
                        AND (notify IS NOT @notify OR mutedUntil IS NOT @mutedUntil)`),
      lastMessage: q(`${MESSAGE_SELECT} WHERE m.conversationId = ? ORDER BY m.seq DESC LIMIT 1`),
      messagesBefore: q(`${MESSAGE_SELECT} WHERE m.conversationId = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?`),
      messagesAfter: q(`${MESSAGE_SELECT} WHERE m.conversationId = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?`),
      changesSince: q(`${MESSAGE_SELECT} WHERE m.conversationId = ? AND m.rev > ? ORDER BY m.rev ASC LIMIT ?`),
      storedMessage: q('SELECT * FROM messages WHERE id = ? AND conversationId = ?'),
      hasMessage: q('SELECT 1 FROM messages WHERE id = ? AND conversationId = ?'),
      // A change takes the next rev; a change to the newest message also moves updatedAt
      // (the conversation list shows that message).
      bumpRev: q(`UPDATE conversations SET rev = rev + 1,
                    updatedAt = CASE WHEN lastSeq = @seq THEN @now ELSE updatedAt END
                  WHERE id = @conversationId RETURNING rev, lastSeq`),
      updateMessage: q(`UPDATE messages SET rev = @rev, content = @content, format = @format, replyTo = @replyTo,
                          editedAt = @editedAt, deletedAt = @deletedAt, reactions = @reactions,
                          attachments = @attachments, mentions = @mentions WHERE id = @id`),
      advanceRead: q(`UPDATE participants SET lastReadSeq = @seq, lastReadAt = @now
                      WHERE conversationId = @conversationId AND userId = @userId AND lastReadSeq < @seq`),
      maxSeqOfIds: q(`SELECT MAX(seq) AS seq FROM messages WHERE conversationId = ? AND id IN (SELECT value FROM json_each(?))`),
    };
  }

  // ---- users

  userById(id) {
    return this.sql.userById.get(id);
  }

  userByLogin(login) {
    return this.sql.userByLogin.get(login);
  }

  publicUser(id) {
    const row = this.userById(id);
    return row ? toUser(row) : null;
  }

  createUser({ id, login, name, password, avatarUrl = null }) {
    this.sql.insertUser.run({
      id, login, name, avatarUrl,
      passwordHash: password ? hashPassword(password) : null,
      createdAt: nowIso(),
    });
    return this.publicUser(id);
  }

  searchUsers(query, limit) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.sql.searchUsers.all({ pattern, limit }).map(toUser);
  }

  setLastSeen(userId, at) {
    this.sql.setLastSeen.run(at, userId);
  }

  // ---- conversations

  conversationRow(id) {
    return this.sql.conversation.get(id);
  }

  // The participant's row ({role, lastReadSeq, ...}), or null.
  participant(conversationId, userId) {
    return this.sql.participant.get(conversationId, userId) || null;
  }

  isParticipant(conversationId, userId) {
    return this.participant(conversationId, userId) !== null;
  }

  // The participants' user ids (none: no such conversation).
  participantIds(conversationId) {
    return this.sql.participantIds.all(conversationId);
  }

  sharedUserIds(userId) {
    return this.sql.sharedUserIds.all(userId).map((r) => r.userId);
  }

  // Returns { id, created }. A direct conversation between two users exists once.
  createConversation({ type, title = null, creatorId, memberIds, id = null }) {
    const others = [...new Set(memberIds)].filter((m) => m !== creatorId);
    const directKey = type === 'direct' ? [creatorId, others[0]].sort().join('|') : null;
    return this.db.transaction(() => {
      if (directKey) {
        const existing = this.sql.conversationByDirectKey.get(directKey);
        if (existing) return { id: existing.id, created: false };
      }
      const now = nowIso();
      const conversationId = id || newId('c');
      this.sql.insertConversation.run({ id: conversationId, type, title, directKey, now });
      this.sql.insertParticipant.run(conversationId, creatorId, type === 'group' ? 'admin' : 'member', now);
      for (const userId of others) this.sql.insertParticipant.run(conversationId, userId, 'member', now);
      return { id: conversationId, created: true };
    }).immediate();
  }

  // The Conversation object as `viewerId` sees it (unreadCount is theirs).
  conversationView(conversationId, viewerId, presence) {
    const row = this.conversationRow(conversationId);
    if (!row) return null;
    const rows = this.sql.participants.all(conversationId);
    const participants = rows.map((p) => {
      const state = presence.stateOf(p.userId);
      const participant = {
        userId: p.userId,
        name: p.name,
        role: p.role,
        joinedAt: p.joinedAt,
        lastReadSeq: p.lastReadSeq,
        isOnline: state.isOnline,
      };
      if (p.lastReadAt) participant.lastReadAt = p.lastReadAt;
      const lastSeen = state.lastSeen || p.lastSeenAt;
      if (lastSeen) participant.lastSeen = lastSeen;
      return participant;
    });
    const me = participants.find((p) => p.userId === viewerId);
    const myRow = rows.find((p) => p.userId === viewerId);
    const last = this.sql.lastMessage.get(conversationId);
    const view = {
      id: row.id,
      type: row.type,
      participants,
      lastSeq: row.lastSeq,
      rev: row.rev,
      // Sending moves the sender's own marker to the message, so everything above a
      // marker is someone else's: no need to count rows (O(unread) per message).
      unreadCount: me ? Math.max(0, row.lastSeq - me.lastReadSeq) : 0,
      // Counted on the message_mentions index, and only when something is unread.
      unreadMentionCount: me && row.lastSeq > me.lastReadSeq ? this.sql.unreadMentions.get(viewerId, conversationId, me.lastReadSeq).n : 0,
      settings: settingsOf(myRow),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    if (row.title) view.title = row.title;
    if (last) view.lastMessage = toMessage(last);
    return view;
  }

  // Cursor is opaque to clients: base64url of "<updatedAt>|<id>" of the last row returned.
  conversationsForUser(userId, limit, cursor) {
    let cursorTime = null;
    let cursorId = null;
    if (cursor) {
      const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
      const bar = decoded.indexOf('|');
      if (bar < 0) return null;
      cursorTime = decoded.slice(0, bar);
      cursorId = decoded.slice(bar + 1);
    }
    const rows = this.sql.conversationsForUser.all({ userId, cursorTime, cursorId, limit: limit + 1 });
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const lastRow = page[page.length - 1];
    return {
      ids: page.map((r) => r.id),
      hasMore,
      cursor: hasMore && lastRow ? Buffer.from(`${lastRow.updatedAt}|${lastRow.id}`).toString('base64url') : null,
    };
  }

  // ---- messages

  hasMessage(conversationId, id) {
    return !!this.sql.hasMessage.get(id, conversationId);
  }

  // Stores a message in its own IMMEDIATE transaction (see writeMessage).
  sendMessage(send) {
    return this.db.transaction(() => this.writeMessage(send)).immediate();
  }

  // Stores a message once per (senderId, clientId) and gives it the next seq of its
  // conversation. The caller holds an IMMEDIATE transaction (sendMessage, or the group
  // commit of chat.js), so concurrent writers (even other processes on the same file)
  // cannot take the same seq or leave a gap.
  // Returns { message, duplicate } or { conflict: true } when the clientId was used
  // by this sender in another conversation. `senderName` is the sender's name (the
  // Message carries it; passing it saves reading the new row back). `attachments` are
  // upload ids (checked and taken here), `mentions` user ids (the caller checked them).
  writeMessage({ conversationId, senderId, senderName, clientId, content, format = 'plain', type = 'text', replyTo = null,
    attachments: attachmentIds = [], mentions = [] }) {
    const existing = this.sql.messageByClientId.get(senderId, clientId);
    if (existing) {
      if (existing.conversationId !== conversationId) return { conflict: true };
      return { message: toMessage(existing), duplicate: true };
    }
    // Only a message with attachments or mentions pays for them.
    const attachments = attachmentIds.length ? JSON.stringify(this.files.claimable({ conversationId, senderId, ids: attachmentIds })) : '[]';
    const timestamp = nowIso();
    const { lastSeq: seq, rev } = this.sql.bumpSeq.get(timestamp, conversationId);
    const row = {
      id: crypto.randomUUID(), conversationId, seq, rev, clientId, senderId, content, format, type, replyTo, timestamp,
      attachments, mentions: mentions.length ? JSON.stringify(mentions) : '[]',
    };
    this.sql.insertMessage.run(row);
    if (attachmentIds.length) this.files.use(attachmentIds, row.id);
    for (const userId of mentions) this.sql.insertMention.run(userId, conversationId, seq);
    // Sending implies having read everything up to one's own message.
    this.sql.advanceRead.run({ seq, now: timestamp, conversationId, userId: senderId });
    // Only a reply is read back, for its replyPreview (the one extra query of the send path).
    const stored = replyTo ? this.sql.messageById.get(row.id) : newMessageRow(row, senderName);
    return { message: toMessage(stored), duplicate: false };
  }

  // Sets the user's own settings ({notify?, mutedUntil?}: an absent one stays); returns
  // whether anything changed.
  setSettings(conversationId, userId, change) {
    const current = this.participant(conversationId, userId);
    const next = { notify: current.notify, mutedUntil: current.mutedUntil, ...change };
    return this.sql.setSettings.run({ conversationId, userId, ...next }).changes > 0;
  }

  // direction 'before': the `limit` messages just below `cursor` (or the newest);
  // 'after': the `limit` messages just above `cursor` (or from the start). Always ascending.
  messages(conversationId, { limit, cursor, direction }) {
    if (direction === 'after') {
      const from = cursor ?? 0;
      const rows = this.sql.messagesAfter.all(conversationId, from, limit + 1);
      const hasMore = rows.length > limit;
      const page = rows.slice(0, limit).map(toMessage);
      return { data: page, hasMore, cursor: page.length ? page[page.length - 1].seq : from };
    }
    const below = cursor ?? Number.MAX_SAFE_INTEGER;
    const rows = this.sql.messagesBefore.all(conversationId, below, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit).reverse().map(toMessage);
    return { data: page, hasMore, cursor: page.length ? page[0].seq : (cursor ?? null) };
  }

  // The messages around `seq` (included), ascending: about half before it, the rest from
  // it on, and more on one side when the other runs out.
  messagesAround(conversationId, { seq, limit }) {
    const before = this.sql.messagesBefore.all(conversationId, seq, limit + 1); // + 1: is there more?
    const from = this.sql.messagesAfter.all(conversationId, seq - 1, limit + 1);
    const takeBefore = Math.min(before.length, Math.max(Math.floor(limit / 2), limit - from.length));
    const takeFrom = Math.min(from.length, limit - takeBefore);
    return {
      data: [...before.slice(0, takeBefore).reverse(), ...from.slice(0, takeFrom)].map(toMessage),
      hasMoreBefore: before.length > takeBefore,
      hasMoreAfter: from.length > takeFrom,
    };
  }

  // The messages whose rev is above `since`, ascending by rev; cursor = the last rev returned.
  changes(conversationId, { since, limit }) {
    const rows = this.sql.changesSince.all(conversationId, since, limit + 1);
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit).map(toMessage);
    return { data: page, hasMore, cursor: page.length ? page[page.length - 1].rev : since };
  }

  // Changes one stored message in one IMMEDIATE transaction: `decide(stored)` gets the
  // row ({...columns, reactions: [{emoji, userIds}]}) and returns the fields to change, or
  // null when nothing changes (then nothing is written and no rev is taken); it may throw
  // to refuse. Returns null for a message not in the conversation, else
  // { message, changed, isLast, releasedFiles } (isLast: it is the conversation's newest
  // message; releasedFiles: the sha256s of a deleted message's files, for
  // FileStore.removeBlobsUnlessReferenced once committed).
  updateMessage(conversationId, messageId, decide) {
    return this.db.transaction(() => {
      const stored = this.sql.storedMessage.get(messageId, conversationId);
      if (!stored) return null;
      const current = {
        ...stored, reactions: parseList(stored.reactions), attachments: parseList(stored.attachments), mentions: parseList(stored.mentions),
      };
      const change = decide(current);
      let isLast = false;
      let releasedFiles = [];
      if (change) {
        const next = { ...current, ...change };
        const { rev, lastSeq } = this.sql.bumpRev.get({ seq: stored.seq, now: nowIso(), conversationId });
        isLast = lastSeq === stored.seq;
        this.sql.updateMessage.run({
          id: messageId, rev, content: next.content, format: next.format, replyTo: next.replyTo,
          editedAt: next.editedAt, deletedAt: next.deletedAt, reactions: JSON.stringify(next.reactions),
          attachments: JSON.stringify(next.attachments), mentions: JSON.stringify(next.mentions),
        });
        if (next.deletedAt && !stored.deletedAt) { // a tombstone keeps no files and mentions nobody
          releasedFiles = this.files.releaseMessage(messageId);
          this.sql.deleteMentions.run(conversationId, stored.seq);
        }
      }
      return { message: toMessage(this.sql.messageById.get(messageId)), changed: !!change, isLast, releasedFiles };
    }).immediate();
  }

  maxSeqOfMessageIds(conversationId, ids) {
    return this.sql.maxSeqOfIds.get(conversationId, JSON.stringify(ids)).seq;
  }

  // Moves the read marker forward only. Returns { lastReadSeq, lastReadAt, moved }.
  markRead(conversationId, userId, upToSeq) {
    return this.db.transaction(() => {
      const conversation = this.conversationRow(conversationId);
      const target = Math.min(upToSeq, conversation.lastSeq);
      const now = nowIso();
      const moved = this.sql.advanceRead.run({ seq: target, now, conversationId, userId }).changes > 0;
      const p = this.sql.participant.get(conversationId, userId);
      return { lastReadSeq: p.lastReadSeq, lastReadAt: p.lastReadAt || null, moved };
    }).immediate();
  }
}
