// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "remotecommands.h"

#include "app/desktop.h"
#include "app/session.h"
#include "app/settings.h"
#include "desktopintegration.h"

#include <QCoreApplication>
#include <QImage>
#include <QQuickWindow>
#include <QUrl>

namespace ringchat::app {

namespace {
const QString kOk = QStringLiteral("ok");
const QString kUnknown = QStringLiteral("error unknown command");

// The words scripts wait for (scripts/screenshots: wait_for "waiting", "online").
QString signInWord(SignInState::Value state)
{
    switch (state) {
    case SignInState::SignedOut:
        return QStringLiteral("signedOut");
    case SignInState::Restoring:
        return QStringLiteral("restoring");
    case SignInState::Discovering:
        return QStringLiteral("discovering");
    case SignInState::WaitingForBrowser:
        return QStringLiteral("waiting");
    case SignInState::Completing:
        return QStringLiteral("completing");
    case SignInState::SignedIn:
        return QStringLiteral("signedIn");
    }
    return QStringLiteral("signedOut");
}

QString connectionWord(ConnectionState::Value state)
{
    switch (state) {
    case ConnectionState::Offline:
        return QStringLiteral("offline");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Online:
        return QStringLiteral("online");
    case ConnectionState::WaitingToRetry:
        return QStringLiteral("waiting");
    case ConnectionState::Paused:
        return QStringLiteral("paused");
    case ConnectionState::SignedOut:
        return QStringLiteral("signedOut");
    }
    return QStringLiteral("offline");
}
} // namespace

RemoteCommands::RemoteCommands(Targets targets, bool automation)
    : m_targets(targets)
    , m_automation(automation)
{
}

QString RemoteCommands::run(const QString &line)
{
    const QString verb = line.section(QLatin1Char(' '), 0, 0);
    const QString arg = line.section(QLatin1Char(' '), 1);
    if (verb == QLatin1String("raise")) {
        m_targets.desktopIntegration->raiseWindow();
        return kOk;
    }
    if (verb == QLatin1String("open") && !arg.isEmpty()) {
        m_targets.desktopIntegration->raiseWindow();
        m_targets.desktop->requestConversation(arg);
        return kOk;
    }
    return m_automation ? runAutomation(verb, arg) : kUnknown;
}

QString RemoteCommands::runAutomation(const QString &verb, const QString &arg)
{
    QQuickWindow *window = m_targets.window;
    if (verb == QLatin1String("grab") && !arg.isEmpty())
        return window->grabWindow().save(arg, "PNG") ? kOk : QStringLiteral("error cannot save");
    if (verb == QLatin1String("theme")) {
        const auto mode = Settings::themeModeFromName(arg);
        if (!mode)
            return QStringLiteral("error unknown theme");
        m_targets.settings->setThemeMode(*mode);
        return kOk;
    }
    if (verb == QLatin1String("settings")) {
        window->setProperty("settingsOpen", arg == QLatin1String("on"));
        return kOk;
    }
    if (verb == QLatin1String("size")) {
        window->resize(arg.section(QLatin1Char(' '), 0, 0).toInt(),
                       arg.section(QLatin1Char(' '), 1, 1).toInt());
        return kOk;
    }
    if (verb == QLatin1String("signin")) {
        m_targets.session->signIn(arg.isEmpty() ? m_targets.settings->serverUrl() : arg);
        return kOk;
    }
    if (verb == QLatin1String("signout")) {
        m_targets.session->signOut();
        return kOk;
    }
    if (verb == QLatin1String("send")) {
        chat::ChatService *service = m_targets.session->service();
        const QString id = arg.section(QLatin1Char(' '), 0, 0);
        const QString text = arg.section(QLatin1Char(' '), 1);
        return service && !service->sendMessage(id, text).isEmpty() ? kOk : QStringLiteral("error not sent");
    }
    // The composer (screenshots of the spell checker and of files about to go).
    if (verb == QLatin1String("type")) {
        QObject *input = window->findChild<QObject *>(QStringLiteral("composerInput"));
        if (!input)
            return QStringLiteral("error no composer");
        QMetaObject::invokeMethod(input, "forceActiveFocus");
        input->setProperty("text", arg);
        input->setProperty("cursorPosition", arg.size());
        return kOk;
    }
    if (verb == QLatin1String("spellmenu")) {
        QObject *menu = window->findChild<QObject *>(QStringLiteral("spellMenu"));
        if (menu && arg.isEmpty())
            return QMetaObject::invokeMethod(menu, "close") ? kOk : QStringLiteral("error no menu");
        QVariant opened;
        if (!menu
            || !QMetaObject::invokeMethod(menu, "openAt", Q_RETURN_ARG(QVariant, opened),
                                          Q_ARG(QVariant, arg.toInt()), Q_ARG(QVariant, QVariant()))
            || !opened.toBool())
            return QStringLiteral("error no misspelt word there");
        return kOk;
    }
    if (verb == QLatin1String("attach")) {
        QObject *current = m_targets.currentConversation;
        auto *files = current ? current->property("files").value<QObject *>() : nullptr;
        int added = 0;
        return files
                && QMetaObject::invokeMethod(files, "addUrls", Q_RETURN_ARG(int, added),
                                             Q_ARG(QList<QUrl>, { QUrl::fromLocalFile(arg) }))
                && added == 1
            ? kOk
            : QStringLiteral("error not attached");
    }
    if (verb == QLatin1String("viewer")) {
        QObject *viewer = window->findChild<QObject *>(QStringLiteral("imageViewer"));
        if (viewer && arg.isEmpty())
            return QMetaObject::invokeMethod(viewer, "close") ? kOk : QStringLiteral("error no viewer");
        const QString id = arg.section(QLatin1Char(' '), 0, 0);
        const QString name = arg.section(QLatin1Char(' '), 1);
        return viewer
                && QMetaObject::invokeMethod(viewer, "show", Q_ARG(QVariant, id),
                                             Q_ARG(QVariant, name.isEmpty() ? id : name))
            ? kOk
            : QStringLiteral("error no viewer");
    }
    if (verb == QLatin1String("find") || verb == QLatin1String("search")) {
        // Main.qml's findInConversation (Ctrl+F) / searchAll (Ctrl+Shift+F) with the text.
        const char *function = verb == QLatin1String("find") ? "findInConversation" : "searchAll";
        return QMetaObject::invokeMethod(window, function, Q_ARG(QVariant, arg))
            ? kOk
            : QStringLiteral("error no search");
    }
    if (verb == QLatin1String("choose")) {
        return QMetaObject::invokeMethod(window, "chooseSearchResult", Q_ARG(QVariant, arg.toInt()))
            ? kOk
            : QStringLiteral("error no search");
    }
    if (verb == QLatin1String("state"))
        return state();
    if (verb == QLatin1String("quit")) {
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        return kOk;
    }
    return kUnknown;
}

QString RemoteCommands::state() const
{
    const Session *session = m_targets.session;
    return QStringLiteral("ok %1 %2 %3")
        .arg(signInWord(session->signInState()), connectionWord(session->connectionState()))
        .arg(session->unreadTotal());
}

} // namespace ringchat::app
