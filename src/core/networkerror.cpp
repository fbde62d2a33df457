#include "core/networkerror.h"

namespace ringchat {

// First cut; the full mapping (proxy, each TLS error) comes with the proxy work.
QString describeSocketFailure(QAbstractSocket::SocketError error, const QString &errorString,
                              const QList<QSslError> &sslErrors, const QUrl &url)
{
    Q_UNUSED(error)
    Q_UNUSED(sslErrors)
    return QStringLiteral("Cannot reach %1: %2.").arg(url.host(), errorString);
}

QString describeReplyFailure(QNetworkReply::NetworkError error, const QString &errorString,
                             const QList<QSslError> &sslErrors, const QUrl &url)
{
    Q_UNUSED(error)
    Q_UNUSED(sslErrors)
    return QStringLiteral("Cannot reach %1: %2.").arg(url.host(), errorString);
}

} // namespace ringchat
