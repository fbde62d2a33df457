// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// "New conversation": searches people (GET /api/users) and creates a direct chat
// or a group (POST /api/conversations) through the chat service's REST client.
// The window gives it the signed-in account's service (Session.service).

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

Q_MOC_INCLUDE("chat/chatservice.h")

namespace ringchat::chat {
class ChatService;
}

namespace ringchat::app {

class UserDirectory : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // null while signed out: search() then says so.
    Q_PROPERTY(ringchat::chat::ChatService *service READ service WRITE setService NOTIFY serviceChanged)
    // [{ id, name }], without the signed-in user.
    Q_PROPERTY(QVariantList results READ results NOTIFY resultsChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit UserDirectory(QObject *parent = nullptr);

    chat::ChatService *service() const { return m_service; }
    void setService(chat::ChatService *service);
    QVariantList results() const { return m_results; }
    bool searching() const { return m_searching; }
    QString errorString() const { return m_errorString; }

    Q_INVOKABLE void search(const QString &query);
    // One id: a direct chat; several: a group with the title. Result: created() or errorString.
    Q_INVOKABLE void create(const QStringList &userIds, const QString &title);

signals:
    void serviceChanged();
    void resultsChanged();
    void searchingChanged();
    void errorStringChanged();
    void created(const QString &conversationId);

private:
    void setSearching(bool on);
    void setError(const QString &error);

    QPointer<chat::ChatService> m_service;
    QVariantList m_results;
    bool m_searching = false;
    QString m_errorString;
    quint64 m_generation = 0; // answers to older searches are dropped
};

} // namespace ringchat::app
