// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"
#include "auth/tokenclient.h"

#include <QByteArray>
#include <QString>

namespace ringchat::auth {

// Who a token response says is signed in, and for how long, checked against the
// sign-in or refresh it answers. With an id token: its issuer, audience and (on
// sign-in) nonce must match; without one the access token's claims are read.
// Claims are read without checking signatures (see jwtClaims).
struct TokenIdentity
{
    struct Expected
    {
        QString issuer;         // the discovered issuer
        QString clientId;       // must be in the id token's audience
        bool signingIn = false; // a sign-in (nonce and user id required) or a refresh
        QByteArray nonce;       // sign-in: the nonce sent to the browser
        QString userId;         // refresh: the account signed in (another one is refused)
    };

    QString userId;           // "sub"; may be empty on a refresh
    QString userName;         // "name", else "preferred_username"; may be empty
    qint64 expiresInSec = -1; // expires_in, else from the access token's "exp"; -1 unknown

    // Sets `error` (and returns an empty identity) when the tokens must be refused.
    static TokenIdentity read(const TokenSet &tokens, const Expected &expected, AuthError *error);
};

} // namespace ringchat::auth
