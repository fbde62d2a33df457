// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/httpexchange.h"

#include "core/networkerror.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <memory>

namespace ringchat::auth {

namespace {

QNetworkRequest makeRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    // Auth endpoints must not be cached and must not follow redirects to other hosts.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("RingChat"));
    return request;
}

} // namespace

void HttpExchange::get(QNetworkAccessManager *nam, const QUrl &url, int timeoutMs, QObject *context,
                       Done done)
{
    watch(nam->get(makeRequest(url)), timeoutMs, context, std::move(done));
}

void HttpExchange::postForm(QNetworkAccessManager *nam, const QUrl &url, const QByteArray &form,
                            int timeoutMs, QObject *context, Done done)
{
    QNetworkRequest request = makeRequest(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    watch(nam->post(request, form), timeoutMs, context, std::move(done));
}

void HttpExchange::watch(QNetworkReply *reply, int timeoutMs, QObject *context, Done done)
{
    // The reply belongs to the context: when the context dies, so does the request.
    reply->setParent(context);
    struct Watch
    {
        bool timedOut = false;
        QList<QSslError> sslErrors;
    };
    auto state = std::make_shared<Watch>();

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    timer->start(timeoutMs);

    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [state](const QList<QSslError> &errors) { state->sslErrors = errors; });

    QObject::connect(reply, &QNetworkReply::finished, context, [reply, state, done = std::move(done)] {
        reply->deleteLater();
        HttpResult result;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && !state->timedOut) {
            result.status = status.toInt();
            result.body = reply->readAll();
            result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        } else {
            result.networkError = describeNetworkFailure(reply->error(), reply->errorString(),
                                                         state->sslErrors, reply->url(), state->timedOut);
        }
        done(result);
    });
}

AuthError HttpExchange::describeNetworkFailure(QNetworkReply::NetworkError error, const QString &errorString,
                                               const QList<QSslError> &sslErrors, const QUrl &url,
                                               bool timedOut)
{
    using E = QNetworkReply::NetworkError;
    if (timedOut)
        return { AuthError::Kind::Timeout, describeTimeout(url) };
    const QString sentence = describeReplyFailure(error, errorString, sslErrors, url);
    if (!sslErrors.isEmpty() || error == E::SslHandshakeFailedError)
        return { AuthError::Kind::Tls, sentence };
    switch (error) {
    case E::TimeoutError:
    case E::ProxyTimeoutError:
        return { AuthError::Kind::Timeout, sentence };
    case E::TooManyRedirectsError:
    case E::InsecureRedirectError:
        return { AuthError::Kind::NotRingServer, sentence };
    default:
        return { AuthError::Kind::Unreachable, sentence };
    }
}

} // namespace ringchat::auth
