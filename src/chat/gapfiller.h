// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fetches the messages a client missed: every page after a seq (REST direction=after)
// until the server says there is no more, one conversation at a time.

#include "api/types.h"

#include <QObject>
#include <QQueue>
#include <QString>

#include <functional>

namespace ringchat::api {
class RestClient;
}

namespace ringchat::chat {

class GapFiller : public QObject
{
    Q_OBJECT
public:
    using Deliver = std::function<void(const QString &conversationId, const QList<api::Message> &page)>;
    using Done = std::function<void(bool ok, const QString &error)>;

    GapFiller(api::RestClient *rest, Deliver deliver, QObject *parent = nullptr, int pageSize = 200);

    // Every message with seq > afterSeq; `deliver` gets each page as it comes.
    void fillAfter(const QString &conversationId, qint64 afterSeq, Done done);
    // The latest `limit` messages (for a conversation never loaded).
    void loadLatest(const QString &conversationId, int limit, Done done);
    bool busy() const { return m_running; }

private:
    struct Job
    {
        QString conversationId;
        qint64 afterSeq = 0;
        bool latest = false;
        int limit = 0;
        Done done;
    };
    void next();
    void fetchPage(Job job, qint64 cursor);

    api::RestClient *m_rest;
    Deliver m_deliver;
    int m_pageSize;
    QQueue<Job> m_jobs;
    bool m_running = false;
};

} // namespace ringchat::chat
