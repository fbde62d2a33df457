#pragma once
// One running app per user and settings file. A second launch hands its request
// (normally "raise") to the running one over a local socket and exits.
//
// Commands are single UTF-8 lines: "raise", "open <conversationId>", and with
// automation enabled (scripts/screenshots) also "grab <png path>",
// "theme <system|light|dark>", "settings <on|off>", "size <w> <h>",
// "send <conversationId> <text>", "signin [url]", "signout", "state"
// and "quit".
// The running instance answers each line with "ok" or "error <reason>".

#include <QObject>
#include <QString>

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

signals:
    // Reply with the answer for this line (see above).
    void commandReceived(const QString &line, QString *answer);

private:
    void serve(QLocalSocket *socket);

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace ringchat::app
