// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Contract v2 (section 6.1): the user's own notification settings for one
// conversation, and the one rule of what a message there may do: notify, and
// count in the tray.

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ringchat::api {

struct NotifySettings
{
    enum class Level { All, Mentions, None };

    Level level = Level::All;
    QDateTime mutedUntil; // null: not muted

    bool isMuted(const QDateTime &now) const { return mutedUntil.isValid() && mutedUntil > now; }
    // "Until I turn it back on": the contract has only a time, so a mute that never ends
    // in practice (9999-12-31); any time from year 9000 on reads as that.
    static QDateTime mutedForever();
    bool isMutedForever() const { return mutedUntil.isValid() && mutedUntil.date().year() >= 9000; }

    // {"notify": "all"|"mentions"|"none", "mutedUntil"?: time}
    QJsonObject toJson() const;
    // An absent or null object is the default; an unknown level is an error.
    static std::optional<NotifySettings> fromJson(const QJsonValue &json, QString *error = nullptr);
    friend bool operator==(const NotifySettings &, const NotifySettings &) = default;
};

QString notifyLevelName(NotifySettings::Level level); // "all", "mentions", "none"
std::optional<NotifySettings::Level> notifyLevelFromName(QStringView name);

// The one place that decides it. A message from someone else notifies when the
// conversation is not muted and its level is "all", or "mentions" and the message
// mentions me; never at "none".
bool shouldNotify(const NotifySettings &settings, bool mentionsMe, const QDateTime &now);
// What a conversation adds to the tray count under the same rule: every unread
// message at "all", the unread mentions at "mentions", nothing at "none" or muted.
int countedUnread(const NotifySettings &settings, int unread, int unreadMentions, const QDateTime &now);

} // namespace ringchat::api
