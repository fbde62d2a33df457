// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace ringchat::store {

// What the user was writing in one conversation and had not sent: the text, and the
// message it replies to with what the quote bar shows of it (so the bar comes back
// before that message is loaded again).
struct Draft
{
    QString conversationId;
    QString text;
    QString replyToId; // "" when not a reply
    QString replySenderName;
    QString replySnippet;
    QDateTime updatedAt;

    // Nothing to keep: saving an empty draft removes it.
    bool isEmpty() const { return text.isEmpty() && replyToId.isEmpty(); }
    friend bool operator==(const Draft &, const Draft &) = default;
};

} // namespace ringchat::store
