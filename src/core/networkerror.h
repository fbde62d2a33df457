#pragma once
// The one place that turns a failed connection into a sentence for the user: TLS
// (untrusted, expired, wrong host), proxy (refused, needs or refused credentials),
// refused, unknown host, timeout. Used by every layer that opens a connection (REST,
// sign-in, Engine.IO polling and WebSocket), so the same failure reads the same.

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

} // namespace ringchat
