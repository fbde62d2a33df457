// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Typing states: one per (conversation, user), ended 5 s after the last typing_start.
// Each typing_start is re-broadcast so clients can drop a silent typer after 6 s.
export class Typing {
  constructor({ io, timeoutMs }) {
    this.io = io;
    this.timeoutMs = timeoutMs;
    this.states = new Map(); // "<conversationId>\n<userId>" -> { timer, socketId, userName }
  }

  static key(conversationId, userId) {
    return `${conversationId}\n${userId}`;
  }

  broadcast(conversationId, userId, userName, isTyping) {
    this.io.to(`conversation:${conversationId}`).except(`user:${userId}`)
      .emit('user_typing', { conversationId, userId, userName, isTyping });
  }

  start(conversationId, userId, userName, socketId) {
    const key = Typing.key(conversationId, userId);
    const existing = this.states.get(key);
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => this.stop(conversationId, userId), this.timeoutMs);
    timer.unref();
    this.states.set(key, { timer, socketId, userName });
    this.broadcast(conversationId, userId, userName, true);
  }

  stop(conversationId, userId) {
    const key = Typing.key(conversationId, userId);
    const existing = this.states.get(key);
    if (!existing) return;
    clearTimeout(existing.timer);
    this.states.delete(key);
    this.broadcast(conversationId, userId, existing.userName, false);
  }

  stopAllOfSocket(socketId) {
    for (const [key, state] of this.states) {
      if (state.socketId !== socketId) continue;
      const [conversationId, userId] = key.split('\n');
      this.stop(conversationId, userId);
    }
  }

  typingUsers(conversationId) {
    const prefix = `${conversationId}\n`;
    return [...this.states.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  close() {
    for (const state of this.states.values()) clearTimeout(state.timer);
    this.states.clear();
  }
}
