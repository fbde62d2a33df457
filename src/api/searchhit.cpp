// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/searchhit.h"

#include <QJsonArray>

namespace ringchat::api {

std::optional<SearchHit> SearchHit::fromJson(const QJsonObject &json, QString *error)
{
    auto message = Message::fromJson(json.value(QLatin1StringView("message")).toObject(), error);
    if (!message)
        return std::nullopt;
    SearchHit hit { std::move(*message), {} };
    const qsizetype length = hit.message.content.size();
    for (const QJsonValue &value : json.value(QLatin1StringView("ranges")).toArray()) {
        const QJsonArray pair = value.toArray();
        const double start = pair.at(0).toDouble(-1), end = pair.at(1).toDouble(-1);
        if (pair.size() != 2 || start < 0 || end <= start || end > double(length) || start != qint64(start)
            || end != qint64(end)) {
            if (error)
                *error = QStringLiteral("A search hit's range is not within its message.");
            return std::nullopt;
        }
        hit.ranges.append({ int(start), int(end) });
    }
    return hit;
}

} // namespace ringchat::api
