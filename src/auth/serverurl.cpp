// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/serverurl.h"

#include "core/transportsecurity.h"

namespace ringchat::auth {

bool ServerUrl::isLoopbackHost(const QString &host)
{
    return ringchat::isLoopbackHost(host);
}

QUrl ServerUrl::parse(const QString &input, AuthError *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = AuthError(AuthError::Kind::BadServerUrl, message);
        return QUrl();
    };

    QString text = input.trimmed();
    if (text.isEmpty())
        return fail(QStringLiteral("Enter the address of a Ring server, e.g. https://chat.example.com."));
    // A bare host name means https.
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));

    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(QStringLiteral("\"%1\" is not a valid server address.").arg(input.trimmed()));

    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return fail(QStringLiteral("The server address must start with https:// (got %1://).").arg(scheme));
    if (!url.userInfo().isEmpty())
        return fail(QStringLiteral("The server address must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("The server address must not contain '?' or '#' parts."));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return fail(QStringLiteral("Refusing to sign in to %1 over unencrypted http: use https://%1 instead "
                                   "(plain http is allowed only for servers on this computer).")
                        .arg(url.host()));

    url.setScheme(scheme);
    url.setHost(url.host().toLower());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    if (error)
        *error = {};
    return url;
}

QString ServerUrl::key(const QUrl &server)
{
    return server.toString(QUrl::FullyEncoded);
}

QUrl ServerUrl::resolve(const QUrl &server, const QString &path)
{
    QUrl url = server;
    url.setPath(server.path() + path);
    return url;
}

} // namespace ringchat::auth
