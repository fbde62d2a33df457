// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/loopbackreceiver.h"

#include "auth/pkce.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cctype>

namespace ringchat::auth {

namespace {

const QByteArray kCallbackPath = QByteArrayLiteral("/callback");

// Text from the query that we show to the user: bounded, no control characters.
QString cleanForDisplay(QString text)
{
    text.truncate(300);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text.trimmed();
}

AuthError providerError(const QString &code, const QString &description)
{
    const QString detail
        = description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(cleanForDisplay(description));
    if (code == QLatin1String("access_denied"))
        return { AuthError::Kind::AccessDenied,
                 QStringLiteral("The sign-in was declined%1. Sign in again to continue.").arg(detail) };
    if (code == QLatin1String("temporarily_unavailable") || code == QLatin1String("server_error"))
        return { AuthError::Kind::ServerError,
                 QStringLiteral("The server could not complete the sign-in right now%1. Try again later.")
                     .arg(detail) };
    if (code == QLatin1String("login_required") || code == QLatin1String("interaction_required")
        || code == QLatin1String("consent_required"))
        return { AuthError::Kind::AccessDenied,
                 QStringLiteral("The server needs you to sign in again%1.").arg(detail) };
    return {
        AuthError::Kind::ServerError,
        QStringLiteral("The server refused the sign-in request: %1%2.").arg(cleanForDisplay(code), detail)
    };
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
{
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen(AuthError *error)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
    }
    // 127.0.0.1 only (RFC 8252 section 7.3): never reachable from other machines.
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = AuthError(AuthError::Kind::Browser,
                               QStringLiteral("Cannot listen for the browser's answer on 127.0.0.1: %1.")
                                   .arg(m_server->errorString()));
        return false;
    }
    m_finished = false;
    return true;
}

bool LoopbackReceiver::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 LoopbackReceiver::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QString::fromLatin1(kCallbackPath));
    return url;
}

void LoopbackReceiver::stopListening()
{
    if (m_server)
        m_server->close();
    // Connections that have not sent a full request yet will never be the callback.
    const auto sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        if (!m_connections.value(socket).answered)
            drop(socket);
    }
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= m_maxConnections) {
            // Too many at once: shed the newcomer rather than grow without bound.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { drop(socket); });
        // Slow or silent clients (and clients that never read the answer) are cut off.
        QTimer::singleShot(m_requestTimeoutMs, socket, [this, socket] { drop(socket); });
    }
}

void LoopbackReceiver::drop(QTcpSocket *socket)
{
    if (m_connections.remove(socket) == 0)
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->answered) {
        socket->readAll(); // ignore anything after the request (bodies, pipelining)
        return;
    }
    it->received += socket->read(kMaxRequestBytes + 1 - it->received.size());
    qsizetype end = it->received.indexOf("\r\n\r\n");
    if (end < 0)
        end = it->received.indexOf("\n\n");
    if (end < 0) {
        if (it->received.size() > kMaxRequestBytes)
            respond(socket, 431, "Request Header Fields Too Large",
                    page(false, QStringLiteral("The request was too large.")));
        return;
    }
    handleRequest(socket, it->received.left(end));
}

void LoopbackReceiver::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    const QByteArray requestLine = head.left(head.indexOf('\n')).trimmed();
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith('/')) {
        respond(socket, 400, "Bad Request", page(false, QStringLiteral("The request was not understood.")));
        return;
    }
    if (parts[0] != "GET") {
        respond(socket, 405, "Method Not Allowed",
                page(false, QStringLiteral("Only GET is supported here.")));
        return;
    }
    if (m_finished) {
        const qsizetype q = parts[1].indexOf('?');
        const bool isCallback = (q < 0 ? parts[1] : parts[1].left(q)) == kCallbackPath;
        if (isCallback)
            respond(
                socket, 409, "Conflict",
                page(false, QStringLiteral("This sign-in has already finished. You can close this tab.")));
        else
            respond(socket, 404, "Not Found", page(false, QStringLiteral("Not found.")));
        return;
    }

    const CallbackResult result = evaluate(parts[1], m_expectedState, m_expectedIssuer);
    switch (result.outcome) {
    case CallbackResult::Outcome::NotFound:
        respond(socket, 404, "Not Found", page(false, QStringLiteral("Not found.")));
        return;
    case CallbackResult::Outcome::Rejected:
        respond(socket, 400, "Bad Request", page(false, result.error.message));
        emit requestRejected(result.error.message);
        return;
    case CallbackResult::Outcome::Failed:
        m_finished = true;
        respond(socket, 200, "OK", page(false, result.error.message));
        emit failed(result.error);
        return;
    case CallbackResult::Outcome::Code:
        m_finished = true;
        respond(
            socket, 200, "OK",
            page(true, QStringLiteral("Signed in \u2014 you can close this tab and return to Ring Chat.")));
        emit codeReceived(result.code);
        return;
    }
}

void LoopbackReceiver::respond(QTcpSocket *socket, int status, const QByteArray &reason,
                               const QByteArray &body)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->answered)
        return;
    it->answered = true;
    it->received.clear();
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\n"
          "Content-Type: text/html; charset=utf-8\r\n"
          "Content-Length: "
        + QByteArray::number(body.size())
        + "\r\n"
          "Cache-Control: no-store\r\n"
          "Referrer-Policy: no-referrer\r\n"
          "X-Content-Type-Options: nosniff\r\n"
          "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
          "Connection: close\r\n\r\n"
        + body;
    socket->write(response);
    // Closes once the answer is written; the request timer still cuts off a client that never reads it.
    socket->disconnectFromHost();
}

std::optional<QHash<QString, QString>> LoopbackReceiver::parseQuery(const QByteArray &query, QString *why)
{
    QHash<QString, QString> params;
    if (query.isEmpty())
        return params;
    const auto decode = [](QByteArray bytes, bool *ok) {
        bytes.replace('+', ' ');
        // Every % must start a two-digit hex escape.
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (bytes[i] != '%')
                continue;
            if (i + 2 >= bytes.size() || !isxdigit(uchar(bytes[i + 1])) || !isxdigit(uchar(bytes[i + 2]))) {
                *ok = false;
                return QString();
            }
        }
        const QByteArray raw = QByteArray::fromPercentEncoding(bytes);
        const QString text = QString::fromUtf8(raw);
        *ok = text.toUtf8() == raw; // invalid UTF-8 does not survive the round trip
        return text;
    };
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        bool keyOk = true, valueOk = true;
        const QString key = decode(eq < 0 ? pair : pair.left(eq), &keyOk);
        const QString value = eq < 0 ? QString() : decode(pair.mid(eq + 1), &valueOk);
        if (!keyOk || !valueOk) {
            if (why)
                *why = QStringLiteral("bad encoding");
            return std::nullopt;
        }
        // RFC 6749 section 3.1: a parameter must not appear twice.
        if (params.contains(key)) {
            if (why)
                *why = QStringLiteral("the parameter \"%1\" appears twice").arg(cleanForDisplay(key));
            return std::nullopt;
        }
        params.insert(key, value);
    }
    return params;
}

CallbackResult LoopbackReceiver::evaluate(const QByteArray &target, const QByteArray &expectedState,
                                          const QString &expectedIssuer)
{
    CallbackResult result;
    const qsizetype q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    if (path != kCallbackPath) {
        result.outcome = CallbackResult::Outcome::NotFound;
        return result;
    }
    const auto reject = [&](AuthError::Kind kind, const QString &message) {
        result.outcome = CallbackResult::Outcome::Rejected;
        result.error = AuthError(kind, message);
        return result;
    };

    QString why;
    const auto params = parseQuery(q < 0 ? QByteArray() : target.mid(q + 1), &why);
    if (!params)
        return reject(AuthError::Kind::StateMismatch,
                      QStringLiteral("A malformed sign-in answer was refused (%1).").arg(why));
    if (!params->contains(QStringLiteral("state")))
        return reject(
            AuthError::Kind::StateMismatch,
            QStringLiteral(
                "A sign-in answer without a state was refused; it did not come from this sign-in."));
    const QByteArray state = params->value(QStringLiteral("state")).toUtf8();
    if (expectedState.isEmpty() || !constantTimeEquals(state, expectedState))
        return reject(
            AuthError::Kind::StateMismatch,
            QStringLiteral("A sign-in answer with the wrong state was refused; it did not come from this "
                           "sign-in (an old tab, or another site)."));
    if (params->contains(QStringLiteral("iss")) && !expectedIssuer.isEmpty()
        && params->value(QStringLiteral("iss")) != expectedIssuer)
        return reject(AuthError::Kind::StateMismatch,
                      QStringLiteral("A sign-in answer from a different server was refused."));

    const QString error = params->value(QStringLiteral("error"));
    if (!error.isEmpty()) {
        result.outcome = CallbackResult::Outcome::Failed;
        result.error = providerError(error, params->value(QStringLiteral("error_description")));
        return result;
    }
    const QString code = params->value(QStringLiteral("code"));
    if (code.isEmpty()) {
        result.outcome = CallbackResult::Outcome::Failed;
        result.error
            = AuthError(AuthError::Kind::ServerError,
                        QStringLiteral("The server's sign-in answer had no authorization code. Try again."));
        return result;
    }
    result.outcome = CallbackResult::Outcome::Code;
    result.code = code;
    return result;
}

QByteArray LoopbackReceiver::page(bool success, const QString &message)
{
    const QString title = success ? QStringLiteral("Signed in") : QStringLiteral("Sign-in problem");
    const QString html
        = QStringLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                         "<meta name=\"viewport\" content=\"width=device-width\">"
                         "<title>Ring Chat \u2014 %1</title>"
                         "<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;padding:0 1em;"
                         "color:#222;background:#fafafa}h1{font-size:1.4em}</style></head>"
                         "<body><h1 id=\"result\" data-success=\"%2\">%3</h1></body></html>")
              .arg(title.toHtmlEscaped(), success ? QStringLiteral("true") : QStringLiteral("false"),
                   message.toHtmlEscaped());
    return html.toUtf8();
}

} // namespace ringchat::auth
