// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the engine benchmarks (pipeline, changes) share: an unsigned token for
// bench/server.mjs, the engine's options against it, and printing a result line.

#include "chat/chatservice.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ringchat::bench {

// An unsigned JWT-shaped token: the service only reads `sub` from it.
inline QString benchToken()
{
    auto part = [](const QByteArray &json) {
        return QString::fromLatin1(
            json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    return part(R"({"alg":"none"})") + QLatin1Char('.') + part(R"({"sub":"u-me","name":"Me"})")
        + QStringLiteral(".x");
}

inline chat::ChatService::Options benchOptions(int port)
{
    chat::ChatService::Options options;
    options.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    options.watchNetwork = false;
    // Retry soon after a failed attempt, so the figure is the engine's catch-up
    // rather than the backoff's wait (the app's default starts at 1 s).
    options.reconnectInitialMs = 50;
    options.reconnectMaxMs = 100;
    return options;
}

inline void printResult(const QJsonObject &result)
{
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace ringchat::bench
