// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace ringchat::auth {

// What went wrong during sign-in, refresh or sign-out, in words the user can act on.
// The kind lets callers decide what to do (retry, ask to sign in again, exit code);
// the message is shown as is. Messages never contain a token.
struct AuthError
{
    enum class Kind {
        None,
        BadServerUrl,  // the address cannot be used (e.g. http:// to a remote host)
        Unreachable,   // DNS, refused connection, network down
        Tls,           // the secure connection could not be established
        Timeout,       // no answer in time
        NotRingServer, // reachable, but no usable sign-in configuration
        ServerError,   // the server answered with an error we cannot fix here (5xx, bad JSON)
        InvalidGrant,  // the code or refresh token is no longer accepted: sign in again
        AccessDenied,  // the user or the server declined the sign-in
        StateMismatch, // a callback that does not belong to this sign-in
        Cancelled,     // the user cancelled, or the browser wait timed out
        Browser,       // the browser could not be opened
        SecretStore,   // keychain or session file problem
    };

    Kind kind = Kind::None;
    QString message;

    AuthError() = default;
    AuthError(Kind k, QString m)
        : kind(k)
        , message(std::move(m))
    {
    }

    bool isError() const { return kind != Kind::None; }
    // Network trouble: worth retrying later; the session stays signed in.
    bool isTransient() const
    {
        return kind == Kind::Unreachable || kind == Kind::Timeout || kind == Kind::Tls
            || kind == Kind::ServerError;
    }
};

} // namespace ringchat::auth

Q_DECLARE_METATYPE(ringchat::auth::AuthError)
