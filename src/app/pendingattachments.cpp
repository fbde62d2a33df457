// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/pendingattachments.h"

#include "app/clipboardfiles.h"
#include "chat/attachmentstager.h"
#include "models/attachmentview.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMimeDatabase>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>

namespace ringchat::app {

PendingAttachments::PendingAttachments(QObject *parent)
    : QAbstractListModel(parent)
{
}

PendingAttachments::~PendingAttachments() = default;

QString PendingAttachments::summary() const
{
    if (m_files.isEmpty())
        return QString();
    qint64 total = 0;
    for (const File &f : m_files)
        total += f.size;
    // "1 file" apart: English shows the source text, and only plural forms need %n.
    const QString size = models::fileSizeText(total);
    return count() == 1 ? tr("1 file, %1").arg(size) : tr("%n files, %1", "", count()).arg(size);
}

QStringList PendingAttachments::paths() const
{
    QStringList out;
    out.reserve(m_files.size());
    for (const File &f : m_files)
        out.append(f.path);
    return out;
}

int PendingAttachments::addUrls(const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &url : urls)
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return addPaths(paths);
}

bool PendingAttachments::hasLocalFile(const QList<QUrl> &urls)
{
    return std::any_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); });
}

int PendingAttachments::addPaths(const QStringList &paths)
{
    static const QMimeDatabase mimeTypes;
    QList<File> added;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString absolute = info.absoluteFilePath();
        const auto listed = [&](const File &f) { return f.path == absolute; };
        if (path.isEmpty() || std::any_of(m_files.cbegin(), m_files.cend(), listed)
            || std::any_of(added.cbegin(), added.cend(), listed))
            continue;
        // By the name only (no read here); the upload types it from its content.
        added.append({ absolute, info.fileName(), info.size(),
                       mimeTypes.mimeTypeForFile(absolute, QMimeDatabase::MatchExtension).name() });
    }
    if (added.isEmpty())
        return 0;
    beginInsertRows({}, count(), count() + int(added.size()) - 1);
    m_files.append(added);
    endInsertRows();
    refresh();
    return int(added.size());
}

void PendingAttachments::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_files.removeAt(row);
    endRemoveRows();
    refresh();
}

void PendingAttachments::clear()
{
    if (m_files.isEmpty())
        return;
    beginResetModel();
    m_files.clear();
    endResetModel();
    refresh();
}

bool PendingAttachments::paste()
{
    return paste(QGuiApplication::clipboard()->mimeData());
}

bool PendingAttachments::paste(const QMimeData *data)
{
    // Copied files come as URLs (a file manager may add their names as text too).
    if (const QStringList files = clipboardfiles::localFiles(data); !files.isEmpty()) {
        addPaths(files);
        return true;
    }
    const QImage image = clipboardfiles::image(data);
    if (image.isNull())
        return false;
    savePastedImage(image);
    return true;
}

void PendingAttachments::savePastedImage(const QImage &image)
{
    ++m_saving;
    emit savingChanged();
    QPointer<PendingAttachments> self(this);
    QThreadPool::globalInstance()->start([self, image, folder = m_pasteFolder] {
        const clipboardfiles::Written written = clipboardfiles::writePng(image, folder);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, written] {
                if (!self)
                    return;
                --self->m_saving;
                emit self->savingChanged();
                if (written.path.isEmpty())
                    emit self->pasteFailed(written.error);
                else
                    self->addPaths({ written.path });
            },
            Qt::QueuedConnection);
    });
}

void PendingAttachments::refresh()
{
    m_problem = chat::AttachmentStager::check(paths());
    emit changed();
}

int PendingAttachments::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant PendingAttachments::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const File &f = m_files.at(index.row());
    switch (role) {
    case PathRole:
        return f.path;
    case UrlRole:
        return QUrl::fromLocalFile(f.path);
    case Qt::DisplayRole:
    case NameRole:
        return f.name;
    case SizeRole:
        return f.size;
    case SizeTextRole:
        return models::fileSizeText(f.size);
    case MimeTypeRole:
        return f.mimeType;
    case IsImageRole:
        return models::isImageType(f.mimeType);
    default:
        return {};
    }
}

QHash<int, QByteArray> PendingAttachments::roleNames() const
{
    return { { PathRole, "path" },      { UrlRole, "url" },           { NameRole, "name" },
             { SizeRole, "size" },      { SizeTextRole, "sizeText" }, { MimeTypeRole, "mimeType" },
             { IsImageRole, "isImage" } };
}

PendingAttachmentsByConversation::PendingAttachmentsByConversation(QObject *parent)
    : QObject(parent)
{
}

PendingAttachments *PendingAttachmentsByConversation::of(const QString &conversationId)
{
    PendingAttachments *&list = m_lists[conversationId];
    if (!list) {
        list = new PendingAttachments(this);
        list->setPasteFolder(m_pasteFolder);
    }
    return list;
}

void PendingAttachmentsByConversation::reset(const QString &pasteFolder)
{
    qDeleteAll(m_lists);
    m_lists.clear();
    m_pasteFolder = pasteFolder;
}

} // namespace ringchat::app
