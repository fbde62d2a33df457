// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "siotestsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace ringchat::net::test {

int fixturePort(const char *envName)
{
    const QString path = qEnvironmentVariable(envName);
    if (path.isEmpty()) {
        qWarning("%s is not set: run this test through ctest (it starts the server fixture)", envName);
        return 0;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read the fixture state file %s", qPrintable(path));
        return 0;
    }
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("port")).toInt();
}

QUrl serverUrl(int port)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
}

PrivateServer::PrivateServer(QStringList extraArgs)
    : m_args(std::move(extraArgs))
{
}

PrivateServer::~PrivateServer()
{
    kill();
}

bool PrivateServer::start(int port)
{
    kill();
    m_error.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Dies with the test process, even when the test crashes or the server is stopped.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QStringList args { QStringLiteral(RINGCHAT_SIO_SERVER_SCRIPT), QStringLiteral("--port"),
                       QString::number(port), QStringLiteral("--watch-stdin"), QStringLiteral("on") };
    args += m_args;
    m_process->start(QStringLiteral(RINGCHAT_NODE_EXECUTABLE), args);
    const QString command = QStringLiteral(RINGCHAT_NODE_EXECUTABLE " ") + args.join(QLatin1Char(' '));
    if (!m_process->waitForStarted(10000)) {
        m_error = command + QStringLiteral(" did not start: ") + m_process->errorString();
        qWarning("%s", qPrintable(m_error));
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^LISTENING (\\d+)$"),
                                              QRegularExpression::MultilineOption);
    QByteArray output;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() || m_process->waitForReadyRead(200)) {
            while (m_process->canReadLine()) {
                const QByteArray line = m_process->readLine();
                output += line;
                const auto match = listening.match(QString::fromUtf8(line).trimmed());
                if (match.hasMatch()) {
                    m_port = match.captured(1).toInt();
                    return true;
                }
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
    }
    output += m_process->readAll();
    m_error = command
        + (m_process->state() == QProcess::NotRunning ? QStringLiteral(" exited")
                                                      : QStringLiteral(" ran 20 s"))
        + QStringLiteral(" without printing LISTENING; its output:\n")
        + QString::fromUtf8(output.right(3000));
    qWarning("%s", qPrintable(m_error));
    kill();
    return false;
}

void PrivateServer::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        const auto pid = static_cast<pid_t>(m_process->processId());
        if (m_paused)
            ::kill(pid, SIGCONT);
        ::kill(pid, SIGKILL);
        if (!m_process->waitForFinished(10000))
            qWarning("test server on port %d: still running 10 s after SIGKILL", m_port);
    }
    m_paused = false;
    m_process.reset();
}

void PrivateServer::pause()
{
    if (isRunning()) {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGSTOP);
        m_paused = true;
    }
}

void PrivateServer::resume()
{
    if (isRunning()) {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGCONT);
        m_paused = false;
    }
}

bool PrivateServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

std::optional<QJsonDocument> controlGet(int port, const QString &pathAndQuery, int timeoutMs)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/control/%2").arg(port).arg(pathAndQuery));
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs + 1000, &loop, &QEventLoop::quit);
    loop.exec();
    std::optional<QJsonDocument> result;
    if (reply->isFinished()) {
        QJsonParseError error;
        const QByteArray body = reply->readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError)
            result = doc;
        else
            qWarning("GET %s: no JSON answer (%s): %s", qPrintable(url.toString()),
                     qPrintable(reply->errorString()), body.left(500).constData());
    } else {
        qWarning("GET %s: no answer within %d ms", qPrintable(url.toString()), timeoutMs + 1000);
    }
    reply->abort();
    delete reply;
    return result;
}

SocketIoOptions baseOptions(int port)
{
    SocketIoOptions options;
    options.serverUrl = serverUrl(port);
    options.auth = QJsonObject { { QStringLiteral("token"), QStringLiteral("good") } };
    options.randomSeed = 42;
    options.watchNetwork = false;
    options.connectTimeoutMs = 10000;
    return options;
}

AckCallback AckCatcher::callback()
{
    return [state = m_state](const AckResult &result) {
        ++state->calls;
        if (!state->result)
            state->result = result;
    };
}

bool AckCatcher::wait(int timeoutMs)
{
    return QTest::qWaitFor([this] { return done(); }, timeoutMs);
}

AckResult emitAndWait(SocketIoClient &client, const QString &event, const Payload &payload, int timeoutMs)
{
    AckCatcher catcher;
    client.emitEvent(event, payload, catcher.callback());
    if (!catcher.wait(timeoutMs)) {
        AckResult none;
        none.error = QStringLiteral("test: no ack for %1 within %2 ms").arg(event).arg(timeoutMs);
        return none;
    }
    return catcher.result();
}

AckResult emitAndWait(SocketIoClient &client, const QString &event, const QJsonObject &arg, int timeoutMs)
{
    return emitAndWait(client, event, Payload { QJsonArray { arg }, {} }, timeoutMs);
}

bool openAndWait(SocketIoClient &client, int timeoutMs)
{
    bool connected = false;
    bool refused = false;
    QObject context;
    QObject::connect(&client, &SocketIoClient::connected, &context, [&connected] { connected = true; });
    QObject::connect(&client, &SocketIoClient::connectError, &context, [&refused] { refused = true; });
    client.open();
    const bool settled = QTest::qWaitFor([&] { return connected || refused; }, timeoutMs);
    if (!settled)
        qWarning("open: neither connected nor refused within %d ms (state %d, attempt %d)", timeoutMs,
                 int(client.state()), client.attempt());
    return connected && client.state() == SocketIoClient::State::Connected;
}

std::optional<QByteArray> binaryAt(const Payload &payload, const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || !object.value(QStringLiteral("_placeholder")).toBool()
        || !object.value(QStringLiteral("num")).isDouble())
        return std::nullopt;
    const int num = object.value(QStringLiteral("num")).toInt(-1);
    if (num < 0 || num >= payload.binaries.size())
        return std::nullopt;
    return payload.binaries.at(num);
}

Payload payloadOf(std::initializer_list<std::variant<QJsonValue, QByteArray>> items)
{
    QJsonArray args;
    QList<QByteArray> binaries;
    for (const auto &item : items) {
        if (const auto *bytes = std::get_if<QByteArray>(&item)) {
            args.append(QJsonObject { { QStringLiteral("_placeholder"), true },
                                      { QStringLiteral("num"), static_cast<int>(binaries.size()) } });
            binaries.append(*bytes);
        } else {
            args.append(std::get<QJsonValue>(item));
        }
    }
    return Payload(std::move(args), std::move(binaries));
}

QJsonObject describedBinary(const QByteArray &bytes)
{
    return QJsonObject { { QStringLiteral("$binary"), QString::fromLatin1(bytes.toBase64()) } };
}

QString toText(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QString toText(const Payload &payload)
{
    QString text = QString::fromUtf8(QJsonDocument(payload.args()).toJson(QJsonDocument::Compact));
    for (const QByteArray &binary : payload.binaries)
        text += QStringLiteral(" <binary %1 bytes>").arg(binary.size());
    return text;
}

} // namespace ringchat::net::test
