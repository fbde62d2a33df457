// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenclient.h"

#include "auth/httpexchange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace ringchat::auth {

namespace {

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QString boundedText(const QString &text)
{
    QString t = text.left(300);
    for (QChar &c : t) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return t.trimmed();
}

} // namespace

TokenClient::TokenClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

void TokenClient::setEndpoints(const QUrl &tokenEndpoint, const QUrl &revocationEndpoint)
{
    m_tokenEndpoint = tokenEndpoint;
    m_revocationEndpoint = revocationEndpoint;
}

void TokenClient::exchangeCode(const QString &code, const QByteArray &verifier, const QUrl &redirectUri,
                               TokenDone done)
{
    post(m_tokenEndpoint,
         formEncode({ { QStringLiteral("grant_type"), QStringLiteral("authorization_code") },
                      { QStringLiteral("code"), code },
                      { QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded) },
                      { QStringLiteral("client_id"), m_client.clientId },
                      { QStringLiteral("code_verifier"), QString::fromLatin1(verifier) },
                      { QStringLiteral("resource"), m_client.resource } }),
         std::move(done));
}

void TokenClient::refresh(const QString &refreshToken, TokenDone done)
{
    post(m_tokenEndpoint,
         formEncode({ { QStringLiteral("grant_type"), QStringLiteral("refresh_token") },
                      { QStringLiteral("refresh_token"), refreshToken },
                      { QStringLiteral("client_id"), m_client.clientId },
                      { QStringLiteral("resource"), m_client.resource } }),
         std::move(done));
}

void TokenClient::revoke(const QString &refreshToken, RevokeDone done)
{
    if (!m_revocationEndpoint.isValid()) {
        done({});
        return;
    }
    const QByteArray form
        = formEncode({ { QStringLiteral("token"), refreshToken },
                       { QStringLiteral("token_type_hint"), QStringLiteral("refresh_token") },
                       { QStringLiteral("client_id"), m_client.clientId } });
    HttpExchange::postForm(
        m_nam, m_revocationEndpoint, form, m_timeoutMs, this, [done = std::move(done)](const HttpResult &r) {
            if (r.networkError.isError())
                done(r.networkError);
            else if (r.status == 200) // RFC 7009: 200 also for tokens that were already invalid
                done({});
            else
                done(describeErrorResponse(r.status, r.body));
        });
}

void TokenClient::post(const QUrl &endpoint, const QByteArray &form, TokenDone done)
{
    if (!endpoint.isValid()) {
        done({},
             { AuthError::Kind::NotRingServer, QStringLiteral("The server's token endpoint is not known.") });
        return;
    }
    HttpExchange::postForm(m_nam, endpoint, form, m_timeoutMs, this,
                           [done = std::move(done)](const HttpResult &r) {
                               if (r.networkError.isError()) {
                                   done({}, r.networkError);
                                   return;
                               }
                               AuthError error;
                               const TokenSet tokens = parseTokenResponse(r.status, r.body, &error);
                               done(tokens, error);
                           });
}

TokenSet TokenClient::parseTokenResponse(int httpStatus, const QByteArray &body, AuthError *error)
{
    if (httpStatus != 200) {
        *error = describeErrorResponse(httpStatus, body);
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject o = doc.object();
    TokenSet t;
    t.accessToken = o.value(QLatin1String("access_token")).toString();
    t.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    t.idToken = o.value(QLatin1String("id_token")).toString();
    t.tokenType = o.value(QLatin1String("token_type")).toString();
    t.scope = o.value(QLatin1String("scope")).toString();
    const QJsonValue expires = o.value(QLatin1String("expires_in"));
    if (expires.isDouble() && expires.toDouble() > 0)
        t.expiresInSec = qint64(expires.toDouble());
    else if (expires.isString() && expires.toString().toLongLong() > 0)
        t.expiresInSec = expires.toString().toLongLong();

    if (!doc.isObject() || t.accessToken.isEmpty()) {
        *error = AuthError(AuthError::Kind::ServerError,
                           QStringLiteral("The server's token answer was not understood (no access token)."));
        return {};
    }
    if (t.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0) {
        *error = AuthError(AuthError::Kind::ServerError,
                           QStringLiteral("The server issued a token of an unsupported type (%1).")
                               .arg(boundedText(t.tokenType)));
        return {};
    }
    *error = {};
    return t;
}

AuthError TokenClient::describeErrorResponse(int httpStatus, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString code = o.value(QLatin1String("error")).toString();
    const QString description = boundedText(o.value(QLatin1String("error_description")).toString());
    const QString detail = description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description);

    if (code == QLatin1String("invalid_grant"))
        return { AuthError::Kind::InvalidGrant,
                 QStringLiteral("The server no longer accepts this sign-in%1. Sign in again.").arg(detail) };
    if (code == QLatin1String("access_denied"))
        return { AuthError::Kind::AccessDenied, QStringLiteral("The server denied access%1.").arg(detail) };
    if (code == QLatin1String("invalid_client") || code == QLatin1String("unauthorized_client"))
        return { AuthError::Kind::ServerError,
                 QStringLiteral(
                     "The server does not accept this app (%1)%2. It may not be a Ring server, or it "
                     "is set up for a different client.")
                     .arg(code, detail) };
    if (code == QLatin1String("invalid_scope") || code == QLatin1String("invalid_target"))
        return { AuthError::Kind::ServerError,
                 QStringLiteral("The server refused the requested access (%1)%2.").arg(code, detail) };
    if (code == QLatin1String("temporarily_unavailable") || code == QLatin1String("server_error")
        || httpStatus >= 500)
        return { AuthError::Kind::ServerError,
                 QStringLiteral("The server could not answer the token request (HTTP %1)%2. Try again later.")
                     .arg(httpStatus)
                     .arg(detail) };
    if (!code.isEmpty())
        return {
            AuthError::Kind::ServerError,
            QStringLiteral("The server refused the token request: %1%2.").arg(boundedText(code), detail)
        };
    if (httpStatus == 429)
        return { AuthError::Kind::ServerError,
                 QStringLiteral(
                     "The server is receiving too many requests (HTTP 429). Try again in a minute.") };
    return { AuthError::Kind::ServerError,
             QStringLiteral("The server answered the token request with HTTP %1.").arg(httpStatus) };
}

} // namespace ringchat::auth
