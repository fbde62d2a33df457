// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "exitcode.h"

#include "auth/accountsettings.h"
#include "auth/authsession.h"
#include "auth/secretstore.h"
#include "auth/secretstorefactory.h"
#include "auth/serverurl.h"

#include <QCoreApplication>
#include <QTimer>

namespace ringchat::cli {

CliContext::CliContext(Settings settings)
    : m_settings(std::move(settings))
{
}

CliContext::~CliContext()
{
    m_tokens.reset();
    m_session.reset();
    delete m_store;
}

QString CliContext::serverText() const
{
    return auth::ServerUrl::key(m_settings.server);
}

auth::AuthSession *CliContext::session()
{
    if (!m_session) {
        auth::AccountSettings settings;
        // The plaintext store (an explicit opt-in) logs its warning itself.
        m_store = auth::createSecretStore(settings, nullptr);
        m_session = std::make_unique<auth::AuthSession>(m_store, settings);
    }
    return m_session.get();
}

bool CliContext::savedSessionIsForThisServer() const
{
    const auth::SavedAccount saved = auth::AccountSettings().lastAccount();
    return saved.isValid() && saved.serverUrl == serverText();
}

void CliContext::withAccessToken(std::function<void(CliTokenSource *)> ready)
{
    if (hasFixedToken()) {
        m_fixed = std::make_unique<auth::FixedTokenSource>(m_settings.fixedToken);
        m_tokens = std::make_unique<CliTokenSource>(m_fixed.get(), m_settings.tokenOrigin, serverText());
        ready(m_tokens.get());
        return;
    }
    const QString notSignedIn
        = QStringLiteral("Not signed in to %1. Run: ringchat-cli --server %1 login").arg(serverText());
    if (!savedSessionIsForThisServer())
        return fail(ExitAuth, notSignedIn);

    auth::AuthSession *s = session();
    m_tokens = std::make_unique<CliTokenSource>(s, CliTokenSource::Origin::SavedSession, serverText());
    auto once = std::make_shared<bool>(false);
    const auto settle = [this, s, once, ready](bool ok, const QString &signedOutReason) {
        if (std::exchange(*once, true))
            return;
        QObject::disconnect(s, nullptr, s, nullptr);
        if (ok)
            ready(m_tokens.get());
        else if (!signedOutReason.isEmpty()) // the server no longer renews the session
            fail(ExitAuth, CliTokenSource::sessionNotRenewedSentence(serverText(), signedOutReason));
        else
            fail(exitCodeFor(s->lastError()), s->errorString());
    };
    QObject::connect(s, &auth::AuthSession::signedIn, s, [settle] { settle(true, QString()); });
    QObject::connect(s, &auth::AuthSession::signInFailed, s, [settle] { settle(false, QString()); });
    QObject::connect(s, &auth::AuthSession::refreshFailed, s, [settle] { settle(false, QString()); });
    QObject::connect(s, &auth::AuthSession::signedOut, s,
                     [settle](const QString &reason) { settle(false, reason); });
    if (!s->restoreSession())
        fail(ExitAuth, notSignedIn);
}

void CliContext::fail(int code, const QString &words)
{
    m_output.say(words);
    finish(code);
}

void CliContext::finish(int code)
{
    if (std::exchange(m_finished, true))
        return;
    m_output.flush();
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

} // namespace ringchat::cli
