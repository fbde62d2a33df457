// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Whether the session is locked, best effort: org.freedesktop.ScreenSaver on the
// session bus (GetActive, ActiveChanged) and logind's LockedHint of our session on
// the system bus. Either saying "locked" is locked. Asked asynchronously and kept
// up to date by their signals, so isLocked() never waits for the bus.

#include <QDBusConnection>
#include <QObject>

namespace ringchat::app {

class ScreenLock : public QObject
{
    Q_OBJECT
public:
    explicit ScreenLock(const QDBusConnection &sessionBus = QDBusConnection::sessionBus(),
                        const QDBusConnection &systemBus = QDBusConnection::systemBus(),
                        QObject *parent = nullptr);

    bool isLocked() const { return m_screenSaverActive || m_loginLocked; }
    // Asks both again (the answers arrive later).
    void refresh();

signals:
    void lockedChanged(bool locked);

private slots:
    void onScreenSaverActive(bool active);
    void onLoginPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &);

private:
    void set(bool &flag, bool value);

    QDBusConnection m_session;
    QDBusConnection m_system;
    bool m_screenSaverActive = false;
    bool m_loginLocked = false;
};

} // namespace ringchat::app
