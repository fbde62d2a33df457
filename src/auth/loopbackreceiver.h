// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

#include <optional>

class QTcpServer;
class QTcpSocket;

namespace ringchat::auth {

// What one request to the loopback listener means for the sign-in.
struct CallbackResult
{
    enum class Outcome {
        Code,     // the authorization code arrived: exchange it
        Failed,   // the server ended the sign-in (error=..., or no code): stop waiting
        Rejected, // not ours or malformed (wrong/missing state): refuse, keep waiting
        NotFound, // not the callback path at all
    };
    Outcome outcome = Outcome::NotFound;
    QString code;
    AuthError error; // for Failed and Rejected
};

// The redirect target of RFC 8252: an HTTP listener on 127.0.0.1 (never other
// interfaces) on a random port. It answers each request with a short page,
// accepts exactly one callback carrying the expected `state`, and is robust to
// garbage, slow and numerous connections (size, time and count limits).
class LoopbackReceiver : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    bool listen(AuthError *error);
    bool isListening() const;
    // http://127.0.0.1:<port>/callback
    QUrl redirectUri() const;
    quint16 port() const;

    void setExpectedState(const QByteArray &state) { m_expectedState = state; }
    // RFC 9207: when the server names itself in the answer it must be the one we asked.
    void setExpectedIssuer(const QString &issuer) { m_expectedIssuer = issuer; }
    // Closes the port; answers already being written still go out.
    void stopListening();

    void setMaxConnections(int n) { m_maxConnections = n; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    int openConnections() const { return int(m_connections.size()); }

    // The meaning of a request target ("/callback?code=...&state=...").
    static CallbackResult evaluate(const QByteArray &target, const QByteArray &expectedState,
                                   const QString &expectedIssuer = {});
    // application/x-www-form-urlencoded query -> map; nullopt (and *why) when malformed
    // (duplicate parameter, bad percent-encoding, invalid UTF-8).
    static std::optional<QHash<QString, QString>> parseQuery(const QByteArray &query, QString *why);
    // The small HTML page shown in the browser; message is HTML-escaped.
    static QByteArray page(bool success, const QString &message);

    static constexpr int kMaxRequestBytes = 8192;

signals:
    void codeReceived(const QString &code);
    void failed(const ringchat::auth::AuthError &error);
    // A request was refused (wrong state, malformed); the sign-in keeps waiting.
    void requestRejected(const QString &reason);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &head);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body);
    void drop(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    QByteArray m_expectedState;
    QString m_expectedIssuer;
    struct Connection
    {
        QByteArray received;
        bool answered = false;
    };
    QHash<QTcpSocket *, Connection> m_connections;
    bool m_finished = false; // the callback has been accepted
    int m_maxConnections = 32;
    int m_requestTimeoutMs = 10000;
};

} // namespace ringchat::auth
