// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatrun.h"

#include "chatcommands.h"
#include "clitokensource.h"
#include "exitcode.h"
#include "output.h"

#include "auth/jwtclaims.h"

#include <QDir>
#include <QStandardPaths>
#include <QTimer>

namespace ringchat::cli {

using chat::ChatService;
using chat::ConnectionManager;

ChatRun::ChatRun(const ChatCommandContext &ctx)
    : m_ctx(ctx)
{
}

ChatRun::~ChatRun()
{
    // Stops the service, then the cache and the store write what they hold: the last
    // outbox update is on disk before the process exits.
    m_account.reset();
}

bool ChatRun::setUp(bool withCache, ChatService::Options options)
{
    chat::ChatAccount::Options account;
    account.serverUrl = m_ctx.serverUrl;
    account.withCache = withCache;
    account.service = options;
    if (withCache) {
        account.userId = auth::jwtClaims(m_ctx.tokens->accessToken()).value(QStringLiteral("sub")).toString();
        if (account.userId.isEmpty()) {
            // The server would refuse it too; say so before opening a cache for nobody.
            finish(ExitAuth, m_ctx.tokens->refusalSentence());
            return false;
        }
        account.cacheDirectory = cacheDirectory();
        if (account.cacheDirectory.isEmpty())
            return false;
    }
    m_account = std::make_unique<chat::ChatAccount>(account, m_ctx.tokens);
    if (!waitUntilOpened(account.cacheDirectory))
        return false;
    QObject::connect(service(), &ChatService::authFailed, service(), [this](const QString &error) {
        finish(ExitAuth, m_ctx.tokens->refusalOr(QStringLiteral("Not signed in: %1").arg(error)));
    });
    return true;
}

QString ChatRun::cacheDirectory()
{
    QString dir = m_ctx.dataDir;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("RINGCHAT_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dir)) {
        finish(ExitFailure, QStringLiteral("Cannot create the data directory %1.").arg(dir));
        return {};
    }
    return dir;
}

bool ChatRun::waitUntilOpened(const QString &dir)
{
    bool opened = false, answered = false;
    QEventLoop wait;
    m_account->opened().then(&wait, [&](bool ok) {
        opened = ok;
        answered = true;
        wait.quit();
    });
    // A future that is already finished runs its continuation at once, before exec().
    if (!answered)
        wait.exec();
    if (!opened)
        finish(ExitFailure, QStringLiteral("Cannot open the local cache in %1.").arg(dir));
    return opened;
}

void ChatRun::giveUpWhenOffline(const QString &what)
{
    auto *timer = new QTimer(service());
    timer->setSingleShot(true);
    timer->setInterval(m_ctx.timeoutSeconds * 1000);
    QObject::connect(timer, &QTimer::timeout, service(), [this, what] {
        const QString why = service()->connection()->lastError();
        finish(ExitNetwork,
               QStringLiteral("Could not reach the server%1.%2")
                   .arg(why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why),
                        what.isEmpty() ? QString() : QLatin1Char(' ') + what));
    });
    auto update = [timer](ConnectionManager::Status s) {
        if (s == ConnectionManager::Status::Online)
            timer->stop();
        else if (!timer->isActive())
            timer->start();
    };
    QObject::connect(service(), &ChatService::statusChanged, timer, update);
    update(service()->status());
}

void ChatRun::giveUpWithoutAnswer(const QString &what)
{
    m_withoutAnswer = what;
    if (!m_answerWait) {
        m_answerWait = new QTimer(service());
        m_answerWait->setSingleShot(true);
        m_answerWait->setInterval(m_ctx.timeoutSeconds * 1000);
        QObject::connect(m_answerWait, &QTimer::timeout, service(), [this] {
            finish(ExitNetwork,
                   QStringLiteral("The server did not answer within %1 s. %2")
                       .arg(m_ctx.timeoutSeconds)
                       .arg(m_withoutAnswer));
        });
    }
    m_answerWait->start();
}

void ChatRun::finish(int code, const QString &sentence)
{
    if (m_code >= 0)
        return;
    if (!sentence.isEmpty())
        m_ctx.output->say(sentence);
    m_code = code;
    m_loop.exit(code);
}

int ChatRun::exec()
{
    if (m_code >= 0)
        return m_code;
    m_loop.exec();
    return m_code < 0 ? ExitFailure : m_code;
}

} // namespace ringchat::cli
