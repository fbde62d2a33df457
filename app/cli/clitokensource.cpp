// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clitokensource.h"

#include "auth/jwtclaims.h"

#include <QDateTime>
#include <QJsonObject>

namespace ringchat::cli {

namespace {
// Why a server refuses a token it was given: the claims tell an expired token from
// one that is malformed or not the server's (the server checks the signature).
QString whyRefused(const QString &token)
{
    const QJsonObject claims = auth::jwtClaims(token);
    if (claims.isEmpty() || claims.value(QLatin1String("sub")).toString().isEmpty())
        return QStringLiteral("it is invalid (not a well-formed access token that names a user)");
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    if (exp.isDouble() && qint64(exp.toDouble()) <= QDateTime::currentSecsSinceEpoch()) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
        return QStringLiteral("it expired at %1 UTC").arg(at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    return QStringLiteral("it is invalid (not issued by this server, or for a user it does not know)");
}
} // namespace

CliTokenSource::CliTokenSource(auth::AccessTokenSource *inner, Origin origin, QString serverText)
    : m_inner(inner)
    , m_origin(origin)
    , m_serverText(std::move(serverText))
{
}

void CliTokenSource::refreshAccessToken(RefreshDone done)
{
    m_inner->refreshAccessToken([this, done](bool ok, const QString &error) {
        if (ok)
            m_refusal.clear();
        else
            m_refusal = refusalSentence(error);
        done(ok, ok ? error : m_refusal);
    });
}

QString CliTokenSource::refusalSentence(const QString &renewError) const
{
    if (m_origin == Origin::SavedSession)
        return sessionNotRenewedSentence(m_serverText, renewError);
    const QString from
        = m_origin == Origin::Option ? QStringLiteral("--token") : QStringLiteral("RINGCHAT_TOKEN");
    return QStringLiteral("The access token from %1 was refused: %2. Give a new token, or sign in "
                          "with: ringchat-cli --server %3 login")
        .arg(from, whyRefused(accessToken()), m_serverText);
}

QString CliTokenSource::sessionNotRenewedSentence(const QString &serverText, const QString &reason)
{
    return QStringLiteral("The saved session for %1 could not be renewed%2 Run: ringchat-cli --server %1 "
                          "login")
        .arg(serverText, reason.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + reason);
}

} // namespace ringchat::cli
