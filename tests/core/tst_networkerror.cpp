// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The sentence of every kind of failed connection: the proxy's own failures, the
// server's, and each certificate problem, the latter from real TLS handshakes
// against certificates made by TestCa (tests/support).
#include "core/networkerror.h"
#include "core/networkproxy.h"

#include "testca.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

using namespace ringchat;

namespace {

const QUrl kServer(QStringLiteral("https://ring.test:8443"));

void useProxy(const QString &url, const QString &user = {})
{
    QString error;
    auto proxy = NetworkProxy::manual(url, &error);
    QVERIFY2(proxy, qPrintable(error));
    proxy->setCredentials(user, user.isEmpty() ? QString() : QStringLiteral("secret"));
    proxy->apply();
}

// A TLS server on 127.0.0.1 that shows `leaf` and then says nothing.
class TlsServer
{
public:
    explicit TlsServer(const TestCa::Leaf &leaf)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        configuration.setLocalCertificate(QSslCertificate::fromPath(leaf.certFile).value(0));
        QFile key(leaf.keyFile);
        if (key.open(QIODevice::ReadOnly))
            configuration.setPrivateKey(QSslKey(&key, QSsl::Ec));
        m_server.setSslConfiguration(configuration);
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1/api/me?token=abc").arg(m_server.serverPort()));
    }

private:
    QSslServer m_server;
};

// The sentence a REST request to url gets.
QString replySentence(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QList<QSslError> errors;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [&errors](const QList<QSslError> &e) { errors = e; });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return QStringLiteral("(no answer)");
    const QString sentence = describeReplyFailure(reply->error(), reply->errorString(), errors, url);
    delete reply;
    return sentence;
}

// The sentence a WebSocket's QSslSocket gets connecting to url.
QString socketSentence(const QUrl &url)
{
    QSslSocket socket;
    QList<QSslError> errors;
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&errors](const QList<QSslError> &e) { errors = e; });
    QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
    socket.connectToHostEncrypted(url.host(), quint16(url.port()));
    if (!failed.wait(10000))
        return QStringLiteral("(no error)");
    return describeSocketFailure(socket.error(), socket.errorString(), errors, url);
}

} // namespace

class TestNetworkError : public QObject
{
    Q_OBJECT

    TestCa m_ca;
    QSslConfiguration m_untrusting;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_ca.create(), qPrintable(m_ca.error()));
        m_untrusting = QSslConfiguration::defaultConfiguration();
        m_ca.trustInThisProcess();
    }

    void init() { NetworkProxy::setWhereToConfigure(QStringLiteral("Settings → Network")); }
    void cleanup() { NetworkProxy::none().apply(); }

    void proxyRefused()
    {
        useProxy(QStringLiteral("http://127.0.0.1:3128"));
        QCOMPARE(
            describeReplyFailure(QNetworkReply::ProxyConnectionRefusedError, QStringLiteral("x"), {},
                                 kServer),
            QStringLiteral(
                "The proxy 127.0.0.1:3128 refused the connection. Check the proxy in Settings → Network."));
        QCOMPARE(
            describeSocketFailure(QAbstractSocket::ProxyConnectionRefusedError, QStringLiteral("x"), {},
                                  kServer),
            QStringLiteral(
                "The proxy 127.0.0.1:3128 refused the connection. Check the proxy in Settings → Network."));
        // What QNetworkAccessManager of Qt 6.4 reports for it.
        QCOMPARE(
            describeReplyFailure(QNetworkReply::UnknownNetworkError,
                                 QStringLiteral("Proxy connection refused"), {}, kServer),
            QStringLiteral(
                "The proxy 127.0.0.1:3128 refused the connection. Check the proxy in Settings → Network."));
        useProxy(QStringLiteral("socks5://127.0.0.1:1080"));
        QCOMPARE(
            describeReplyFailure(QNetworkReply::UnknownNetworkError,
                                 QStringLiteral("Connection to proxy refused"), {}, kServer),
            QStringLiteral(
                "The proxy 127.0.0.1:1080 refused the connection. Check the proxy in Settings → Network."));
    }

    void proxyCredentials()
    {
        useProxy(QStringLiteral("socks5://10.0.0.1:1080"));
        QCOMPARE(
            describeSocketFailure(QAbstractSocket::ProxyAuthenticationRequiredError, QStringLiteral("x"), {},
                                  kServer),
            QStringLiteral(
                "The proxy 10.0.0.1:1080 needs a user name and password: set them in Settings → Network."));
        useProxy(QStringLiteral("socks5://10.0.0.1:1080"), QStringLiteral("ann"));
        const QString refused = describeReplyFailure(QNetworkReply::ProxyAuthenticationRequiredError,
                                                     QStringLiteral("x"), {}, kServer);
        QCOMPARE(refused,
                 QStringLiteral("The proxy 10.0.0.1:1080 refused the user name and password. Check the proxy "
                                "in Settings → Network."));
        QVERIFY(!refused.contains(QLatin1String("secret")));
    }

    void otherProxyFailures()
    {
        useProxy(QStringLiteral("socks5://proxy.example.com:1080"));
        QCOMPARE(describeReplyFailure(QNetworkReply::ProxyNotFoundError, {}, {}, kServer),
                 QStringLiteral(
                     "The proxy proxy.example.com:1080 was not found: check its host name. Check the proxy "
                     "in Settings → Network."));
        QCOMPARE(describeReplyFailure(QNetworkReply::ProxyTimeoutError, {}, {}, kServer),
                 QStringLiteral("The proxy proxy.example.com:1080 did not answer in time."));
        QVERIFY(describeSocketFailure(QAbstractSocket::ProxyProtocolError, {}, {}, kServer)
                    .startsWith(QLatin1String(
                        "The proxy proxy.example.com:1080 did not answer as a SOCKS5 proxy does")));
        useProxy(QStringLiteral("http://proxy.example.com:3128"));
        QCOMPARE(describeSocketFailure(QAbstractSocket::SocketAccessError, {}, {}, kServer),
                 QStringLiteral("The proxy proxy.example.com:3128 did not open a connection to "
                                "ring.test:8443: the server may be "
                                "down, or the proxy does not allow connections to it."));
    }

    void serverFailuresNameTheProxyInTheWay()
    {
        NetworkProxy::none().apply();
        QCOMPARE(describeReplyFailure(QNetworkReply::ConnectionRefusedError, {}, {}, kServer),
                 QStringLiteral(
                     "Cannot reach ring.test:8443: the connection was refused. Is the server running?"));
        useProxy(QStringLiteral("http://10.0.0.1:3128"));
        QCOMPARE(
            describeReplyFailure(QNetworkReply::ConnectionRefusedError, {}, {}, kServer),
            QStringLiteral("Cannot reach ring.test:8443 through the proxy 10.0.0.1:3128: the connection was "
                           "refused. Is the server running?"));
        QCOMPARE(describeSocketFailure(QAbstractSocket::HostNotFoundError, {}, {}, kServer),
                 QStringLiteral(
                     "Cannot reach ring.test:8443 through the proxy 10.0.0.1:3128: the host name was not "
                     "found. Check the address."));
        // Loopback never goes through a proxy, so the sentence does not blame it.
        QCOMPARE(describeReplyFailure(QNetworkReply::ConnectionRefusedError, {}, {},
                                      QUrl(QStringLiteral("http://127.0.0.1:3000"))),
                 QStringLiteral(
                     "Cannot reach 127.0.0.1:3000: the connection was refused. Is the server running?"));
    }

    void timeoutsAndOthers()
    {
        QCOMPARE(
            describeTimeout(kServer),
            QStringLiteral(
                "The server ring.test:8443 did not answer in time. Check your connection and try again."));
        QCOMPARE(describeSocketFailure(QAbstractSocket::SocketTimeoutError, {}, {}, kServer),
                 describeTimeout(kServer));
        QCOMPARE(describeReplyFailure(QNetworkReply::OperationCanceledError, {}, {}, kServer),
                 QStringLiteral("The request to ring.test:8443 was cancelled."));
        QCOMPARE(serverAddress(QUrl(QStringLiteral("https://[::1]:8443/x"))), QStringLiteral("[::1]:8443"));
        QCOMPARE(serverAddress(QUrl(QStringLiteral("https://chat.example.org/x"))),
                 QStringLiteral("chat.example.org"));
    }

    void neverQuotesTheQuery()
    {
        const QUrl url(QStringLiteral("https://ring.test:8443/api/me?token=abc"));
        const QString sentence = describeReplyFailure(
            QNetworkReply::UnknownNetworkError,
            QStringLiteral("Error transferring https://ring.test:8443/api/me?token=abc - server replied: "),
            {}, url);
        QVERIFY2(!sentence.contains(QLatin1String("token")), qPrintable(sentence));
        QVERIFY2(sentence.startsWith(
                     QLatin1String("Cannot reach ring.test:8443: Error transferring ring.test:8443")),
                 qPrintable(sentence));
    }

    void plainServerOnAnHttpsAddress()
    {
        QCOMPARE(
            describeReplyFailure(
                QNetworkReply::SslHandshakeFailedError,
                QStringLiteral("SSL handshake failed: error:0A00010B:SSL routines::wrong version number"), {},
                kServer),
            QStringLiteral("The secure connection to ring.test:8443 failed: the server did not answer with a "
                           "secure (TLS) connection. Is it an http:// address?"));
    }

    void expiredCertificate()
    {
        TlsServer server(m_ca.expired());
        const QString expected
            = QStringLiteral("The secure connection to 127.0.0.1:%1 failed: the server's certificate "
                             "expired on 2020-02-01.")
                  .arg(server.url().port());
        QCOMPARE(replySentence(server.url()), expected);
        QCOMPARE(socketSentence(server.url()), expected);
    }

    void wrongHostCertificate()
    {
        TlsServer server(m_ca.wrongHost());
        const QString expected
            = QStringLiteral("The secure connection to 127.0.0.1:%1 failed: the server's certificate "
                             "was issued for other names than 127.0.0.1 (other.test).")
                  .arg(server.url().port());
        QCOMPARE(replySentence(server.url()), expected);
        QCOMPARE(socketSentence(server.url()), expected);
    }

    void selfSignedCertificate()
    {
        TlsServer server(m_ca.selfSigned());
        const QString expected
            = QStringLiteral("The secure connection to 127.0.0.1:%1 failed: the server's certificate "
                             "is self-signed, so its issuer is untrusted.")
                  .arg(server.url().port());
        QCOMPARE(replySentence(server.url()), expected);
        QCOMPARE(socketSentence(server.url()), expected);
    }

    void untrustedIssuer()
    {
        const QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        QSslConfiguration::setDefaultConfiguration(m_untrusting);
        TlsServer server(m_ca.valid());
        const QString reply = replySentence(server.url());
        QSslConfiguration::setDefaultConfiguration(trusting);
        QCOMPARE(
            reply,
            QStringLiteral("The secure connection to 127.0.0.1:%1 failed: the server's certificate comes "
                           "from an untrusted issuer (Ring Chat Test CA).")
                .arg(server.url().port()));
    }

    void trustedCertificateIsAccepted()
    {
        TlsServer server(m_ca.valid());
        QSslSocket socket;
        QList<QSslError> errors;
        connect(&socket, &QSslSocket::sslErrors, &socket,
                [&errors](const QList<QSslError> &e) { errors = e; });
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(server.url().port()));
        QVERIFY2(encrypted.wait(10000), qPrintable(socket.errorString()));
        QVERIFY(errors.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNetworkError)
#include "tst_networkerror.moc"
