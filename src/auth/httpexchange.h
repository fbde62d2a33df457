// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QSslError>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace ringchat::auth {

// The outcome of one HTTP request: the status and body when the server answered
// (any status), or a network-level error when it did not.
struct HttpResult
{
    int status = 0; // 0 when no HTTP answer arrived
    QByteArray body;
    QByteArray contentType;
    AuthError networkError; // Unreachable, Tls or Timeout; None when status != 0
};

// Sends one GET or POST with a deadline and reports once. Owns nothing but the
// reply; replies die with the parent, so a callback never runs after its owner.
class HttpExchange
{
public:
    using Done = std::function<void(const HttpResult &)>;

    static void get(QNetworkAccessManager *nam, const QUrl &url, int timeoutMs, QObject *context, Done done);
    static void postForm(QNetworkAccessManager *nam, const QUrl &url, const QByteArray &form, int timeoutMs,
                         QObject *context, Done done);

    // A failure with no HTTP answer: its kind here, its sentence from core/networkerror.h.
    static AuthError describeNetworkFailure(QNetworkReply::NetworkError error, const QString &errorString,
                                            const QList<QSslError> &sslErrors, const QUrl &url,
                                            bool timedOut);

private:
    static void watch(QNetworkReply *reply, int timeoutMs, QObject *context, Done done);
};

} // namespace ringchat::auth
