// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of store_cache's crash test: opens the store, adds one outbox
// entry, prints ADDED once the future says it is durable, then waits to be killed.

#include "store/chatstore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace ringchat;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString clientId = QString::fromLocal8Bit(argv[2]);
    auto *store = new store::ChatStore(&app);
    store->open(path, QStringLiteral("alice")).then(&app, [store, clientId](bool ok) {
        if (!ok)
            QCoreApplication::exit(3);
        store::OutboxEntry entry;
        entry.clientId = clientId;
        entry.conversationId = QStringLiteral("conv1");
        entry.content = QStringLiteral("written before the crash");
        entry.createdAt = QDateTime::currentDateTimeUtc();
        store->addToOutbox(entry).then(qApp, [](bool added) {
            std::fputs(added ? "ADDED\n" : "FAILED\n", stdout);
            std::fflush(stdout);
        });
    });
    return app.exec();
}
