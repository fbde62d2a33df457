#pragma once
// The chat commands of ringchat-cli (conversations, history, send, tail, typing, read),
// on the same ChatService the app uses. main.cpp parses --server and the token
// (--token, RINGCHAT_TOKEN or the keychain session) and hands over the rest.

#include <QString>
#include <QStringList>
#include <QUrl>

class QTextStream;

namespace ringchat::auth {
class AccessTokenSource;
}

namespace ringchat::cli {

// Exit codes shared by every command.
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1, // anything else (e.g. the local cache could not be opened)
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNetwork = 4,
    ExitRefused = 5, // the server answered with a refusal (BAD_REQUEST, FORBIDDEN, NOT_FOUND, ...)
};

struct ChatCommandContext {
    QUrl serverUrl;
    auth::AccessTokenSource *tokens = nullptr; // must stay valid during the call
    // Where the per-account cache and outbox live. Empty: --data-dir, then
    // $RINGCHAT_DATA_DIR, then the platform's app data location.
    QString dataDir;
    QTextStream *out = nullptr; // one JSON object a line
    QTextStream *err = nullptr; // sentences for people
};

// True for the command names runChatCommand handles.
bool isChatCommand(const QString &command);
// Usage lines for --help.
QString chatCommandsHelp();
// Runs one command with its arguments (everything after the command name, options
// included: --limit N, --stdin, --up-to SEQ, --data-dir DIR, --timeout SECONDS).
// Needs a QCoreApplication. Returns the process exit code (ExitCode).
int runChatCommand(const QString &command, const QStringList &args, const ChatCommandContext &ctx);

} // namespace ringchat::cli
