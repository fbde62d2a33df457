// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The lines a running instance accepts from a second launch (see singleinstance.h):
// "raise" and "open <conversationId>" always; with --automation (scripts/screenshots)
// also "grab <png path>", "theme <system|light|dark>", "settings <on|off>",
// "size <w> <h>", "send <conversationId> <text>", "find <text>" (the Ctrl+F bar),
// "search <text>" (Ctrl+Shift+F, all conversations), "choose <row>" (opens a result),
// "signin [url]", "signout", "type <text>" (the composer's text), "spellmenu [position]"
// (the suggestions of the misspelt word there; without one the menu closes), "attach
// <path>" (a file for the next message), "viewer [id [name]]" (the image viewer on an
// attachment; without one it closes), "state" and "quit". Each answer is "ok ..." or
// "error <reason>".

#include <QPointer>
#include <QString>

class QQuickWindow;

namespace ringchat::app {

class Desktop;
class DesktopIntegration;
class Session;
class Settings;

class RemoteCommands
{
public:
    struct Targets
    {
        Session *session;
        Settings *settings;
        Desktop *desktop;
        DesktopIntegration *desktopIntegration;
        QQuickWindow *window;
        QObject *currentConversation = nullptr; // CurrentConversation (its files)
    };

    RemoteCommands(Targets targets, bool automation);

    QString run(const QString &line);

private:
    QString runAutomation(const QString &verb, const QString &arg);
    // "state": "ok <sign-in> <connection> <unread>", e.g. "ok signedIn online 3".
    QString state() const;

    Targets m_targets;
    bool m_automation;
};

} // namespace ringchat::app
