// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace ringchat::api {

// Everything a REST call can fail with, as one value with a sentence for the
// user (message) and the details a caller may branch on.
struct ApiError
{
    enum class Kind {
        None,
        InsecureUrl,     // http:// to a server that is not on loopback
        Network,         // unreachable, refused, reset, DNS
        Tls,             // handshake or certificate failure
        Timeout,         // no complete answer within RestClient::timeout()
        Http,            // the server answered with an error status (see httpStatus/code)
        RateLimited,     // 429 and the wait was longer than the client waits by itself
        Unauthorized,    // 401 and refreshing the token did not help
        BadResponse,     // the answer was not the JSON the contract describes
        Cancelled,       // the client was destroyed or the request aborted
        InvalidArgument, // the call was refused before sending (bad id, empty content, too large)
        Integrity,       // a downloaded file's bytes do not match its sha256 or size
        LocalFile,       // a local file could not be read or written
    };

    Kind kind = Kind::None;
    int httpStatus = 0;        // 0 when no HTTP answer arrived
    QString code;              // the server's error code ("NOT_FOUND", ...) when it sent one
    QString message;           // one sentence the UI can show as it is
    int retryAfterSeconds = 0; // for RateLimited: how long to wait before trying again

    bool isError() const { return kind != Kind::None; }
};

// The value of a successful call or the error of a failed one.
template <typename T> class ApiResult
{
public:
    ApiResult()
        : m_error { ApiError::Kind::Cancelled, 0, {}, QStringLiteral("The request was cancelled."), 0 }
    {
    }
    static ApiResult success(T value)
    {
        ApiResult r;
        r.m_value = std::move(value);
        r.m_error = {};
        return r;
    }
    static ApiResult failure(ApiError error)
    {
        ApiResult r;
        r.m_error = std::move(error);
        return r;
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

// One page of a paginated list. cursor is what to pass to get the next page.
template <typename T> struct Page
{
    QList<T> items;
    bool hasMore = false;
    QString cursor;
};

} // namespace ringchat::api
