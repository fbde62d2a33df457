// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loopbackreceiver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace ringchat::auth;
using Outcome = CallbackResult::Outcome;

namespace {

const QByteArray kState = "s7aTe-0123456789abcdefghijklmnopqrstuvwxyzAB";

// Sends raw bytes and returns everything the listener answers until it closes.
QByteArray exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return "NOT CONNECTED";
    socket.write(request);
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents();
        socket.waitForReadyRead(50);
        answer += socket.readAll();
    }
    answer += socket.readAll();
    return answer;
}

QByteArray get(quint16 port, const QByteArray &target)
{
    return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
}

int statusOf(const QByteArray &answer)
{
    return answer.mid(9, 3).toInt();
}

} // namespace

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT
private slots:
    void evaluate_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");

        const QByteArray s = "&state=" + kState;
        QTest::newRow("code") << "/callback?code=abc" + s << int(Outcome::Code) << "abc"
                              << int(AuthError::Kind::None);
        QTest::newRow("code percent")
            << "/callback?code=a%2Bb%20c" + s << int(Outcome::Code) << "a+b c" << int(AuthError::Kind::None);
        QTest::newRow("iss matches") << "/callback?code=abc&iss=http%3A%2F%2Fissuer" + s << int(Outcome::Code)
                                     << "abc" << int(AuthError::Kind::None);
        QTest::newRow("other path") << QByteArray("/favicon.ico") << int(Outcome::NotFound) << ""
                                    << int(AuthError::Kind::None);
        QTest::newRow("callback prefix")
            << "/callbackx?code=abc" + s << int(Outcome::NotFound) << "" << int(AuthError::Kind::None);
        QTest::newRow("root") << QByteArray("/") << int(Outcome::NotFound) << ""
                              << int(AuthError::Kind::None);
        QTest::newRow("missing state") << QByteArray("/callback?code=abc") << int(Outcome::Rejected) << ""
                                       << int(AuthError::Kind::StateMismatch);
        QTest::newRow("wrong state") << QByteArray("/callback?code=abc&state=nope") << int(Outcome::Rejected)
                                     << "" << int(AuthError::Kind::StateMismatch);
        QTest::newRow("state prefix") << "/callback?code=abc&state=" + kState.left(10)
                                      << int(Outcome::Rejected) << "" << int(AuthError::Kind::StateMismatch);
        QTest::newRow("empty state") << QByteArray("/callback?code=abc&state=") << int(Outcome::Rejected)
                                     << "" << int(AuthError::Kind::StateMismatch);
        QTest::newRow("duplicate state") << "/callback?code=abc" + s + s << int(Outcome::Rejected) << ""
                                         << int(AuthError::Kind::StateMismatch);
        QTest::newRow("duplicate code") << "/callback?code=a&code=b" + s << int(Outcome::Rejected) << ""
                                        << int(AuthError::Kind::StateMismatch);
        QTest::newRow("bad percent") << "/callback?code=%zz" + s << int(Outcome::Rejected) << ""
                                     << int(AuthError::Kind::StateMismatch);
        QTest::newRow("truncated percent") << "/callback?code=abc" + s + "%4" << int(Outcome::Rejected) << ""
                                           << int(AuthError::Kind::StateMismatch);
        QTest::newRow("bad utf8") << "/callback?code=%ff%fe" + s << int(Outcome::Rejected) << ""
                                  << int(AuthError::Kind::StateMismatch);
        QTest::newRow("other issuer") << "/callback?code=abc&iss=http%3A%2F%2Fevil" + s
                                      << int(Outcome::Rejected) << "" << int(AuthError::Kind::StateMismatch);
        QTest::newRow("no query") << QByteArray("/callback") << int(Outcome::Rejected) << ""
                                  << int(AuthError::Kind::StateMismatch);
        QTest::newRow("garbage query") << QByteArray("/callback?&&&==&") << int(Outcome::Rejected) << ""
                                       << int(AuthError::Kind::StateMismatch);
        QTest::newRow("error with wrong state")
            << QByteArray("/callback?error=access_denied&state=x") << int(Outcome::Rejected) << ""
            << int(AuthError::Kind::StateMismatch);
        QTest::newRow("missing code")
            << "/callback?" + s.mid(1) << int(Outcome::Failed) << "" << int(AuthError::Kind::ServerError);
        QTest::newRow("empty code") << "/callback?code=" + s << int(Outcome::Failed) << ""
                                    << int(AuthError::Kind::ServerError);
        QTest::newRow("access denied") << "/callback?error=access_denied&error_description=User+said+no" + s
                                       << int(Outcome::Failed) << "" << int(AuthError::Kind::AccessDenied);
        QTest::newRow("server error") << "/callback?error=server_error" + s << int(Outcome::Failed) << ""
                                      << int(AuthError::Kind::ServerError);
        QTest::newRow("invalid scope") << "/callback?error=invalid_scope&code=abc" + s << int(Outcome::Failed)
                                       << "" << int(AuthError::Kind::ServerError);
    }

    void evaluate()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, outcome);
        QFETCH(QString, code);
        QFETCH(int, kind);
        const CallbackResult r = LoopbackReceiver::evaluate(target, kState, QStringLiteral("http://issuer"));
        QCOMPARE(int(r.outcome), outcome);
        QCOMPARE(r.code, code);
        QCOMPARE(int(r.error.kind), kind);
        if (r.error.isError()) {
            QVERIFY(!r.error.message.isEmpty());
            QVERIFY(!r.error.message.contains(QString::fromLatin1(kState)));
        }
    }

    void errorDescriptionIsShownInWords()
    {
        const CallbackResult r = LoopbackReceiver::evaluate(
            "/callback?error=access_denied&error_description=End-User+aborted+interaction&state=" + kState,
            kState);
        QVERIFY2(r.error.message.contains(QLatin1String("declined")), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(QLatin1String("End-User aborted interaction")),
                 qPrintable(r.error.message));
    }

    void emptyExpectedStateRejectsEverything()
    {
        QCOMPARE(LoopbackReceiver::evaluate("/callback?code=a&state=", QByteArray()).outcome,
                 Outcome::Rejected);
    }

    void pageEscapesHtml()
    {
        const QByteArray page
            = LoopbackReceiver::page(false, QStringLiteral("<script>alert('x')</script> & \"q\""));
        QVERIFY(!page.contains("<script>"));
        QVERIFY(page.contains("&lt;script&gt;"));
        QVERIFY(page.contains("&amp;"));
        QVERIFY(LoopbackReceiver::page(true, QStringLiteral("ok")).contains("data-success=\"true\""));
    }

    void listensOnLoopbackOnly()
    {
        LoopbackReceiver r;
        AuthError error;
        QVERIFY(r.listen(&error));
        QVERIFY(r.port() > 0);
        QCOMPARE(r.redirectUri().toString(), QStringLiteral("http://127.0.0.1:%1/callback").arg(r.port()));
        // Not reachable through another local address, e.g. ::1.
        QTcpSocket v6;
        v6.connectToHost(QHostAddress::LocalHostIPv6, r.port());
        QVERIFY(!v6.waitForConnected(1000));
    }

    void fullFlowWithRefusalsFirst()
    {
        LoopbackReceiver r;
        AuthError error;
        QVERIFY(r.listen(&error));
        r.setExpectedState(kState);
        QSignalSpy codes(&r, &LoopbackReceiver::codeReceived);
        QSignalSpy rejected(&r, &LoopbackReceiver::requestRejected);
        QSignalSpy failed(&r, &LoopbackReceiver::failed);

        QByteArray a = get(r.port(), "/favicon.ico");
        QCOMPARE(statusOf(a), 404);
        a = get(r.port(), "/callback?code=abc&state=wrong");
        QCOMPARE(statusOf(a), 400);
        QVERIFY(a.contains("wrong state"));
        QCOMPARE(rejected.size(), 1);
        a = get(r.port(), "/callback?code=abc");
        QCOMPARE(statusOf(a), 400);
        QCOMPARE(rejected.size(), 2);
        a = exchange(r.port(),
                     "POST /callback?code=abc&state=" + kState + " HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(statusOf(a), 405);
        a = exchange(r.port(), "\x16\x03\x01 garbage\r\n\r\n");
        QCOMPARE(statusOf(a), 400);
        QCOMPARE(codes.size(), 0);
        QVERIFY(r.isListening()); // still waiting for the real answer

        a = get(r.port(), "/callback?code=the-code&state=" + kState);
        QCOMPARE(statusOf(a), 200);
        QVERIFY(a.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY2(QString::fromUtf8(a).contains(
                     QStringLiteral("Signed in \u2014 you can close this tab and return to Ring Chat")),
                 a.constData());
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("the-code"));
        QCOMPARE(failed.size(), 0);

        // A second callback does not count.
        a = get(r.port(), "/callback?code=another&state=" + kState);
        QCOMPARE(statusOf(a), 409);
        QCOMPARE(codes.size(), 1);
    }

    void errorResponseEndsTheWait()
    {
        LoopbackReceiver r;
        AuthError error;
        QVERIFY(r.listen(&error));
        r.setExpectedState(kState);
        QSignalSpy failed(&r, &LoopbackReceiver::failed);
        const QByteArray a = get(
            r.port(), "/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state=" + kState);
        QCOMPARE(statusOf(a), 200);
        QVERIFY(a.contains("&lt;b&gt;no&lt;/b&gt;")); // the server's words, escaped
        QVERIFY(!a.contains("<b>no</b>"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<AuthError>().kind, AuthError::Kind::AccessDenied);
    }

    void oversizedRequestIsRefused()
    {
        LoopbackReceiver r;
        AuthError error;
        QVERIFY(r.listen(&error));
        r.setExpectedState(kState);
        const QByteArray a = exchange(r.port(),
                                      "GET /callback?code=" + QByteArray(20000, 'a') + "&state=" + kState
                                          + " HTTP/1.1\r\n\r\n");
        QCOMPARE(statusOf(a), 431);
    }

    void slowClientsAreCutOff()
    {
        LoopbackReceiver r;
        r.setRequestTimeoutMs(300);
        AuthError error;
        QVERIFY(r.listen(&error));
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, r.port());
        QVERIFY(slow.waitForConnected(2000));
        slow.write("GET /callback?code=a"); // never finishes the request
        QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 5000);
        QTRY_COMPARE(r.openConnections(), 0);
    }

    void manyConnectionsDoNotBlockTheCallback()
    {
        LoopbackReceiver r;
        r.setMaxConnections(16);
        r.setRequestTimeoutMs(2000);
        AuthError error;
        QVERIFY(r.listen(&error));
        r.setExpectedState(kState);
        QSignalSpy codes(&r, &LoopbackReceiver::codeReceived);

        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 100; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, r.port());
            idle.push_back(std::move(s));
        }
        QTRY_VERIFY(r.openConnections() > 0);
        QTRY_VERIFY(r.openConnections() <= 16);
        // The idle ones time out; the browser's request then gets through.
        QTRY_COMPARE_WITH_TIMEOUT(r.openConnections(), 0, 5000);
        const QByteArray a = get(r.port(), "/callback?code=c&state=" + kState);
        QCOMPARE(statusOf(a), 200);
        QCOMPARE(codes.size(), 1);
    }

    void stopListeningClosesThePort()
    {
        LoopbackReceiver r;
        AuthError error;
        QVERIFY(r.listen(&error));
        const quint16 port = r.port();
        r.stopListening();
        QVERIFY(!r.isListening());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!s.waitForConnected(1000));
    }

    void parseQuery()
    {
        QString why;
        auto q = LoopbackReceiver::parseQuery("a=1&b=two+words&c=%C3%A9&flag", &why);
        QVERIFY(q.has_value());
        QCOMPARE(q->value(QStringLiteral("a")), QStringLiteral("1"));
        QCOMPARE(q->value(QStringLiteral("b")), QStringLiteral("two words"));
        QCOMPARE(q->value(QStringLiteral("c")), QStringLiteral("\u00e9"));
        QVERIFY(q->contains(QStringLiteral("flag")));
        QVERIFY(!LoopbackReceiver::parseQuery("a=1&a=2", &why));
        QVERIFY(why.contains(QLatin1String("twice")));
        QVERIFY(!LoopbackReceiver::parseQuery("a=%", &why));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackReceiver)
#include "tst_loopbackreceiver.moc"
