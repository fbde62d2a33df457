// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/browserlauncher.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>

namespace ringchat::auth {

namespace {

bool startDetached(const QString &program, QStringList args, const QUrl &url, AuthError *error,
                   const QString &what)
{
    args << url.toString(QUrl::FullyEncoded);
    QProcess process;
    process.setProgram(program);
    process.setArguments(args);
    process.setStandardInputFile(QProcess::nullDevice());
    if (process.startDetached())
        return true;
    *error = AuthError(
        AuthError::Kind::Browser,
        QStringLiteral("Could not start the browser (%1). Open the sign-in address yourself.").arg(what));
    return false;
}

} // namespace

bool BrowserLauncher::open(const QUrl &url, AuthError *error)
{
    const QString custom = qEnvironmentVariable("RINGCHAT_BROWSER").trimmed();
    if (!custom.isEmpty()) {
        QStringList parts = QProcess::splitCommand(custom);
        if (parts.isEmpty()) {
            *error
                = AuthError(AuthError::Kind::Browser, QStringLiteral("RINGCHAT_BROWSER is not a command."));
            return false;
        }
        const QString program = parts.takeFirst();
        return startDetached(program, parts, url, error, QStringLiteral("RINGCHAT_BROWSER=%1").arg(custom));
    }
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (QDesktopServices::openUrl(url))
            return true;
        *error = AuthError(
            AuthError::Kind::Browser,
            QStringLiteral("Could not open the system browser. Open the sign-in address yourself."));
        return false;
    }
    const QString xdgOpen = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    if (!xdgOpen.isEmpty())
        return startDetached(xdgOpen, {}, url, error, QStringLiteral("xdg-open"));
    *error = AuthError(
        AuthError::Kind::Browser,
        QStringLiteral("No browser was found (set RINGCHAT_BROWSER). Open the sign-in address yourself."));
    return false;
}

} // namespace ringchat::auth
