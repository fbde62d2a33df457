// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Our client in the side-by-side benchmark: the core library's SocketIoClient,
// every event decoded fully into an api::Message by Message::fromJson (reading the
// packet's one parsed document, as ChatService does) and handed to a handler that
// checks order, as the peers' handlers do.
//
// Usage: ringchat-bench-client PORT ingest COUNT SIZE | PORT echo COUNT SIZE
// Prints one JSON line with the result; exit code 0 when the run was correct.

#include "api/types.h"
#include "net/socketioclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

#include "processcpu.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace ringchat;

namespace {

void printResult(QJsonObject result)
{
    result.insert(QStringLiteral("client"), QStringLiteral("ours"));
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Checks each decoded message in arrival order.
class OrderChecker
{
public:
    explicit OrderChecker(int size)
        : m_size(size)
    {
    }
    void operator()(const api::Message &message)
    {
        if (message.seq != m_expectedSeq || message.content.size() != m_size)
            m_orderOk = false;
        ++m_expectedSeq;
        ++m_received;
    }
    qint64 received() const { return m_received; }
    bool orderOk() const { return m_orderOk; }

private:
    int m_size;
    qint64 m_expectedSeq = 1;
    qint64 m_received = 0;
    bool m_orderOk = true;
};

class IngestRun
{
public:
    IngestRun(net::SocketIoClient &client, int count, int size)
        : m_client(client)
        , m_count(count)
        , m_size(size)
        , m_checker(size)
    {
        m_client.on(QStringLiteral("message_received"),
                    [this](const net::Payload &payload, const net::Reply &) {
                        // Straight from the parsed packet, the app's own path.
                        auto message = api::Message::fromJson(payload.arg(0));
                        if (message)
                            m_checker(*message);
                        else
                            ++m_invalid;
                    });
        m_client.on(QStringLiteral("flood_done"),
                    [this](const net::Payload &payload, const net::Reply &) { finish(payload); });
    }

    void start()
    {
        m_cpu0 = processCpuMicroseconds();
        m_clock.start();
        m_client.emitEvent(
            QStringLiteral("flood"),
            QJsonObject { { QStringLiteral("count"), m_count }, { QStringLiteral("size"), m_size } });
    }

private:
    void finish(const net::Payload &payload)
    {
        const double wallUs = m_clock.nsecsElapsed() / 1000.0;
        const double cpuUs = double(processCpuMicroseconds() - m_cpu0);
        const QJsonObject done = payload.args().at(0).toObject();
        const qint64 received = m_checker.received();
        const bool ok = m_checker.orderOk() && m_invalid == 0 && received == m_count
            && done.value(QStringLiteral("count")).toInteger() == m_count;
        printResult({ { QStringLiteral("mode"), QStringLiteral("ingest") },
                      { QStringLiteral("ok"), ok },
                      { QStringLiteral("received"), received },
                      { QStringLiteral("invalid"), m_invalid },
                      { QStringLiteral("orderOk"), m_checker.orderOk() },
                      { QStringLiteral("msgPerS"), received / (wallUs / 1e6) },
                      { QStringLiteral("cpuUsPerMsg"), cpuUs / std::max<qint64>(1, received) },
                      { QStringLiteral("wallUs"), wallUs },
                      { QStringLiteral("cpuUs"), cpuUs },
                      { QStringLiteral("serverBusy"), done.value(QStringLiteral("serverBusy")) } });
        QCoreApplication::exit(ok ? 0 : 1);
    }

    net::SocketIoClient &m_client;
    int m_count;
    int m_size;
    OrderChecker m_checker;
    qint64 m_invalid = 0;
    qint64 m_cpu0 = 0;
    QElapsedTimer m_clock;
};

// Sequential acked emits, each sent from the previous ack's callback.
class EchoRun
{
public:
    EchoRun(net::SocketIoClient &client, int count, int size)
        : m_client(client)
        , m_count(count)
        , m_content(size, QLatin1Char('y'))
    {
        m_latencyUs.reserve(count);
    }

    void start()
    {
        m_cpu0 = processCpuMicroseconds();
        m_clock.start();
        send();
    }

private:
    void send()
    {
        m_sentAtNs = m_clock.nsecsElapsed();
        const int n = int(m_latencyUs.size());
        m_client.emitEvent(
            QStringLiteral("echo"),
            QJsonObject { { QStringLiteral("content"), m_content }, { QStringLiteral("n"), n } },
            [this, n](const net::AckResult &result) { onAck(result, n); });
    }

    void onAck(const net::AckResult &result, int n)
    {
        m_latencyUs.push_back((m_clock.nsecsElapsed() - m_sentAtNs) / 1000.0);
        const QJsonObject reply = result.payload.args().at(0).toObject();
        if (!result.ok() || reply.value(QStringLiteral("n")).toInt(-1) != n
            || reply.value(QStringLiteral("content")).toString().size() != m_content.size())
            ++m_mismatches;
        if (int(m_latencyUs.size()) < m_count)
            return send();
        finish();
    }

    void finish()
    {
        const double wallUs = m_clock.nsecsElapsed() / 1000.0;
        const double cpuUs = double(processCpuMicroseconds() - m_cpu0);
        std::vector<double> sorted = m_latencyUs;
        std::sort(sorted.begin(), sorted.end());
        auto pct = [&](double p) {
            return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
        };
        const bool ok = m_mismatches == 0;
        printResult({ { QStringLiteral("mode"), QStringLiteral("echo") },
                      { QStringLiteral("ok"), ok },
                      { QStringLiteral("calls"), m_count },
                      { QStringLiteral("mismatches"), m_mismatches },
                      { QStringLiteral("p50Us"), pct(0.5) },
                      { QStringLiteral("p99Us"), pct(0.99) },
                      { QStringLiteral("maxUs"), sorted.back() },
                      { QStringLiteral("callsPerS"), m_count / (wallUs / 1e6) },
                      { QStringLiteral("cpuUsPerCall"), cpuUs / m_count },
                      { QStringLiteral("wallUs"), wallUs },
                      { QStringLiteral("cpuUs"), cpuUs } });
        QCoreApplication::exit(ok ? 0 : 1);
    }

    net::SocketIoClient &m_client;
    int m_count;
    QString m_content;
    std::vector<double> m_latencyUs;
    int m_mismatches = 0;
    qint64 m_cpu0 = 0;
    qint64 m_sentAtNs = 0;
    QElapsedTimer m_clock;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5 || (args[2] != QLatin1String("ingest") && args[2] != QLatin1String("echo"))) {
        std::fputs("usage: ringchat-bench-client PORT ingest|echo COUNT SIZE\n", stderr);
        return 2;
    }
    const int port = args[1].toInt();
    const int count = args[3].toInt();
    const int size = args[4].toInt();

    net::SocketIoOptions options;
    options.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    options.auth = { { QStringLiteral("token"), QStringLiteral("bench") } };
    options.transports = { QStringLiteral("websocket") };
    options.autoReconnect = false;
    options.watchNetwork = false;
    net::SocketIoClient client(options);

    IngestRun ingest(client, count, size);
    EchoRun echo(client, count, size);
    const bool echoMode = args[2] == QLatin1String("echo");
    QObject::connect(&client, &net::SocketIoClient::connected, &app, [&] {
        if (echoMode)
            echo.start();
        else
            ingest.start();
    });
    auto fail = [](const QString &why) {
        std::fprintf(stderr, "bench client: %s\n", qPrintable(why));
        QCoreApplication::exit(3);
    };
    QObject::connect(&client, &net::SocketIoClient::connectError, &app,
                     [fail](const QString &message) { fail(QStringLiteral("connect error: ") + message); });
    QObject::connect(&client, &net::SocketIoClient::connectFailed, &app,
                     [fail](const QString &reason) { fail(QStringLiteral("connect failed: ") + reason); });
    QObject::connect(&client, &net::SocketIoClient::disconnected, &app,
                     [fail](const QString &reason) { fail(QStringLiteral("disconnected: ") + reason); });
    client.open();
    return app.exec();
}
