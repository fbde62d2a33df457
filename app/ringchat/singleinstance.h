// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One running app per user and settings file. A second launch hands its request
// (normally "raise") to the running one over a local socket and exits.
//
// Commands are single UTF-8 lines (remotecommands.h lists them); the running
// instance answers each line with "ok" or "error <reason>".

#include <QObject>
#include <QString>

#include <optional>

class QLocalServer;
class QLocalSocket;

namespace ringchat::app {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);

    // True when another instance runs; then sends it the lines and returns its answers.
    bool sendToRunning(const QStringList &lines, QStringList *answers = nullptr, int timeoutMs = 5000);
    // Becomes the running instance. Returns false when the name cannot be taken.
    bool listen();
    // At start: when another instance runs, hands it the lines, prints its answers and
    // returns the exit code (0, or 2 when one was an error); also 2 when the lines had
    // to reach a running instance (--command) and none runs. Otherwise listens, and
    // returns nothing: this process is the running instance.
    std::optional<int> handOverOrListen(const QStringList &lines, bool needsRunningInstance);

signals:
    // Reply with the answer for this line (see above).
    void commandReceived(const QString &line, QString *answer);

private:
    void serve(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace ringchat::app
