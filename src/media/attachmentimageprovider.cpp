// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/attachmentimageprovider.h"

#include "api/types.h"
#include "media/errortile.h"
#include "media/imagedecoder.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QQuickTextureFactory>
#include <QThreadPool>

#include <atomic>

namespace ringchat::media {

namespace {

// One request: finished() exactly once (the engine deletes it after that, and never
// before).
class Response : public QQuickImageResponse
{
public:
    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    void cancel() override { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }
    // From any thread; finished() comes from the response's own thread's event loop,
    // so never before whoever asked has connected to it.
    void deliver(const QImage &image)
    {
        m_image = image;
        QMetaObject::invokeMethod(
            this, [this] { emit finished(); }, Qt::QueuedConnection);
    }

private:
    QImage m_image;
    std::atomic_bool m_cancelled = false;
};

// The box a thumbnail is decoded into without a sourceSize: the server's thumbnails
// are at most 320×320 anyway.
QSize decodeSize(FileKind kind, QSize requested)
{
    if (requested.width() > 0 || requested.height() > 0)
        return requested;
    return kind == FileKind::Thumbnail
        ? QSize(320, 320)
        : QSize(AttachmentImageProvider::kMaxFullSide, AttachmentImageProvider::kMaxFullSide);
}

} // namespace

// ---- DecodedImageCache ----

DecodedImageCache::DecodedImageCache(qint64 capBytes)
{
    m_images.setMaxCost(capBytes);
}

std::optional<QImage> DecodedImageCache::find(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    if (const QImage *image = m_images.object(key))
        return *image; // implicitly shared: no pixels copied
    return std::nullopt;
}

void DecodedImageCache::insert(const QString &key, const QImage &image)
{
    QMutexLocker lock(&m_mutex);
    m_images.insert(key, new QImage(image), image.sizeInBytes());
}

qint64 DecodedImageCache::heldBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_images.totalCost();
}

int DecodedImageCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return m_images.count();
}

// ---- AttachmentImageProvider ----

AttachmentImageProvider::AttachmentImageProvider(QObject *context, Resolver resolver, qint64 memoryBytes)
    : m_context(context)
    , m_resolver(std::move(resolver))
    , m_memory(std::make_shared<DecodedImageCache>(memoryBytes))
{
}

AttachmentImageProvider::~AttachmentImageProvider() = default;

QQuickImageResponse *AttachmentImageProvider::requestImageResponse(const QString &id,
                                                                   const QSize &requestedSize)
{
    auto *response = new Response;
    const QString attachmentId = id.section(u'/', 0, 0);
    const QString part = id.section(u'/', 1).section(u'?', 0, 0);
    const std::optional<FileKind> kind = part == QLatin1StringView("thumb")
        ? std::optional(FileKind::Thumbnail)
        : part == QLatin1StringView("full") ? std::optional(FileKind::Full)
                                            : std::nullopt;
    const QSize box = decodeSize(kind.value_or(FileKind::Thumbnail), requestedSize);
    const auto deliverLater = [response](const QImage &image) {
        QThreadPool::globalInstance()->start([response, image] { response->deliver(image); });
    };
    if (!kind || !api::isValidConversationId(attachmentId)) {
        deliverLater(errorTile(QCoreApplication::translate("ringchat::media::AttachmentImageProvider",
                                                           "This image address is not valid."),
                               requestedSize));
        return response;
    }
    const QString key
        = QStringLiteral("%1/%2/%3x%4").arg(attachmentId, part).arg(box.width()).arg(box.height());
    if (*kind == FileKind::Thumbnail) {
        if (const auto held = m_memory->find(key)) {
            deliverLater(*held);
            return response;
        }
    }
    // The file from the cache (on the GUI thread), then decoded on our threads.
    const auto decode = [memory = m_memory, response, kind = *kind, box, key,
                         requestedSize](const QString &path, const QString &error) {
        QThreadPool::globalInstance()->start([memory, response, kind, box, key, requestedSize, path, error] {
            if (response->isCancelled())
                return response->deliver({});
            if (!error.isEmpty())
                return response->deliver(errorTile(error, requestedSize));
            const DecodedImage decoded = decodeImageFile(path, box);
            if (!decoded.ok())
                return response->deliver(errorTile(decoded.error, requestedSize));
            if (kind == FileKind::Thumbnail)
                memory->insert(key, decoded.image);
            response->deliver(decoded.image);
        });
    };
    const bool queued = m_context
        && QMetaObject::invokeMethod(
                            m_context,
                            [resolver = m_resolver, attachmentId, kind = *kind, decode] {
                                resolver(attachmentId, kind, decode);
                            },
                            Qt::QueuedConnection);
    if (!queued)
        deliverLater(errorTile(QCoreApplication::translate("ringchat::media::AttachmentImageProvider",
                                                           "Images cannot be loaded now."),
                               requestedSize));
    return response;
}

} // namespace ringchat::media
