// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/oidcdiscovery.h"

#include "auth/httpexchange.h"
#include "auth/serverurl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ringchat::auth {

OidcDiscovery::OidcDiscovery(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

QUrl OidcDiscovery::discoveryUrl(const QUrl &server)
{
    return ServerUrl::resolve(server, QStringLiteral("/.well-known/openid-configuration"));
}

void OidcDiscovery::discover(const QUrl &server, Done done)
{
    HttpExchange::get(
        m_nam, discoveryUrl(server), m_timeoutMs, this,
        [server, done = std::move(done)](const HttpResult &r) {
            if (r.networkError.isError()) {
                done({}, r.networkError);
                return;
            }
            const QString where = ServerUrl::key(server);
            if (r.status == 404) {
                done({},
                     { AuthError::Kind::NotRingServer,
                       QStringLiteral("%1 is not a Ring server: it has no sign-in configuration "
                                      "(/.well-known/openid-configuration answered 404).")
                           .arg(where) });
                return;
            }
            if (r.status >= 500) {
                done({},
                     { AuthError::Kind::ServerError,
                       QStringLiteral("%1 has a problem (HTTP %2 while reading its sign-in configuration). "
                                      "Try again later.")
                           .arg(where)
                           .arg(r.status) });
                return;
            }
            if (r.status != 200) {
                done({},
                     { AuthError::Kind::NotRingServer,
                       QStringLiteral("%1 is not a Ring server: its sign-in configuration answered HTTP %2.")
                           .arg(where)
                           .arg(r.status) });
                return;
            }
            AuthError error;
            const OidcConfiguration config = parse(r.body, server, &error);
            done(config, error);
        });
}

OidcConfiguration OidcDiscovery::parse(const QByteArray &json, const QUrl &server, AuthError *error)
{
    const QString where = ServerUrl::key(server);
    const auto fail = [&](const QString &why) {
        *error = AuthError(AuthError::Kind::NotRingServer,
                           QStringLiteral("%1 is not a Ring server: %2").arg(where, why));
        return OidcConfiguration();
    };

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("its sign-in configuration is not valid JSON."));
    const QJsonObject o = doc.object();

    const bool secureServer = server.scheme() == QLatin1String("https");
    QString badEndpoint;
    const auto endpoint = [&](const char *name, bool required) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() && !required)
            return QUrl();
        const QUrl url(v.toString(), QUrl::StrictMode);
        const QString scheme = url.scheme();
        const bool schemeOk = scheme == QLatin1String("https")
            || (scheme == QLatin1String("http") && !secureServer && ServerUrl::isLoopbackHost(url.host()));
        if (!url.isValid() || url.host().isEmpty() || !schemeOk) {
            if (badEndpoint.isEmpty())
                badEndpoint = QString::fromLatin1(name);
            return QUrl();
        }
        return url;
    };

    OidcConfiguration c;
    c.issuer = o.value(QLatin1String("issuer")).toString();
    c.authorizationEndpoint = endpoint("authorization_endpoint", true);
    c.tokenEndpoint = endpoint("token_endpoint", true);
    c.revocationEndpoint = endpoint("revocation_endpoint", false);
    for (const QJsonValue &m : o.value(QLatin1String("code_challenge_methods_supported")).toArray())
        c.codeChallengeMethods << m.toString();

    if (c.issuer.isEmpty())
        return fail(QStringLiteral("its sign-in configuration has no issuer."));
    if (!badEndpoint.isEmpty())
        return fail(
            QStringLiteral("its sign-in configuration has a missing or insecure %1.").arg(badEndpoint));
    if (!c.codeChallengeMethods.isEmpty() && !c.codeChallengeMethods.contains(QLatin1String("S256")))
        return fail(QStringLiteral("it does not support PKCE with S256, which this app requires."));
    *error = {};
    return c;
}

} // namespace ringchat::auth
