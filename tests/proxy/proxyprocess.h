// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A real proxy for one test: Debian's tinyproxy (HTTP CONNECT) or microsocks (SOCKS5),
// on a free loopback port, optionally asking for a user name and password.
//
// The proxy runs in a mount namespace of its own (unshare -m) with a hosts file
// bind-mounted on /etc/hosts, so it, and only it, resolves the test names (ring.test)
// to 127.0.0.1. The client must go through it: Qt never sends localhost or
// 127.0.0.0/8 through a proxy, and plain http to another host is refused anyway.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class ProxyProcess
{
public:
    enum class Kind { Tinyproxy, Microsocks };

    explicit ProxyProcess(Kind kind, QString user = {}, QString password = {});
    ~ProxyProcess();

    ProxyProcess(const ProxyProcess &) = delete;
    ProxyProcess &operator=(const ProxyProcess &) = delete;

    // Starts the proxy with `hostNames` resolving to 127.0.0.1 for it alone. On false,
    // error() says why, naming a missing Debian package when a tool is not installed.
    bool start(const QStringList &hostNames);
    QString error() const { return m_error; }

    int port() const { return m_port; }
    // http://127.0.0.1:<port> or socks5://127.0.0.1:<port>, without credentials.
    QString url() const;
    QString name() const;
    // Everything the proxy printed so far.
    QString log();
    // How many tunnels to hostPort ("ring.test:8443") the proxy has opened so far.
    int tunnelsTo(const QString &hostPort);

    // A loopback port nothing listens on (it was free a moment ago).
    static int closedPort();

private:
    QString program() const;
    QStringList arguments();

    Kind m_kind;
    QString m_user;
    QString m_password;
    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_output;
    int m_port = 0;
    QString m_error;
};
