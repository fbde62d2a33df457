// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Presence: a user is online while any of their sockets is connected (on any server
// process), "away" when every connected device said so. Changes go to everyone who
// shares a conversation with the user, as presence_update.
import { nowIso } from './store.js';

const OFFLINE = { isOnline: false, status: 'offline', lastSeen: null };

export class Presence {
  constructor({ io, store, clustered = false }) {
    this.io = io;
    this.store = store;
    this.clustered = clustered; // other processes share the rooms (Redis adapter)
    this.local = new Map(); // userId -> Map(socketId -> status)
    this.remote = new Map(); // userId -> last state announced by another process
    this.announced = new Map(); // userId -> last state this process broadcast
    this.lastSeen = new Map(); // userId -> ISO time
    this.inflight = new Set();
    this.closed = false;
    // Other processes (Redis adapter) tell us about their users' presence.
    io.on('ringchat:presence', (state) => {
      if (state && typeof state.userId === 'string') {
        this.remote.set(state.userId, state);
        this.announced.set(state.userId, state);
      }
    });
  }

  // For Conversation payloads: the best knowledge this process has, without a round trip.
  stateOf(userId) {
    const sockets = this.local.get(userId);
    if (sockets && sockets.size > 0) {
      const status = [...sockets.values()].includes('online') ? 'online' : 'away';
      return { isOnline: true, status, lastSeen: this.lastSeen.get(userId) || null };
    }
    const remote = this.remote.get(userId);
    if (remote?.isOnline) return remote;
    return { ...OFFLINE, lastSeen: remote?.lastSeen || this.lastSeen.get(userId) || null };
  }

  async connected(socket) {
    const { userId } = socket.data;
    if (!this.local.has(userId)) this.local.set(userId, new Map());
    this.local.get(userId).set(socket.id, socket.data.status || 'online');
    await this.refresh(userId);
  }

  async statusChanged(socket, status) {
    socket.data.status = status;
    const sockets = this.local.get(socket.data.userId);
    if (sockets?.has(socket.id)) sockets.set(socket.id, status);
    await this.refresh(socket.data.userId);
  }

  async disconnected(socket) {
    const { userId } = socket.data;
    const sockets = this.local.get(userId);
    if (sockets) {
      sockets.delete(socket.id);
      if (sockets.size === 0) this.local.delete(userId);
    }
    await this.refresh(userId);
  }

  // At shutdown every socket disconnects; that is not news worth a broadcast. Resolves
  // once the refreshes already under way are done (they may still be talking to Redis,
  // which must stay open until then).
  close() {
    this.closed = true;
    return Promise.allSettled([...this.inflight]);
  }

  refresh(userId) {
    if (this.closed) return Promise.resolve();
    const work = this.refreshNow(userId).finally(() => this.inflight.delete(work));
    this.inflight.add(work);
    return work;
  }

  // Works out the user's state across all processes and broadcasts it when it changed.
  async refreshNow(userId) {
    let statuses;
    try {
      const sockets = await this.io.in(`user:${userId}`).fetchSockets();
      statuses = sockets.map((s) => s.data?.status || 'online');
    } catch {
      statuses = [...(this.local.get(userId)?.values() || [])];
    }
    const isOnline = statuses.length > 0;
    const status = !isOnline ? 'offline' : (statuses.includes('online') ? 'online' : 'away');
    if (this.closed) return;
    const previous = this.announced.get(userId);
    if (previous && previous.isOnline === isOnline && previous.status === status) return;
    const lastSeen = nowIso();
    this.lastSeen.set(userId, lastSeen);
    this.store.setLastSeen(userId, lastSeen);
    const state = { userId, isOnline, status, lastSeen };
    this.announced.set(userId, state);
    this.remote.delete(userId);
    const rooms = this.store.sharedUserIds(userId).concat(userId).map((id) => `user:${id}`);
    this.io.to(rooms).emit('presence_update', state);
    if (this.clustered) {
      try {
        this.io.serverSideEmit('ringchat:presence', state);
      } catch (err) {
        console.error('presence: could not tell the other processes:', err.message);
      }
    }
  }
}
