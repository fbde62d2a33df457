// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of store_chatcache's kill test: floods messages 1, 2, 3... into
// a StoreChatCache (a burst per event-loop pass, as a socket delivers them),
// adds one outbox entry after message 2000, and the moment the entry is
// durable prints ADDED, queues one more burst and SIGKILLs itself: later
// writes are pending or in flight, nothing is flushed or closed.

#include "chat/storechatcache.h"
#include "store/chatstore.h"

#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace ringchat;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    store::ChatStore store;
    if (!store.open(QString::fromLocal8Bit(argv[1]), QStringLiteral("alice")).result())
        return 3;
    chat::StoreChatCache cache(&store);
    qint64 seq = 0;
    QTimer burst;
    auto saveBurst = [&] {
        for (int i = 0; i < 50; ++i) {
            api::Message m;
            m.id = QStringLiteral("m%1").arg(++seq);
            m.conversationId = QStringLiteral("flood");
            m.seq = seq;
            m.clientId = QStringLiteral("c%1").arg(seq);
            m.senderId = QStringLiteral("bob");
            m.senderName = QStringLiteral("Bob");
            m.content = QStringLiteral("flood message %1").arg(seq);
            m.timestamp = QDateTime::currentDateTimeUtc();
            cache.saveMessages({ m }); // one call per message, as ChatService makes them
        }
    };
    QObject::connect(&burst, &QTimer::timeout, &app, [&] {
        saveBurst();
        if (seq == 2000) {
            store::OutboxEntry entry;
            entry.clientId = QStringLiteral("mid-flood");
            entry.conversationId = QStringLiteral("flood");
            entry.content = QStringLiteral("written during the flood");
            entry.createdAt = QDateTime::currentDateTimeUtc();
            cache.saveOutboxEntry(entry, [&] {
                std::fputs("ADDED\n", stdout);
                std::fflush(stdout);
                saveBurst();
                std::raise(SIGKILL);
            });
        }
    });
    burst.start(0);
    return app.exec();
}
