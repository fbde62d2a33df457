// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a row of MessageListModel shows for each of its roles. Besides the message's
// own fields, some roles are derived: the day separator and the grouping from the
// row before, and the delivery state and readers from the participants' read
// markers, which this class holds (they never move back).

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

    bool isOwn(const api::Message &m) const { return !m_ownUserId.isEmpty() && m.senderId == m_ownUserId; }

    // Names and read markers of the conversation's participants.
    void setParticipants(const QList<api::Participant> &participants);
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
    QString m_ownUserId;
    QList<api::Participant> m_participants;
};

} // namespace ringchat::models
