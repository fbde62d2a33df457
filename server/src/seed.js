// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SEED_DEMO=1: three demo users and a few conversations with messages. Idempotent:
// running it against an already seeded database changes nothing.
export const DEMO_PASSWORD = 'ring-demo';

export const DEMO_USERS = [
  { id: 'alice', login: 'alice', name: 'Alice Example' },
  { id: 'bob', login: 'bob', name: 'Bob Example' },
  { id: 'carol', login: 'carol', name: 'Carol Example' },
];

export const DEMO_CONVERSATIONS = [
  {
    id: 'dm-alice-bob', type: 'direct', creatorId: 'alice', memberIds: ['bob'],
    messages: [['alice', 'Hi Bob! Ring Chat is up.'], ['bob', 'Hi Alice, I can see it.'], ['alice', 'Great, see you in the group.']],
  },
  {
    id: 'dm-alice-carol', type: 'direct', creatorId: 'alice', memberIds: ['carol'],
    messages: [['carol', 'Alice, do you have a minute?'], ['alice', 'Sure, what is up?']],
  },
  {
    id: 'group-ring', type: 'group', title: 'Ring team', creatorId: 'alice', memberIds: ['bob', 'carol'],
    messages: [['alice', 'Welcome to the Ring team room.'], ['bob', 'Hello everyone!'], ['carol', 'Hi all.']],
  },
];

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
    const { id } = store.createConversation(conv);
    conv.messages.forEach(([senderId, content], index) => {
      store.sendMessage({ conversationId: id, senderId, clientId: `seed-${id}-${index + 1}`, content });
    });
    created = true;
  }
  return created;
}
