// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authorizationrequest.h"

#include "auth/pkce.h"

#include <QUrlQuery>

namespace ringchat::auth {

QUrl AuthorizationRequest::url() const
{
    QUrlQuery query;
    const auto add = [&query](const QString &key, const QString &value) {
        query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("client_id"), client.clientId);
    add(QStringLiteral("redirect_uri"), redirectUri.toString());
    add(QStringLiteral("scope"), client.scope);
    add(QStringLiteral("resource"), client.resource);
    add(QStringLiteral("state"), QString::fromLatin1(state));
    add(QStringLiteral("nonce"), QString::fromLatin1(nonce));
    add(QStringLiteral("code_challenge"), QString::fromLatin1(codeChallenge));
    add(QStringLiteral("code_challenge_method"), QString::fromLatin1(Pkce::method()));
    // OpenID Connect Core 11: offline_access (a refresh token) is granted only with prompt=consent.
    add(QStringLiteral("prompt"), QStringLiteral("consent"));
    QUrl url = endpoint;
    QUrlQuery existing(url);
    for (const auto &item : query.queryItems(QUrl::FullyEncoded))
        existing.addQueryItem(item.first, item.second);
    url.setQuery(existing);
    return url;
}

} // namespace ringchat::auth
