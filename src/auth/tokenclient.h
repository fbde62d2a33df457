// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace ringchat::auth {

// A successful answer of the token endpoint. Lives in memory only.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the server did not rotate it
    QString idToken;
    QString tokenType;
    QString scope;
    qint64 expiresInSec = -1; // -1 when the server did not say
};

// The client settings every token request carries.
struct OAuthClientConfig
{
    QString clientId = QStringLiteral("ringchat-desktop");
    QString scope = QStringLiteral("openid profile offline_access");
    QString resource = QStringLiteral("urn:ringchat:api");
};

// The three POSTs of a public OAuth client: authorization_code, refresh_token
// (RFC 6749) and revocation (RFC 7009), with every failure turned into words.
class TokenClient : public QObject
{
    Q_OBJECT
public:
    using TokenDone = std::function<void(const TokenSet &, const AuthError &)>;
    using RevokeDone = std::function<void(const AuthError &)>;

    explicit TokenClient(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setClient(const OAuthClientConfig &client) { m_client = client; }
    void setEndpoints(const QUrl &tokenEndpoint, const QUrl &revocationEndpoint);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void exchangeCode(const QString &code, const QByteArray &verifier, const QUrl &redirectUri,
                      TokenDone done);
    void refresh(const QString &refreshToken, TokenDone done);
    // Succeeds without a request when the server lists no revocation endpoint.
    void revoke(const QString &refreshToken, RevokeDone done);

    bool hasRevocationEndpoint() const { return m_revocationEndpoint.isValid(); }

    // Token endpoint answer -> tokens, or an error in words (never quoting a token).
    static TokenSet parseTokenResponse(int httpStatus, const QByteArray &body, AuthError *error);
    // An OAuth error body ({"error":..., "error_description":...}) or a bare HTTP status -> words.
    static AuthError describeErrorResponse(int httpStatus, const QByteArray &body);

private:
    void post(const QUrl &endpoint, const QByteArray &form, TokenDone done);

    QNetworkAccessManager *m_nam;
    OAuthClientConfig m_client;
    QUrl m_tokenEndpoint;
    QUrl m_revocationEndpoint;
    int m_timeoutMs = 30000;
};

} // namespace ringchat::auth
