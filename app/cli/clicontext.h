// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every ringchat-cli command gets: the chosen server, the output, the account
// session and the access token of this run.

#include "clitokensource.h"
#include "commandline.h"
#include "output.h"

#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace ringchat::auth {
class AuthSession;
class FixedTokenSource;
class SecretStore;
} // namespace ringchat::auth

namespace ringchat::cli {

class CliContext
{
public:
    struct Settings
    {
        QUrl server;
        QString fixedToken; // from --token or RINGCHAT_TOKEN; empty: the saved session
        CliTokenSource::Origin tokenOrigin = CliTokenSource::Origin::SavedSession;
        QString dataDir; // --data-dir; empty: RINGCHAT_DATA_DIR, then the platform's
        int timeoutSeconds = kDefaultTimeoutSeconds;
    };

    explicit CliContext(Settings settings);
    ~CliContext();

    QUrl server() const { return m_settings.server; }
    QString serverText() const;
    const Settings &settings() const { return m_settings; }
    bool hasFixedToken() const { return !m_settings.fixedToken.isEmpty(); }
    Output &output() { return m_output; }

    // The account session (settings + keychain, or the opted-in plaintext file).
    auth::AuthSession *session();
    // The saved account's server, when it is this context's server.
    bool savedSessionIsForThisServer() const;

    // Calls ready() with the token of this run: the --token / RINGCHAT_TOKEN token, or
    // the saved session restored without a browser. Fails the command otherwise.
    void withAccessToken(std::function<void(CliTokenSource *)> ready);

    // Says `words` on stderr and ends the command with `code`.
    void fail(int code, const QString &words);
    // Ends the command (the event loop exits with `code`); only the first call counts.
    void finish(int code);

private:
    Settings m_settings;
    Output m_output;
    auth::SecretStore *m_store = nullptr;
    std::unique_ptr<auth::AuthSession> m_session;
    std::unique_ptr<auth::FixedTokenSource> m_fixed;
    std::unique_ptr<CliTokenSource> m_tokens;
    bool m_finished = false;
};

} // namespace ringchat::cli
