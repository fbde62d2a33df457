// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The access token of one ringchat-cli run, and where it came from (--token,
// RINGCHAT_TOKEN or the saved session), so that a token the server refuses is
// reported as refused, with the reason, instead of as "not signed in".

#include "auth/accesstokensource.h"

#include <QString>

namespace ringchat::cli {

class CliTokenSource final : public auth::AccessTokenSource
{
public:
    enum class Origin { Option, Environment, SavedSession };

    // `inner` (not owned) holds the token: a FixedTokenSource or the AuthSession.
    CliTokenSource(auth::AccessTokenSource *inner, Origin origin, QString serverText);

    QString accessToken() const override { return m_inner->accessToken(); }
    // Called when the server refused the current token. The session renews it; a
    // fixed token cannot be renewed. When no fresh token comes, refusal() says why.
    void refreshAccessToken(RefreshDone done) override;

    // Empty until the server refused the token and no fresh one could be had.
    QString refusal() const { return m_refusal; }
    // What to say when a request failed for want of a token: the refusal when there
    // was one, else `otherwise`.
    QString refusalOr(const QString &otherwise) const { return m_refusal.isEmpty() ? otherwise : m_refusal; }
    // The sentence for this token being refused, e.g. "The access token from --token
    // was refused: it expired at ...". `renewError` is the session's reason.
    QString refusalSentence(const QString &renewError = QString()) const;

    // The sentence for a saved session the server no longer renews, with what to do.
    static QString sessionNotRenewedSentence(const QString &serverText, const QString &reason);

private:
    auth::AccessTokenSource *m_inner;
    Origin m_origin;
    QString m_serverText;
    QString m_refusal;
};

} // namespace ringchat::cli
