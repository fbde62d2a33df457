// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/tokenclient.h"

#include <QByteArray>
#include <QUrl>

namespace ringchat::auth {

// The page the browser opens to sign in: an OAuth authorization code request
// with PKCE (RFC 7636), `state`, the OpenID Connect `nonce` and consent to a
// refresh token. Query items already in the endpoint are kept.
struct AuthorizationRequest
{
    QUrl endpoint; // the discovered authorization_endpoint
    OAuthClientConfig client;
    QUrl redirectUri; // the loopback listener
    QByteArray state;
    QByteArray nonce;
    QByteArray codeChallenge; // S256

    QUrl url() const;
};

} // namespace ringchat::auth
