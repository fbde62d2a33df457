// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML image provider "attachments": `image://attachments/<attachmentId>/thumb` (the
// server's thumbnail) and `image://attachments/<attachmentId>/full` (the file itself),
// decoded to the Image's sourceSize. The bytes come from the account's disk cache
// (FileCache, through the resolver, which downloads with the bearer token in the
// Authorization header: never in a URL); decoding runs on Qt's global thread pool
// (decodeImage: four formats, size limits); whatever cannot be shown is an error
// tile, never a failed Image. Decoded thumbnails stay in a memory cache capped in
// bytes, so scrolling through hundreds of images keeps memory flat.

#include "media/filecache.h"

#include <QCache>
#include <QImage>
#include <QMutex>
#include <QPointer>
#include <QQuickAsyncImageProvider>

#include <functional>
#include <memory>
#include <optional>

namespace ringchat::media {

// Held decoded images, by key, at most `capBytes` of pixels. Thread-safe.
class DecodedImageCache
{
public:
    explicit DecodedImageCache(qint64 capBytes);
    std::optional<QImage> find(const QString &key) const;
    void insert(const QString &key, const QImage &image);
    qint64 heldBytes() const;
    int count() const;

private:
    mutable QMutex m_mutex;
    QCache<QString, QImage> m_images; // cost: bytes
};

class AttachmentImageProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr QLatin1StringView kName { "attachments" };
    static constexpr qint64 kDefaultMemoryBytes = 32 * 1024 * 1024;
    // A full image without a sourceSize is decoded to at most this on a side.
    static constexpr int kMaxFullSide = 4096;

    // Answers the local file of an attachment (or why there is none) to `done`, on any
    // thread; called on `context`'s thread (the GUI thread, where the cache lives).
    using FileDone = std::function<void(const QString &path, const QString &error)>;
    using Resolver = std::function<void(const QString &attachmentId, FileKind kind, FileDone done)>;

    AttachmentImageProvider(QObject *context, Resolver resolver, qint64 memoryBytes = kDefaultMemoryBytes);
    ~AttachmentImageProvider() override;

    QQuickImageResponse *requestImageResponse(const QString &id, const QSize &requestedSize) override;

    const DecodedImageCache &memoryCache() const { return *m_memory; }

private:
    QPointer<QObject> m_context;
    Resolver m_resolver;
    // Shared with the requests in flight, which may outlive the provider (the engine
    // deletes it while a download it asked for goes on).
    std::shared_ptr<DecodedImageCache> m_memory;
};

} // namespace ringchat::media
