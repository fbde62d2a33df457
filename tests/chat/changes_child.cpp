// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of chat_messagechanges: one user's app (ChatService on its own cache, the
// conversation's model asked for) that the test SIGKILLs while it is offline.
// Arguments: server URL, user id, access token, data directory, conversation id.
// Prints "SYNCED <highest held seq>" each time it is synced; reads "pause" on stdin,
// then prints "PAUSED" once the link is down.

#include "chatclient.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace ringchat;

namespace {
void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 6)
        return 2;
    const QString conversationId = args.at(5);
    ChatClient client(QUrl(args.at(1)), args.at(2), { args.at(3) }, args.at(4));
    client->openConversation(conversationId);
    client->messageModel(conversationId);
    QObject::connect(client.service.get(), &chat::ChatService::syncedChanged, &app, [&](bool synced) {
        if (synced)
            say("SYNCED " + QByteArray::number(client->highestHeldSeq(conversationId)));
    });
    QObject::connect(client.service.get(), &chat::ChatService::statusChanged, &app,
                     [](chat::ConnectionManager::Status status) {
                         if (status == chat::ConnectionManager::Status::Paused)
                             say("PAUSED");
                     });
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char line[64] = {};
        const ssize_t n = ::read(STDIN_FILENO, line, sizeof line - 1);
        if (n <= 0)
            return input.setEnabled(false);
        if (QByteArray(line, int(n)).trimmed() == "pause")
            client->pause();
    });
    client->start();
    return app.exec();
}
