// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "singleinstance.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>

#include <cstdio>

namespace ringchat::app {

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
{
    // The key (user and settings file) can be long; the socket name must stay short.
    const QByteArray hash
        = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_name = QStringLiteral("ringchat-") + QString::fromLatin1(hash);
}

bool SingleInstance::sendToRunning(const QStringList &lines, QStringList *answers, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(500))
        return false;
    for (const QString &line : lines) {
        socket.write(line.toUtf8() + '\n');
        socket.flush();
        while (!socket.canReadLine()) {
            if (!socket.waitForReadyRead(timeoutMs)) {
                if (answers)
                    answers->append(QStringLiteral("error no answer"));
                return true;
            }
        }
        const QString answer = QString::fromUtf8(socket.readLine()).trimmed();
        if (answers)
            answers->append(answer);
    }
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A stale socket file from a crashed instance: nobody answered above, so take it over.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
    return true;
}

std::optional<int> SingleInstance::handOverOrListen(const QStringList &lines, bool needsRunningInstance)
{
    QStringList answers;
    if (sendToRunning(lines, &answers)) {
        for (const QString &answer : std::as_const(answers))
            std::printf("%s\n", qPrintable(answer));
        return answers.filter(QStringLiteral("error")).isEmpty() ? 0 : 2;
    }
    if (needsRunningInstance) {
        std::fprintf(stderr, "ringchat: no running instance\n");
        return 2;
    }
    listen();
    return std::nullopt;
}

void SingleInstance::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
        while (socket->canReadLine()) {
            const QByteArray raw = socket->readLine(4096);
            const QString line = QString::fromUtf8(raw).trimmed();
            QString answer = QStringLiteral("error unknown command");
            emit commandReceived(line, &answer);
            socket->write(answer.toUtf8() + '\n');
        }
        // A client that sends an endless line is dropped.
        if (socket->bytesAvailable() > 4096)
            socket->abort();
    });
}

} // namespace ringchat::app
