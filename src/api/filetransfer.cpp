// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/filetransfer.h"

#include "api/replyfailure.h"
#include "api/restclient.h"
#include "api/types.h"

#include "auth/accesstokensource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFiles, "ringchat.api.files")

namespace ringchat::api {

namespace {
ApiError localFileError(const QString &sentence)
{
    return { ApiError::Kind::LocalFile, 0, {}, sentence, 0 };
}
} // namespace

// ---- FileTransfer ----

FileTransfer::FileTransfer(RestClient *client, QString path, bool upload, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(path))
    , m_upload(upload)
{
}

FileTransfer::~FileTransfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void FileTransfer::start()
{
    if (std::exchange(m_started, true))
        return;
    QString error;
    if (!RestClient::isAllowedServerUrl(m_client->serverUrl(), &error)) {
        // Finished asynchronously like every other outcome.
        QTimer::singleShot(0, this, [this, error] {
            finishWith({ ApiError::Kind::InsecureUrl, 0, {}, error, 0 });
        });
        return;
    }
    attempt();
}

void FileTransfer::cancel()
{
    if (m_finished)
        return;
    finishWith({ ApiError::Kind::Cancelled, 0, {}, tr("The transfer was cancelled."), 0 });
}

void FileTransfer::attempt()
{
    QString error;
    if (!prepare(&error)) {
        QTimer::singleShot(0, this, [this, error] { finishWith(localFileError(error)); });
        return;
    }
    QNetworkReply *reply = send(m_client->network(), m_client->request(m_path));
    m_reply = reply;
    watchReply(reply, m_client->timeout(), true);
    const auto moved = [this](qint64 done, qint64 total) {
        if (done > 0 || total > 0)
            emit progress(progressOffset() + done, total > 0 ? progressOffset() + total : total);
    };
    if (m_upload) // not the answer's few bytes
        connect(reply, &QNetworkReply::uploadProgress, this, moved);
    else
        connect(reply, &QNetworkReply::downloadProgress, this, moved);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        // Only a 2xx body is the file; an error's body is read at the end.
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            received(reply);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void FileTransfer::onFinished(QNetworkReply *reply)
{
    m_reply = nullptr;
    reply->deleteLater();
    if (m_finished)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || reply->error() == QNetworkReply::OperationCanceledError)
        return finishWith(transportFailure(reply, m_client->serverUrl()));
    if (status == 401 && !std::exchange(m_authRetried, true) && m_client->tokens()) {
        discard();
        QPointer<FileTransfer> self(this);
        m_client->tokens()->refreshAccessToken([self](bool ok, const QString &error) {
            if (!self || self->m_finished)
                return;
            if (ok)
                return self->attempt();
            self->finishWith(
                { ApiError::Kind::Unauthorized, 401, QStringLiteral("UNAUTHORIZED"),
                  tr("The server did not accept the sign-in and it could not be renewed: %1").arg(error),
                  0 });
        });
        return;
    }
    if (status < 200 || status >= 300)
        return finishWith(statusFailure(status, reply->readAll(), reply));
    received(reply);
    if (!m_finished)
        complete(reply, status);
}

void FileTransfer::finishWith(const ApiError &error)
{
    if (std::exchange(m_finished, true))
        return;
    m_error = error;
    if (m_reply) {
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (error.isError()) {
        discard();
        qCInfo(lcFiles) << m_path << "failed:" << error.message;
    }
    emit finished();
}

// ---- FileUpload ----

FileUpload::FileUpload(RestClient *client, const QString &conversationId, Source source,
                       const QString &idempotencyKey, QObject *parent)
    : FileTransfer(client, QStringLiteral("/api/conversations/%1/files").arg(conversationId), true, parent)
    , m_conversationId(conversationId)
    , m_source(std::move(source))
    , m_key(idempotencyKey.toLatin1())
{
}

FileUpload::~FileUpload() = default;

bool FileUpload::prepare(QString *error)
{
    if (!isValidConversationId(m_conversationId) || !isValidConversationId(QString::fromLatin1(m_key))) {
        *error = tr("The upload has no valid conversation or idempotency key.");
        return false;
    }
    const QFileInfo info(m_source.path);
    if (!info.isFile() || !info.isReadable()) {
        *error = tr("%1 cannot be read.").arg(m_source.path);
        return false;
    }
    if (const QString tooLarge = oversizeSentence(m_source.name, info.size()); !tooLarge.isEmpty()) {
        *error = tooLarge;
        return false;
    }
    return true;
}

QNetworkReply *FileUpload::send(QNetworkAccessManager *network, const QNetworkRequest &request)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    // A quoted-string: no CR/LF, '"' and '\' escaped (the server reads it as UTF-8).
    QByteArray filename = m_source.name.toUtf8();
    filename.replace('\\', "\\\\").replace('"', "\\\"").replace('\r', ' ').replace('\n', ' ');
    part.setRawHeader("Content-Disposition", "form-data; name=\"file\"; filename=\"" + filename + '"');
    part.setRawHeader("Content-Type",
                      m_source.mimeType.isEmpty() ? QByteArrayLiteral("application/octet-stream")
                                                  : m_source.mimeType.toLatin1());
    auto *file = new QFile(m_source.path, multipart);
    // Unbuffered: Qt pulls the body 16 KiB at a time into its own buffer, so QFile's
    // buffer would only add a copy of every byte. prepare() checked it is readable.
    file->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    part.setBodyDevice(file);
    multipart->append(part);

    QNetworkRequest r = request;
    r.setRawHeader("Accept", "application/json");
    r.setRawHeader("Idempotency-Key", m_key);
    qCInfo(lcFiles) << "upload starts:" << m_source.name << m_source.mimeType; // tests wait for this line
    QNetworkReply *reply = network->post(r, multipart);
    multipart->setParent(reply); // streamed from the file, freed with the reply
    return reply;
}

ApiError FileUpload::succeeded(QNetworkReply *reply, int)
{
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    QString error;
    const auto attachment = json.value(QLatin1StringView("success")) == QJsonValue(true)
        ? Attachment::fromJson(json.value(QLatin1StringView("data")).toObject(), &error)
        : std::nullopt;
    if (!attachment)
        return { ApiError::Kind::BadResponse,
                 0,
                 {},
                 tr("The server's answer to the upload could not be read: %1").arg(error),
                 0 };
    m_attachment = *attachment;
    return {};
}

// ---- FileDownload ----

FileDownload::FileDownload(RestClient *client, const Attachment &attachment, const QString &targetPath,
                           QObject *parent)
    : FileTransfer(client, QStringLiteral("/api/files/%1").arg(attachment.id), false, parent)
    , m_attachment(attachment)
    , m_target(targetPath)
{
}

FileDownload::~FileDownload()
{
    discard();
}

bool FileDownload::prepare(QString *error)
{
    if (!isValidConversationId(m_attachment.id) || !isValidSha256(m_attachment.sha256)) {
        *error = tr("The attachment has no valid id or sha256.");
        return false;
    }
    discard();
    m_hash.reset();
    m_bytes = 0;
    m_offset = 0;
    m_answerChecked = false;
    if (m_resumable)
        return preparePart(error);
    m_file = std::make_unique<QSaveFile>(m_target);
    m_file->setDirectWriteFallback(false); // a temporary file beside the target, or nothing
    if (!m_file->open(QIODevice::WriteOnly)) {
        *error = tr("%1 cannot be written: %2").arg(m_target, m_file->errorString());
        m_file.reset();
        return false;
    }
    return true;
}

bool FileDownload::preparePart(QString *error)
{
    m_part = std::make_unique<QFile>(partPath(m_target));
    if (!m_part->open(QIODevice::ReadWrite)) {
        *error = tr("%1 cannot be written: %2").arg(m_part->fileName(), m_part->errorString());
        m_part.reset();
        return false;
    }
    // A part as long as the file (or longer) failed its check before: start again.
    if (m_part->size() >= m_attachment.size)
        m_part->resize(0);
    m_offset = m_bytes = m_part->size();
    m_part->seek(m_offset);
    return true;
}

QNetworkReply *FileDownload::send(QNetworkAccessManager *network, const QNetworkRequest &request)
{
    QNetworkRequest r = request;
    if (m_offset > 0) {
        r.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        // The same bytes or the whole file: never the rest of another file.
        r.setRawHeader("If-Range", '"' + m_attachment.sha256.toLatin1() + '"');
    }
    return network->get(r);
}

ApiError FileDownload::tooManyBytes() const
{
    return {
        ApiError::Kind::Integrity,
        0,
        {},
        tr("The server sent more bytes than the file has (%1); nothing was saved.").arg(m_attachment.size),
        0
    };
}

void FileDownload::received(QNetworkReply *reply)
{
    if (m_resumable && !std::exchange(m_answerChecked, true) && m_offset > 0) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray range = reply->rawHeader("Content-Range");
        if (status != 206 || !range.startsWith("bytes " + QByteArray::number(m_offset) + '-')) {
            // The whole file after all: it starts again from its first byte.
            m_part->resize(0);
            m_part->seek(0);
            m_offset = m_bytes = 0;
        }
    }
    const QByteArray chunk = reply->readAll();
    QIODevice *file = m_resumable ? static_cast<QIODevice *>(m_part.get()) : m_file.get();
    if (chunk.isEmpty() || !file)
        return;
    m_bytes += chunk.size();
    if (m_bytes > m_attachment.size)
        return fail(tooManyBytes());
    if (!m_resumable)
        m_hash.addData(chunk);
    if (file->write(chunk) != chunk.size())
        fail(localFileError(tr("%1 cannot be written: %2").arg(m_target, file->errorString())));
}

ApiError FileDownload::succeeded(QNetworkReply *, int)
{
    const QByteArray sha256 = m_hash.result().toHex();
    if (m_bytes != m_attachment.size || sha256 != m_attachment.sha256.toLatin1())
        return { ApiError::Kind::Integrity,
                 0,
                 {},
                 tr("The downloaded bytes do not match the file's sha256; nothing was saved."),
                 0 };
    if (!m_file->commit())
        return localFileError(tr("%1 cannot be written: %2").arg(m_target, m_file->errorString()));
    m_file.reset();
    return {};
}

void FileDownload::complete(QNetworkReply *reply, int status)
{
    if (!m_resumable)
        return FileTransfer::complete(reply, status);
    m_part.reset(); // closed: the worker reads it
    // Hashed (and renamed) on a worker thread: up to 25 MiB of disk work.
    struct Check
    {
        QString part, target;
        QByteArray sha256;
        qint64 size;
    };
    const Check check { partPath(m_target), m_target, m_attachment.sha256.toLatin1(), m_attachment.size };
    QPointer<FileDownload> self(this);
    QThreadPool::globalInstance()->start([self, check] {
        QFile part(check.part);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const bool read = part.open(QIODevice::ReadOnly) && hash.addData(&part);
        part.close();
        ApiError result;
        if (!read || part.size() != check.size || hash.result().toHex() != check.sha256) {
            QFile::remove(check.part);
            result = { ApiError::Kind::Integrity,
                       0,
                       {},
                       tr("The downloaded bytes do not match the file's sha256; nothing was saved."),
                       0 };
        } else {
            QFile::remove(check.target);
            if (!QFile::rename(check.part, check.target))
                result = localFileError(tr("%1 cannot be written.").arg(check.target));
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, result] {
                if (self && !self->isFinished())
                    self->finishWith(result);
            },
            Qt::QueuedConnection);
    });
}

void FileDownload::discard()
{
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // removes the temporary file
    }
    m_part.reset(); // kept: the next download resumes from it
}

// ---- ThumbnailDownload ----

ThumbnailDownload::ThumbnailDownload(RestClient *client, const QString &attachmentId,
                                     const QString &targetPath, QObject *parent)
    : FileTransfer(client, QStringLiteral("/api/files/%1/thumbnail").arg(attachmentId), false, parent)
    , m_attachmentId(attachmentId)
    , m_target(targetPath)
{
}

ThumbnailDownload::~ThumbnailDownload()
{
    discard();
}

bool ThumbnailDownload::prepare(QString *error)
{
    if (!isValidConversationId(m_attachmentId)) {
        *error = tr("The attachment has no valid id.");
        return false;
    }
    discard();
    m_bytes = 0;
    m_file = std::make_unique<QSaveFile>(m_target);
    m_file->setDirectWriteFallback(false);
    if (!m_file->open(QIODevice::WriteOnly)) {
        *error = tr("%1 cannot be written: %2").arg(m_target, m_file->errorString());
        m_file.reset();
        return false;
    }
    return true;
}

QNetworkReply *ThumbnailDownload::send(QNetworkAccessManager *network, const QNetworkRequest &request)
{
    return network->get(request);
}

void ThumbnailDownload::received(QNetworkReply *reply)
{
    const QByteArray chunk = reply->readAll();
    if (chunk.isEmpty() || !m_file)
        return;
    m_bytes += chunk.size();
    if (m_bytes > kMaxThumbnailBytes)
        return fail({ ApiError::Kind::Integrity, 0, {}, tr("The server's thumbnail is too large."), 0 });
    if (m_file->write(chunk) != chunk.size())
        fail(localFileError(tr("%1 cannot be written: %2").arg(m_target, m_file->errorString())));
}

ApiError ThumbnailDownload::succeeded(QNetworkReply *, int)
{
    if (!m_file->commit())
        return localFileError(tr("%1 cannot be written: %2").arg(m_target, m_file->errorString()));
    m_file.reset();
    return {};
}

void ThumbnailDownload::discard()
{
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset();
    }
}

} // namespace ringchat::api
