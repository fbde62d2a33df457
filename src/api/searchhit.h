// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A hit of the server's message search (contract §6.3, GET /api/search/messages): the
// message and the [start, end) UTF-16 ranges of its matched words in `content`.

#include "api/types.h"

#include <QList>

#include <optional>
#include <utility>

namespace ringchat::api {

struct SearchHit
{
    Message message;
    QList<std::pair<int, int>> ranges;

    // Fails on a bad message, or a range that is not within content with start < end.
    static std::optional<SearchHit> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace ringchat::api
