// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a row of MessageListModel shows for each of its roles. Besides the message's
// own fields, some roles are derived: the day separator and the grouping from the
// row before, the delivery state and readers from the participants' read
// markers, which this class holds (they never move back), the names of who
// reacted, and what we may do with a message (canEdit, canDelete: the one place
// those rules are written on the client).

#include "api/types.h"

#include <QByteArray>
#include <QHash>
#include <QVariant>

#include <optional>

namespace ringchat::models {

class MessageRoles
{
public:
    explicit MessageRoles(QString ownUserId)
        : m_ownUserId(std::move(ownUserId))
    {
    }

    // Contract v2: a message may be edited within 15 minutes of its timestamp.
    static constexpr qint64 kEditWindowMs = 15 * 60 * 1000;

    bool isOwn(const api::Message &m) const { return !m_ownUserId.isEmpty() && m.senderId == m_ownUserId; }
    // Our own text message, not deleted, within the edit window (at `now`).
    bool canEdit(const api::Message &m, const QDateTime &now) const;
    // When canEdit turns false by itself: the end of our text message's edit window;
    // invalid when it is never editable.
    QDateTime editWindowCloses(const api::Message &m) const;
    // Our own message, or any message of a group we are an admin of; not deleted.
    bool canDelete(const api::Message &m) const;
    // Whether the conversation is a group (admins may delete anyone's message there).
    void setGroup(bool group) { m_group = group; }
    bool isGroup() const { return m_group; }

    // Names and read markers of the conversation's participants; false when
    // nothing changed (a conversation update comes with every live message).
    bool setParticipants(const QList<api::Participant> &participants);
    // Moves a participant's marker forward (an unknown one is added, named by its
    // id); returns the old marker, or nothing when it did not move.
    std::optional<qint64> advanceMarker(const QString &userId, qint64 lastReadSeq);
    // Other participants (not us, not the sender) whose marker reached the message.
    QStringList readers(const api::Message &m) const;

    // The value of a MessageListModel::Role (or Qt::DisplayRole) for `m`;
    // `previous` is the row above (null for the first row).
    QVariant data(const api::Message &m, const api::Message *previous, bool pending, int role) const;
    static QHash<int, QByteArray> names();

private:
    QString nameOf(const QString &userId) const;
    QVariantList reactions(const api::Message &m) const;

    QString m_ownUserId;
    QList<api::Participant> m_participants;
    bool m_group = false;
};

} // namespace ringchat::models
