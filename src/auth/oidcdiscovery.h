// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace ringchat::auth {

// The parts of the OpenID provider metadata the client uses.
struct OidcConfiguration
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint; // empty when the server does not offer RFC 7009 revocation
    QStringList codeChallengeMethods;

    bool isValid() const { return authorizationEndpoint.isValid() && tokenEndpoint.isValid(); }
};

// Fetches <server>/.well-known/openid-configuration and checks it describes a
// server this client can sign in to (PKCE S256, endpoints as secure as the server).
class OidcDiscovery : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const OidcConfiguration &, const AuthError &)>;

    explicit OidcDiscovery(QNetworkAccessManager *nam, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Calls done once (unless this object is destroyed first).
    void discover(const QUrl &server, Done done);

    static QUrl discoveryUrl(const QUrl &server);
    // Checks a metadata document; on failure returns an invalid configuration and sets *error.
    static OidcConfiguration parse(const QByteArray &json, const QUrl &server, AuthError *error);

private:
    QNetworkAccessManager *m_nam;
    int m_timeoutMs = 20000;
};

} // namespace ringchat::auth
