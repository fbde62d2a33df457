// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A turn's frames leave a connection together: a group commit settles a whole batch of sends
// at once, and each ack and broadcast would otherwise be its own write system call on
// each socket (three per message under a flood). The first write of a turn corks the
// socket; it is uncorked once the turn's promise jobs have run (a nextTick queued from
// a promise job runs after the microtask queue drains), so nothing waits for I/O.
// Engine.IO sends a turn's first frame at once and holds the rest until that write is
// done, so a busy turn costs two writes on a socket instead of one per frame.
export function coalesceTurnWrites(socket) {
  const write = socket.write;
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  socket.write = function coalescedWrite(...args) {
    if (!corked && !socket.destroyed) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  };
}
