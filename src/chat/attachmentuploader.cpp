// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/attachmentuploader.h"

#include "api/filetransfer.h"

namespace ringchat::chat {

AttachmentUploader::AttachmentUploader(api::RestClient *rest, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
{
}

AttachmentUploader::~AttachmentUploader()
{
    cancelAll();
}

void AttachmentUploader::upload(const store::OutboxEntry &entry, Done done)
{
    if (m_jobs.contains(entry.clientId))
        return;
    Job job { entry, std::move(done), nullptr, 0, 0 };
    for (const store::OutboxFile &f : entry.files) {
        job.total += f.size;
        if (!f.attachmentId.isEmpty())
            job.doneBytes += f.size;
    }
    m_jobs.insert(entry.clientId, std::move(job));
    next(entry.clientId);
}

void AttachmentUploader::cancel(const QString &clientId)
{
    const auto it = m_jobs.find(clientId);
    if (it == m_jobs.end())
        return;
    api::FileUpload *upload = it->current;
    m_jobs.erase(it);
    if (upload) {
        upload->disconnect(this);
        upload->deleteLater(); // aborts it
    }
}

void AttachmentUploader::cancelAll()
{
    const QStringList ids = m_jobs.keys();
    for (const QString &id : ids)
        cancel(id);
}

void AttachmentUploader::next(const QString &clientId)
{
    Job &job = m_jobs[clientId];
    const auto pending = std::find_if(job.entry.files.cbegin(), job.entry.files.cend(),
                                      [](const store::OutboxFile &f) { return f.attachmentId.isEmpty(); });
    if (pending == job.entry.files.cend())
        return finish(clientId, {});
    const qsizetype index = pending - job.entry.files.cbegin();
    auto *upload = new api::FileUpload(m_rest, job.entry.conversationId,
                                       { pending->path, pending->name, pending->mimeType },
                                       pending->idempotencyKey, this);
    job.current = upload;
    const QString conversationId = job.entry.conversationId;
    connect(upload, &api::FileTransfer::progress, this,
            [this, clientId, conversationId](qint64 sent, qint64) {
                const Job &j = m_jobs[clientId];
                emit progress(conversationId, clientId, j.doneBytes + sent, j.total);
            });
    connect(upload, &api::FileTransfer::finished, this, [this, clientId, upload, index] {
        upload->deleteLater();
        Job &j = m_jobs[clientId];
        j.current = nullptr;
        if (upload->error().isError())
            return finish(clientId, upload->error());
        store::OutboxFile &f = j.entry.files[index];
        f.attachmentId = upload->attachment().id;
        j.doneBytes += f.size;
        emit progress(j.entry.conversationId, clientId, j.doneBytes, j.total);
        next(clientId);
    });
    upload->start();
}

void AttachmentUploader::finish(const QString &clientId, const api::ApiError &error)
{
    Job job = m_jobs.take(clientId);
    if (job.done)
        job.done(job.entry, error);
}

} // namespace ringchat::chat
