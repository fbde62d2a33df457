// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// RestClient against the real reference server, plus the failure modes a real
// server cannot be asked for (refused port, silent peer, non-TLS peer).

#include "api/restclient.h"
#include "auth/accesstokensource.h"
#include "referenceserver.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using namespace ringchat;
using api::ApiError;
using api::RestClient;

namespace {

// Polls (keeping the event loop running) until the future is done.
template <typename T> T await(QFuture<T> future, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!future.isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("future did not finish within %d ms", timeoutMs);
    return future.result();
}

QString newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Mints real tokens from the reference server; counts refreshes.
class ServerTokenSource : public auth::AccessTokenSource
{
public:
    ServerTokenSource(const ReferenceServer &server, QString user, int ttl = 3600)
        : m_server(server)
        , m_user(std::move(user))
        , m_token(m_server.token(m_user, { QStringLiteral("--ttl"), QString::number(ttl) }))
    {
    }
    QString accessToken() const override { return m_token; }
    void refreshAccessToken(RefreshDone done) override
    {
        ++refreshes;
        if (!canRefresh)
            return done(false, QStringLiteral("The session has ended."));
        m_token = m_server.token(m_user);
        done(!m_token.isEmpty(), {});
    }
    int refreshes = 0;
    bool canRefresh = true;

private:
    const ReferenceServer &m_server;
    QString m_user;
    QString m_token;
};

// A TCP peer that accepts and then does what it is told (nothing, or a fixed answer).
class RawPeer : public QTcpServer
{
public:
    explicit RawPeer(QByteArray answer = {})
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                s->setParent(this);
                if (!m_answer.isEmpty()) {
                    connect(s, &QTcpSocket::readyRead, s, [s, this] {
                        s->readAll();
                        s->write(m_answer);
                        s->disconnectFromHost();
                    });
                }
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url(const char *scheme = "http") const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(QLatin1StringView(scheme)).arg(serverPort()));
    }

private:
    QByteArray m_answer;
};

} // namespace

class TestRestClient : public QObject
{
    Q_OBJECT

private:
    // A small message burst so 429 can be provoked; everything else stays under it.
    static QProcessEnvironment serverEnv()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("MESSAGE_RATE_BURST"), QStringLiteral("8"));
        env.insert(QStringLiteral("MESSAGE_RATE_PER_SEC"), QStringLiteral("1"));
        return env;
    }
    ReferenceServer m_server { serverEnv() };

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error())); }

    void me()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"));
        RestClient client(m_server.url(), &tokens);
        const auto r = await(client.me());
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(r.value().id, QStringLiteral("alice"));
        QCOMPARE(r.value().name, QStringLiteral("Alice Example"));
        QCOMPARE(tokens.refreshes, 0);
    }

    void searchUsers()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"));
        RestClient client(m_server.url(), &tokens);
        const auto r = await(client.searchUsers(QStringLiteral("bo"), 10));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QStringList ids;
        for (const auto &u : r.value())
            ids << u.id;
        QVERIFY2(ids.contains(QStringLiteral("bob")), qPrintable(ids.join(u',')));
        QVERIFY(!ids.contains(QStringLiteral("carol")));
    }

    void conversationsPagesAndAll()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"));
        RestClient client(m_server.url(), &tokens);
        const auto page = await(client.conversations(1));
        QVERIFY2(page.ok(), qPrintable(page.error().message));
        QCOMPARE(page.value().items.size(), 1);
        QVERIFY(page.value().hasMore);
        QVERIFY(!page.value().cursor.isEmpty());

        const auto all = await(client.allConversations(1));
        QVERIFY2(all.ok(), qPrintable(all.error().message));
        QSet<QString> ids;
        for (const auto &c : all.value())
            ids.insert(c.id);
        QCOMPARE(ids.size(), all.value().size()); // no page twice
        QVERIFY(ids.contains(QStringLiteral("dm-alice-bob")));
        QVERIFY(ids.contains(QStringLiteral("dm-alice-carol")));
        QVERIFY(ids.contains(QStringLiteral("group-ring")));
    }

    void createConversation()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"));
        RestClient client(m_server.url(), &tokens);
        const auto direct
            = await(client.createConversation(api::Conversation::Type::Direct, { QStringLiteral("bob") }));
        QVERIFY2(direct.ok(), qPrintable(direct.error().message));
        QCOMPARE(direct.value().id, QStringLiteral("dm-alice-bob")); // returned, not created twice
        const auto group = await(client.createConversation(api::Conversation::Type::Group,
                                                           { QStringLiteral("bob"), QStringLiteral("carol") },
                                                           QStringLiteral("Weekend")));
        QVERIFY2(group.ok(), qPrintable(group.error().message));
        QCOMPARE(group.value().type, api::Conversation::Type::Group);
        QCOMPARE(group.value().title, QStringLiteral("Weekend"));
        QCOMPARE(group.value().participants.size(), 3);
    }

    void sendIsIdempotentAndHistoryPages()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("bob"));
        RestClient client(m_server.url(), &tokens);
        const QString conv = QStringLiteral("dm-alice-bob");
        const QString clientId = newClientId();
        const auto first = await(client.sendMessage(conv, clientId, QStringLiteral("hello from the test")));
        QVERIFY2(first.ok(), qPrintable(first.error().message));
        QCOMPARE(first.value().clientId, clientId);
        QCOMPARE(first.value().senderId, QStringLiteral("bob"));
        const auto again = await(client.sendMessage(conv, clientId, QStringLiteral("hello from the test")));
        QVERIFY2(again.ok(), qPrintable(again.error().message));
        QCOMPARE(again.value().id, first.value().id);
        QCOMPARE(again.value().seq, first.value().seq);
        for (int i = 0; i < 3; ++i)
            QVERIFY(await(client.sendMessage(conv, newClientId(), QStringLiteral("n%1").arg(i))).ok());
        const qint64 last = first.value().seq + 3;

        const auto latest = await(client.messages(conv, RestClient::Direction::Before, 0, 2));
        QVERIFY2(latest.ok(), qPrintable(latest.error().message));
        QCOMPARE(latest.value().items.size(), 2);
        QCOMPARE(latest.value().items.at(0).seq, last - 1);
        QCOMPARE(latest.value().items.at(1).seq, last);
        QVERIFY(latest.value().hasMore);
        const auto older = await(client.messages(conv, RestClient::Direction::Before, last - 1, 2));
        QVERIFY(older.ok());
        QCOMPARE(older.value().items.at(0).seq, last - 3);
        QCOMPARE(older.value().items.at(1).seq, last - 2);

        const auto after = await(client.messages(conv, RestClient::Direction::After, 0, 200));
        QVERIFY(after.ok());
        QCOMPARE(after.value().items.size(), int(last));
        for (int i = 0; i < after.value().items.size(); ++i)
            QCOMPARE(after.value().items.at(i).seq, i + 1);
        QVERIFY(!after.value().hasMore);
    }

    void expiredTokenIsRefreshedOnce()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"), -60);
        RestClient client(m_server.url(), &tokens);
        const auto r = await(client.me());
        QVERIFY2(r.ok(), qPrintable(r.error().message));
        QCOMPARE(tokens.refreshes, 1);
    }

    void failedRefreshIsUnauthorized()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"), -60);
        tokens.canRefresh = false;
        RestClient client(m_server.url(), &tokens);
        const auto r = await(client.me());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Unauthorized);
        QVERIFY2(r.error().message.contains(QStringLiteral("The session has ended.")),
                 qPrintable(r.error().message));
        QCOMPARE(tokens.refreshes, 1);

        // A token that stays bad after a refresh: one retry, no loop.
        auth::FixedTokenSource garbage(QStringLiteral("not-a-jwt"));
        RestClient fixed(m_server.url(), &garbage);
        const auto g = await(fixed.me());
        QCOMPARE(g.error().kind, ApiError::Kind::Unauthorized);
    }

    void serverErrorsCarryStatusAndCode()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("carol"));
        RestClient client(m_server.url(), &tokens);
        // carol is not in dm-alice-bob.
        const auto forbidden
            = await(client.messages(QStringLiteral("dm-alice-bob"), RestClient::Direction::Before));
        QVERIFY(!forbidden.ok());
        QCOMPARE(forbidden.error().kind, ApiError::Kind::Http);
        QVERIFY(forbidden.error().httpStatus == 403 || forbidden.error().httpStatus == 404);
        QVERIFY(!forbidden.error().code.isEmpty());
        QVERIFY2(forbidden.error().message.contains(QString::number(forbidden.error().httpStatus)),
                 qPrintable(forbidden.error().message));

        const auto missing
            = await(client.messages(QStringLiteral("no-such-conversation"), RestClient::Direction::After));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().httpStatus == 404 || missing.error().httpStatus == 403);

        const auto badId
            = await(client.messages(QStringLiteral("../etc/passwd"), RestClient::Direction::After));
        QCOMPARE(badId.error().kind, ApiError::Kind::InvalidArgument);
        const auto empty
            = await(client.sendMessage(QStringLiteral("group-ring"), newClientId(), QStringLiteral("  ")));
        QCOMPARE(empty.error().kind, ApiError::Kind::InvalidArgument);
    }

    void rateLimitHonoursRetryAfter()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("carol"));
        RestClient client(m_server.url(), &tokens);
        client.setMaxRateLimitWait(std::chrono::seconds(0));
        const QString conv = QStringLiteral("group-ring");
        // Use up the burst; the first 429 comes back as an error with the wait.
        std::optional<ApiError> limited;
        for (int i = 0; i < 20 && !limited; ++i) {
            const auto r = await(client.sendMessage(conv, newClientId(), QStringLiteral("burst %1").arg(i)));
            if (!r.ok())
                limited = r.error();
        }
        QVERIFY(limited);
        QCOMPARE(limited->kind, ApiError::Kind::RateLimited);
        QCOMPARE(limited->httpStatus, 429);
        QVERIFY(limited->retryAfterSeconds >= 1);
        QVERIFY(limited->message.contains(QStringLiteral("seconds")));

        // Allowed to wait: the client sleeps Retry-After and the message goes through.
        client.setMaxRateLimitWait(std::chrono::seconds(10));
        const auto r = await(client.sendMessage(conv, newClientId(), QStringLiteral("after waiting")));
        QVERIFY2(r.ok(), qPrintable(r.error().message));
    }

    void refusedConnectionIsNetworkError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        auth::FixedTokenSource tokens(QStringLiteral("t"));
        RestClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), &tokens);
        const auto r = await(client.me());
        QCOMPARE(r.error().kind, ApiError::Kind::Network);
        QVERIFY2(r.error().message.contains(QStringLiteral("127.0.0.1")), qPrintable(r.error().message));
    }

    void silentServerTimesOut()
    {
        RawPeer silent;
        auth::FixedTokenSource tokens(QStringLiteral("t"));
        RestClient client(silent.url(), &tokens);
        client.setTimeout(std::chrono::milliseconds(300));
        const auto r = await(client.me());
        QCOMPARE(r.error().kind, ApiError::Kind::Timeout);
        QVERIFY2(r.error().message.contains(QStringLiteral("did not answer")), qPrintable(r.error().message));
    }

    void plainPeerOnHttpsIsTlsError()
    {
        RawPeer plain("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        auth::FixedTokenSource tokens(QStringLiteral("t"));
        RestClient client(plain.url("https"), &tokens);
        client.setTimeout(std::chrono::milliseconds(5000));
        const auto r = await(client.me());
        QCOMPARE(r.error().kind, ApiError::Kind::Tls);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("The secure connection")),
                 qPrintable(r.error().message));
    }

    void nonJsonAnswerIsBadResponse()
    {
        RawPeer html("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                     "13\r\nConnection: close\r\n\r\n"
                     "<html></html>");
        auth::FixedTokenSource tokens(QStringLiteral("t"));
        RestClient client(html.url(), &tokens);
        const auto r = await(client.me());
        QCOMPARE(r.error().kind, ApiError::Kind::BadResponse);
        // Valid JSON of the wrong shape too.
        RawPeer wrong("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      "27\r\nConnection: close\r\n"
                      "\r\n{\"success\":true,\"data\":[1]}");
        RestClient client2(wrong.url(), &tokens);
        const auto r2 = await(client2.me());
        QCOMPARE(r2.error().kind, ApiError::Kind::BadResponse);
    }

    void plainHttpOnlyOnLoopback()
    {
        QVERIFY(RestClient::isAllowedServerUrl(QUrl(QStringLiteral("https://chat.example.org"))));
        QVERIFY(RestClient::isAllowedServerUrl(QUrl(QStringLiteral("http://localhost:3000"))));
        QVERIFY(RestClient::isAllowedServerUrl(QUrl(QStringLiteral("http://127.0.0.1:3000"))));
        QVERIFY(RestClient::isAllowedServerUrl(QUrl(QStringLiteral("http://127.8.0.1"))));
        QVERIFY(RestClient::isAllowedServerUrl(QUrl(QStringLiteral("http://[::1]:3000"))));
        QString why;
        QVERIFY(!RestClient::isAllowedServerUrl(QUrl(QStringLiteral("http://chat.example.org")), &why));
        QVERIFY(why.contains(QStringLiteral("https://")));
        QVERIFY(!RestClient::isAllowedServerUrl(QUrl(QStringLiteral("http://10.0.0.1"))));
        QVERIFY(!RestClient::isAllowedServerUrl(QUrl(QStringLiteral("ftp://localhost"))));
        QVERIFY(!RestClient::isAllowedServerUrl(QUrl(QStringLiteral("not a url"))));

        auth::FixedTokenSource tokens(QStringLiteral("t"));
        RestClient client(QUrl(QStringLiteral("http://chat.example.org")), &tokens);
        const auto r = await(client.me());
        QCOMPARE(r.error().kind, ApiError::Kind::InsecureUrl);
    }

    void destroyingTheClientCancelsPendingCalls()
    {
        RawPeer silent;
        auth::FixedTokenSource tokens(QStringLiteral("t"));
        auto *client = new RestClient(silent.url(), &tokens);
        auto future = client->me();
        QTest::qWait(50);
        QVERIFY(!future.isFinished());
        delete client;
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error().kind, ApiError::Kind::Cancelled);
    }

    void destroyingTheClientFinishesAllConversations()
    {
        RawPeer silent;
        auth::FixedTokenSource tokens(QStringLiteral("t"));
        auto *client = new RestClient(silent.url(), &tokens);
        auto future = client->allConversations(10);
        QTest::qWait(50);
        delete client;
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(future.result().error().kind, ApiError::Kind::Cancelled);
    }

    void continuationsRunOnTheCallersThread()
    {
        ServerTokenSource tokens(m_server, QStringLiteral("alice"));
        RestClient client(m_server.url(), &tokens);
        QThread *thread = nullptr;
        client.me().then(this, [&](const api::ApiResult<api::User> &) { thread = QThread::currentThread(); });
        QTRY_VERIFY_WITH_TIMEOUT(thread != nullptr, 30000);
        QCOMPARE(thread, QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
