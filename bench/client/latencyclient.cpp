// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One of the latency test's chat clients (bench/latency.mjs drives them): the app's
// chat engine as the app makes it — ChatService on a SQLite cache file, with the
// list models — against the reference server. One process per client, so the
// sender's and the receiver's work run in parallel as on two machines.
//
//   ringchat-bench-latency sender   URL TOKEN DATA_DIR CONV SIZE
//   ringchat-bench-latency receiver URL TOKEN DATA_DIR CONV PEER [FLOOD_CONV]
//
// The sender reads commands on stdin ("message I", "typing_start I", "typing_stop I",
// "away I", "back I", "disconnect I", "connect I", "quit") and prints, with the time
// just before its call into the engine, {"ev":"did","kind","i","t"}. "away" makes the
// presence tracker's own idle timer fire now (the app waits 5 minutes for it); its
// time is when the timer fired. The receiver prints {"ev":"seen",...,"t"} the
// moment its message model holds a new row of PEER's, its conversation list shows
// PEER typing or not, or PEER's presence changes; "stats" prints what its flood
// conversation's model took in and the CPU time it used so far. Both print
// {"ev":"ready"} once synced.
//
// t is CLOCK_MONOTONIC in microseconds: one clock for every process on the machine
// (Node's process.hrtime reads it too), so the driver subtracts "did" from "seen".

#include "auth/accesstokensource.h"
#include "auth/jwtclaims.h"
#include "chat/chataccount.h"
#include "chat/chatservice.h"
#include "chat/presencetracker.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"

#include <QCoreApplication>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include "processcpu.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <time.h>
#include <unistd.h>
#include <utility>

using namespace ringchat;

namespace {

double monotonicUs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

void say(const QJsonObject &line)
{
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Messages carry their number: "latency <i> xxx…", SIZE characters.
QString messageText(int i, int size)
{
    QString text = QStringLiteral("latency %1 ").arg(i);
    return text.leftJustified(std::max(size, int(text.size())), QLatin1Char('x'));
}

int messageNumber(const QString &text)
{
    if (!text.startsWith(QLatin1String("latency ")))
        return -1;
    bool ok = false;
    const int i = text.section(QLatin1Char(' '), 1, 1).toInt(&ok);
    return ok ? i : -1;
}

// Lines from the driver on stdin, without blocking the event loop.
class StdinLines : public QObject
{
public:
    StdinLines(std::function<void(const QString &)> onLine, std::function<void()> onEnd, QObject *parent)
        : QObject(parent)
        , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
        , m_onLine(std::move(onLine))
        , m_onEnd(std::move(onEnd))
    {
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { readSome(); });
    }

private:
    void readSome()
    {
        char buf[4096];
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) {
            m_notifier->setEnabled(false);
            m_onEnd();
            return;
        }
        m_buffer.append(buf, n);
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_buffer.left(nl)).trimmed();
            m_buffer.remove(0, nl + 1);
            if (!line.isEmpty())
                m_onLine(line);
        }
    }

    QSocketNotifier *m_notifier;
    std::function<void(const QString &)> m_onLine;
    std::function<void()> m_onEnd;
    QByteArray m_buffer;
};

// The engine as the app makes it (chat::ChatAccount): a cache file per account, then
// the service.
struct Engine
{
    Engine(const QUrl &server, const QString &token, const QString &dataDir,
           chat::ChatService::Options options)
        : tokens(token)
    {
        chat::ChatAccount::Options account;
        account.serverUrl = server;
        account.userId = auth::jwtClaims(token).value(QStringLiteral("sub")).toString();
        account.cacheDirectory = dataDir;
        account.service = options;
        account.service.watchNetwork = false;
        wiring = std::make_unique<chat::ChatAccount>(account, &tokens);
        if (!wiring->opened().result()) {
            std::fputs("bench latency: cannot open the store\n", stderr);
            std::exit(2);
        }
        service = wiring->service();
    }

    auth::FixedTokenSource tokens;
    std::unique_ptr<chat::ChatAccount> wiring; // its destructor waits for every queued write
    chat::ChatService *service = nullptr;
};

// A's side: turns the driver's commands into the engine calls the UI makes.
class Sender : public QObject
{
public:
    Sender(chat::ChatService *service, QString conv, int size, QObject *parent)
        : QObject(parent)
        , m_service(service)
        , m_conv(std::move(conv))
        , m_size(size)
    {
        connect(service, &chat::ChatService::syncedChanged, this, [this](bool synced) {
            if (synced)
                say({ { QStringLiteral("ev"),
                        m_readySaid ? QStringLiteral("synced") : QStringLiteral("ready") } });
            m_readySaid = m_readySaid || synced;
        });
        // "Away" is the presence tracker's idle timer firing (its only child timer):
        // note the time before its handler sends update_presence, print it once the
        // status changed, and give the timer back its interval.
        const auto timers = service->presence()->findChildren<QTimer *>(Qt::FindDirectChildrenOnly);
        if (timers.size() != 1) {
            std::fputs("bench latency: the presence tracker's idle timer is not its only timer any more\n",
                       stderr);
            std::exit(2);
        }
        m_idle = timers.first();
        m_idle->installEventFilter(this);
        connect(service->presence(), &chat::PresenceTracker::ownStatusChanged, this,
                [this](const QString &status) {
                    if (status == QLatin1String("away") && m_awayAsked >= 0) {
                        m_idle->setInterval(m_idleInterval);
                        did(QStringLiteral("away"), std::exchange(m_awayAsked, -1), m_idleFiredUs);
                    }
                });
    }

    void command(const QString &line)
    {
        const QString verb = line.section(QLatin1Char(' '), 0, 0);
        const int i = line.section(QLatin1Char(' '), 1, 1).toInt();
        const double t = monotonicUs();
        if (verb == QLatin1String("message"))
            m_service->sendMessage(m_conv, messageText(i, m_size));
        else if (verb == QLatin1String("typing_start"))
            m_service->userTyped(m_conv);
        else if (verb == QLatin1String("typing_stop"))
            m_service->userStoppedTyping(m_conv);
        else if (verb == QLatin1String("away"))
            return goAway(i); // printed when the timer fired
        else if (verb == QLatin1String("back"))
            m_service->noteUserActivity();
        else if (verb == QLatin1String("disconnect"))
            m_service->stop();
        else if (verb == QLatin1String("connect"))
            m_service->start();
        else if (verb == QLatin1String("quit"))
            return quit();
        else
            return say({ { QStringLiteral("ev"), QStringLiteral("error") },
                         { QStringLiteral("error"), QStringLiteral("unknown command: ") + line } });
        did(verb, i, t);
    }

    void quit()
    {
        m_service->stop();
        QCoreApplication::exit(0);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Timer)
            m_idleFiredUs = monotonicUs();
        return QObject::eventFilter(watched, event);
    }

private:
    // The tracker's own timeout handler runs (update_presence away); only the
    // wait is skipped.
    void goAway(int i)
    {
        m_awayAsked = i;
        m_idleInterval = m_idle->interval();
        m_idle->start(0);
    }

    static void did(const QString &kind, int i, double t)
    {
        say({ { QStringLiteral("ev"), QStringLiteral("did") },
              { QStringLiteral("kind"), kind },
              { QStringLiteral("i"), i },
              { QStringLiteral("t"), t } });
    }

    chat::ChatService *m_service;
    QString m_conv;
    int m_size;
    bool m_readySaid = false;
    QTimer *m_idle = nullptr;
    int m_idleInterval = 0;
    int m_awayAsked = -1;
    double m_idleFiredUs = 0;
};

// B's side: watches what the UI would show — the conversation's message model,
// the conversation list's typing line and PEER's presence — and the flood's model.
class Receiver : public QObject
{
public:
    Receiver(chat::ChatService *service, QString conv, QString peer, const QString &floodConv,
             QObject *parent)
        : QObject(parent)
        , m_service(service)
        , m_conv(std::move(conv))
        , m_peer(std::move(peer))
    {
        // The measured conversation is open (joined: typing comes to it). The
        // flooded one has a model too (the app keeps the models it made) and is
        // read as it arrives, as the app's view marks what it shows: unread, the
        // reference server's per-message unread count grows with the backlog.
        service->openConversation(m_conv);
        m_messages = service->messageModel(m_conv);
        m_list = service->conversationModel();
        if (!floodConv.isEmpty())
            m_flood = service->messageModel(floodConv);
        m_floodConv = floodConv;

        connect(m_messages, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { noteRows(first, last); });
        connect(m_messages, &QAbstractItemModel::modelReset, this,
                [this] { noteRows(0, m_messages->rowCount() - 1); });
        connect(m_list, &models::ConversationListModel::typingChanged, this,
                [this](const QString &conv, const QString &text) {
                    const double t = monotonicUs();
                    if (conv != m_conv || text.isEmpty() == !m_typing)
                        return;
                    m_typing = !text.isEmpty();
                    say({ { QStringLiteral("ev"), QStringLiteral("seen") },
                          { QStringLiteral("kind"), QStringLiteral("typing") },
                          { QStringLiteral("on"), m_typing },
                          { QStringLiteral("t"), t } });
                });
        connect(m_list, &models::ConversationListModel::presenceChanged, this, [this](const QString &userId) {
            const double t = monotonicUs();
            if (userId != m_peer)
                return;
            const QString status = presence();
            if (status == m_presence)
                return;
            m_presence = status;
            say({ { QStringLiteral("ev"), QStringLiteral("seen") },
                  { QStringLiteral("kind"), QStringLiteral("presence") },
                  { QStringLiteral("status"), status },
                  { QStringLiteral("t"), t } });
        });
        if (m_flood)
            connect(m_flood, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &, int first, int last) { noteFloodRows(first, last); });
        connect(service, &chat::ChatService::syncedChanged, this, [this](bool synced) {
            if (!synced || m_readySaid)
                return;
            m_readySaid = true;
            m_presence = presence();
            say({ { QStringLiteral("ev"), QStringLiteral("ready") },
                  { QStringLiteral("presence"), m_presence } });
        });
    }

    void command(const QString &line)
    {
        if (line == QLatin1String("stats")) {
            say({ { QStringLiteral("ev"), QStringLiteral("stats") },
                  { QStringLiteral("messageRows"), m_messages->count() },
                  { QStringLiteral("lastMessage"), m_lastI },
                  { QStringLiteral("floodRows"), m_floodRows },
                  { QStringLiteral("floodInserts"), m_floodInserts },
                  { QStringLiteral("floodLastSeq"), m_floodLastSeq },
                  { QStringLiteral("floodOrderOk"), m_floodOrderOk },
                  { QStringLiteral("cpuUs"), double(processCpuMicroseconds()) } });
        } else if (line == QLatin1String("quit")) {
            m_service->stop();
            QCoreApplication::exit(0);
        }
    }

private:
    QString presence() const
    {
        const QString status = m_list->presence(m_peer).value(QStringLiteral("status")).toString();
        return status.isEmpty() ? QStringLiteral("offline") : status;
    }

    // New rows of PEER's: each number must follow the last one.
    void noteRows(int first, int last)
    {
        const double t = monotonicUs();
        using R = models::MessageListModel;
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = m_messages->index(row);
            if (index.data(R::SenderIdRole).toString() != m_peer)
                continue;
            const int i = messageNumber(index.data(R::TextRole).toString());
            const qint64 seq = index.data(R::SeqRole).toLongLong();
            if (i < 0 || (i <= m_lastI && m_lastI >= 0))
                continue; // seeded, or a reset showing rows already seen
            if (m_lastI >= 0 && i != m_lastI + 1)
                say({ { QStringLiteral("ev"), QStringLiteral("error") },
                      { QStringLiteral("error"),
                        QStringLiteral("message %1 after %2").arg(i).arg(m_lastI) } });
            m_lastI = i;
            say({ { QStringLiteral("ev"), QStringLiteral("seen") },
                  { QStringLiteral("kind"), QStringLiteral("message") },
                  { QStringLiteral("i"), i },
                  { QStringLiteral("seq"), seq },
                  { QStringLiteral("t"), t } });
        }
    }

    void noteFloodRows(int first, int last)
    {
        ++m_floodInserts;
        for (int row = first; row <= last; ++row) {
            const qint64 seq = m_flood->index(row).data(models::MessageListModel::SeqRole).toLongLong();
            if (m_floodLastSeq > 0 && seq != m_floodLastSeq + 1)
                m_floodOrderOk = false;
            m_floodLastSeq = seq;
            ++m_floodRows;
        }
        m_service->markVisible(m_floodConv, m_floodLastSeq);
    }

    chat::ChatService *m_service;
    QString m_conv;
    QString m_peer;
    QString m_floodConv;
    models::MessageListModel *m_messages = nullptr;
    models::MessageListModel *m_flood = nullptr;
    models::ConversationListModel *m_list = nullptr;
    bool m_readySaid = false;
    bool m_typing = false;
    QString m_presence;
    int m_lastI = -1;
    qint64 m_floodRows = 0;
    qint64 m_floodInserts = 0; // rowsInserted signals: one per model insert
    qint64 m_floodLastSeq = 0;
    bool m_floodOrderOk = true;
};

int usage()
{
    std::fputs("usage: ringchat-bench-latency sender URL TOKEN DATA_DIR CONV SIZE\n"
               "       ringchat-bench-latency receiver URL TOKEN DATA_DIR CONV PEER [FLOOD_CONV]\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString role = args.value(1);
    const bool sender = role == QLatin1String("sender");
    if ((!sender && role != QLatin1String("receiver")) || args.size() < 7 || args.size() > (sender ? 7 : 8))
        return usage();
    Engine engine(QUrl(args[2]), args[3], args[4], chat::ChatService::Options {});
    chat::ChatService *service = engine.service;

    std::function<void(const QString &)> command;
    std::function<void()> quit;
    if (sender) {
        auto *a = new Sender(service, args[5], args[6].toInt(), &app);
        command = [a](const QString &line) { a->command(line); };
        quit = [a] { a->quit(); };
    } else {
        auto *b = new Receiver(service, args[5], args[6], args.value(7), &app);
        command = [b](const QString &line) { b->command(line); };
        quit = [b] { b->command(QStringLiteral("quit")); };
    }
    new StdinLines(command, quit, &app);
    QObject::connect(service, &chat::ChatService::authFailed, &app, [](const QString &error) {
        std::fprintf(stderr, "bench latency: auth failed: %s\n", qPrintable(error));
        QCoreApplication::exit(3);
    });
    service->start();
    return app.exec();
}
