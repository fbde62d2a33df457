// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktopnotifications.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace ringchat::app {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default");
const QString kMarkReadAction = QStringLiteral("mark-read");
const QString kReplyAction = QStringLiteral("inline-reply");
} // namespace

DesktopNotifications::DesktopNotifications(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationReplied"), this,
                  SLOT(onReplied(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
    askCapabilities();
}

void DesktopNotifications::askCapabilities()
{
    const QDBusMessage call
        = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QStringList> reply = *watcher;
        const bool available = !reply.isError();
        m_capabilities = available ? reply.value() : QStringList();
        if (available != m_available) {
            m_available = available;
            emit availabilityChanged();
        }
    });
}

void DesktopNotifications::show(const MessageNotification &n)
{
    QStringList actions { kDefaultAction, tr("Open"), kMarkReadAction, tr("Mark as read") };
    if (canReply())
        actions << kReplyAction << tr("Reply");
    const QVariantMap hints { { QStringLiteral("desktop-entry"), QStringLiteral("org.ringchat.RingChat") },
                              { QStringLiteral("category"), QStringLiteral("im.received") } };
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    // The spec's body may hold markup; our text is plain, so it is escaped.
    call << QStringLiteral("Ring Chat") << uint(0) << QStringLiteral("org.ringchat.RingChat") << n.title
         << n.text.toHtmlEscaped() << actions << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, n] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError())
            return;
        m_shown.insert(reply.value(), n);
        emit shown(reply.value());
    });
}

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.constEnd()) // another program's, or one we no longer know
        return;
    if (action == kDefaultAction)
        emit openRequested(it->conversationId, it->messageId, it->seq);
    else if (action == kMarkReadAction)
        emit markReadRequested(it->conversationId, it->seq);
}

void DesktopNotifications::onReplied(uint id, const QString &text)
{
    const auto it = m_shown.constFind(id);
    if (it != m_shown.constEnd() && !text.trimmed().isEmpty())
        emit replyRequested(it->conversationId, it->messageId, text);
}

void DesktopNotifications::onClosed(uint id, uint)
{
    m_shown.remove(id);
}

} // namespace ringchat::app
