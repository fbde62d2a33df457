// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/replyfailure.h"

#include "core/networkerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

namespace ringchat::api {

namespace {
const char *const kTimedOut = "ringchatTimedOut";
const char *const kSslErrors = "ringchatSslErrors";
} // namespace

void watchReply(QNetworkReply *reply, std::chrono::milliseconds timeout, bool idle)
{
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty(kTimedOut, true);
        reply->abort();
    });
    timer->start(timeout);
    if (idle) {
        const auto restart = [timer] { timer->start(); };
        QObject::connect(reply, &QNetworkReply::uploadProgress, timer, restart);
        QObject::connect(reply, &QNetworkReply::downloadProgress, timer, restart);
    }
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        reply->setProperty(kSslErrors, QVariant::fromValue(errors));
    });
}

ApiError transportFailure(QNetworkReply *reply, const QUrl &server)
{
    // The kind is decided here; the sentence comes from core/networkerror.h.
    if (reply->property(kTimedOut).toBool())
        return { ApiError::Kind::Timeout, 0, {}, describeTimeout(server), 0 };
    const auto sslErrors = reply->property(kSslErrors).value<QList<QSslError>>();
    const QString sentence
        = describeReplyFailure(reply->error(), reply->errorString(), sslErrors, reply->url());
    if (!sslErrors.isEmpty() || reply->error() == QNetworkReply::SslHandshakeFailedError)
        return { ApiError::Kind::Tls, 0, {}, sentence, 0 };
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return { ApiError::Kind::Cancelled, 0, {}, sentence, 0 };
    return { ApiError::Kind::Network, 0, {}, sentence, 0 };
}

ApiError statusFailure(int status, const QByteArray &body, QNetworkReply *reply)
{
    const QJsonObject err
        = QJsonDocument::fromJson(body).object().value(QLatin1StringView("error")).toObject();
    const QString code = err.value(QLatin1StringView("code")).toString();
    QString text = err.value(QLatin1StringView("message")).toString();
    if (text.isEmpty())
        text = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    return { status == 401 ? ApiError::Kind::Unauthorized : ApiError::Kind::Http, status, code,
             QStringLiteral("The server refused the request (HTTP %1%2)%3")
                 .arg(status)
                 .arg(code.isEmpty() ? QString() : QStringLiteral(", ") + code)
                 .arg(text.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + text),
             0 };
}

} // namespace ringchat::api
