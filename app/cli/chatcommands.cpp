#include "chatcommands.h"

#include "api/restclient.h"
#include "auth/accesstokensource.h"
#include "chat/chatservice.h"
#include "chat/storechatcache.h"
#include "net/socketioclient.h"
#include "store/chatstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <memory>
#include <optional>
#include <unistd.h>

namespace ringchat::cli {

using chat::ChatService;
using chat::ConnectionManager;

namespace {

const QStringList kCommands{QStringLiteral("conversations"), QStringLiteral("history"), QStringLiteral("send"),
                            QStringLiteral("tail"), QStringLiteral("typing"), QStringLiteral("read")};

// ---------------------------------------------------------------- arguments

struct Args {
    QStringList positional;
    std::optional<qint64> limit, upTo, timeout;
    QString dataDir;
    bool stdinLines = false;
    bool cached = false;
    QString error;
};

Args parseArgs(const QStringList &raw)
{
    Args a;
    bool optionsDone = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QString &arg = raw.at(i);
        if (optionsDone || !arg.startsWith(QLatin1String("--"))) {
            a.positional << arg;
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsDone = true;
            continue;
        }
        QString name = arg, value;
        bool hasValue = false;
        if (const auto eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
            hasValue = true;
        }
        auto takeValue = [&]() -> bool {
            if (hasValue)
                return true;
            if (i + 1 >= raw.size())
                return false;
            value = raw.at(++i);
            return true;
        };
        auto takeNumber = [&](std::optional<qint64> &target, qint64 min) {
            bool ok = false;
            if (!takeValue()) {
                a.error = QStringLiteral("%1 needs a number.").arg(name);
                return;
            }
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < min)
                a.error = QStringLiteral("%1 needs a number of at least %2, not \"%3\".").arg(name).arg(min).arg(value);
            else
                target = n;
        };
        if (name == QLatin1String("--limit"))
            takeNumber(a.limit, 1);
        else if (name == QLatin1String("--up-to"))
            takeNumber(a.upTo, 0);
        else if (name == QLatin1String("--timeout"))
            takeNumber(a.timeout, 1);
        else if (name == QLatin1String("--data-dir")) {
            if (!takeValue())
                a.error = QStringLiteral("--data-dir needs a directory.");
            else
                a.dataDir = value;
        } else if (name == QLatin1String("--stdin") && !hasValue)
            a.stdinLines = true;
        else if (name == QLatin1String("--cached") && !hasValue)
            a.cached = true;
        else
            a.error = QStringLiteral("Unknown option %1.").arg(arg);
        if (!a.error.isEmpty())
            break;
    }
    return a;
}

// ---------------------------------------------------------------- output

class Io
{
public:
    explicit Io(const ChatCommandContext &ctx) : m_out(ctx.out), m_err(ctx.err) { }
    void json(const QJsonObject &o)
    {
        if (m_out) {
            *m_out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
            m_out->flush();
        }
    }
    void say(const QString &sentence)
    {
        if (m_err) {
            *m_err << sentence << '\n';
            m_err->flush();
        }
    }

private:
    QTextStream *m_out;
    QTextStream *m_err;
};

int exitCodeFor(const api::ApiError &e)
{
    switch (e.kind) {
    case api::ApiError::Kind::None:
        return ExitOk;
    case api::ApiError::Kind::Unauthorized:
        return ExitAuth;
    case api::ApiError::Kind::InsecureUrl:
    case api::ApiError::Kind::InvalidArgument:
        return ExitUsage;
    case api::ApiError::Kind::Network:
    case api::ApiError::Kind::Tls:
    case api::ApiError::Kind::Timeout:
    case api::ApiError::Kind::Cancelled:
        return ExitNetwork;
    case api::ApiError::Kind::Http:
        return e.httpStatus == 401 ? ExitAuth : e.httpStatus >= 500 ? ExitNetwork : ExitRefused;
    case api::ApiError::Kind::RateLimited:
    case api::ApiError::Kind::BadResponse:
        return ExitRefused;
    }
    return ExitFailure;
}

// The code of a refused ack ({ok:false, error:{code}}), or "timeout"/"disconnected".
QString ackProblem(const net::AckResult &r, QString *message)
{
    if (!r.ok()) {
        *message = QStringLiteral("The server did not answer (%1).").arg(r.error);
        return r.error;
    }
    const QJsonObject ack = r.payload.args().isEmpty() ? QJsonObject() : r.payload.args().at(0).toObject();
    if (ack.value(QStringLiteral("ok")).toBool())
        return QString();
    const QJsonObject err = ack.value(QStringLiteral("error")).toObject();
    const QString code = err.value(QStringLiteral("code")).toString(QStringLiteral("BAD_REQUEST"));
    *message = QStringLiteral("The server refused: %1 (%2).").arg(err.value(QStringLiteral("message")).toString(), code);
    return code;
}

// ---------------------------------------------------------------- SIGINT / SIGTERM

int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(s_signalPipe[1], &c, 1);
}

// ---------------------------------------------------------------- one run

// The service (with the account's cache when asked) and the event loop of one command.
class Run
{
public:
    Run(const ChatCommandContext &ctx, const Args &args, Io &io) : m_ctx(ctx), m_args(args), m_io(io) { }

    ~Run()
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

    // Creates the service; withCache opens the per-account database first.
    bool setUp(bool withCache, ChatService::Options options = {})
    {
        options.serverUrl = m_ctx.serverUrl;
        if (withCache) {
            const QString userId = ChatService::userIdFromToken(m_ctx.tokens->accessToken());
            if (userId.isEmpty()) {
                m_io.say(QStringLiteral("The access token does not name a user (no \"sub\" claim)."));
                m_code = ExitAuth;
                return false;
            }
            QString dir = !m_ctx.dataDir.isEmpty() ? m_ctx.dataDir : m_args.dataDir;
            if (dir.isEmpty())
                dir = qEnvironmentVariable("RINGCHAT_DATA_DIR");
            if (dir.isEmpty())
                dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
            if (!QDir().mkpath(dir)) {
                m_io.say(QStringLiteral("Cannot create the data directory %1.").arg(dir));
                m_code = ExitFailure;
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
                m_io.say(QStringLiteral("Cannot open the local cache in %1.").arg(dir));
                m_code = ExitFailure;
                return false;
            }
            m_cache = std::make_unique<chat::StoreChatCache>(m_store.get());
        }
        m_service = new ChatService(options, m_ctx.tokens, m_cache.get());
        QObject::connect(m_service, &ChatService::authFailed, m_service, [this](const QString &error) {
            finish(ExitAuth, QStringLiteral("Not signed in: %1").arg(error));
        });
        return true;
    }

    ChatService *service() const { return m_service; }

    // Gives up with "network" when the service has not been online for `seconds`.
    void giveUpWhenOfflineFor(int seconds, const QString &what)
    {
        auto *timer = new QTimer(m_service);
        timer->setSingleShot(true);
        timer->setInterval(seconds * 1000);
        QObject::connect(timer, &QTimer::timeout, m_service, [this, what] {
            const QString why = m_service->connection()->lastError();
            finish(ExitNetwork, QStringLiteral("Could not reach the server%1. %2")
                                    .arg(why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why), what));
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

    void finish(int code, const QString &sentence = QString())
    {
        if (m_code >= 0)
            return;
        if (!sentence.isEmpty())
            m_io.say(sentence);
        m_code = code;
        m_loop.exit(code);
    }

    int exec()
    {
        if (m_code >= 0)
            return m_code;
        m_loop.exec();
        return m_code < 0 ? ExitFailure : m_code;
    }

    bool finished() const { return m_code >= 0; }

private:
    const ChatCommandContext &m_ctx;
    const Args &m_args;
    Io &m_io;
    std::unique_ptr<store::ChatStore> m_store;
    std::unique_ptr<chat::StoreChatCache> m_cache;
    ChatService *m_service = nullptr;
    QEventLoop m_loop;
    int m_code = -1;
};

// ---------------------------------------------------------------- commands

int conversationsCommand(const ChatCommandContext &ctx, const Args &args, Io &io)
{
    if (!args.positional.isEmpty())
        return io.say(QStringLiteral("conversations takes no arguments.")), ExitUsage;
    api::RestClient rest(ctx.serverUrl, ctx.tokens);
    rest.setTimeout(std::chrono::seconds(args.timeout.value_or(30)));
    int code = -1;
    QEventLoop loop;
    rest.allConversations().then(&loop, [&](const api::ApiResult<QList<api::Conversation>> &r) {
        if (!r.ok()) {
            io.say(r.error().message);
            code = exitCodeFor(r.error());
        } else {
            for (const api::Conversation &c : r.value())
                io.json(c.toJson());
            code = ExitOk;
        }
        loop.quit();
    });
    if (code < 0) // not answered synchronously
        loop.exec();
    return code;
}

QJsonObject messageJson(const api::Message &m)
{
    QJsonObject o = m.toJson();
    if (m.isPending())
        o.insert(QStringLiteral("delivery"), api::deliveryStateName(m.delivery));
    return o;
}

int historyCommand(const ChatCommandContext &ctx, const Args &args, Io &io)
{
    if (args.positional.size() != 1 || !api::isValidConversationId(args.positional.first()))
        return io.say(QStringLiteral("Usage: history CONVERSATION [--limit N] [--cached]")), ExitUsage;
    const QString conv = args.positional.first();
    const qint64 limit = args.limit.value_or(50);
    Run run(ctx, args, io);
    ChatService::Options options;
    options.latestPageSize = int(std::min<qint64>(limit, 200));
    if (!run.setUp(true, options))
        return run.exec();
    ChatService *s = run.service();

    auto print = [&run, &io, s, conv, limit] {
        QList<api::Message> list = s->messages(conv);
        if (list.size() > limit)
            list = list.mid(list.size() - limit);
        for (const api::Message &m : std::as_const(list))
            io.json(messageJson(m));
        run.finish(ExitOk);
    };
    // Pages back (cache first, then the server) until we hold `limit` or reach seq 1.
    std::function<void()> fillBack = [&, s] {
        const QList<api::Message> held = s->messages(conv);
        const bool complete = !held.isEmpty() && held.first().seq == 1;
        if (held.size() >= limit || complete || (args.cached && held.isEmpty()))
            return print();
        s->fetchOlder(conv, int(std::min<qint64>(200, limit - held.size())), [&, s](bool ok, int added) {
            if (!ok && !args.cached)
                return run.finish(ExitNetwork, QStringLiteral("Could not load older messages."));
            if (added == 0)
                return print();
            fillBack();
        });
    };

    if (args.cached) {
        // Offline: only what the cache holds.
        QObject::connect(s, &ChatService::cacheLoaded, s, [&] {
            if (!s->conversation(conv) && s->messages(conv).isEmpty())
                return run.finish(ExitRefused, QStringLiteral("No cached conversation %1.").arg(conv));
            fillBack();
        });
        s->start();
        s->stop(); // start() read the cache; do not connect
        return run.exec();
    }

    QObject::connect(s, &ChatService::syncedChanged, s, [&, s](bool synced) {
        if (!synced || run.finished())
            return;
        if (!s->conversation(conv))
            return run.finish(ExitRefused, QStringLiteral("No conversation %1 (or you are not in it).").arg(conv));
        fillBack();
    });
    run.giveUpWhenOfflineFor(int(args.timeout.value_or(30)), QString());
    s->openConversation(conv);
    s->start();
    return run.exec();
}

class StdinLines
{
public:
    using OnLine = std::function<void(const QString &)>;
    using OnEnd = std::function<void()>;
    StdinLines(QObject *parent, OnLine onLine, OnEnd onEnd)
        : m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, parent))
        , m_onLine(std::move(onLine))
        , m_onEnd(std::move(onEnd))
    {
        QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [this] { readSome(); });
    }

private:
    void readSome()
    {
        char buf[65536];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            m_notifier->setEnabled(false);
            if (!m_buffer.isEmpty())
                emitLine(m_buffer);
            m_buffer.clear();
            m_onEnd();
            return;
        }
        m_buffer.append(buf, n);
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            emitLine(m_buffer.left(nl));
            m_buffer.remove(0, nl + 1);
        }
    }
    void emitLine(QByteArray line)
    {
        if (line.endsWith('\r'))
            line.chop(1);
        m_onLine(QString::fromUtf8(line));
    }

    QSocketNotifier *m_notifier;
    OnLine m_onLine;
    OnEnd m_onEnd;
    QByteArray m_buffer;
};

int sendCommand(const ChatCommandContext &ctx, const Args &args, Io &io)
{
    const bool fromStdin = args.stdinLines;
    if (args.positional.isEmpty() || (fromStdin != (args.positional.size() == 1))
        || !api::isValidConversationId(args.positional.first()))
        return io.say(QStringLiteral("Usage: send CONVERSATION TEXT...  or  send CONVERSATION --stdin")), ExitUsage;
    const QString conv = args.positional.first();
    const QString text = args.positional.mid(1).join(QLatin1Char(' '));
    if (!fromStdin && !api::isValidContent(text))
        return io.say(QStringLiteral("A message is 1 to 10000 characters (not only spaces).")), ExitUsage;

    Run run(ctx, args, io);
    if (!run.setUp(true))
        return run.exec();
    ChatService *s = run.service();
    bool inputDone = !fromStdin;
    bool anyRefused = false;
    std::unique_ptr<StdinLines> input;

    auto maybeDone = [&] {
        if (inputDone && s->isCacheLoaded() && s->outboxPending() == 0)
            run.finish(anyRefused ? ExitRefused : ExitOk);
    };
    QObject::connect(s, &ChatService::messageDelivered, s, [&](const QString &, const api::Message &m) {
        if (!m.id.isEmpty())
            io.json(m.toJson());
        maybeDone();
    });
    QObject::connect(s, &ChatService::messageFailed, s, [&, s](const QString &clientId, const QString &error) {
        io.say(QStringLiteral("Message %1 was refused: %2").arg(clientId, error));
        anyRefused = true;
        s->discardMessage(clientId); // a CLI has nobody to press Retry
        maybeDone();
    });
    QObject::connect(s, &ChatService::cacheLoaded, s, [&, s] {
        if (!fromStdin) {
            s->sendMessage(conv, text);
        } else {
            input = std::make_unique<StdinLines>(
                s,
                [s, conv](const QString &line) {
                    if (api::isValidContent(line))
                        s->sendMessage(conv, line);
                },
                [&] {
                    inputDone = true;
                    maybeDone();
                });
        }
        maybeDone();
    });
    run.giveUpWhenOfflineFor(int(args.timeout.value_or(30)),
                             QStringLiteral("Unsent messages stay queued and go out on the next run."));
    s->openConversation(conv);
    s->start();
    return run.exec();
}

int tailCommand(const ChatCommandContext &ctx, const Args &args, Io &io)
{
    for (const QString &conv : args.positional)
        if (!api::isValidConversationId(conv))
            return io.say(QStringLiteral("Not a conversation id: %1").arg(conv)), ExitUsage;
    Run run(ctx, args, io);
    if (!run.setUp(true))
        return run.exec();
    ChatService *s = run.service();

    // Live messages arrive as events; those fetched after a reconnect are printed
    // as message_received too (marked "source":"sync") so a reader misses none.
    QSet<QPair<QString, qint64>> printed;
    QObject::connect(s, &ChatService::serverEvent, s, [&](const QString &event, const QJsonValue &data) {
        io.json(QJsonObject{{QStringLiteral("event"), event}, {QStringLiteral("data"), data}});
        if (event == QLatin1String("message_received")) {
            const QJsonObject m = data.toObject();
            printed.insert({m.value(QStringLiteral("conversationId")).toString(),
                            qint64(m.value(QStringLiteral("seq")).toDouble())});
        }
    });
    bool ready = false; // set by the first sync
    QObject::connect(s, &ChatService::messagesInserted, s, [&](const QString &conv, const QList<api::Message> &list) {
        if (!ready)
            return;
        for (const api::Message &m : list) {
            if (m.isPending() || printed.contains({conv, m.seq}))
                continue;
            printed.insert({conv, m.seq});
            io.json(QJsonObject{{QStringLiteral("event"), QStringLiteral("message_received")},
                                {QStringLiteral("data"), m.toJson()},
                                {QStringLiteral("source"), QStringLiteral("sync")}});
        }
    });
    QObject::connect(s, &ChatService::statusChanged, s, [&io, s](ConnectionManager::Status st) {
        switch (st) {
        case ConnectionManager::Status::Online: io.say(QStringLiteral("Connected.")); break;
        case ConnectionManager::Status::WaitingToRetry:
            io.say(QStringLiteral("Disconnected; retrying in %1 s.").arg(s->secondsUntilRetry()));
            break;
        default: break;
        }
    });
    bool joinedAll = false;
    QObject::connect(s, &ChatService::syncedChanged, s, [&, s](bool synced) {
        // What the first sync brings is history; after a reconnect it is news we missed.
        if (synced)
            ready = true;
        if (!synced || joinedAll || !args.positional.isEmpty())
            return;
        joinedAll = true; // no list given: follow every conversation
        for (const api::Conversation &c : s->conversations())
            s->openConversation(c.id);
    });

    if (::pipe(s_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, s);
        QObject::connect(notifier, &QSocketNotifier::activated, s, [&run] { run.finish(ExitOk); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    for (const QString &conv : args.positional)
        s->openConversation(conv);
    s->start();
    const int code = run.exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return code;
}

// typing and read: one request once online.
int oneRequestCommand(const ChatCommandContext &ctx, const Args &args, Io &io, bool typing)
{
    const QString usage = typing ? QStringLiteral("Usage: typing CONVERSATION")
                                 : QStringLiteral("Usage: read CONVERSATION [--up-to SEQ]");
    if (args.positional.size() != 1 || !api::isValidConversationId(args.positional.first()))
        return io.say(usage), ExitUsage;
    const QString conv = args.positional.first();
    Run run(ctx, args, io);
    if (!run.setUp(false))
        return run.exec();
    ChatService *s = run.service();
    net::SocketIoClient *socket = s->socket();
    const QJsonObject target{{QStringLiteral("conversationId"), conv}};

    auto onRefused = [&run](const QString &code, const QString &message) {
        const bool network = code == QLatin1String("timeout") || code == QLatin1String("disconnected");
        run.finish(network ? ExitNetwork : ExitRefused, message);
    };
    auto markRead = [&, socket, conv](qint64 upTo) {
        socket->emitEvent(QStringLiteral("mark_read"),
                          QJsonObject{{QStringLiteral("conversationId"), conv}, {QStringLiteral("upToSeq"), upTo}},
                          [&, conv](const net::AckResult &r) {
                              QString message;
                              const QString code = ackProblem(r, &message);
                              if (!code.isEmpty())
                                  return onRefused(code, message);
                              const QJsonObject ack = r.payload.args().at(0).toObject();
                              io.json(QJsonObject{{QStringLiteral("conversationId"), conv},
                                                  {QStringLiteral("lastReadSeq"), ack.value(QStringLiteral("lastReadSeq"))}});
                              run.finish(ExitOk);
                          });
    };
    bool sent = false;
    QObject::connect(s->connection(), &ConnectionManager::online, s, [&, socket, target](bool) {
        if (sent)
            return;
        sent = true;
        if (typing) {
            socket->emitEvent(QStringLiteral("typing_start"), target, [&](const net::AckResult &r) {
                QString message;
                const QString code = ackProblem(r, &message);
                if (!code.isEmpty())
                    return onRefused(code, message);
                io.json(QJsonObject{{QStringLiteral("conversationId"), target.value(QStringLiteral("conversationId"))},
                                    {QStringLiteral("typing"), true}});
                run.finish(ExitOk);
            });
        } else if (args.upTo) {
            markRead(*args.upTo);
        } else {
            // Up to the newest message: join to learn the conversation's last seq.
            socket->emitEvent(QStringLiteral("join_conversation"), target, [&, markRead](const net::AckResult &r) {
                QString message;
                const QString code = ackProblem(r, &message);
                if (!code.isEmpty())
                    return onRefused(code, message);
                const QJsonObject c = r.payload.args().at(0).toObject().value(QStringLiteral("conversation")).toObject();
                markRead(qint64(c.value(QStringLiteral("lastSeq")).toDouble()));
            });
        }
    });
    run.giveUpWhenOfflineFor(int(args.timeout.value_or(30)), QString());
    s->start();
    return run.exec();
}

} // namespace

bool isChatCommand(const QString &command)
{
    return kCommands.contains(command);
}

QString chatCommandsHelp()
{
    return QStringLiteral(
        "Chat commands:\n"
        "  conversations                   one JSON object a line\n"
        "  history CONVERSATION [--limit N] [--cached]\n"
        "                                  the last N messages (default 50); --cached: offline, from the cache\n"
        "  send CONVERSATION TEXT...       prints the acked message as JSON\n"
        "  send CONVERSATION --stdin       sends each input line as a message\n"
        "  tail [CONVERSATION...]          every server event as {\"event\":...,\"data\":...} until interrupted\n"
        "  typing CONVERSATION             one typing_start\n"
        "  read CONVERSATION [--up-to SEQ] moves your read marker (default: to the newest message)\n"
        "Options: --data-dir DIR (or RINGCHAT_DATA_DIR): the cache and outbox;\n"
        "         --timeout SECONDS: give up after this long without a connection (default 30).\n"
        "Exit codes: 2 usage, 3 auth, 4 network, 5 refused by the server.\n");
}

int runChatCommand(const QString &command, const QStringList &rawArgs, const ChatCommandContext &ctx)
{
    Io io(ctx);
    if (!isChatCommand(command))
        return io.say(QStringLiteral("Unknown command %1.").arg(command)), ExitUsage;
    const Args args = parseArgs(rawArgs);
    if (!args.error.isEmpty())
        return io.say(args.error), ExitUsage;
    if (!ctx.serverUrl.isValid() || ctx.serverUrl.isEmpty())
        return io.say(QStringLiteral("Give the server with --server URL.")), ExitUsage;
    QString urlError;
    if (!api::RestClient::isAllowedServerUrl(ctx.serverUrl, &urlError))
        return io.say(urlError), ExitUsage;
    if (!ctx.tokens || ctx.tokens->accessToken().isEmpty())
        return io.say(QStringLiteral("Not signed in: run \"ringchat-cli login\" or pass --token.")), ExitAuth;

    if (command == QLatin1String("conversations"))
        return conversationsCommand(ctx, args, io);
    if (command == QLatin1String("history"))
        return historyCommand(ctx, args, io);
    if (command == QLatin1String("send"))
        return sendCommand(ctx, args, io);
    if (command == QLatin1String("tail"))
        return tailCommand(ctx, args, io);
    return oneRequestCommand(ctx, args, io, command == QLatin1String("typing"));
}

} // namespace ringchat::cli
