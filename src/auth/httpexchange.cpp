#include "auth/httpexchange.h"

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
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    watch(nam->post(request, form), timeoutMs, context, std::move(done));
}

void HttpExchange::watch(QNetworkReply *reply, int timeoutMs, QObject *context, Done done)
{
    // The reply belongs to the context: when the context dies, so does the request.
    reply->setParent(context);
    struct Watch {
        bool timedOut = false;
        QString sslErrors;
    };
    auto state = std::make_shared<Watch>();

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    timer->start(timeoutMs);

    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [state](const QList<QSslError> &errors) {
        QStringList words;
        for (const QSslError &e : errors)
            words << e.errorString();
        state->sslErrors = words.join(QLatin1String("; "));
    });

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

AuthError HttpExchange::describeNetworkFailure(int networkError, const QString &errorString,
                                               const QString &sslErrors, const QUrl &url, bool timedOut)
{
    const QString host = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    using E = QNetworkReply::NetworkError;
    if (timedOut)
        return { AuthError::Kind::Timeout,
                 QStringLiteral("%1 did not answer in time. Check your connection and try again.").arg(host) };
    switch (E(networkError)) {
    case E::SslHandshakeFailedError:
        return { AuthError::Kind::Tls,
                 QStringLiteral("The secure (TLS) connection to %1 failed: %2. The server's certificate "
                                "is not trusted or the connection is being intercepted.")
                     .arg(host, sslErrors.isEmpty() ? errorString : sslErrors) };
    case E::ConnectionRefusedError:
        return { AuthError::Kind::Unreachable,
                 QStringLiteral("Cannot reach %1: the connection was refused. Is the server running?").arg(host) };
    case E::HostNotFoundError:
        return { AuthError::Kind::Unreachable,
                 QStringLiteral("Cannot reach %1: the host name was not found. Check the address.").arg(url.host()) };
    case E::TimeoutError:
        return { AuthError::Kind::Timeout,
                 QStringLiteral("%1 did not answer in time. Check your connection and try again.").arg(host) };
    case E::TooManyRedirectsError:
    case E::InsecureRedirectError:
        return { AuthError::Kind::NotRingServer,
                 QStringLiteral("%1 redirected the request somewhere unsafe; this does not look like a Ring server.").arg(host) };
    default:
        break;
    }
    if (!sslErrors.isEmpty())
        return { AuthError::Kind::Tls,
                 QStringLiteral("The secure (TLS) connection to %1 failed: %2.").arg(host, sslErrors) };
    return { AuthError::Kind::Unreachable,
             QStringLiteral("Cannot reach %1: %2.").arg(host, errorString) };
}

} // namespace ringchat::auth
