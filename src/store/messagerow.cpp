// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/messagerow.h"

#include "store/sqlhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace ringchat::store {

using api::Message;

const char *const kMessageRowColumns
    = "conversation_id, seq, id, client_id, sender_id, sender_name, content, type, reply_to, "
      "timestamp, edited_at, rev, format, deleted_at, reactions, reply_preview, attachments, "
      "mentions";

namespace {

// A JSON column (NULL when the message has none). A value that does not read
// (a file edited by hand) is left out rather than failing the whole page.
template <typename Json, typename Parse> auto jsonColumn(const QVariant &v, Parse parse)
{
    using Result = decltype(parse(Json()));
    if (v.isNull())
        return Result();
    const QJsonDocument document = QJsonDocument::fromJson(v.toString().toUtf8());
    if constexpr (std::is_same_v<Json, QJsonArray>)
        return parse(document.array());
    else
        return parse(document.object());
}

} // namespace

api::Message messageFromRow(const QSqlQuery &q)
{
    Message m;
    m.conversationId = q.value(0).toString();
    m.seq = q.value(1).toLongLong();
    m.id = q.value(2).toString();
    m.clientId = q.value(3).toString();
    m.senderId = q.value(4).toString();
    m.senderName = q.value(5).toString();
    m.content = q.value(6).toString();
    m.type = q.value(7).toInt() == 1 ? Message::Type::System : Message::Type::Text;
    m.replyTo = q.value(8).toString();
    m.timestamp = timeFrom(q.value(9));
    m.editedAt = timeFrom(q.value(10));
    m.rev = q.value(11).toLongLong();
    m.format = q.value(12).toInt() == 1 ? Message::Format::Markdown : Message::Format::Plain;
    m.deletedAt = timeFrom(q.value(13));
    m.reactions = jsonColumn<QJsonArray>(q.value(14), [](const QJsonArray &a) {
                      return api::reactionsFromJson(a);
                  }).value_or(QList<api::Reaction>());
    m.replyPreview = jsonColumn<QJsonObject>(q.value(15), [](const QJsonObject &o) {
        return o.isEmpty() ? std::nullopt : api::replyPreviewFromJson(o);
    });
    m.attachments = jsonColumn<QJsonArray>(q.value(16), [](const QJsonArray &a) {
                        return api::attachmentsFromJson(a);
                    }).value_or(QList<api::Attachment>());
    m.mentions = jsonColumn<QJsonArray>(q.value(17), [](const QJsonArray &a) {
        QStringList ids;
        for (const QJsonValue &v : a)
            if (v.isString())
                ids.append(v.toString());
        return ids;
    });
    m.delivery = api::DeliveryState::Sent;
    return m;
}

} // namespace ringchat::store
