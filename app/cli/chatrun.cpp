#include "chatrun.h"

#include "chatcommands.h"
#include "clitokensource.h"
#include "exitcode.h"
#include "output.h"

#include "chat/storechatcache.h"
#include "store/chatstore.h"

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
    // The service first (it writes to the cache), then the store (which flushes to disk).
    delete m_service;
    m_cache.reset();
    // close() runs after every write queued before it: wait, so the last outbox
    // update is on disk before the process exits.
    if (m_store)
        m_store->close().waitForFinished();
    m_store.reset();
}

bool ChatRun::setUp(bool withCache, ChatService::Options options)
{
    options.serverUrl = m_ctx.serverUrl;
    if (withCache && !openCache())
        return false;
    m_service = new ChatService(options, m_ctx.tokens, m_cache.get());
    QObject::connect(m_service, &ChatService::authFailed, m_service, [this](const QString &error) {
        finish(ExitAuth, m_ctx.tokens->refusalOr(QStringLiteral("Not signed in: %1").arg(error)));
    });
    return true;
}

bool ChatRun::openCache()
{
    const QString userId = ChatService::userIdFromToken(m_ctx.tokens->accessToken());
    if (userId.isEmpty()) {
        // The server would refuse it too; say so before opening a cache for nobody.
        finish(ExitAuth, m_ctx.tokens->refusalSentence());
        return false;
    }
    QString dir = m_ctx.dataDir;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("RINGCHAT_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(dir)) {
        finish(ExitFailure, QStringLiteral("Cannot create the data directory %1.").arg(dir));
        return false;
    }
    m_store = std::make_unique<store::ChatStore>();
    bool opened = false, answered = false;
    QEventLoop wait;
    m_store->open(store::ChatStore::databasePath(m_ctx.serverUrl, userId, dir), userId)
        .then(&wait, [&](bool ok) {
            opened = ok;
            answered = true;
            wait.quit();
        });
    // A future that is already finished runs its continuation at once, before exec().
    if (!answered)
        wait.exec();
    if (!opened) {
        finish(ExitFailure, QStringLiteral("Cannot open the local cache in %1.").arg(dir));
        return false;
    }
    m_cache = std::make_unique<chat::StoreChatCache>(m_store.get());
    return true;
}

void ChatRun::giveUpWhenOffline(const QString &what)
{
    auto *timer = new QTimer(m_service);
    timer->setSingleShot(true);
    timer->setInterval(m_ctx.timeoutSeconds * 1000);
    QObject::connect(timer, &QTimer::timeout, m_service, [this, what] {
        const QString why = m_service->connection()->lastError();
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
    QObject::connect(m_service, &ChatService::statusChanged, timer, update);
    update(m_service->status());
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
