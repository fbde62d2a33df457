// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SEED_DEMO=1: three demo users and a few conversations with messages. Idempotent:
// running it against an already seeded database changes nothing.
import { tombstone, withReaction } from './actions.js';
import { nowIso } from './store.js';

export const DEMO_PASSWORD = 'ring-demo';

export const DEMO_USERS = [
  { id: 'alice', login: 'alice', name: 'Alice Example' },
  { id: 'bob', login: 'bob', name: 'Bob Example' },
  { id: 'carol', login: 'carol', name: 'Carol Example' },
];

// Each message: [senderId, content, options]. Options show contract v2's actions in the
// app's screenshots: replyTo (index of an earlier message), editedTo (the content after an
// edit), deleted (a tombstone) and reactions ([userId, emoji] in order). Message counts and
// the final texts are what tests and scripts/screenshots expect.
export const DEMO_CONVERSATIONS = [
  {
    id: 'dm-alice-bob', type: 'direct', creatorId: 'alice', memberIds: ['bob'],
    messages: [
      ['alice', 'Hi Bob! Ring Chat is up.', { reactions: [['bob', '🎉']] }],
      ['bob', 'Hi Alice, I can see it.', { replyTo: 0, reactions: [['alice', '👍']] }],
      ['alice', 'Great, see you in the grup.', { editedTo: 'Great, see you in the group.' }],
    ],
  },
  {
    id: 'dm-alice-carol', type: 'direct', creatorId: 'alice', memberIds: ['carol'],
    messages: [
      ['carol', 'Alice, do you have a minute?'],
      ['carol', 'Oops, wrong chat.', { deleted: true }],
      ['alice', 'Sure, what is up?'],
    ],
  },
  {
    id: 'group-ring', type: 'group', title: 'Ring team', creatorId: 'alice', memberIds: ['bob', 'carol'],
    messages: [
      ['alice', 'Welcome to the Ring team room.', { reactions: [['bob', '👋'], ['carol', '👋'], ['carol', '🎉']] }],
      ['bob', 'Hello everyone!'],
      ['carol', 'Hi all.'],
    ],
  },
];

function seedConversation(store, conv) {
  const { id } = store.createConversation(conv);
  const ids = [];
  conv.messages.forEach(([senderId, content, options = {}], index) => {
    const replyTo = options.replyTo === undefined ? null : ids[options.replyTo];
    const { message } = store.sendMessage({ conversationId: id, senderId, clientId: `seed-${id}-${index + 1}`, content, replyTo });
    ids.push(message.id);
    if (options.editedTo) store.updateMessage(id, message.id, () => ({ content: options.editedTo, editedAt: nowIso() }));
    if (options.deleted) store.updateMessage(id, message.id, tombstone);
    for (const [userId, emoji] of options.reactions || []) {
      store.updateMessage(id, message.id, (m) => ({ reactions: withReaction(m.reactions, emoji, userId, true) }));
    }
  });
}

export function seedDemo(store) {
  let created = false;
  for (const user of DEMO_USERS) {
    if (!store.userById(user.id)) {
      store.createUser({ ...user, password: DEMO_PASSWORD });
      created = true;
    }
  }
  for (const conv of DEMO_CONVERSATIONS) {
    if (store.conversationRow(conv.id)) continue;
    store.db.transaction(() => seedConversation(store, conv))(); // all of it or nothing
    created = true;
  }
  return created;
}
