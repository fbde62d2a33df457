// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files chosen for the next message of one conversation (the strip above the
// composer): added from the file picker, a drop or the clipboard, removed one by one,
// and handed to the send. It says, before anything is uploaded, why they cannot go
// (AttachmentStager::check: over 25 MiB, not readable, more than ten) and what they
// weigh ("2 files, 3.4 MB"). A pasted image is saved as a PNG in `pasteFolder` off
// the GUI thread and joins the list once written. CurrentConversation.files is the
// open conversation's; QML may make one of its own (tests, previews).

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QMimeData;

namespace ringchat::app {

class PendingAttachments : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ count NOTIFY changed)
    // "2 files, 3.4 MB"; "" when empty.
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    // Why these files cannot be sent, in a sentence; "" when they can.
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    // A pasted image is being written.
    Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        UrlRole,      // file:// URL (the strip's thumbnail of a local image)
        NameRole,     // the file's name
        SizeRole,     // bytes
        SizeTextRole, // "1.4 MB"
        MimeTypeRole, // from the name (the upload types it from the content)
        IsImageRole,  // drawn as a picture (models::isImageType)
    };
    Q_ENUM(Role)

    explicit PendingAttachments(QObject *parent = nullptr);
    ~PendingAttachments() override;

    // Where pasted images are written (made when needed).
    void setPasteFolder(const QString &folder) { m_pasteFolder = folder; }
    QString pasteFolder() const { return m_pasteFolder; }

    int count() const { return int(m_files.size()); }
    QString summary() const;
    QString problem() const { return m_problem; }
    bool saving() const { return m_saving > 0; }
    QStringList paths() const;

    // Local files (other URLs are ignored; a file already listed is not added twice);
    // returns how many were added.
    Q_INVOKABLE int addUrls(const QList<QUrl> &urls);
    // Whether a drag of these URLs holds a local file (a drop would add something).
    Q_INVOKABLE static bool hasLocalFile(const QList<QUrl> &urls);
    int addPaths(const QStringList &paths);
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void clear();
    // Ctrl+V: copied files (local URLs), else an image (saved as PNG, added once
    // written). False when the clipboard holds neither (the text field pastes text).
    Q_INVOKABLE bool paste();
    bool paste(const QMimeData *data);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void changed();
    void savingChanged();
    // A pasted image could not be written (the sentence says why).
    void pasteFailed(const QString &sentence);

private:
    struct File
    {
        QString path;
        QString name;
        qint64 size = 0;
        QString mimeType;
    };
    void refresh(); // problem and summary after a change
    void savePastedImage(const QImage &image);

    QList<File> m_files;
    QString m_problem;
    QString m_pasteFolder;
    int m_saving = 0;
};

// One PendingAttachments per conversation (each keeps its files while another is
// open), all writing pasted images into one folder; gone with the account.
class PendingAttachmentsByConversation : public QObject
{
    Q_OBJECT
public:
    explicit PendingAttachmentsByConversation(QObject *parent = nullptr);
    // The conversation's list, made on first use; "" has an empty one of its own.
    PendingAttachments *of(const QString &conversationId);
    // Another account: every list goes.
    void reset(const QString &pasteFolder);

private:
    QHash<QString, PendingAttachments *> m_lists;
    QString m_pasteFolder;
};

} // namespace ringchat::app
