// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The account's disk cache of fetched files: attachments (checked against their sha256,
// resumed with HTTP Range after a failure) and the server's thumbnails. Its size is
// capped: the least recently used files go first. However many ask for one file at
// once, it is downloaded once. Lives on the GUI thread (the REST client's); every
// scan, touch and removal runs on the cache's own worker thread.
//
// Layout of `directory`: `<attachmentId>/<safe name>` for a file (the name from
// api::safeFileName, so a program opening it sees its extension), with its `.part`
// beside it while it downloads, and `<attachmentId>.thumb` for a thumbnail.

#include "api/apiresult.h"
#include "api/attachment.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace ringchat::api {
class FileTransfer;
class RestClient;
} // namespace ringchat::api

namespace ringchat::media {

enum class FileKind { Full, Thumbnail };

struct CachedFile
{
    QString path;        // the local file, on success
    api::ApiError error; // why not (Kind::Cancelled after cancel())
    bool ok() const { return !error.isError(); }
};

class FileCache : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const CachedFile &)>;

    // `rest` must outlive the cache. Reads what `directory` holds on its worker first.
    FileCache(api::RestClient *rest, const QString &directory, qint64 capBytes, QObject *parent = nullptr);
    ~FileCache() override; // cancels the downloads (their parts stay for next time)

    // The local copy of `attachment`'s file or thumbnail, downloaded when not held.
    // `done` runs once, on the GUI thread, unless `context` is gone by then.
    void fetch(const api::Attachment &attachment, FileKind kind, QObject *context, Done done);
    // The held copy's path (empty when not held); counts as a use.
    QString heldPath(const api::Attachment &attachment, FileKind kind);
    // Stops the file's download: every waiter gets Kind::Cancelled.
    void cancel(const QString &attachmentId);
    bool isDownloading(const QString &attachmentId) const;

    void setCapBytes(qint64 bytes);
    qint64 capBytes() const { return m_capBytes; }
    qint64 usedBytes() const { return m_usedBytes; }
    QString directory() const { return m_directory; }
    bool isReady() const { return m_ready; }

    // Where a kind of an attachment lives (relative to directory()).
    static QString entryName(const api::Attachment &attachment, FileKind kind);

signals:
    // The download of a file (not a thumbnail): bytes so far of `total`.
    void progress(const QString &attachmentId, qint64 done, qint64 total);
    // The folder has been read (isReady()).
    void ready();

private:
    struct Entry
    {
        qint64 bytes = 0;
        qint64 lastUse = 0; // ordering only: higher is more recent
    };
    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
    };
    struct Pending
    {
        api::FileTransfer *transfer = nullptr;
        QList<Waiter> waiters;
    };

    void onScanned(const QHash<QString, Entry> &entries);
    void start(const api::Attachment &attachment, FileKind kind, const QString &name);
    void onTransferFinished(const QString &name, qint64 bytes);
    void add(const QString &name, qint64 bytes);
    void touch(const QString &name);
    void evict(const QString &keep);
    qint64 nextUse();

    api::RestClient *m_rest;
    QString m_directory;
    qint64 m_capBytes;
    qint64 m_usedBytes = 0;
    qint64 m_lastUse = 0;
    bool m_ready = false;
    QHash<QString, Entry> m_entries;
    QHash<QString, Pending> m_pending;         // by entry name
    QHash<QString, QString> m_fullDownloads;   // attachment id -> entry name
    QList<std::function<void()>> m_untilReady; // fetches asked for before the scan
    QThreadPool m_disk;                        // one thread: disk work in order
};

} // namespace ringchat::media
