// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The proxy setting of the app and the CLI, and the one place it is applied.
// It is applied process-wide (Qt's application proxy or proxy factory), so every
// connection the process opens honours it: REST and sign-in (QNetworkAccessManager),
// Engine.IO long-polling and the WebSocket (QWebSocket). Qt itself never sends
// localhost or 127.0.0.0/8 through an application or system proxy.

#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace ringchat {

class NetworkProxy
{
public:
    enum class Mode {
        System, // the environment's *_proxy variables, else the desktop's settings (the default)
        None,   // always connect directly
        Manual, // one HTTP (CONNECT) or SOCKS5 proxy for everything
    };

    NetworkProxy() = default; // System
    static NetworkProxy none();
    // "http://host:port" or "socks5://host:port", optionally with user[:password]@.
    // Returns nothing and sets *error (a sentence without the password) for bad input.
    static std::optional<NetworkProxy> manual(const QString &url, QString *error);
    // A command-line value: "system", "none" or a manual URL.
    static std::optional<NetworkProxy> parse(const QString &text, QString *error);

    Mode mode() const { return m_mode; }
    // "system", "none" or "manual", as settings store it and parse() reads the first two.
    QString modeName() const;
    // Manual: the proxy's address without credentials, e.g. "socks5://proxy.example.com:1080".
    QString url() const;
    QString user() const { return m_proxy.user(); }
    QString password() const { return m_proxy.password(); }
    bool hasPassword() const { return !m_proxy.password().isEmpty(); }
    void setCredentials(const QString &user, const QString &password);

    // Makes this the proxy of every connection the process opens from now on.
    void apply() const;

    // The proxy a connection to url goes through now (type NoProxy when it goes directly).
    static QNetworkProxy proxyFor(const QUrl &url);
    // "host:port" of a proxy, for sentences.
    static QString address(const QNetworkProxy &proxy);
    // Where the user sets the proxy, for sentences: "Settings → Network" in the app,
    // "--proxy or RINGCHAT_PROXY" in the CLI. Empty by default.
    static void setWhereToConfigure(const QString &place);
    static QString whereToConfigure();

private:
    Mode m_mode = Mode::System;
    QNetworkProxy m_proxy; // Manual only
};

// The System mode. Qt 6.4 on Debian asks libproxy, which reads https_proxy only for
// https:// requests (a WebSocket asks for tcp:// and gets http_proxy) and never reads
// all_proxy. This factory reads the variables itself, for every kind of connection:
// secure (https, wss): https_proxy, else all_proxy, else http_proxy; plain (http, ws):
// http_proxy, else all_proxy; lowercase names before uppercase ones. no_proxy lists hosts,
// domain suffixes (".example.com", "example.com", "*.example.com"), IP addresses, CIDR
// ranges and "*", each optionally with ":port". When no proxy variable is set, the
// desktop's settings decide (QNetworkProxyFactory::systemProxyForQuery).
class EnvironmentProxyFactory : public QNetworkProxyFactory
{
public:
    using Environment = std::function<QString(const char *name)>;
    explicit EnvironmentProxyFactory(Environment environment = {});

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // True when no_proxy says host:port is reached directly.
    static bool bypasses(const QString &noProxy, const QString &host, int port);

private:
    QString variable(const char *lowercaseName) const;

    Environment m_environment;
};

} // namespace ringchat
