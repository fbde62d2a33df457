// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/userdirectory.h"

#include "api/restclient.h"
#include "chat/chatservice.h"

#include <QVariantMap>

namespace ringchat::app {

UserDirectory::UserDirectory(QObject *parent)
    : QObject(parent)
{
}

void UserDirectory::setService(chat::ChatService *service)
{
    if (service == m_service)
        return;
    m_service = service;
    emit serviceChanged();
}

void UserDirectory::search(const QString &query)
{
    chat::ChatService *service = m_service;
    if (!service) {
        setError(tr("Not signed in."));
        return;
    }
    const quint64 generation = ++m_generation;
    setSearching(true);
    QPointer<UserDirectory> self(this);
    const QString ownId = service->userId();
    service->rest()
        ->searchUsers(query.trimmed(), 20)
        .then(this, [self, generation, ownId](const api::ApiResult<QList<api::User>> &result) {
            if (!self || generation != self->m_generation)
                return;
            self->setSearching(false);
            if (!result.ok()) {
                self->setError(result.error().message);
                return;
            }
            QVariantList list;
            for (const auto &user : result.value()) {
                if (user.id == ownId)
                    continue;
                QVariantMap row;
                row.insert(QStringLiteral("id"), user.id);
                row.insert(QStringLiteral("name"), user.name);
                list.append(row);
            }
            self->setError({});
            self->m_results = list;
            emit self->resultsChanged();
        });
}

void UserDirectory::create(const QStringList &userIds, const QString &title)
{
    chat::ChatService *service = m_service;
    if (!service || userIds.isEmpty())
        return;
    const auto type = userIds.size() > 1 ? api::Conversation::Type::Group : api::Conversation::Type::Direct;
    QPointer<UserDirectory> self(this);
    QPointer<chat::ChatService> chat(service);
    service->rest()
        ->createConversation(type, userIds, title)
        .then(this, [self, chat](const api::ApiResult<api::Conversation> &result) {
            if (!self)
                return;
            if (!result.ok()) {
                self->setError(result.error().message);
                return;
            }
            // The server also sends conversation_updated; opening it joins and loads it now.
            if (chat)
                chat->openConversation(result.value().id);
            emit self->created(result.value().id);
        });
}

void UserDirectory::setSearching(bool on)
{
    if (on == m_searching)
        return;
    m_searching = on;
    emit searchingChanged();
}

void UserDirectory::setError(const QString &error)
{
    if (error == m_errorString)
        return;
    m_errorString = error;
    emit errorStringChanged();
}

} // namespace ringchat::app
