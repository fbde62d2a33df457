// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenidentity.h"

#include "auth/jwtclaims.h"
#include "auth/pkce.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace ringchat::auth {

namespace {

// "aud" is one string or an array of them (OpenID Connect Core 2).
bool audienceContains(const QJsonValue &aud, const QString &clientId)
{
    if (aud.isString())
        return aud.toString() == clientId;
    for (const QJsonValue &v : aud.toArray()) {
        if (v.toString() == clientId)
            return true;
    }
    return false;
}

} // namespace

TokenIdentity TokenIdentity::read(const TokenSet &tokens, const Expected &expected, AuthError *error)
{
    QJsonObject claims;
    if (!tokens.idToken.isEmpty()) {
        claims = jwtClaims(tokens.idToken);
        const bool issuerOk = claims.value(QLatin1String("iss")).toString() == expected.issuer;
        const bool audienceOk = audienceContains(claims.value(QLatin1String("aud")), expected.clientId);
        const bool nonceOk = !expected.signingIn
            || constantTimeEquals(claims.value(QLatin1String("nonce")).toString().toUtf8(), expected.nonce);
        if (!issuerOk || !audienceOk || !nonceOk) {
            *error = AuthError(AuthError::Kind::ServerError,
                               QStringLiteral("The server's identity token does not match this sign-in "
                                              "(issuer, audience or nonce); it was refused."));
            return {};
        }
    } else {
        claims = jwtClaims(tokens.accessToken);
    }
    TokenIdentity identity;
    identity.userId = claims.value(QLatin1String("sub")).toString();
    if (expected.signingIn && identity.userId.isEmpty()) {
        *error
            = AuthError(AuthError::Kind::ServerError,
                        QStringLiteral("The server did not say who signed in (no user id in the tokens)."));
        return {};
    }
    if (!expected.signingIn && !identity.userId.isEmpty() && identity.userId != expected.userId) {
        *error
            = AuthError(AuthError::Kind::InvalidGrant,
                        QStringLiteral("The server returned tokens for a different account. Sign in again."));
        return {};
    }
    identity.userName = claims.value(QLatin1String("name")).toString();
    if (identity.userName.isEmpty())
        identity.userName = claims.value(QLatin1String("preferred_username")).toString();

    identity.expiresInSec = tokens.expiresInSec;
    if (identity.expiresInSec <= 0) {
        const qint64 exp = qint64(jwtClaims(tokens.accessToken).value(QLatin1String("exp")).toDouble());
        if (exp > 0)
            identity.expiresInSec = exp - QDateTime::currentSecsSinceEpoch();
    }
    return identity;
}

} // namespace ringchat::auth
