// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/notifysettings.h"

#include "api/types.h"

namespace ringchat::api {

QString notifyLevelName(NotifySettings::Level level)
{
    switch (level) {
    case NotifySettings::Level::Mentions:
        return QStringLiteral("mentions");
    case NotifySettings::Level::None:
        return QStringLiteral("none");
    case NotifySettings::Level::All:
        break;
    }
    return QStringLiteral("all");
}

std::optional<NotifySettings::Level> notifyLevelFromName(QStringView name)
{
    if (name == QLatin1StringView("all"))
        return NotifySettings::Level::All;
    if (name == QLatin1StringView("mentions"))
        return NotifySettings::Level::Mentions;
    if (name == QLatin1StringView("none"))
        return NotifySettings::Level::None;
    return std::nullopt;
}

QDateTime NotifySettings::mutedForever()
{
    return QDateTime(QDate(9999, 12, 31), QTime(0, 0), Qt::UTC);
}

QJsonObject NotifySettings::toJson() const
{
    QJsonObject o { { QLatin1StringView("notify"), notifyLevelName(level) } };
    if (mutedUntil.isValid())
        o.insert(QLatin1StringView("mutedUntil"), formatTime(mutedUntil));
    return o;
}

std::optional<NotifySettings> NotifySettings::fromJson(const QJsonValue &json, QString *error)
{
    NotifySettings s;
    if (json.isUndefined() || json.isNull())
        return s;
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return std::nullopt;
    };
    if (!json.isObject())
        return fail(QStringLiteral("Conversation: field \"settings\" must be an object."));
    const QJsonObject o = json.toObject();
    const QJsonValue notify = o.value(QLatin1StringView("notify"));
    if (!notify.isUndefined()) {
        const auto level = notifyLevelFromName(notify.toString());
        if (!notify.isString() || !level)
            return fail(QStringLiteral(
                "Conversation settings: field \"notify\" must be \"all\", \"mentions\" or \"none\"."));
        s.level = *level;
    }
    const QJsonValue muted = o.value(QLatin1StringView("mutedUntil"));
    if (!muted.isUndefined() && !muted.isNull()) {
        s.mutedUntil = muted.isString() ? parseTime(muted.toString()) : QDateTime();
        if (!s.mutedUntil.isValid())
            return fail(QStringLiteral("Conversation settings: field \"mutedUntil\" must be a time."));
    }
    return s;
}

bool shouldNotify(const NotifySettings &settings, bool mentionsMe, const QDateTime &now)
{
    if (settings.isMuted(now))
        return false;
    switch (settings.level) {
    case NotifySettings::Level::All:
        return true;
    case NotifySettings::Level::Mentions:
        return mentionsMe;
    case NotifySettings::Level::None:
        break;
    }
    return false;
}

int countedUnread(const NotifySettings &settings, int unread, int unreadMentions, const QDateTime &now)
{
    if (settings.isMuted(now))
        return 0;
    switch (settings.level) {
    case NotifySettings::Level::All:
        return unread;
    case NotifySettings::Level::Mentions:
        return qMin(unread, unreadMentions);
    case NotifySettings::Level::None:
        break;
    }
    return 0;
}

} // namespace ringchat::api
