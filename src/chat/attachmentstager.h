// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The files of queued sends, kept in the account's folder: when a message with files
// is queued, each file is copied there first (so moving or deleting the original
// loses nothing), hashed and typed from its content (QMimeDatabase: a PNG is
// image/png whatever its name); the copies go once the send is acked or discarded,
// and those of sends no longer queued (a crash between the two) at the next start.
// Disk work runs on one worker thread, in the order asked, and answers on this thread.

#include "store/outboxentry.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace ringchat::chat {

class AttachmentStager : public QObject
{
    Q_OBJECT
public:
    // `root`: the account's folder for them (made when needed); empty: a temporary
    // folder of this process (an account without a cache keeps nothing across runs).
    explicit AttachmentStager(const QString &root, QObject *parent = nullptr);
    ~AttachmentStager() override; // waits for the disk work under way

    // Why these files cannot be sent (not readable, over 25 MiB, more than 10), in a
    // sentence, or empty. Only looks at them (no read), so it answers at once.
    static QString check(const QStringList &paths);
    // The files as a pending row shows them until they are copied (name and size).
    static QList<store::OutboxFile> describe(const QStringList &paths);

    using Staged = std::function<void(const QList<store::OutboxFile> &files, const QString &error)>;
    // Copies the files into the send's own folder; `done` gets them (path, type,
    // sha256, a new idempotency key each) or a sentence, and nothing is left then.
    void stage(const QString &clientId, const QStringList &paths, Staged done);
    // The send is acked or discarded: its copies go.
    void release(const QString &clientId);
    // At start: the copies of every send not in `queued` go.
    void sweep(const QSet<QString> &queued);

    QString root() const { return m_root; }

private:
    QString m_root;
    std::unique_ptr<QTemporaryDir> m_temporary;
    QThreadPool m_pool; // one thread: a sweep never meets a copy made after it
};

} // namespace ringchat::chat
