// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a cached history for the startup benchmark, where the app will look for
// it: one conversation "big" with N messages plus 100 conversations of 1000.
// Usage: ringchat-bench-seed DATA_DIR SERVER_URL USER_ID N

#include "api/types.h"
#include "store/chatstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFuture>
#include <QTimeZone>

#include <cstdio>

using namespace ringchat;

namespace {

const QDateTime kStart = QDateTime::fromMSecsSinceEpoch(1767225600000LL, Qt::UTC);

api::Conversation conversation(const QString &id, const QString &me, qint64 lastSeq)
{
    api::Conversation c;
    c.id = id;
    c.type = api::Conversation::Type::Group;
    c.title = QStringLiteral("Bench %1").arg(id);
    for (const QString &user : { me, QStringLiteral("u-bench") }) {
        api::Participant p;
        p.userId = user;
        p.name = user;
        p.joinedAt = kStart;
        c.participants.append(p);
    }
    c.lastSeq = lastSeq;
    c.createdAt = kStart;
    c.updatedAt = kStart.addSecs(lastSeq);
    return c;
}

bool insert(store::ChatStore &store, const QString &conv, qint64 count)
{
    const QString content
        = QStringLiteral("A cached message of about the usual length, ") + QString(150, QLatin1Char('x'));
    for (qint64 from = 1; from <= count; from += 10000) {
        QList<api::Message> batch;
        for (qint64 seq = from; seq <= std::min(count, from + 9999); ++seq) {
            api::Message m;
            m.id = QStringLiteral("%1-m%2").arg(conv).arg(seq);
            m.conversationId = conv;
            m.seq = seq;
            m.clientId = QStringLiteral("00000000-0000-4000-8000-%1").arg(seq, 12, 10, QLatin1Char('0'));
            m.senderId = QStringLiteral("u-bench");
            m.senderName = QStringLiteral("Bench Sender");
            m.content = content;
            m.timestamp = kStart.addSecs(seq);
            batch.append(m);
        }
        if (store.insertMessages(batch).result().inserted != batch.size())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fputs("usage: ringchat-bench-seed DATA_DIR SERVER_URL USER_ID N\n", stderr);
        return 2;
    }
    const QString me = args[3];
    const qint64 count = args[4].toLongLong();
    store::ChatStore store;
    const QString path
        = store::ChatStore::databasePath(QUrl(args[2]), me, args[1] + QStringLiteral("/cache"));
    if (!store.open(path, me).result())
        return 1;
    QList<api::Conversation> conversations { conversation(QStringLiteral("big"), me, count) };
    for (int i = 0; i < 100; ++i)
        conversations.append(conversation(QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0')), me, 1000));
    bool ok
        = store.upsertConversations(conversations).result() && insert(store, QStringLiteral("big"), count);
    for (int i = 0; ok && i < 100; ++i)
        ok = insert(store, QStringLiteral("c%1").arg(i, 3, 10, QLatin1Char('0')), 1000);
    store.close().waitForFinished();
    std::printf("%s\n", qPrintable(path));
    return ok ? 0 : 1;
}
