// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML singleton `Desktop`: what the window asks of the desktop around it (open a
// link in the browser, copy to the clipboard, is there a tray to close to?) and what
// the desktop asks of the window (show this conversation: a notification was clicked,
// or a second launch said "open <id>"). The tray and notifications themselves are
// the app's DesktopIntegration.

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ringchat::app {

class Desktop : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool trayAvailable READ trayAvailable NOTIFY trayAvailableChanged)

public:
    // No default argument: Qt 6.4 would rather construct a QML singleton than call
    // create(), and QML must share main()'s object (see qmlsingleton.h).
    explicit Desktop(QObject *parent)
        : QObject(parent)
    {
    }

    // The QML singleton is the one main() made (see exposeToQml).
    static Desktop *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void exposeToQml(Desktop *desktop);

    bool trayAvailable() const { return m_trayAvailable; }
    void setTrayAvailable(bool available);

    // Opens only what textformat::isSafeLink allows (http and https), in the browser.
    Q_INVOKABLE bool openLink(const QString &url);
    Q_INVOKABLE void copyToClipboard(const QString &text);

    // Asks the window to show this conversation.
    void requestConversation(const QString &conversationId) { emit conversationRequested(conversationId); }

signals:
    void trayAvailableChanged();
    void conversationRequested(const QString &conversationId);

private:
    bool m_trayAvailable = false;
};

} // namespace ringchat::app
