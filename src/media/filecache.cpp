// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/filecache.h"

#include "api/filetransfer.h"
#include "api/safefilename.h"
#include "api/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcFileCache, "ringchat.media.cache")

namespace ringchat::media {

namespace {

const QLatin1StringView kThumbSuffix(".thumb");

bool isEntryDirectory(const QString &name)
{
    return api::isValidConversationId(name);
}

bool isThumbnailFile(const QString &name)
{
    return name.endsWith(kThumbSuffix) && api::isValidConversationId(name.chopped(kThumbSuffix.size()));
}

api::ApiError cacheError(const QString &sentence)
{
    return { api::ApiError::Kind::LocalFile, 0, {}, sentence, 0 };
}

// What the folder holds, read on the worker: each entry with its size and last use
// (its modification time). Leftovers of a crash (temporary files) go.
QHash<QString, QPair<qint64, qint64>> scanFolder(const QString &directory)
{
    QHash<QString, QPair<qint64, qint64>> found;
    QDir dir(directory);
    const QFileInfoList items
        = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &item : items) {
        const QString name = item.fileName();
        if (item.isFile() && isThumbnailFile(name)) {
            found.insert(name, { item.size(), item.lastModified().toMSecsSinceEpoch() });
        } else if (item.isDir() && isEntryDirectory(name)) {
            const QFileInfoList files = QDir(item.filePath()).entryInfoList(QDir::Files | QDir::Hidden);
            for (const QFileInfo &file : files) {
                if (!file.fileName().endsWith(QLatin1StringView(".part")))
                    found.insert(name + u'/' + file.fileName(),
                                 { file.size(), file.lastModified().toMSecsSinceEpoch() });
            }
        } else if (item.isFile()) {
            QFile::remove(item.filePath());
        }
    }
    return found;
}

} // namespace

FileCache::FileCache(api::RestClient *rest, const QString &directory, qint64 capBytes, QObject *parent)
    : QObject(parent)
    , m_rest(rest)
    , m_directory(directory)
    , m_capBytes(capBytes)
{
    m_disk.setMaxThreadCount(1);
    QPointer<FileCache> self(this);
    m_disk.start([self, directory] {
        QDir().mkpath(directory);
        const auto found = scanFolder(directory);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, found] {
                if (!self)
                    return;
                QHash<QString, Entry> entries;
                for (auto it = found.begin(); it != found.end(); ++it)
                    entries.insert(it.key(), { it.value().first, it.value().second });
                self->onScanned(entries);
            },
            Qt::QueuedConnection);
    });
}

FileCache::~FileCache()
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        delete p.transfer; // aborts it; a file's part stays for the next run
}

QString FileCache::entryName(const api::Attachment &attachment, FileKind kind)
{
    if (kind == FileKind::Thumbnail)
        return attachment.id + kThumbSuffix;
    return attachment.id + u'/' + api::safeFileName(attachment.name);
}

void FileCache::onScanned(const QHash<QString, Entry> &entries)
{
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (m_entries.contains(it.key()))
            continue;
        m_entries.insert(it.key(), it.value());
        m_usedBytes += it.value().bytes;
        m_lastUse = std::max(m_lastUse, it.value().lastUse);
    }
    m_ready = true;
    evict({});
    emit ready();
    const auto waiting = std::exchange(m_untilReady, {});
    for (const auto &fetch : waiting)
        fetch();
}

qint64 FileCache::nextUse()
{
    m_lastUse = std::max(QDateTime::currentMSecsSinceEpoch(), m_lastUse + 1);
    return m_lastUse;
}

QString FileCache::heldPath(const api::Attachment &attachment, FileKind kind)
{
    const QString name = entryName(attachment, kind);
    if (!m_entries.contains(name))
        return {};
    touch(name);
    return QDir(m_directory).filePath(name);
}

void FileCache::fetch(const api::Attachment &attachment, FileKind kind, QObject *context, Done done)
{
    if (!m_ready) {
        m_untilReady.append([this, attachment, kind, context = QPointer<QObject>(context), done] {
            if (context)
                fetch(attachment, kind, context, done);
        });
        return;
    }
    const auto answer = [context = QPointer<QObject>(context), done](const CachedFile &file) {
        if (!context)
            return;
        // Always later, like a download's answer: callers never see a re-entrant call.
        QTimer::singleShot(0, context, [context, done, file] {
            if (context)
                done(file);
        });
    };
    if (!api::isValidConversationId(attachment.id)
        || (kind == FileKind::Full && !api::isValidSha256(attachment.sha256)))
        return answer({ {}, cacheError(tr("The attachment has no valid id or sha256.")) });
    if (kind == FileKind::Thumbnail && !attachment.hasThumbnail)
        return answer({ {}, cacheError(tr("This file has no thumbnail.")) });
    const QString name = entryName(attachment, kind);
    if (const QString held = heldPath(attachment, kind); !held.isEmpty())
        return answer({ held, {} });
    const bool started = m_pending.contains(name);
    m_pending[name].waiters.append({ context, std::move(done) });
    if (!started)
        start(attachment, kind, name);
}

void FileCache::start(const api::Attachment &attachment, FileKind kind, const QString &name)
{
    const QString target = QDir(m_directory).filePath(name);
    QDir().mkpath(QFileInfo(target).path()); // one folder per attachment
    api::FileTransfer *transfer;
    if (kind == FileKind::Full) {
        auto *download = new api::FileDownload(m_rest, attachment, target, this);
        download->setResumable(true);
        const QString id = attachment.id;
        connect(download, &api::FileTransfer::progress, this,
                [this, id](qint64 done, qint64 total) { emit progress(id, done, total); });
        connect(download, &api::FileTransfer::finished, this,
                [this, name, bytes = attachment.size] { onTransferFinished(name, bytes); });
        m_fullDownloads.insert(attachment.id, name);
        transfer = download;
    } else {
        auto *download = new api::ThumbnailDownload(m_rest, attachment.id, target, this);
        connect(download, &api::FileTransfer::finished, this,
                [this, name, download] { onTransferFinished(name, download->bytes()); });
        transfer = download;
    }
    m_pending[name].transfer = transfer;
    transfer->start();
}

void FileCache::onTransferFinished(const QString &name, qint64 bytes)
{
    const Pending pending = m_pending.take(name);
    if (!pending.transfer)
        return;
    for (auto it = m_fullDownloads.begin(); it != m_fullDownloads.end(); ++it) {
        if (it.value() == name) {
            m_fullDownloads.erase(it);
            break;
        }
    }
    const api::ApiError error = pending.transfer->error();
    pending.transfer->deleteLater();
    CachedFile result { {}, error };
    if (!error.isError()) {
        add(name, bytes);
        result.path = QDir(m_directory).filePath(name);
    }
    for (const Waiter &w : pending.waiters) {
        if (w.context)
            w.done(result);
    }
}

void FileCache::cancel(const QString &attachmentId)
{
    const QString name = m_fullDownloads.value(attachmentId);
    if (m_pending.contains(name))
        m_pending.value(name).transfer->cancel();
}

bool FileCache::isDownloading(const QString &attachmentId) const
{
    return m_fullDownloads.contains(attachmentId);
}

void FileCache::setCapBytes(qint64 bytes)
{
    if (bytes == m_capBytes)
        return;
    m_capBytes = bytes;
    if (m_ready)
        evict({});
}

void FileCache::add(const QString &name, qint64 bytes)
{
    if (const auto old = m_entries.constFind(name); old != m_entries.constEnd())
        m_usedBytes -= old->bytes;
    m_entries.insert(name, { bytes, nextUse() });
    m_usedBytes += bytes;
    evict(name);
}

void FileCache::touch(const QString &name)
{
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        return;
    it->lastUse = nextUse();
    // The order survives a restart as the files' modification times.
    const QString path = QDir(m_directory).filePath(name);
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(it->lastUse);
    m_disk.start([path, when] {
        QFile file(path);
        if (file.open(QIODevice::Append))
            file.setFileTime(when, QFileDevice::FileModificationTime);
    });
}

void FileCache::evict(const QString &keep)
{
    if (m_usedBytes <= m_capBytes)
        return;
    QList<QPair<qint64, QString>> byUse;
    byUse.reserve(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        if (it.key() != keep)
            byUse.append({ it->lastUse, it.key() });
    }
    std::sort(byUse.begin(), byUse.end());
    QStringList gone;
    for (const auto &[lastUse, name] : std::as_const(byUse)) {
        if (m_usedBytes <= m_capBytes)
            break;
        m_usedBytes -= m_entries.take(name).bytes;
        gone.append(name);
    }
    qCDebug(lcFileCache) << "evicted" << gone.size() << "files; now" << m_usedBytes << "bytes";
    const QString directory = m_directory;
    m_disk.start([directory, gone] {
        for (const QString &name : gone) {
            const QString path = QDir(directory).filePath(name);
            QFile::remove(path);
            // A file's folder goes with it, unless a download's part is still there.
            if (name.contains(u'/'))
                QDir(directory).rmdir(QFileInfo(path).path());
        }
    });
}

} // namespace ringchat::media
