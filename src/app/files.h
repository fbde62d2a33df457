// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML singleton `Files`: received files for the file cards and the image viewer.
// Each attachment's download is an AttachmentTransfer (transfer(id): state, progress,
// error, localPath, fileName); download, cancel, open and Save as act on it. Files
// come from the signed-in account's disk cache (media::FileCache, in the account's
// folder, capped by Settings.fileCacheMegabytes) and are checked against their
// sha256. A file is opened only by open(), which QML calls on the user's click:
// never by itself. It also answers the "attachments" image provider.

#include "media/filecache.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ringchat::media {
class AttachmentImageProvider;
}

namespace ringchat::app {

class AttachmentTransfer;
class Session;
class Settings;

class Files : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    // No default arguments (see qmlsingleton.h).
    Files(Session *session, Settings *settings, QObject *parent);
    ~Files() override;

    // The QML singleton is the one main() made (see exposeToQml).
    static Files *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void exposeToQml(Files *files);

    // The attachment's AttachmentTransfer (the same object for the same id while the
    // account lasts): Done at once when the cache holds the file.
    Q_INVOKABLE QObject *transfer(const QString &attachmentId);
    // Downloads the file into the cache (checked against its sha256; resumed after a failure).
    Q_INVOKABLE void download(const QString &attachmentId);
    Q_INVOKABLE void cancel(const QString &attachmentId);
    // Downloads when needed, then opens the file with the desktop's program for it.
    // Only ever on the user's click.
    Q_INVOKABLE void open(const QString &attachmentId);
    // Downloads when needed, then copies the file to `target` (a local file URL, as
    // a FileDialog gives; an existing file there is replaced): saved() or the
    // transfer's error says how it went.
    Q_INVOKABLE void saveAs(const QString &attachmentId, const QUrl &target);

    // A provider for the QML engine's "attachments" images (the engine owns it).
    media::AttachmentImageProvider *makeImageProvider();
    // The provider's source: the local file of an attachment, or why not (GUI thread).
    void localFile(const QString &attachmentId, media::FileKind kind,
                   std::function<void(const QString &path, const QString &error)> done);
    // The signed-in account's cache (null while signed out).
    media::FileCache *cache() const { return m_cache.get(); }
    // How a file is opened (tests record it); QDesktopServices::openUrl by default.
    void setOpener(std::function<bool(const QUrl &)> opener) { m_opener = std::move(opener); }

signals:
    void saved(const QString &attachmentId, const QString &path);

private:
    void onServiceChanged();
    AttachmentTransfer *transferObject(const QString &attachmentId);
    // The attachment's metadata (from the held messages or the cache), then `found`;
    // an id never seen fails the transfer.
    void withAttachment(const QString &attachmentId, std::function<void(const api::Attachment &)> found);
    void onFetched(const QString &attachmentId, const media::CachedFile &file);
    void copyTo(const QString &attachmentId, const QString &from, const QString &to);

    Session *m_session;
    Settings *m_settings;
    std::unique_ptr<media::FileCache> m_cache;
    QHash<QString, AttachmentTransfer *> m_transfers;
    QSet<QString> m_openWhenDone;
    QHash<QString, QString> m_saveWhenDone; // id -> target path
    std::function<bool(const QUrl &)> m_opener;
};

} // namespace ringchat::app
