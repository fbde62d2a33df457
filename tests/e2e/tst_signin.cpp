// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the app's sign-in code path (AuthSession) against the reference
// server, with Debian's Chromium as the system browser (driven by browser.mjs,
// set as RINGCHAT_BROWSER), then the chat socket with the token it got.

#include "../auth/testlog.h"
#include "auth/authsession.h"
#include "auth/plaintextsecretstore.h"
#include "net/socketioclient.h"
#include "referenceserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace ringchat;
using auth::AuthSession;
using State = AuthSession::State;

namespace {

const QString kBrowserScript = QStringLiteral(RINGCHAT_SOURCE_DIR "/tests/e2e/browser.mjs");

struct HttpAnswer
{
    int status = 0;
    QJsonObject json;
};

HttpAnswer httpRequest(const QUrl &url, const QByteArray &bearer, const QByteArray &form = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    QNetworkReply *reply;
    if (form.isNull()) {
        reply = nam.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = nam.post(request, form);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    HttpAnswer answer { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        QJsonDocument::fromJson(reply->readAll()).object() };
    delete reply;
    return answer;
}

int apiMeStatus(const QUrl &server, const QString &token)
{
    return httpRequest(QUrl(server.toString() + QStringLiteral("/api/me")), token.toUtf8()).status;
}

// The browser of one sign-in: its mode, and the progress it reports.
class Browser
{
public:
    Browser(const QString &mode)
    {
        m_report = m_dir.filePath(QStringLiteral("report"));
        qputenv("RINGCHAT_BROWSER",
                QStringLiteral("node \"%1\" --mode %2 --report \"%3\"")
                    .arg(kBrowserScript, mode, m_report)
                    .toUtf8());
    }
    ~Browser()
    {
        QFile f(m_report);
        if (f.open(QIODevice::ReadOnly))
            testlog::appendOutput(QStringLiteral("browser report"), f.readAll());
    }

    QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        QFile f(m_report);
        if (!f.open(QIODevice::ReadOnly))
            return list;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                list << QJsonDocument::fromJson(line).object();
        }
        return list;
    }
    QJsonObject event(const QString &name) const
    {
        for (const QJsonObject &e : events()) {
            if (e.value(QLatin1String("event")).toString() == name)
                return e;
        }
        return {};
    }
    bool has(const QString &name) const { return !event(name).isEmpty(); }
    QString describe() const
    {
        QStringList lines;
        for (const QJsonObject &e : events())
            lines << QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact));
        return lines.join(QLatin1Char('\n'));
    }
    void go() const
    {
        QFile f(m_report + QStringLiteral(".go"));
        f.open(QIODevice::WriteOnly);
    }

private:
    QTemporaryDir m_dir;
    QString m_report;
};

// One account's storage: settings file and the (plaintext, so the test can read it) secret store.
struct Profile
{
    QTemporaryDir dir;
    std::unique_ptr<auth::PlaintextSecretStore> store
        = std::make_unique<auth::PlaintextSecretStore>(dir.filePath(QStringLiteral("secrets.json")));
    auth::AccountSettings settings() const
    {
        return auth::AccountSettings(dir.filePath(QStringLiteral("settings.ini")));
    }

    std::unique_ptr<AuthSession> session()
    {
        auto s = std::make_unique<AuthSession>(store.get(), settings());
        QObject::connect(s.get(), &AuthSession::accessTokenChanged, s.get(),
                         [raw = s.get()] { testlog::recordToken(raw->accessToken()); });
        return s;
    }

    QString refreshToken(const QUrl &server, const QString &userId)
    {
        QString secret;
        bool done = false;
        store->readSecret(server.toString() + QLatin1Char('/') + userId,
                          [&](const auth::SecretStore::Result &r) {
                              secret = r.secret;
                              done = true;
                          });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 5000); }();
        testlog::recordToken(secret);
        return secret;
    }
};

struct SocketOutcome
{
    bool connected = false;
    QString errorCode;
};

std::unique_ptr<net::SocketIoClient> makeSocket(const QUrl &server, const QString &token)
{
    net::SocketIoOptions options;
    options.serverUrl = server;
    options.auth = QJsonObject { { "token", token } };
    options.autoReconnect = false;
    options.watchNetwork = false;
    return std::make_unique<net::SocketIoClient>(options);
}

SocketOutcome openAndWait(net::SocketIoClient &socket)
{
    SocketOutcome outcome;
    bool done = false;
    auto c1 = QObject::connect(&socket, &net::SocketIoClient::connected,
                               [&] { outcome.connected = done = true; });
    auto c2 = QObject::connect(
        &socket, &net::SocketIoClient::connectError, [&](const QString &, const QJsonValue &data) {
            outcome.errorCode = data.toObject().value(QLatin1String("code")).toString();
            done = true;
        });
    socket.open();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
    QObject::disconnect(c1);
    QObject::disconnect(c2);
    return outcome;
}

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<ReferenceServer> m_server;

    void signInWithBrowser(AuthSession &session, const QUrl &server)
    {
        Browser browser(QStringLiteral("login"));
        QSignalSpy signedIn(&session, &AuthSession::signedIn);
        QSignalSpy failed(&session, &AuthSession::signInFailed);
        session.signIn(server.toString());
        QTRY_VERIFY2_WITH_TIMEOUT(signedIn.size() == 1 || failed.size() == 1, qPrintable(browser.describe()),
                                  60000);
        QVERIFY2(signedIn.size() == 1,
                 qPrintable(session.errorString() + QLatin1Char('\n') + browser.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(browser.has(QStringLiteral("app-page")), 10000);
        const QJsonObject page = browser.event(QStringLiteral("app-page"));
        QVERIFY(page.value(QLatin1String("success")).toBool());
        QCOMPARE(page.value(QLatin1String("text")).toString(),
                 QStringLiteral("Signed in \u2014 you can close this tab and return to Ring Chat."));
    }

private slots:
    void initTestCase()
    {
        testlog::install(QStringLiteral("e2e_signin"));
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/chromium")),
                 "Chromium is missing: run scripts/setup");
        QVERIFY2(QFile::exists(QStringLiteral(RINGCHAT_SOURCE_DIR "/tests/e2e/node_modules/playwright-core")),
                 "tests/e2e/node_modules is missing: run scripts/setup (npm ci in tests/e2e)");
        QProcessEnvironment env;
        env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("1000"));
        m_server = std::make_unique<ReferenceServer>(env, QStringLiteral("e2e_signin"));
        QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    }

    void cleanupTestCase() { m_server.reset(); }

    void signInThenChat()
    {
        Profile profile;
        auto session = profile.session();
        signInWithBrowser(*session, m_server->url());
        QCOMPARE(session->state(), State::SignedIn);
        QCOMPARE(session->userId(), QStringLiteral("alice"));
        QCOMPARE(session->userName(), QStringLiteral("Alice Example"));
        QVERIFY(!session->accessToken().isEmpty());
        QVERIFY(!profile.refreshToken(m_server->url(), QStringLiteral("alice")).isEmpty());
        QCOMPARE(profile.settings().lastAccount().userId, QStringLiteral("alice"));

        // The token works for REST...
        const HttpAnswer me = httpRequest(QUrl(m_server->url().toString() + QStringLiteral("/api/me")),
                                          session->accessToken().toUtf8());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("alice"));

        // ...and for the chat socket: connect with {token} and send a message.
        auto socket = makeSocket(m_server->url(), session->accessToken());
        const SocketOutcome outcome = openAndWait(*socket);
        QVERIFY2(outcome.connected, qPrintable(outcome.errorCode));
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString content = QStringLiteral("hello from the e2e sign-in test ") + clientId.left(8);
        net::AckResult ack;
        bool acked = false;
        socket->emitEvent(QStringLiteral("send_message"),
                          QJsonObject { { "conversationId", "dm-alice-bob" },
                                        { "clientId", clientId },
                                        { "content", content } },
                          [&](const net::AckResult &r) {
                              ack = r;
                              acked = true;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(acked, 15000);
        QVERIFY2(ack.ok(), qPrintable(ack.error));
        const QJsonObject reply = ack.payload.args().at(0).toObject();
        QVERIFY2(reply.value(QLatin1String("ok")).toBool(), QJsonDocument(reply).toJson().constData());
        const QJsonObject message = reply.value(QLatin1String("message")).toObject();
        QCOMPARE(message.value(QLatin1String("clientId")).toString(), clientId);
        QCOMPARE(message.value(QLatin1String("content")).toString(), content);
        QCOMPARE(message.value(QLatin1String("senderId")).toString(), QStringLiteral("alice"));
        QVERIFY(message.value(QLatin1String("seq")).toInt() > 0);
        socket->close();
    }

    void wrongPasswordKeepsWaiting()
    {
        Profile profile;
        auto session = profile.session();
        Browser browser(QStringLiteral("wrong-password"));
        QSignalSpy signedIn(session.get(), &AuthSession::signedIn);
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        session->signIn(m_server->url().toString());
        QTRY_VERIFY2_WITH_TIMEOUT(browser.has(QStringLiteral("login-error"))
                                      || browser.has(QStringLiteral("error")),
                                  qPrintable(browser.describe()), 60000);
        const QJsonObject error = browser.event(QStringLiteral("login-error"));
        QVERIFY2(!error.isEmpty(), qPrintable(browser.describe()));
        QVERIFY2(error.value(QLatin1String("text"))
                     .toString()
                     .contains(QLatin1String("Wrong user name or password")),
                 qPrintable(browser.describe()));
        QVERIFY(error.value(QLatin1String("stillOnLoginPage")).toBool());

        // The app has not given up: it is still waiting for the browser.
        QTest::qWait(1000);
        QCOMPARE(session->state(), State::WaitingForBrowser);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(signedIn.size(), 0);

        browser.go(); // the user types the right password
        QTRY_VERIFY2_WITH_TIMEOUT(signedIn.size() == 1,
                                  qPrintable(session->errorString() + QLatin1Char('\n') + browser.describe()),
                                  60000);
        QCOMPARE(session->userId(), QStringLiteral("alice"));
        profile.refreshToken(m_server->url(), QStringLiteral("alice"));
    }

    void userCancels()
    {
        Profile profile;
        auto session = profile.session();
        Browser browser(QStringLiteral("wait"));
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        session->signIn(m_server->url().toString());
        QTRY_VERIFY2_WITH_TIMEOUT(browser.has(QStringLiteral("login-page"))
                                      || browser.has(QStringLiteral("error")),
                                  qPrintable(browser.describe()), 60000);
        QVERIFY2(browser.has(QStringLiteral("login-page")), qPrintable(browser.describe()));
        QCOMPARE(session->state(), State::WaitingForBrowser);

        session->cancel();
        QCOMPARE(session->state(), State::SignedOut);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("Sign-in cancelled."));
        QVERIFY(session->accessToken().isEmpty());
        // The browser sees the loopback listener go away.
        QTRY_VERIFY2_WITH_TIMEOUT(browser.has(QStringLiteral("listener-closed")),
                                  qPrintable(browser.describe()), 20000);
        QVERIFY(!profile.settings().lastAccount().isValid());
    }

    void restoreAndSignOut()
    {
        Profile profile;
        {
            auto session = profile.session();
            signInWithBrowser(*session, m_server->url());
        }
        const QString firstRefresh = profile.refreshToken(m_server->url(), QStringLiteral("alice"));

        // A new start: restored from settings + secret store, no browser.
        const QString mark = profile.dir.filePath(QStringLiteral("browser-was-opened"));
        qputenv("RINGCHAT_BROWSER", QStringLiteral("touch \"%1\"").arg(mark).toUtf8());
        auto session = profile.session();
        QSignalSpy signedIn(session.get(), &AuthSession::signedIn);
        QVERIFY(session->restoreSession());
        QTRY_VERIFY2_WITH_TIMEOUT(signedIn.size() == 1, qPrintable(session->errorString()), 20000);
        QCOMPARE(session->userId(), QStringLiteral("alice"));
        QCOMPARE(apiMeStatus(m_server->url(), session->accessToken()), 200);
        QVERIFY(!QFile::exists(mark));
        // The refresh rotated the token and the new one was kept.
        QTRY_VERIFY(profile.refreshToken(m_server->url(), QStringLiteral("alice")) != firstRefresh);
        const QString current = profile.refreshToken(m_server->url(), QStringLiteral("alice"));

        // Sign out: revoked at the server, gone from the store.
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        session->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 20000);
        QVERIFY2(session->errorString().isEmpty(), qPrintable(session->errorString()));
        QCOMPARE(profile.refreshToken(m_server->url(), QStringLiteral("alice")), QString());
        QVERIFY(!profile.settings().lastAccount().isValid());
        const HttpAnswer refused
            = httpRequest(QUrl(m_server->url().toString() + QStringLiteral("/token")), {},
                          "grant_type=refresh_token&client_id=ringchat-desktop&refresh_token="
                              + QUrl::toPercentEncoding(current));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json.value(QLatin1String("error")).toString(), QStringLiteral("invalid_grant"));
    }

    void refusedRefreshTokenSignsOut()
    {
        Profile profile;
        auto session = profile.session();
        signInWithBrowser(*session, m_server->url());
        const QString stolen = profile.refreshToken(m_server->url(), QStringLiteral("alice"));
        // Someone else uses the refresh token first: it rotates away from us.
        const HttpAnswer used = httpRequest(
            QUrl(m_server->url().toString() + QStringLiteral("/token")), {},
            "grant_type=refresh_token&client_id=ringchat-desktop&resource=urn%3Aringchat%3Aapi&refresh_token="
                + QUrl::toPercentEncoding(stolen));
        QCOMPARE(used.status, 200);
        testlog::recordToken(used.json.value(QLatin1String("access_token")).toString());
        testlog::recordToken(used.json.value(QLatin1String("refresh_token")).toString());

        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        bool done = false, ok = true;
        session->refreshAccessToken([&](bool result, const QString &) {
            done = true;
            ok = result;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY(!ok);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        const QString reason = signedOut.at(0).at(0).toString();
        QVERIFY2(reason.startsWith(QLatin1String("You were signed out")), qPrintable(reason));
        QCOMPARE(session->state(), State::SignedOut);
        QCOMPARE(profile.refreshToken(m_server->url(), QStringLiteral("alice")), QString());
    }

    void expiredTokenRefreshedMidSession()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ACCESS_TOKEN_TTL"), QStringLiteral("5"));
        env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("1000"));
        ReferenceServer shortLived(env, QStringLiteral("e2e_signin_ttl5"));
        QVERIFY2(shortLived.start(), qPrintable(shortLived.error()));

        Profile profile;
        auto session = profile.session();
        signInWithBrowser(*session, shortLived.url());
        const QString first = session->accessToken();
        QDateTime firstIssued = QDateTime::currentDateTimeUtc();
        QVERIFY(session->accessTokenExpiry() <= firstIssued.addSecs(6));
        QCOMPARE(apiMeStatus(shortLived.url(), first), 200);

        // The session refreshes on its own shortly before the 5 s are up.
        QSignalSpy changed(session.get(), &AuthSession::accessTokenChanged);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 15000);
        const QString second = session->accessToken();
        QVERIFY(second != first);
        QCOMPARE(apiMeStatus(shortLived.url(), second), 200);

        // Once the first token is past its lifetime (plus the server's 5 s clock tolerance)
        // the server refuses it, and a socket CONNECT with it gets TOKEN_EXPIRED.
        while (QDateTime::currentDateTimeUtc() < firstIssued.addSecs(12))
            QTest::qWait(250);
        QCOMPARE(apiMeStatus(shortLived.url(), first), 401);
        auto socket = makeSocket(shortLived.url(), first);
        SocketOutcome outcome = openAndWait(*socket);
        QVERIFY(!outcome.connected);
        QCOMPARE(outcome.errorCode, QStringLiteral("TOKEN_EXPIRED"));

        // What the chat service does on TOKEN_EXPIRED: refresh, then connect again.
        bool done = false, ok = false;
        session->refreshAccessToken([&](bool result, const QString &) {
            done = true;
            ok = result;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(ok, qPrintable(session->errorString()));
        socket->setAuth(QJsonObject { { "token", session->accessToken() } });
        outcome = openAndWait(*socket);
        QVERIFY2(outcome.connected, qPrintable(outcome.errorCode));
        socket->close();

        // Concurrent refreshes share one request: with rotation, a second request with
        // the same refresh token would make the server end the whole grant.
        int finished = 0, succeeded = 0;
        for (int i = 0; i < 4; ++i) {
            session->refreshAccessToken([&](bool result, const QString &) {
                ++finished;
                succeeded += result ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 4, 20000);
        QCOMPARE(succeeded, 4);
        done = ok = false;
        session->refreshAccessToken([&](bool result, const QString &) {
            done = true;
            ok = result;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(ok, qPrintable(session->errorString()));
        QCOMPARE(session->state(), State::SignedIn);
        QCOMPARE(apiMeStatus(shortLived.url(), session->accessToken()), 200);
        profile.refreshToken(shortLived.url(), QStringLiteral("alice"));
        session.reset();
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
