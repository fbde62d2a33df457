// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace ringchat::auth {

// Where the REST client and the chat service get the bearer token from. The
// signed-in session implements it (and refreshes); a fixed token from
// --token / RINGCHAT_TOKEN implements it for bots and tests (and cannot refresh).
class AccessTokenSource
{
public:
    using RefreshDone = std::function<void(bool ok, const QString &error)>;

    virtual ~AccessTokenSource() = default;

    // The current access token; empty when signed out.
    virtual QString accessToken() const = 0;

    // Gets a fresh access token (after a 401 or TOKEN_EXPIRED). Calls done once,
    // on the caller's thread; ok means accessToken() now returns the new token.
    virtual void refreshAccessToken(RefreshDone done) = 0;
};

// A token given on the command line or in the environment.
class FixedTokenSource final : public AccessTokenSource
{
public:
    explicit FixedTokenSource(QString token)
        : m_token(std::move(token))
    {
    }
    QString accessToken() const override { return m_token; }
    void refreshAccessToken(RefreshDone done) override
    {
        done(false,
             QStringLiteral("The access token was given on the command line and cannot be refreshed."));
    }

private:
    QString m_token;
};

} // namespace ringchat::auth
