// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/attachmentstager.h"

#include "api/attachment.h"
#include "api/safefilename.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QMimeDatabase>
#include <QPromise>
#include <QSaveFile>
#include <QUuid>

namespace ringchat::chat {

using store::OutboxFile;

namespace {

// A context lupdate can see (a free tr() wrapper is invisible to it).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AttachmentStager)
};

// Runs `work` on `pool`; `done` gets its result on `context`'s thread (not at all
// once `context` is gone).
template <typename T, typename Work, typename Done>
void runOn(QThreadPool &pool, QObject *context, Work work, Done done)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    // The continuation first: Qt 6.4 crashes when then() attaches while the promise
    // finishes on another thread (see store/chatstore.h).
    future.then(context, std::move(done));
    pool.start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
}

// One file into `dir`, hashed as it is copied. False, with a sentence, when it cannot be.
bool copyInto(const QString &source, const QString &target, QString *sha256, QString *error)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = Text::tr("%1 cannot be read: %2").arg(source, in.errorString());
        return false;
    }
    QSaveFile out(target); // on disk (synced) under its name only when whole
    if (!out.open(QIODevice::WriteOnly)) {
        *error = Text::tr("%1 cannot be written: %2").arg(target, out.errorString());
        return false;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = Text::tr("%1 cannot be read: %2").arg(source, in.errorString());
            return false;
        }
        if (n == 0)
            break;
        total += n;
        if (const QString tooLarge = api::oversizeSentence(QFileInfo(source).fileName(), total);
            !tooLarge.isEmpty()) { // it grew since check()
            *error = tooLarge;
            return false;
        }
        hash.addData(QByteArrayView(buffer.constData(), n));
        if (out.write(buffer.constData(), n) != n) {
            *error = Text::tr("%1 cannot be written: %2").arg(target, out.errorString());
            return false;
        }
    }
    if (!out.commit()) {
        *error = Text::tr("%1 cannot be written: %2").arg(target, out.errorString());
        return false;
    }
    *sha256 = QString::fromLatin1(hash.result().toHex());
    return true;
}

} // namespace

AttachmentStager::AttachmentStager(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(root)
{
    if (m_root.isEmpty()) {
        m_temporary = std::make_unique<QTemporaryDir>();
        m_root = m_temporary->path();
    }
    m_pool.setMaxThreadCount(1);
}

AttachmentStager::~AttachmentStager()
{
    m_pool.waitForDone();
}

QString AttachmentStager::check(const QStringList &paths)
{
    if (paths.size() > api::kMaxAttachmentsPerMessage)
        return Text::tr("A message may carry at most %1 files.").arg(api::kMaxAttachmentsPerMessage);
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return Text::tr("%1 is not a file that can be read.").arg(path);
        if (const QString tooLarge = api::oversizeSentence(info.fileName(), info.size()); !tooLarge.isEmpty())
            return tooLarge;
    }
    return QString();
}

QList<OutboxFile> AttachmentStager::describe(const QStringList &paths)
{
    QList<OutboxFile> files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        OutboxFile f;
        f.name = info.fileName();
        f.size = info.size();
        files.append(f);
    }
    return files;
}

void AttachmentStager::stage(const QString &clientId, const QStringList &paths, Staged done)
{
    using Result = std::pair<QList<OutboxFile>, QString>;
    const QString dir = QDir(m_root).filePath(clientId);
    runOn<Result>(
        m_pool, this,
        [dir, paths]() -> Result {
            QList<OutboxFile> files;
            QString error;
            if (!QDir().mkpath(dir))
                error = Text::tr("%1 cannot be made.").arg(dir);
            const QMimeDatabase types;
            for (qsizetype i = 0; i < paths.size() && error.isEmpty(); ++i) {
                const QFileInfo info(paths.at(i));
                OutboxFile f;
                f.name = info.fileName();
                // A numbered, safe name: two files may have the same name.
                f.path = QDir(dir).filePath(QString::number(i) + u'-' + api::safeFileName(f.name));
                if (!copyInto(paths.at(i), f.path, &f.sha256, &error))
                    break;
                f.size = QFileInfo(f.path).size();
                f.mimeType = types.mimeTypeForFile(f.path, QMimeDatabase::MatchContent).name();
                f.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
                files.append(f);
            }
            if (!error.isEmpty()) {
                QDir(dir).removeRecursively();
                files.clear();
            }
            return { files, error };
        },
        [done = std::move(done)](const Result &r) { done(r.first, r.second); });
}

void AttachmentStager::release(const QString &clientId)
{
    if (clientId.isEmpty() || clientId.contains(u'/') || clientId.startsWith(u'.'))
        return;
    const QString dir = QDir(m_root).filePath(clientId);
    m_pool.start([dir] { QDir(dir).removeRecursively(); });
}

void AttachmentStager::sweep(const QSet<QString> &queued)
{
    const QString root = m_root;
    m_pool.start([root, queued] {
        const QStringList dirs = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &clientId : dirs)
            if (!queued.contains(clientId))
                QDir(QDir(root).filePath(clientId)).removeRecursively();
    });
}

} // namespace ringchat::chat
