// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A freedesktop notification server for tests, on its own connection to the session
// bus (the test runs under dbus-run-session), as another program would be: it
// records each Notify call, answers with ids 1, 2, ..., and sends the signals a user
// causes (ActionInvoked, NotificationReplied, NotificationClosed).

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

class TestNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    // Registers org.freedesktop.Notifications on a connection named connectionName.
    TestNotificationServer(QStringList capabilities, const QString &connectionName)
        : m_capabilities(std::move(capabilities))
        , m_connectionName(connectionName)
        , m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName))
    {
        m_bus.registerObject(path(), this, QDBusConnection::ExportAllSlots);
        m_bus.registerService(service());
    }
    ~TestNotificationServer() override
    {
        m_bus.unregisterService(service());
        QDBusConnection::disconnectFromBus(m_connectionName);
    }

    struct Shown
    {
        uint id = 0;
        QString summary, body;
        QStringList actions;
    };
    QList<Shown> shown;

    // What the user does: a click or an action button, an inline reply, a close.
    void invoke(uint id, const QString &action) { send(QStringLiteral("ActionInvoked"), { id, action }); }
    void reply(uint id, const QString &text) { send(QStringLiteral("NotificationReplied"), { id, text }); }
    void close(uint id, uint reason) { send(QStringLiteral("NotificationClosed"), { id, reason }); }

public slots:
    QStringList GetCapabilities() { return m_capabilities; }
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &, int)
    {
        const uint id = uint(shown.size() + 1);
        shown.append({ id, summary, body, actions });
        return id;
    }

private:
    static QString service() { return QStringLiteral("org.freedesktop.Notifications"); }
    static QString path() { return QStringLiteral("/org/freedesktop/Notifications"); }
    void send(const QString &name, const QVariantList &args)
    {
        QDBusMessage signal = QDBusMessage::createSignal(path(), service(), name);
        signal.setArguments(args);
        m_bus.send(signal);
    }

    QStringList m_capabilities;
    QString m_connectionName;
    QDBusConnection m_bus;
};
