// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AuthSession against a small stand-in OIDC server: the whole browser flow
// (the test plays the browser and follows the redirect), PKCE checked by the
// stand-in, refresh scheduling and coalescing, rotation, sign-out and restore.
// The real reference server and a real browser are in tests/e2e.

#include "auth/authsession.h"
#include "auth/loopbackreceiver.h"
#include "auth/pkce.h"
#include "auth/plaintextsecretstore.h"
#include "auth/refreshpolicy.h"
#include "stubhttpserver.h"
#include "testlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ringchat::auth;
using State = AuthSession::State;

namespace {

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString makeJwt(const QJsonObject &claims)
{
    return QString::fromLatin1(b64(R"({"alg":"RS256","typ":"JWT"})") + '.'
                               + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.'
                               + b64("signature"));
}

// The parts of an OIDC provider the session talks to.
class FakeProvider
{
public:
    FakeProvider()
        : server([this](const StubRequest &r) { return handle(r); })
    {
    }

    QString base() const { return server.url().toString(); }

    std::optional<StubResponse> handle(const StubRequest &r)
    {
        if (r.path == "/.well-known/openid-configuration") {
            QJsonObject o { { "issuer", base() },
                            { "authorization_endpoint", base() + "/auth" },
                            { "token_endpoint", base() + "/token" },
                            { "code_challenge_methods_supported", QJsonArray { "S256" } } };
            if (withRevocation)
                o.insert("revocation_endpoint", base() + "/token/revocation");
            return StubResponse { 200, QJsonDocument(o).toJson() };
        }
        if (r.path == "/token/revocation") {
            revoked << r.formValue("token");
            validRefresh.remove(r.formValue("token"));
            return StubResponse { 200, "" };
        }
        if (r.path != "/token")
            return StubResponse { 404, "{}" };
        if (tokenStatus != 200)
            return StubResponse { tokenStatus, R"({"error":"server_error"})" };
        if (!answerTokenRequests)
            return std::nullopt;
        const QString grant = r.formValue("grant_type");
        if (grant == "authorization_code") {
            if (r.formValue("code") != issuedCode
                || Pkce::challengeFor(r.formValue("code_verifier").toLatin1()) != challenge.toLatin1())
                return StubResponse {
                    400, R"({"error":"invalid_grant","error_description":"PKCE verification failed"})"
                };
            issuedCode.clear(); // single use
            return tokens(true);
        }
        if (grant == "refresh_token") {
            ++refreshRequests;
            const QString presented = r.formValue("refresh_token");
            if (!validRefresh.contains(presented))
                return StubResponse {
                    400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})"
                };
            validRefresh.remove(presented); // rotation: a token works once
            return tokens(false);
        }
        return StubResponse { 400, R"({"error":"unsupported_grant_type"})" };
    }

    StubResponse tokens(bool withIdToken)
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString access = makeJwt({ { "sub", "u-alice" },
                                         { "name", "Alice Example" },
                                         { "aud", "urn:ringchat:api" },
                                         { "exp", now + expiresIn },
                                         { "jti", QString::fromLatin1(randomUrlSafeToken(8)) } });
        const QString refresh = QStringLiteral("rt-") + QString::fromLatin1(randomUrlSafeToken(24));
        validRefresh.insert(refresh);
        testlog::recordToken(access);
        testlog::recordToken(refresh);
        lastAccess = access;
        lastRefresh = refresh;
        QJsonObject o { { "access_token", access },
                        { "refresh_token", refresh },
                        { "token_type", "Bearer" },
                        { "expires_in", expiresIn },
                        { "scope", "openid profile offline_access" } };
        if (withIdToken) {
            const QString id = makeJwt({ { "iss", base() },
                                         { "sub", "u-alice" },
                                         { "aud", "ringchat-desktop" },
                                         { "name", "Alice Example" },
                                         { "nonce", idTokenNonce },
                                         { "exp", now + 600 } });
            testlog::recordToken(id);
            o.insert("id_token", id);
        }
        return StubResponse { 200, QJsonDocument(o).toJson() };
    }

    StubHttpServer server;
    bool withRevocation = true;
    bool answerTokenRequests = true;
    int tokenStatus = 200;
    qint64 expiresIn = 300;
    QString issuedCode;
    QString challenge;
    QString idTokenNonce;
    QSet<QString> validRefresh;
    QStringList revoked;
    int refreshRequests = 0;
    QString lastAccess;
    QString lastRefresh;
};

int httpGet(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(5000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeProvider> m_provider;
    std::unique_ptr<PlaintextSecretStore> m_store;

    AccountSettings settings() const
    {
        return AccountSettings(m_dir->filePath(QStringLiteral("settings.ini")));
    }

    std::unique_ptr<AuthSession> makeSession(AuthSession::Options options = {})
    {
        return std::make_unique<AuthSession>(m_store.get(), settings(), options);
    }

    // Plays the browser: reads the authorization URL, "signs in" at the provider
    // and follows the redirect to the loopback listener.
    void completeInBrowser(AuthSession &session, const QString &stateOverride = {})
    {
        QTRY_COMPARE(session.state(), State::WaitingForBrowser);
        const QUrlQuery q(session.authorizationUrl());
        m_provider->challenge = q.queryItemValue("code_challenge");
        m_provider->idTokenNonce = q.queryItemValue("nonce");
        m_provider->issuedCode = QStringLiteral("code-") + QString::fromLatin1(randomUrlSafeToken(8));
        QUrl redirect(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        redirect.setQuery(QStringLiteral("code=%1&state=%2&iss=%3")
                              .arg(m_provider->issuedCode,
                                   stateOverride.isEmpty() ? q.queryItemValue("state") : stateOverride,
                                   QString::fromLatin1(QUrl::toPercentEncoding(m_provider->base()))));
        QCOMPARE(httpGet(redirect), stateOverride.isEmpty() ? 200 : 400);
    }

    void signIn(AuthSession &session)
    {
        QSignalSpy signedIn(&session, &AuthSession::signedIn);
        session.signIn(m_provider->base());
        completeInBrowser(session);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QCOMPARE(session.state(), State::SignedIn);
    }

    QString storedSecret(const QString &key)
    {
        QString secret;
        bool done = false;
        m_store->readSecret(key, [&](const SecretStore::Result &r) {
            secret = r.ok ? r.secret : QString();
            done = true;
        });
        [&] { QTRY_VERIFY(done); }();
        return secret;
    }

private slots:
    void initTestCase()
    {
        testlog::install(QStringLiteral("auth_session"));
        // No real browser in unit tests: the test follows the redirect itself.
        qputenv("RINGCHAT_BROWSER", "true");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_provider = std::make_unique<FakeProvider>();
        m_store = std::make_unique<PlaintextSecretStore>(m_dir->filePath(QStringLiteral("secrets.json")));
    }

    void cleanup()
    {
        m_store.reset();
        m_provider.reset();
        m_dir.reset();
    }

    void refreshPolicy()
    {
        QCOMPARE(RefreshPolicy::delayMs(-1), -1);
        QCOMPARE(RefreshPolicy::delayMs(0), -1);
        QCOMPARE(RefreshPolicy::delayMs(3600), 3540'000); // a minute early
        QCOMPARE(RefreshPolicy::delayMs(300), 240'000);
        QCOMPARE(RefreshPolicy::delayMs(60), 45'000); // a quarter early
        QCOMPARE(RefreshPolicy::delayMs(5), 3750);
        QCOMPARE(RefreshPolicy::delayMs(1), 1000); // never a busy loop
        QCOMPARE(RefreshPolicy::retryDelayMs(1), 2000);
        QCOMPARE(RefreshPolicy::retryDelayMs(2), 4000);
        QCOMPARE(RefreshPolicy::retryDelayMs(5), 32000);
        QCOMPARE(RefreshPolicy::retryDelayMs(50), 60000);
    }

    void authorizationRequest()
    {
        auto session = makeSession();
        session->signIn(m_provider->base());
        QTRY_COMPARE(session->state(), State::WaitingForBrowser);
        const QUrl url = session->authorizationUrl();
        QCOMPARE(url.path(), QStringLiteral("/auth"));
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue("response_type"), QStringLiteral("code"));
        QCOMPARE(q.queryItemValue("client_id"), QStringLiteral("ringchat-desktop"));
        QCOMPARE(q.queryItemValue("scope", QUrl::FullyDecoded),
                 QStringLiteral("openid profile offline_access"));
        QCOMPARE(q.queryItemValue("resource", QUrl::FullyDecoded), QStringLiteral("urn:ringchat:api"));
        QCOMPARE(q.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue("code_challenge").size(), 43);
        QVERIFY(q.queryItemValue("state").size() >= 43);
        const QUrl redirect(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));
        QVERIFY(redirect.port() > 0);

        // A second sign-in gets a new state and challenge.
        const QString firstState = q.queryItemValue("state");
        session->signIn(m_provider->base());
        QTRY_COMPARE(session->state(), State::WaitingForBrowser);
        QVERIFY(QUrlQuery(session->authorizationUrl()).queryItemValue("state") != firstState);
        session->cancel();
    }

    void signInThroughTheBrowser()
    {
        auto session = makeSession();
        QSignalSpy rejected(session.get(), &AuthSession::callbackRejected);
        QSignalSpy signedIn(session.get(), &AuthSession::signedIn);
        session->signIn(m_provider->base());

        completeInBrowser(*session, QStringLiteral("forged-state")); // refused, still waiting
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(session->state(), State::WaitingForBrowser);

        completeInBrowser(*session);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QCOMPARE(session->userId(), QStringLiteral("u-alice"));
        QCOMPARE(session->userName(), QStringLiteral("Alice Example"));
        QCOMPARE(session->serverUrl(), m_provider->base());
        QCOMPARE(session->accessToken(), m_provider->lastAccess);
        QVERIFY(session->accessTokenExpiry() > QDateTime::currentDateTimeUtc().addSecs(250));
        QVERIFY(session->errorString().isEmpty());

        // Only the refresh token is stored, under <server>/<user id>; the pointer in settings.
        QCOMPARE(storedSecret(m_provider->base() + "/u-alice"), m_provider->lastRefresh);
        QFile file(m_store->filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_provider->lastAccess.toUtf8()));
        const SavedAccount saved = settings().lastAccount();
        QCOMPARE(saved.serverUrl, m_provider->base());
        QCOMPARE(saved.userId, QStringLiteral("u-alice"));
        QCOMPARE(saved.userName, QStringLiteral("Alice Example"));
        QFile ini(m_dir->filePath(QStringLiteral("settings.ini")));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("rt-"));
    }

    void wrongNonceFailsTheSignIn()
    {
        auto second = makeSession();
        QSignalSpy failed2(second.get(), &AuthSession::signInFailed);
        second->signIn(m_provider->base());
        QTRY_COMPARE(second->state(), State::WaitingForBrowser);
        const QUrlQuery q(second->authorizationUrl());
        m_provider->challenge = q.queryItemValue("code_challenge");
        m_provider->idTokenNonce = QStringLiteral("some-other-nonce");
        m_provider->issuedCode = QStringLiteral("code-2");
        QUrl redirect(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        redirect.setQuery(QStringLiteral("code=code-2&state=%1").arg(q.queryItemValue("state")));
        QCOMPARE(httpGet(redirect), 200);
        QTRY_COMPARE(failed2.size(), 1);
        QVERIFY2(failed2.at(0).at(0).toString().contains(QLatin1String("nonce")),
                 qPrintable(failed2.at(0).at(0).toString()));
        QCOMPARE(second->state(), State::SignedOut);
        QVERIFY(second->accessToken().isEmpty());
    }

    void errorFromTheServerReachesTheUser()
    {
        auto session = makeSession();
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        session->signIn(m_provider->base());
        QTRY_COMPARE(session->state(), State::WaitingForBrowser);
        const QUrlQuery q(session->authorizationUrl());
        QUrl redirect(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        redirect.setQuery(
            QStringLiteral("error=access_denied&error_description=End-User+aborted+interaction&state=%1")
                .arg(q.queryItemValue("state")));
        QCOMPARE(httpGet(redirect), 200);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(session->lastError().kind, AuthError::Kind::AccessDenied);
        QVERIFY(session->errorString().contains(QLatin1String("End-User aborted interaction")));
    }

    void cancelStopsListening()
    {
        auto session = makeSession();
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        session->signIn(m_provider->base());
        QTRY_COMPARE(session->state(), State::WaitingForBrowser);
        const QUrl redirect(
            QUrlQuery(session->authorizationUrl()).queryItemValue("redirect_uri", QUrl::FullyDecoded));
        session->cancel();
        QCOMPARE(session->state(), State::SignedOut);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("Sign-in cancelled."));
        QCOMPARE(session->lastError().kind, AuthError::Kind::Cancelled);
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
        QVERIFY(!probe.waitForConnected(1000));
    }

    void browserWaitTimesOut()
    {
        AuthSession::Options options;
        options.browserTimeoutMs = 300;
        auto session = makeSession(options);
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        session->signIn(m_provider->base());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QCOMPARE(session->lastError().kind, AuthError::Kind::Cancelled);
        QVERIFY(session->errorString().contains(QLatin1String("No answer from the browser")));
    }

    void badServerAddressFailsInWords()
    {
        auto session = makeSession();
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        session->signIn(QStringLiteral("http://chat.example.com"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(session->lastError().kind, AuthError::Kind::BadServerUrl);
        QCOMPARE(session->state(), State::SignedOut);
    }

    void badAddressKeepsAWorkingSession()
    {
        auto session = makeSession();
        signIn(*session);
        QSignalSpy failed(session.get(), &AuthSession::signInFailed);
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        session->signIn(QStringLiteral("http://chat.example.com"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(signedOut.size(), 0);
        QCOMPARE(session->state(), State::SignedIn);
        QVERIFY(!session->accessToken().isEmpty());
    }

    void concurrentRefreshesCoalesce()
    {
        auto session = makeSession();
        signIn(*session);
        const QString firstAccess = session->accessToken();
        const QString firstRefresh = m_provider->lastRefresh;
        QSignalSpy changed(session.get(), &AuthSession::accessTokenChanged);

        int okCount = 0;
        for (int i = 0; i < 3; ++i)
            session->refreshAccessToken([&okCount](bool ok, const QString &) { okCount += ok ? 1 : 0; });
        QTRY_COMPARE(okCount, 3);
        QCOMPARE(m_provider->refreshRequests, 1); // one request, although the token rotates
        QVERIFY(session->accessToken() != firstAccess);
        QCOMPARE(session->accessToken(), m_provider->lastAccess);
        QVERIFY(changed.size() >= 1);
        // The rotated refresh token replaced the old one in the store.
        QTRY_COMPARE(storedSecret(m_provider->base() + "/u-alice"), m_provider->lastRefresh);
        QVERIFY(m_provider->lastRefresh != firstRefresh);

        // ...and it works for the next refresh.
        bool ok = false;
        session->refreshAccessToken([&ok](bool r, const QString &) { ok = r; });
        QTRY_VERIFY(ok);
        QCOMPARE(m_provider->refreshRequests, 2);
    }

    void refreshesBeforeExpiry()
    {
        m_provider->expiresIn = 2; // refresh after 1.5 s
        auto session = makeSession();
        signIn(*session);
        const QString first = session->accessToken();
        QSignalSpy changed(session.get(), &AuthSession::accessTokenChanged);
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 10000);
        QVERIFY(m_provider->refreshRequests >= 1);
        QVERIFY(session->accessToken() != first);
        QCOMPARE(session->state(), State::SignedIn);
    }

    void refusedRefreshTokenSignsOut()
    {
        auto session = makeSession();
        signIn(*session);
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        m_provider->validRefresh.clear(); // the server forgot the grant

        bool called = false, result = true;
        QString message;
        session->refreshAccessToken([&](bool ok, const QString &error) {
            called = true;
            result = ok;
            message = error;
        });
        QTRY_VERIFY(called);
        QVERIFY(!result);
        QVERIFY(!message.isEmpty());
        QCOMPARE(session->state(), State::SignedOut);
        QTRY_COMPARE(signedOut.size(), 1); // once the dead token is deleted
        const QString reason = signedOut.at(0).at(0).toString();
        QVERIFY2(reason.contains(QLatin1String("signed out"))
                     && reason.contains(QLatin1String("Sign in again")),
                 qPrintable(reason));
        QCOMPARE(session->state(), State::SignedOut);
        QVERIFY(session->accessToken().isEmpty());
        QVERIFY(session->userId().isEmpty());
        QTRY_COMPARE(storedSecret(m_provider->base() + "/u-alice"), QString());
        QVERIFY(!settings().lastAccount().isValid());
    }

    void transientFailureKeepsTheSession()
    {
        auto session = makeSession();
        signIn(*session);
        const QString access = session->accessToken();
        QSignalSpy failed(session.get(), &AuthSession::refreshFailed);
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        m_provider->tokenStatus = 503;
        bool called = false, result = true;
        session->refreshAccessToken([&](bool ok, const QString &) {
            called = true;
            result = ok;
        });
        QTRY_VERIFY(called);
        QVERIFY(!result);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(signedOut.size(), 0);
        QCOMPARE(session->state(), State::SignedIn);
        QCOMPARE(session->accessToken(), access);
        QVERIFY(session->errorString().contains(QLatin1String("503")));

        // The retry (2 s later) succeeds once the server is back.
        m_provider->tokenStatus = 200;
        QTRY_VERIFY_WITH_TIMEOUT(session->accessToken() != access, 10000);
        QTRY_VERIFY(session->errorString().isEmpty());
    }

    void refreshWhenSignedOutFailsAsynchronously()
    {
        auto session = makeSession();
        bool called = false;
        session->refreshAccessToken([&called](bool ok, const QString &error) {
            called = true;
            QVERIFY(!ok);
            QVERIFY(!error.isEmpty());
        });
        QVERIFY(!called); // never inside the call
        QTRY_VERIFY(called);
    }

    void restoreWithoutBrowser()
    {
        {
            auto session = makeSession();
            signIn(*session);
        }
        // A browser command that leaves a mark if it is ever run.
        const QString mark = m_dir->filePath(QStringLiteral("browser-was-opened"));
        qputenv("RINGCHAT_BROWSER", QStringLiteral("touch %1").arg(mark).toUtf8());
        auto restored = makeSession();
        QSignalSpy signedIn(restored.get(), &AuthSession::signedIn);
        QVERIFY(restored->hasSavedSession());
        QVERIFY(restored->restoreSession());
        QCOMPARE(restored->state(), State::Restoring);
        QCOMPARE(restored->userId(), QStringLiteral("u-alice"));
        QTRY_COMPARE(signedIn.size(), 1);
        QCOMPARE(restored->state(), State::SignedIn);
        QCOMPARE(restored->accessToken(), m_provider->lastAccess);
        QCOMPARE(restored->userName(), QStringLiteral("Alice Example"));
        QTest::qWait(200);
        QVERIFY(!QFile::exists(mark));
        qputenv("RINGCHAT_BROWSER", "true");
    }

    void restoreWithNothingSaved()
    {
        auto session = makeSession();
        QVERIFY(!session->hasSavedSession());
        QVERIFY(!session->restoreSession());
        QCOMPARE(session->state(), State::SignedOut);
    }

    void restoreOfflineStaysSignedInAndRetries()
    {
        {
            auto session = makeSession();
            signIn(*session);
        }
        m_provider->tokenStatus = 503;
        auto restored = makeSession();
        QSignalSpy failed(restored.get(), &AuthSession::refreshFailed);
        QSignalSpy signedIn(restored.get(), &AuthSession::signedIn);
        QVERIFY(restored->restoreSession());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(restored->state(), State::SignedIn);
        QVERIFY(restored->accessToken().isEmpty());
        m_provider->tokenStatus = 200;
        QTRY_VERIFY_WITH_TIMEOUT(!restored->accessToken().isEmpty(), 10000);
    }

    void signOutRevokesAndForgets()
    {
        auto session = makeSession();
        signIn(*session);
        const QString refresh = m_provider->lastRefresh;
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        session->signOut();
        QTRY_COMPARE(signedOut.size(), 1);
        QCOMPARE(signedOut.at(0).at(0).toString(), QString());
        QCOMPARE(m_provider->revoked, QStringList { refresh });
        QCOMPARE(session->state(), State::SignedOut);
        QVERIFY(session->accessToken().isEmpty());
        QCOMPARE(storedSecret(m_provider->base() + "/u-alice"), QString());
        QVERIFY(!settings().lastAccount().isValid());
        QVERIFY(session->errorString().isEmpty());
    }

    void signOutOfASavedSessionWithoutRestoring()
    {
        {
            auto session = makeSession();
            signIn(*session);
        }
        const QString refresh = m_provider->lastRefresh;
        auto session = makeSession();
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        session->signOut();
        QTRY_COMPARE(signedOut.size(), 1);
        QCOMPARE(m_provider->revoked, QStringList { refresh });
        QCOMPARE(m_provider->refreshRequests, 0);
        QVERIFY(!settings().lastAccount().isValid());
    }

    void signOutWhenTheServerIsGone()
    {
        auto session = makeSession();
        signIn(*session);
        m_provider.reset(); // the server disappears
        QSignalSpy signedOut(session.get(), &AuthSession::signedOut);
        session->signOut();
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        QCOMPARE(session->state(), State::SignedOut);
        QVERIFY2(session->errorString().contains(QLatin1String("could not be told")),
                 qPrintable(session->errorString()));
        QVERIFY(!settings().lastAccount().isValid());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
