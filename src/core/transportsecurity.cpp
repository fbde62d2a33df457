// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/transportsecurity.h"

#include <QHostAddress>

namespace ringchat {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool isSecureTransport(const QUrl &url, QString *error)
{
    auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return fail(
            QStringLiteral("The server address \"%1\" is not a valid URL.").arg(url.toDisplayString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return true;
    if (scheme != QLatin1String("http") && scheme != QLatin1String("ws"))
        return fail(QStringLiteral("The server address must start with https://."));
    if (isLoopbackHost(url.host()))
        return true;
    return fail(QStringLiteral("The server %1 is not on this computer, so it must be reached over "
                               "https://, not http://.")
                    .arg(url.host()));
}

} // namespace ringchat
