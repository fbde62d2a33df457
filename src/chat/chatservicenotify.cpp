// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ChatService's part for notification settings (contract v2): PUT …/settings, whose
// answer (and the conversation_updated my other devices get) is the new conversation.
#include "chat/chatservice.h"

#include "api/restclient.h"
#include "chat/timelinewriter.h"

#include <QPointer>

namespace ringchat::chat {

void ChatService::setNotifySettings(const QString &conversationId, const api::NotifySettings &settings)
{
    QPointer<ChatService> guard(this);
    m_rest->putSettings(conversationId, settings)
        .then(this, [this, guard, conversationId](const api::ApiResult<api::Conversation> &r) {
            if (!guard)
                return;
            if (!r.ok()) {
                emit notifySettingsFailed(conversationId, r.error().message);
                return;
            }
            m_writer->upsertConversation(r.value(), true);
        });
}

bool ChatService::setNotifyLevel(const QString &conversationId, const QString &level, int muteMinutes)
{
    const auto parsed = api::notifyLevelFromName(level);
    if (!parsed)
        return false;
    api::NotifySettings s;
    s.level = *parsed;
    if (muteMinutes < 0)
        s.mutedUntil = api::NotifySettings::mutedForever();
    else if (muteMinutes > 0)
        s.mutedUntil = QDateTime::currentDateTimeUtc().addSecs(qint64(muteMinutes) * 60);
    setNotifySettings(conversationId, s);
    return true;
}

} // namespace ringchat::chat
