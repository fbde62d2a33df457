// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exitcode.h"

#include "api/apiresult.h"
#include "auth/autherror.h"

namespace ringchat::cli {

QString exitCodeMeaning(ExitCode code)
{
    switch (code) {
    case ExitOk:
        return QStringLiteral("done");
    case ExitFailure:
        return QStringLiteral("failed for another reason (e.g. the local cache could not be opened)");
    case ExitUsage:
        return QStringLiteral("bad command line or server address");
    case ExitAuth:
        return QStringLiteral("not signed in, sign-in failed or cancelled, or the access token was refused");
    case ExitNetwork:
        return QStringLiteral("the server could not be reached (network, proxy, TLS, timeout)");
    case ExitRefused:
        return QStringLiteral("the server answered but refused the request");
    }
    return QString();
}

ExitCode exitCodeFor(const auth::AuthError &error)
{
    using K = auth::AuthError::Kind;
    switch (error.kind) {
    case K::None:
        return ExitOk;
    case K::BadServerUrl:
        return ExitUsage;
    case K::Unreachable:
    case K::Tls:
    case K::Timeout:
        return ExitNetwork;
    case K::NotRingServer:
    case K::ServerError:
        return ExitRefused;
    case K::InvalidGrant:
    case K::AccessDenied:
    case K::StateMismatch:
    case K::Cancelled:
    case K::Browser:
    case K::SecretStore:
        return ExitAuth;
    }
    return ExitFailure;
}

ExitCode exitCodeFor(const api::ApiError &error)
{
    using K = api::ApiError::Kind;
    switch (error.kind) {
    case K::None:
        return ExitOk;
    case K::Unauthorized:
        return ExitAuth;
    case K::InsecureUrl:
    case K::InvalidArgument:
        return ExitUsage;
    case K::Network:
    case K::Tls:
    case K::Timeout:
    case K::Cancelled:
        return ExitNetwork;
    case K::Http:
        return error.httpStatus == 401 ? ExitAuth : error.httpStatus >= 500 ? ExitNetwork : ExitRefused;
    case K::RateLimited:
    case K::BadResponse:
        return ExitRefused;
    case K::Integrity: // a download whose bytes are not the file's: nothing was kept
    case K::LocalFile:
        return ExitFailure;
    }
    return ExitFailure;
}

} // namespace ringchat::cli
