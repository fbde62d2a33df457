// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/files.h"

#include "api/safefilename.h"
#include "app/attachmenttransfer.h"
#include "app/qmlsingleton.h"
#include "app/session.h"
#include "app/settings.h"
#include "chat/chataccount.h"
#include "media/attachmentimageprovider.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFile>
#include <QThreadPool>

namespace ringchat::app {

namespace {
constexpr qint64 kMegabyte = 1024 * 1024;
} // namespace

Files::Files(Session *session, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    connect(session, &Session::serviceChanged, this, &Files::onServiceChanged);
    connect(settings, &Settings::fileCacheMegabytesChanged, this, [this] {
        if (m_cache)
            m_cache->setCapBytes(m_settings->fileCacheMegabytes() * kMegabyte);
    });
    onServiceChanged();
}

Files::~Files() = default;

Files *Files::create(QQmlEngine *, QJSEngine *)
{
    return QmlSingleton<Files>::instance();
}

void Files::exposeToQml(Files *files)
{
    QmlSingleton<Files>::expose(files);
}

void Files::onServiceChanged()
{
    // Another account (or none): its transfers and cache go; QML's references to the
    // old transfers turn null.
    for (AttachmentTransfer *t : std::as_const(m_transfers))
        t->deleteLater();
    m_transfers.clear();
    m_openWhenDone.clear();
    m_saveWhenDone.clear();
    m_cache.reset();
    chat::ChatAccount *account = m_session->account();
    if (!account || account->receivedDirectory().isEmpty())
        return;
    m_cache = std::make_unique<media::FileCache>(account->service()->rest(), account->receivedDirectory(),
                                                 m_settings->fileCacheMegabytes() * kMegabyte);
    connect(m_cache.get(), &media::FileCache::progress, this,
            [this](const QString &id, qint64 done, qint64 total) {
                if (AttachmentTransfer *t = m_transfers.value(id))
                    t->setProgress(done, total);
            });
}

AttachmentTransfer *Files::transferObject(const QString &attachmentId)
{
    AttachmentTransfer *&t = m_transfers[attachmentId];
    if (!t) {
        t = new AttachmentTransfer(attachmentId, this);
        QQmlEngine::setObjectOwnership(t, QQmlEngine::CppOwnership);
    }
    return t;
}

QObject *Files::transfer(const QString &attachmentId)
{
    const bool known = m_transfers.contains(attachmentId);
    AttachmentTransfer *t = transferObject(attachmentId);
    if (!known && m_cache) {
        QPointer<AttachmentTransfer> guard(t);
        withAttachment(attachmentId, [this, guard](const api::Attachment &a) {
            if (!guard || !m_cache)
                return;
            guard->setFileName(api::safeFileName(a.name));
            if (guard->state() != AttachmentTransfer::Idle)
                return;
            auto whenReady = [this, guard, a] {
                if (!guard || !m_cache || guard->state() != AttachmentTransfer::Idle)
                    return;
                if (const QString held = m_cache->heldPath(a, media::FileKind::Full); !held.isEmpty())
                    guard->setDone(held);
            };
            if (m_cache->isReady())
                whenReady();
            else
                connect(m_cache.get(), &media::FileCache::ready, guard, whenReady, Qt::SingleShotConnection);
        });
    }
    return t;
}

void Files::withAttachment(const QString &attachmentId, std::function<void(const api::Attachment &)> found)
{
    chat::ChatService *service = m_session->service();
    if (!service || !m_cache)
        return transferObject(attachmentId)->setFailed(tr("Sign in to get this file."));
    QPointer<Files> self(this);
    QPointer<media::FileCache> cache(m_cache.get());
    service->findAttachment(attachmentId,
                            [self, cache, attachmentId, found](const std::optional<api::Attachment> &a) {
                                if (!self || !cache || cache != self->m_cache.get())
                                    return; // signed out meanwhile
                                if (!a)
                                    return self->transferObject(attachmentId)
                                        ->setFailed(tr("This file is not in any conversation held here."));
                                found(*a);
                            });
}

void Files::download(const QString &attachmentId)
{
    AttachmentTransfer *t = transferObject(attachmentId);
    if (!m_cache)
        return t->setFailed(tr("Sign in to get this file."));
    // A file already Done stays Done while the cache answers (at once when held).
    if (t->state() == AttachmentTransfer::Idle || t->state() == AttachmentTransfer::Failed)
        t->setDownloading();
    withAttachment(attachmentId, [this, attachmentId](const api::Attachment &a) {
        transferObject(attachmentId)->setFileName(api::safeFileName(a.name));
        m_cache->fetch(a, media::FileKind::Full, this, [this, attachmentId](const media::CachedFile &file) {
            onFetched(attachmentId, file);
        });
    });
}

void Files::onFetched(const QString &attachmentId, const media::CachedFile &file)
{
    AttachmentTransfer *t = transferObject(attachmentId);
    const bool openIt = m_openWhenDone.remove(attachmentId);
    const QString saveTo = m_saveWhenDone.take(attachmentId);
    if (file.error.kind == api::ApiError::Kind::Cancelled)
        return t->setIdle();
    if (!file.ok())
        return t->setFailed(file.error.message);
    t->setDone(file.path);
    if (openIt && !m_opener(QUrl::fromLocalFile(file.path)))
        t->setError(tr("No program could open %1.").arg(t->fileName()));
    if (!saveTo.isEmpty())
        copyTo(attachmentId, file.path, saveTo);
}

void Files::cancel(const QString &attachmentId)
{
    m_openWhenDone.remove(attachmentId);
    m_saveWhenDone.remove(attachmentId);
    if (m_cache)
        m_cache->cancel(attachmentId);
}

void Files::open(const QString &attachmentId)
{
    m_openWhenDone.insert(attachmentId);
    download(attachmentId); // at once when the cache holds it
}

void Files::saveAs(const QString &attachmentId, const QUrl &target)
{
    const QString path = target.toLocalFile();
    if (path.isEmpty())
        return transferObject(attachmentId)->setError(tr("Files can only be saved to a local folder."));
    m_saveWhenDone.insert(attachmentId, path);
    download(attachmentId);
}

void Files::copyTo(const QString &attachmentId, const QString &from, const QString &to)
{
    QPointer<Files> self(this);
    QThreadPool::globalInstance()->start([self, attachmentId, from, to] {
        QFile::remove(to); // the dialog asked before replacing it
        const bool ok = QFile::copy(from, to);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, attachmentId, to, ok] {
                if (!self)
                    return;
                if (ok)
                    emit self->saved(attachmentId, to);
                else
                    self->transferObject(attachmentId)->setError(tr("%1 could not be written.").arg(to));
            },
            Qt::QueuedConnection);
    });
}

void Files::localFile(const QString &attachmentId, media::FileKind kind,
                      std::function<void(const QString &path, const QString &error)> done)
{
    chat::ChatService *service = m_session->service();
    if (!service || !m_cache)
        return done({}, tr("Sign in to see this image."));
    QPointer<Files> self(this);
    QPointer<media::FileCache> cache(m_cache.get());
    service->findAttachment(attachmentId, [self, cache, kind, done](const std::optional<api::Attachment> &a) {
        if (!self || !cache)
            return done({}, tr("Signed out."));
        if (!a)
            return done({}, tr("This file is not in any conversation held here."));
        cache->fetch(*a, kind, self, [done](const media::CachedFile &file) {
            done(file.path, file.ok() ? QString() : file.error.message);
        });
    });
}

media::AttachmentImageProvider *Files::makeImageProvider()
{
    return new media::AttachmentImageProvider(
        this, [self = QPointer<Files>(this)](const QString &id, media::FileKind kind, auto done) {
            if (!self)
                return done({}, tr("Images cannot be loaded now."));
            self->localFile(id, kind, done);
        });
}

} // namespace ringchat::app
