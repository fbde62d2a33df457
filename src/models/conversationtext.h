// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The words shown about a conversation, each made in one place: the conversation
// list (ConversationListModel), the open conversation's header (CurrentConversation)
// and the desktop notifications all call these, so they never disagree.

#include "api/types.h"

#include <QString>
#include <QStringList>

namespace ringchat::models {

// The other person of a direct chat; null for groups and when nobody else is in it.
const api::Participant *otherParticipant(const api::Conversation &conversation, const QString &ownUserId);

// A direct chat: the other person's name. Otherwise the conversation's title, else
// the other participants' names ("Bob, Carol"), else "Just you".
QString conversationTitle(const api::Conversation &conversation, const QString &ownUserId);

// Under the title: a group's member count ("3 members"), a direct chat's presence
// of the other person (PresenceTracker::describe, passed in).
QString conversationSubtitle(const api::Conversation &conversation, const QString &otherPresenceText);

// A message in one line for a preview (the conversation list): its first non-empty
// line, simplified and at most 160 characters; a tombstone is "Message deleted".
QString messagePreview(const api::Message &message);
// The same one line of any text (a draft's, for "Draft: …").
QString previewLine(const QString &text);

// "Bob is typing…", "Bob and Carol are typing…", "Bob, Carol and Dave are typing…",
// "Bob, Carol and 2 others are typing…"; empty when nobody types.
QString typingSentence(const QStringList &names);

// The search rule of the conversation filters: case folded and accents stripped,
// so "zoe" finds "Zoë" and "ANGSTROM" finds "Ångström".
QString foldForSearch(const QString &text);

} // namespace ringchat::models
