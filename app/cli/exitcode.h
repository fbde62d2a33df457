// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The exit codes of ringchat-cli: the one list, what each means (for --help), and the mapping
// from the library's error kinds.

#include <QString>

namespace ringchat::auth {
struct AuthError;
}
namespace ringchat::api {
struct ApiError;
}

namespace ringchat::cli {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // anything else (e.g. the local cache could not be opened)
    ExitUsage = 2,   // bad command line or server address
    ExitAuth = 3,    // not signed in, sign-in failed or cancelled, token refused
    ExitNetwork = 4, // server not reachable, TLS failure, timeout
    ExitRefused = 5, // the server answered but refused (not a Ring server, HTTP errors, rejected request)
};
constexpr ExitCode kLastExitCode = ExitRefused;

// What the code means, for people; --help lists every code from ExitOk to kLastExitCode.
QString exitCodeMeaning(ExitCode code);

ExitCode exitCodeFor(const auth::AuthError &error);
ExitCode exitCodeFor(const api::ApiError &error);

} // namespace ringchat::cli
