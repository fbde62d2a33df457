// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/outboxtable.h"

#include "store/sqlhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ringchat::store {

namespace {
QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// content is NOT NULL (a delete or a reaction has none), and a null QString binds as
// NULL, which INSERT OR IGNORE would drop without a word.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
// The files column: a JSON array, NULL for an entry without files.
QVariant filesColumn(const QList<OutboxFile> &files)
{
    if (files.isEmpty())
        return QVariant();
    QJsonArray list;
    for (const OutboxFile &f : files)
        list.append(QJsonObject { { QStringLiteral("path"), f.path },
                                  { QStringLiteral("name"), f.name },
                                  { QStringLiteral("mimeType"), f.mimeType },
                                  { QStringLiteral("size"), f.size },
                                  { QStringLiteral("sha256"), f.sha256 },
                                  { QStringLiteral("idempotencyKey"), f.idempotencyKey },
                                  { QStringLiteral("attachmentId"), f.attachmentId } });
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QList<OutboxFile> filesFrom(const QVariant &column)
{
    QList<OutboxFile> files;
    const QJsonArray list = QJsonDocument::fromJson(column.toString().toUtf8()).array();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        files.append({ o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("name")).toString(),
                       o.value(QStringLiteral("mimeType")).toString(),
                       qint64(o.value(QStringLiteral("size")).toDouble()),
                       o.value(QStringLiteral("sha256")).toString(),
                       o.value(QStringLiteral("idempotencyKey")).toString(),
                       o.value(QStringLiteral("attachmentId")).toString() });
    }
    return files;
}
} // namespace

OutboxTable::OutboxTable(QSqlDatabase &db)
    : m_db(db)
{
}

bool OutboxTable::add(const OutboxEntry &e)
{
    if (e.clientId.isEmpty() || e.conversationId.isEmpty())
        return false;
    QSqlQuery q(m_db);
    // Adding the same clientId twice keeps the first entry (a resend is not a new message).
    q.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO outbox (client_id, conversation_id, kind, content, type, format, reply_to,"
        " target_id, emoji, reaction_on, created_at, attempts, state, last_error, emitted, files, mentions)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.clientId);
    q.addBindValue(e.conversationId);
    q.addBindValue(int(e.kind));
    q.addBindValue(notNull(e.content));
    q.addBindValue(e.type == api::Message::Type::System ? 1 : 0);
    q.addBindValue(int(e.format));
    q.addBindValue(nullIfEmpty(e.replyTo));
    q.addBindValue(nullIfEmpty(e.targetId));
    q.addBindValue(nullIfEmpty(e.emoji));
    q.addBindValue(e.reactionOn ? 1 : 0);
    q.addBindValue(timeValue(e.createdAt.isValid() ? e.createdAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(e.attempts);
    q.addBindValue(int(e.state));
    q.addBindValue(nullIfEmpty(e.lastError));
    q.addBindValue(e.emitted ? 1 : 0);
    q.addBindValue(filesColumn(e.files));
    q.addBindValue(e.mentions.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                        : QVariant(e.mentions.join(QLatin1Char('\n'))));
    return execLogged(q);
}

QList<OutboxEntry> OutboxTable::entries(const QString &conversationId)
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT client_id, conversation_id, kind, content, type, format, reply_to, target_id, emoji,"
        " reaction_on, created_at, attempts, state, last_error, emitted, files, mentions FROM outbox"
        " WHERE :conv = '' OR conversation_id = :conv ORDER BY created_at, rowid"));
    q.bindValue(QStringLiteral(":conv"), conversationId.isNull() ? QStringLiteral("") : conversationId);
    if (!execLogged(q))
        return out;
    while (q.next()) {
        const int kind = q.value(2).toInt();
        if (kind < int(OutboxEntry::Kind::Send) || kind > int(OutboxEntry::Kind::React))
            continue; // written by a newer program: not ours to send
        OutboxEntry e;
        e.clientId = q.value(0).toString();
        e.conversationId = q.value(1).toString();
        e.kind = OutboxEntry::Kind(kind);
        e.content = q.value(3).toString();
        e.type = q.value(4).toInt() == 1 ? api::Message::Type::System : api::Message::Type::Text;
        e.format = q.value(5).toInt() == 1 ? api::Message::Format::Markdown : api::Message::Format::Plain;
        e.replyTo = q.value(6).toString();
        e.targetId = q.value(7).toString();
        e.emoji = q.value(8).toString();
        e.reactionOn = q.value(9).toInt() != 0;
        e.createdAt = timeFrom(q.value(10));
        e.attempts = q.value(11).toInt();
        e.state = q.value(12).toInt() == 1 ? OutboxEntry::State::Failed : OutboxEntry::State::Queued;
        e.lastError = q.value(13).toString();
        e.emitted = q.value(14).toInt() != 0;
        e.files = filesFrom(q.value(15));
        // One user id a line (ids hold no whitespace).
        e.mentions = q.value(16).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        out.append(std::move(e));
    }
    return out;
}

bool OutboxTable::update(const OutboxEntry &e)
{
    QSqlQuery q(m_db);
    // What changes in an entry's life: its state, a queued send's new content, an
    // action's target once its send is stored, and whether it went out.
    q.prepare(
        QStringLiteral("UPDATE outbox SET content = ?, format = ?, target_id = ?, state = ?, attempts = ?,"
                       " last_error = ?, emitted = ?, files = ? WHERE client_id = ?"));
    q.addBindValue(notNull(e.content));
    q.addBindValue(int(e.format));
    q.addBindValue(nullIfEmpty(e.targetId));
    q.addBindValue(int(e.state));
    q.addBindValue(e.attempts);
    q.addBindValue(nullIfEmpty(e.lastError));
    q.addBindValue(e.emitted ? 1 : 0);
    q.addBindValue(filesColumn(e.files)); // the attachment ids of its uploads
    q.addBindValue(e.clientId);
    return execLogged(q) && q.numRowsAffected() == 1;
}

bool OutboxTable::remove(const QString &clientId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    q.addBindValue(clientId);
    return execLogged(q) && q.numRowsAffected() == 1;
}

} // namespace ringchat::store
