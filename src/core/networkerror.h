// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one place that turns a failed connection into a sentence for the user: TLS
// (untrusted, expired, wrong host), proxy (refused, needs or refused credentials),
// refused, unknown host, timeout. Used by every layer that opens a connection (REST,
// sign-in, Engine.IO polling and WebSocket), so the same failure reads the same.
// Sentences name the server as host:port and the proxy the connection went through
// (NetworkProxy::proxyFor); they never contain a path, a query or a credential.

#include <QAbstractSocket>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>
#include <QUrl>

namespace ringchat {

// A failure of a socket (QWebSocket, QTcpSocket) connecting to `url`. `sslErrors` are
// the ones reported by sslErrors() before the error, if any.
QString describeSocketFailure(QAbstractSocket::SocketError error, const QString &errorString,
                              const QList<QSslError> &sslErrors, const QUrl &url);

// A failure of a QNetworkReply for `url`.
QString describeReplyFailure(QNetworkReply::NetworkError error, const QString &errorString,
                             const QList<QSslError> &sslErrors, const QUrl &url);

// Why the server's certificate was refused, e.g. "The secure connection to ring.test:8443
// failed: the server's certificate expired on 2020-02-01, so ..."; empty when `errors`
// holds no certificate problem.
QString describeCertificateErrors(const QList<QSslError> &errors, const QUrl &url);

// A request to `url` that got no answer within the caller's own deadline.
QString describeTimeout(const QUrl &url);

// "host:port" (or "host" when the URL has no port) as sentences name a server.
QString serverAddress(const QUrl &url);

} // namespace ringchat
