// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Uploads a queued send's files before the send goes out (OutboxSender asks it), one
// after the other, each from its copy and under its own idempotency key, so an
// upload started again after a lost link, a crash or a server restart gives the
// server the file it may already hold, not a second one.

#include "api/apiresult.h"
#include "store/outboxentry.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace ringchat::api {
class RestClient;
class FileUpload;
} // namespace ringchat::api

namespace ringchat::chat {

class AttachmentUploader : public QObject
{
    Q_OBJECT
public:
    // `done` gets the entry with the attachment ids of the files that went up, and the
    // error that stopped it (none when every file is up).
    using Done = std::function<void(const store::OutboxEntry &entry, const api::ApiError &error)>;

    explicit AttachmentUploader(api::RestClient *rest, QObject *parent = nullptr);
    ~AttachmentUploader() override;

    // Uploads the files of `entry` that have no attachment id yet. One job per entry.
    void upload(const store::OutboxEntry &entry, Done done);
    // Stops the entry's upload (discarded, or the link changed); `done` is not called.
    void cancel(const QString &clientId);
    void cancelAll();
    bool isUploading(const QString &clientId) const { return m_jobs.contains(clientId); }

signals:
    // Bytes of the entry's files on the server so far, of `total`.
    void progress(const QString &conversationId, const QString &clientId, qint64 sent, qint64 total);

private:
    struct Job
    {
        store::OutboxEntry entry;
        Done done;
        api::FileUpload *current = nullptr;
        qint64 doneBytes = 0; // of the files already up
        qint64 total = 0;
    };
    void next(const QString &clientId);
    void finish(const QString &clientId, const api::ApiError &error);

    api::RestClient *m_rest;
    QHash<QString, Job> m_jobs;
};

} // namespace ringchat::chat
