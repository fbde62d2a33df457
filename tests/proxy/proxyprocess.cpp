// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxyprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <unistd.h>

namespace {

// The tools this needs, with the Debian package that has each.
struct Tool
{
    const char *command;
    const char *package;
};

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

ProxyProcess::ProxyProcess(Kind kind, QString user, QString password)
    : m_kind(kind)
    , m_user(std::move(user))
    , m_password(std::move(password))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ProxyProcess::~ProxyProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

int ProxyProcess::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString ProxyProcess::program() const
{
    return m_kind == Kind::Tinyproxy ? QStringLiteral("tinyproxy") : QStringLiteral("microsocks");
}

QString ProxyProcess::name() const
{
    QString text = m_kind == Kind::Tinyproxy ? QStringLiteral("tinyproxy (HTTP)")
                                             : QStringLiteral("microsocks (SOCKS5)");
    if (!m_user.isEmpty())
        text += QStringLiteral(" with a user and password");
    return text;
}

QString ProxyProcess::url() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_kind == Kind::Tinyproxy ? QStringLiteral("http") : QStringLiteral("socks5"))
        .arg(m_port);
}

QStringList ProxyProcess::arguments()
{
    if (m_kind == Kind::Microsocks) {
        QStringList args { QStringLiteral("-i"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                           QString::number(m_port) };
        if (!m_user.isEmpty())
            args << QStringLiteral("-u") << m_user << QStringLiteral("-P") << m_password;
        return args;
    }
    QByteArray config = "Port " + QByteArray::number(m_port)
        + "\n"
          "Listen 127.0.0.1\n"
          "Timeout 60\n"
          "MaxClients 50\n"
          "LogLevel Connect\n"
          "Allow 127.0.0.1\n";
    if (!m_user.isEmpty())
        config += "BasicAuth " + m_user.toUtf8() + ' ' + m_password.toUtf8() + '\n';
    const QString path = m_dir.filePath(QStringLiteral("tinyproxy.conf"));
    writeFile(path, config);
    // -d: stay in the foreground and log to the terminal (our pipe).
    return { QStringLiteral("-d"), QStringLiteral("-c"), path };
}

bool ProxyProcess::start(const QStringList &hostNames)
{
    const Tool tools[] = {
        { m_kind == Kind::Tinyproxy ? "tinyproxy" : "microsocks",
          m_kind == Kind::Tinyproxy ? "tinyproxy" : "microsocks" },
        { "unshare", "util-linux" },
        { "mount", "mount" },
    };
    for (const Tool &tool : tools) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool.command)).isEmpty()) {
            m_error = QStringLiteral("%1 is missing: install the Debian package %2 (scripts/setup does).")
                          .arg(QString::fromLatin1(tool.command), QString::fromLatin1(tool.package));
            return false;
        }
    }
    QByteArray hosts = "127.0.0.1 localhost\n::1 localhost\n";
    for (const QString &name : hostNames)
        hosts += "127.0.0.1 " + name.toUtf8() + '\n';
    const QString hostsFile = m_dir.filePath(QStringLiteral("hosts"));
    if (!m_dir.isValid() || !writeFile(hostsFile, hosts)) {
        m_error = QStringLiteral("Cannot write the proxy's hosts file in %1.").arg(m_dir.path());
        return false;
    }
    m_port = closedPort();

    // As root a mount namespace is enough; otherwise a user namespace makes us root in it.
    QStringList unshare;
    if (::geteuid() != 0)
        unshare << QStringLiteral("-r");
    unshare << QStringLiteral("-m") << QStringLiteral("sh") << QStringLiteral("-c")
            << QStringLiteral("mount --bind \"$0\" /etc/hosts && exec \"$@\"") << hostsFile << program();
    m_process.start(QStringLiteral("unshare"), unshare + arguments());
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("unshare did not start: %1").arg(m_process.errorString());
        return false;
    }

    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral(
                          "%1 stopped at once (its own mount namespace needs root or user namespaces): %2")
                          .arg(name(), log().trimmed());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("%1 did not listen on 127.0.0.1:%2 within 10 s: %3")
                  .arg(name())
                  .arg(m_port)
                  .arg(log());
    return false;
}

QString ProxyProcess::log()
{
    m_output += m_process.readAll();
    return QString::fromUtf8(m_output);
}

int ProxyProcess::tunnelsTo(const QString &hostPort)
{
    // tinyproxy: "Request (file descriptor 4): CONNECT ring.test:8443 HTTP/1.1";
    // microsocks: "client[4] 127.0.0.1: connected to ring.test:8443".
    const QString line = m_kind == Kind::Tinyproxy ? QStringLiteral("CONNECT %1 HTTP").arg(hostPort)
                                                   : QStringLiteral("connected to %1").arg(hostPort);
    return int(log().count(line));
}
