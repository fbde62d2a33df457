// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/networkerror.h"

#include "core/networkproxy.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSslCertificate>

#include <optional>

namespace ringchat {

namespace {

// What went wrong, whichever Qt class reported it.
enum class Failure {
    Refused,
    HostNotFound,
    Timeout,
    Closed,
    Cancelled,
    Redirect,
    Tls,
    ProxyRefused,
    ProxyNotFound,
    ProxyTimeout,
    ProxyClosed,
    ProxyAuthentication,
    ProxyProtocol,
    ProxyDenied,        // the proxy does not forward to this server
    ProxyAnsweredError, // an HTTP proxy answered CONNECT with a status Qt does not map
    Other,
};

Failure classify(QAbstractSocket::SocketError error)
{
    using E = QAbstractSocket::SocketError;
    switch (error) {
    case E::ConnectionRefusedError:
        return Failure::Refused;
    case E::HostNotFoundError:
        return Failure::HostNotFound;
    case E::SocketTimeoutError:
        return Failure::Timeout;
    case E::RemoteHostClosedError:
        return Failure::Closed;
    case E::SslHandshakeFailedError:
    case E::SslInternalError:
    case E::SslInvalidUserDataError:
        return Failure::Tls;
    case E::ProxyConnectionRefusedError:
        return Failure::ProxyRefused;
    case E::ProxyNotFoundError:
        return Failure::ProxyNotFound;
    case E::ProxyConnectionTimeoutError:
        return Failure::ProxyTimeout;
    case E::ProxyConnectionClosedError:
        return Failure::ProxyClosed;
    case E::ProxyAuthenticationRequiredError:
        return Failure::ProxyAuthentication;
    case E::ProxyProtocolError:
        return Failure::ProxyProtocol;
    // An HTTP proxy's 403 or 405 to CONNECT (through a proxy only, see describe()).
    case E::SocketAccessError:
        return Failure::ProxyDenied;
    default:
        return Failure::Other;
    }
}

Failure classify(QNetworkReply::NetworkError error)
{
    using E = QNetworkReply::NetworkError;
    switch (error) {
    case E::ConnectionRefusedError:
        return Failure::Refused;
    case E::HostNotFoundError:
        return Failure::HostNotFound;
    case E::TimeoutError:
        return Failure::Timeout;
    case E::RemoteHostClosedError:
        return Failure::Closed;
    case E::OperationCanceledError:
        return Failure::Cancelled;
    case E::TooManyRedirectsError:
    case E::InsecureRedirectError:
        return Failure::Redirect;
    case E::SslHandshakeFailedError:
        return Failure::Tls;
    case E::ProxyConnectionRefusedError:
        return Failure::ProxyRefused;
    case E::ProxyNotFoundError:
        return Failure::ProxyNotFound;
    case E::ProxyTimeoutError:
        return Failure::ProxyTimeout;
    case E::ProxyConnectionClosedError:
        return Failure::ProxyClosed;
    case E::ProxyAuthenticationRequiredError:
        return Failure::ProxyAuthentication;
    case E::UnknownProxyError:
        return Failure::ProxyProtocol;
    default:
        return Failure::Other;
    }
}

// QNetworkReply reports some proxy failures as UnknownNetworkError (Qt 6.4), and an HTTP
// proxy's error answer to CONNECT as a protocol error: the text of Qt's socket engines
// tells them apart (compared as written and as translated, since the app loads Qt's
// translations).
std::optional<Failure> proxyFailureFromText(const QString &errorString)
{
    struct Text
    {
        const char *context;
        const char *source;
        Failure failure;
    };
    static const Text texts[] = {
        { "QHttpSocketEngine", "Proxy connection refused", Failure::ProxyRefused },
        { "QSocks5SocketEngine", "Connection to proxy refused", Failure::ProxyRefused },
        { "QHttpSocketEngine", "Proxy connection closed prematurely", Failure::ProxyClosed },
        { "QSocks5SocketEngine", "Connection to proxy closed prematurely", Failure::ProxyClosed },
        { "QHttpSocketEngine", "Proxy server not found", Failure::ProxyNotFound },
        { "QSocks5SocketEngine", "Proxy host not found", Failure::ProxyNotFound },
        { "QHttpSocketEngine", "Proxy server connection timed out", Failure::ProxyTimeout },
        { "QSocks5SocketEngine", "Connection to proxy timed out", Failure::ProxyTimeout },
        { "QSocks5SocketEngine", "Proxy authentication failed", Failure::ProxyAuthentication },
        { "QHttpNetworkConnection", "Proxy requires authentication", Failure::ProxyAuthentication },
        { "QHttpSocketEngine", "Proxy denied connection", Failure::ProxyDenied },
        { "QHttpSocketEngine", "Did not receive HTTP response from proxy", Failure::ProxyProtocol },
        // 500/502 (tinyproxy: the server is down), 401 (tinyproxy: wrong password), ...
        { "QHttpSocketEngine", "Error communicating with HTTP proxy", Failure::ProxyAnsweredError },
        { "QSocks5SocketEngine", "SOCKS version 5 protocol error", Failure::ProxyProtocol },
        { "QSocks5SocketEngine", "Connection not allowed by SOCKSv5 server", Failure::ProxyDenied },
    };
    for (const Text &text : texts) {
        const QString source = QString::fromLatin1(text.source);
        const QString translated = QCoreApplication::translate(text.context, text.source);
        if (errorString.startsWith(source) || (!translated.isEmpty() && errorString.startsWith(translated)))
            return text.failure;
    }
    return std::nullopt;
}

bool isProxyFailure(Failure failure)
{
    switch (failure) {
    case Failure::ProxyRefused:
    case Failure::ProxyNotFound:
    case Failure::ProxyTimeout:
    case Failure::ProxyClosed:
    case Failure::ProxyAuthentication:
    case Failure::ProxyProtocol:
    case Failure::ProxyDenied:
    case Failure::ProxyAnsweredError:
        return true;
    default:
        return false;
    }
}

// Qt's texts may quote the whole URL (with its query); sentences name the server only.
QString withoutUrls(QString text, const QUrl &url)
{
    static const QRegularExpression urls(QStringLiteral("\\b(?:https?|wss?)://\\S+"));
    text.replace(urls, serverAddress(url));
    while (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QString certificateNames(const QSslCertificate &certificate)
{
    const auto alternatives = certificate.subjectAlternativeNames();
    QStringList names(alternatives.begin(), alternatives.end());
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    names.removeDuplicates();
    return names.join(QStringLiteral(", "));
}

QString issuerName(const QSslCertificate &certificate)
{
    const QStringList names = certificate.issuerInfo(QSslCertificate::CommonName);
    return names.isEmpty() ? certificate.issuerDisplayName() : names.first();
}

// One clause for each kind of certificate problem, the most telling first.
QStringList certificateClauses(const QList<QSslError> &errors, const QUrl &url)
{
    using E = QSslError::SslError;
    QStringList clauses;
    const auto add = [&clauses](const QString &clause) {
        if (!clauses.contains(clause))
            clauses << clause;
    };
    const auto find = [&errors](std::initializer_list<E> kinds) -> const QSslError * {
        for (const QSslError &e : errors) {
            if (std::find(kinds.begin(), kinds.end(), e.error()) != kinds.end())
                return &e;
        }
        return nullptr;
    };
    if (const QSslError *e = find({ E::HostNameMismatch }))
        add(QStringLiteral("the server's certificate was issued for other names than %1 (%2)")
                .arg(url.host(), certificateNames(e->certificate())));
    if (const QSslError *e = find({ E::CertificateExpired }))
        add(QStringLiteral("the server's certificate expired on %1")
                .arg(e->certificate().expiryDate().toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    if (const QSslError *e = find({ E::CertificateNotYetValid }))
        add(QStringLiteral("the server's certificate is not valid until %1")
                .arg(e->certificate().effectiveDate().toUTC().toString(QStringLiteral("yyyy-MM-dd"))));
    if (find({ E::SelfSignedCertificate, E::SelfSignedCertificateInChain })) {
        add(QStringLiteral("the server's certificate is self-signed, so its issuer is untrusted"));
    } else if (const QSslError *e = find({ E::UnableToGetLocalIssuerCertificate,
                                           E::UnableToGetIssuerCertificate, E::UnableToVerifyFirstCertificate,
                                           E::CertificateUntrusted, E::InvalidCaCertificate })) {
        const QString issuer = e->certificate().isNull() ? QString() : issuerName(e->certificate());
        add(issuer.isEmpty()
                ? QStringLiteral("the server's certificate comes from an untrusted issuer")
                : QStringLiteral("the server's certificate comes from an untrusted issuer (%1)").arg(issuer));
    }
    if (find({ E::CertificateRevoked }))
        add(QStringLiteral("the server's certificate has been revoked"));
    if (find({ E::NoPeerCertificate }))
        add(QStringLiteral("the server sent no certificate"));
    for (const QSslError &e : errors) {
        if (clauses.isEmpty() && e.error() != E::NoError && e.error() != E::UnspecifiedError)
            add(QStringLiteral("the server's certificate cannot be verified (%1)")
                    .arg(withoutUrls(e.errorString(), url)));
    }
    return clauses;
}

QString tlsSentence(const QString &errorString, const QList<QSslError> &sslErrors, const QUrl &url,
                    const QNetworkProxy &proxy)
{
    const QString certificate = describeCertificateErrors(sslErrors, url);
    if (!certificate.isEmpty()) {
        // A company proxy that re-signs secure connections shows up as an untrusted issuer.
        if (proxy.type() != QNetworkProxy::NoProxy && certificate.contains(QLatin1String("untrusted issuer")))
            return certificate
                + QStringLiteral(" The proxy %1 may be intercepting secure connections.")
                      .arg(NetworkProxy::address(proxy));
        return certificate;
    }
    if (errorString.contains(QLatin1String("wrong version number"), Qt::CaseInsensitive)
        || errorString.contains(QLatin1String("packet length too long"), Qt::CaseInsensitive))
        return QStringLiteral(
                   "The secure connection to %1 failed: the server did not answer with a secure (TLS) "
                   "connection. Is it an http:// address?")
            .arg(serverAddress(url));
    return QStringLiteral("The secure connection to %1 failed: the server did not complete a secure (TLS) "
                          "connection (%2).")
        .arg(serverAddress(url), withoutUrls(errorString, url));
}

QString proxySentence(Failure failure, const QNetworkProxy &proxy, const QUrl &url)
{
    const bool known = proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy;
    const QString name = known ? QStringLiteral("The proxy %1").arg(NetworkProxy::address(proxy))
                               : QStringLiteral("The proxy");
    const QString place = NetworkProxy::whereToConfigure();
    const QString check = place.isEmpty() ? QString() : QStringLiteral(" Check the proxy in %1.").arg(place);
    switch (failure) {
    case Failure::ProxyRefused:
        return name + QStringLiteral(" refused the connection.") + check;
    case Failure::ProxyNotFound:
        return name + QStringLiteral(" was not found: check its host name.") + check;
    case Failure::ProxyTimeout:
        return name + QStringLiteral(" did not answer in time.");
    case Failure::ProxyClosed:
        return name + QStringLiteral(" closed the connection unexpectedly.");
    case Failure::ProxyAuthentication:
        if (!proxy.user().isEmpty())
            return name + QStringLiteral(" refused the user name and password.") + check;
        return name
            + (place.isEmpty()
                   ? QStringLiteral(" needs a user name and password.")
                   : QStringLiteral(" needs a user name and password: set them in %1.").arg(place));
    case Failure::ProxyProtocol: {
        const QString type = proxy.type() == QNetworkProxy::Socks5Proxy ? QStringLiteral("a SOCKS5")
                                                                        : QStringLiteral("an HTTP");
        return name
            + QStringLiteral(
                  " did not answer as %1 proxy does: is it of another type (http:// or socks5://)?")
                  .arg(type)
            + check;
    }
    case Failure::ProxyDenied:
        return name
            + QStringLiteral(" did not open a connection to %1: the server may be down, or the proxy does "
                             "not allow connections to it.")
                  .arg(serverAddress(url));
    case Failure::ProxyAnsweredError:
        // Which error the proxy answered is not known here; some proxies (tinyproxy) answer
        // a wrong password with 401 rather than 407.
        if (!proxy.user().isEmpty())
            return name
                + QStringLiteral(" did not open a connection to %1: it may have refused the user name and "
                                 "password, or the server may be down.")
                      .arg(serverAddress(url))
                + check;
        return name
            + QStringLiteral(" did not open a connection to %1: the server may be down, or the proxy does "
                             "not allow connections to it.")
                  .arg(serverAddress(url));
    default:
        return name + QStringLiteral(" failed.");
    }
}

QString describe(Failure failure, const QString &errorString, const QList<QSslError> &sslErrors,
                 const QUrl &url)
{
    const QNetworkProxy proxy = NetworkProxy::proxyFor(url);
    if (!sslErrors.isEmpty() || failure == Failure::Tls)
        return tlsSentence(errorString, sslErrors, url, proxy);
    const bool viaProxy = proxy.type() != QNetworkProxy::NoProxy;
    if (viaProxy) {
        if (const std::optional<Failure> fromText = proxyFailureFromText(errorString))
            failure = *fromText;
    }
    if (isProxyFailure(failure) && (viaProxy || failure != Failure::ProxyDenied))
        return proxySentence(failure, proxy, url);
    const QString where = serverAddress(url);
    const QString through
        = viaProxy ? QStringLiteral(" through the proxy %1").arg(NetworkProxy::address(proxy)) : QString();
    switch (failure) {
    case Failure::Refused:
        return QStringLiteral("Cannot reach %1%2: the connection was refused. Is the server running?")
            .arg(where, through);
    case Failure::HostNotFound:
        return QStringLiteral("Cannot reach %1%2: the host name was not found. Check the address.")
            .arg(where, through);
    case Failure::Timeout:
        return describeTimeout(url);
    case Failure::Closed:
        return QStringLiteral("The connection to %1%2 was closed unexpectedly.").arg(where, through);
    case Failure::Cancelled:
        return QStringLiteral("The request to %1 was cancelled.").arg(where);
    case Failure::Redirect:
        return QStringLiteral(
                   "%1 redirected the request somewhere unsafe; this does not look like a Ring server.")
            .arg(where);
    default:
        return QStringLiteral("Cannot reach %1%2: %3.").arg(where, through, withoutUrls(errorString, url));
    }
}

} // namespace

QString serverAddress(const QUrl &url)
{
    const QString host = url.host().contains(u':') ? QStringLiteral("[%1]").arg(url.host()) : url.host();
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(host).arg(url.port()) : host;
}

QString describeCertificateErrors(const QList<QSslError> &errors, const QUrl &url)
{
    const QStringList clauses = certificateClauses(errors, url);
    if (clauses.isEmpty())
        return {};
    return QStringLiteral("The secure connection to %1 failed: %2.")
        .arg(serverAddress(url), clauses.join(QStringLiteral("; ")));
}

QString describeTimeout(const QUrl &url)
{
    return QStringLiteral("The server %1 did not answer in time. Check your connection and try again.")
        .arg(serverAddress(url));
}

QString describeSocketFailure(QAbstractSocket::SocketError error, const QString &errorString,
                              const QList<QSslError> &sslErrors, const QUrl &url)
{
    return describe(classify(error), errorString, sslErrors, url);
}

QString describeReplyFailure(QNetworkReply::NetworkError error, const QString &errorString,
                             const QList<QSslError> &sslErrors, const QUrl &url)
{
    return describe(classify(error), errorString, sslErrors, url);
}

} // namespace ringchat
