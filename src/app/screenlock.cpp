// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/screenlock.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace ringchat::app {

namespace {
const QString kScreenSaver = QStringLiteral("org.freedesktop.ScreenSaver");
const QString kScreenSaverPath = QStringLiteral("/org/freedesktop/ScreenSaver");
const QString kLogin = QStringLiteral("org.freedesktop.login1");
const QString kLoginSession = QStringLiteral("org.freedesktop.login1.Session");
// logind's name for the session the caller belongs to.
const QString kOwnSessionPath = QStringLiteral("/org/freedesktop/login1/session/auto");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");
} // namespace

ScreenLock::ScreenLock(const QDBusConnection &sessionBus, const QDBusConnection &systemBus, QObject *parent)
    : QObject(parent)
    , m_session(sessionBus)
    , m_system(systemBus)
{
    if (m_session.isConnected())
        m_session.connect(kScreenSaver, kScreenSaverPath, kScreenSaver, QStringLiteral("ActiveChanged"), this,
                          SLOT(onScreenSaverActive(bool)));
    if (m_system.isConnected())
        m_system.connect(kLogin, kOwnSessionPath, kProperties, QStringLiteral("PropertiesChanged"), this,
                         SLOT(onLoginPropertiesChanged(QString, QVariantMap, QStringList)));
    refresh();
}

void ScreenLock::refresh()
{
    if (m_session.isConnected()) {
        const auto call = QDBusMessage::createMethodCall(kScreenSaver, kScreenSaverPath, kScreenSaver,
                                                         QStringLiteral("GetActive"));
        auto *watcher = new QDBusPendingCallWatcher(m_session.asyncCall(call, 2000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
            watcher->deleteLater();
            const QDBusPendingReply<bool> reply = *watcher;
            if (!reply.isError()) // no screen saver service: nothing known, nothing changes
                onScreenSaverActive(reply.value());
        });
    }
    if (m_system.isConnected()) {
        auto call
            = QDBusMessage::createMethodCall(kLogin, kOwnSessionPath, kProperties, QStringLiteral("Get"));
        call << kLoginSession << QStringLiteral("LockedHint");
        auto *watcher = new QDBusPendingCallWatcher(m_system.asyncCall(call, 2000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
            watcher->deleteLater();
            const QDBusPendingReply<QDBusVariant> reply = *watcher;
            if (!reply.isError())
                set(m_loginLocked, reply.value().variant().toBool());
        });
    }
}

void ScreenLock::onScreenSaverActive(bool active)
{
    set(m_screenSaverActive, active);
}

void ScreenLock::onLoginPropertiesChanged(const QString &interface, const QVariantMap &changed,
                                          const QStringList &)
{
    if (interface == kLoginSession && changed.contains(QStringLiteral("LockedHint")))
        set(m_loginLocked, changed.value(QStringLiteral("LockedHint")).toBool());
}

void ScreenLock::set(bool &flag, bool value)
{
    const bool before = isLocked();
    flag = value;
    if (isLocked() != before)
        emit lockedChanged(isLocked());
}

} // namespace ringchat::app
