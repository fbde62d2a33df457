// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Moving a file to or from the server (contract v2, docs/protocol.md 6.3): an upload
// (FileUpload, POST /api/conversations/:id/files) or a download (FileDownload,
// GET /api/files/:id), streamed, with progress and cancel.
//
// Shared by both: the bearer token in the Authorization header only (never in a
// URL), no redirects (RestClient's network), a 401 refreshes the token and starts
// over once, a transfer with no progress for RestClient::timeout() is aborted
// (Timeout), and the outcome comes once through finished() (error() is None on
// success). Deleting a transfer aborts it. Make it, connect, start().

#include "api/apiresult.h"
#include "api/attachment.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QFile;
class QSaveFile;

namespace ringchat::api {

class RestClient;

class FileTransfer : public QObject
{
    Q_OBJECT
public:
    ~FileTransfer() override;

    void start();
    // Stops it: finished() with Kind::Cancelled, and nothing left behind.
    void cancel();
    bool isFinished() const { return m_finished; }
    const ApiError &error() const { return m_error; }

signals:
    void progress(qint64 done, qint64 total);
    void finished();

protected:
    // `upload`: progress counts the bytes sent (else those received).
    FileTransfer(RestClient *client, QString path, bool upload, QObject *parent);

    // Each attempt (the first, and the one after a token refresh): false, with a
    // sentence in *error, when it cannot start.
    virtual bool prepare(QString *error) = 0;
    virtual QNetworkReply *send(QNetworkAccessManager *network, const QNetworkRequest &request) = 0;
    virtual void received(QNetworkReply *reply) { Q_UNUSED(reply) }
    // A 2xx answer has fully arrived: the error, or a default ApiError for success.
    virtual ApiError succeeded(QNetworkReply *reply, int status) = 0;
    // The whole answer is in: finish with succeeded()'s verdict, or later by finishWith()
    // (a check that runs on another thread).
    virtual void complete(QNetworkReply *reply, int status) { finishWith(succeeded(reply, status)); }
    // The transfer failed or was cancelled: leave nothing behind.
    virtual void discard() { }
    // Bytes already held before this attempt (a resumed download): progress counts them.
    virtual qint64 progressOffset() const { return 0; }
    // Ends the transfer now with `error` (a subclass's own check failed; a default
    // ApiError: success).
    void fail(const ApiError &error) { finishWith(error); }
    void finishWith(const ApiError &error);
    QString what() const { return m_path; }

private:
    void attempt();
    void onFinished(QNetworkReply *reply);

    RestClient *m_client;
    QString m_path;
    bool m_upload;
    QNetworkReply *m_reply = nullptr;
    bool m_started = false;
    bool m_authRetried = false;
    bool m_finished = false;
    ApiError m_error;
};

// One file to a conversation, as the multipart part "file", with an Idempotency-Key:
// the same key again answers the file the server already has (a restart resumes
// nothing twice).
class FileUpload : public FileTransfer
{
    Q_OBJECT
public:
    struct Source
    {
        QString path;     // read as it is sent, never whole into memory
        QString name;     // the part's filename
        QString mimeType; // the part's Content-Type
    };
    FileUpload(RestClient *client, const QString &conversationId, Source source,
               const QString &idempotencyKey, QObject *parent = nullptr);
    ~FileUpload() override;

    // After a successful finished(): the server's description of the file.
    const Attachment &attachment() const { return m_attachment; }

protected:
    bool prepare(QString *error) override;
    QNetworkReply *send(QNetworkAccessManager *network, const QNetworkRequest &request) override;
    ApiError succeeded(QNetworkReply *reply, int status) override;

private:
    QString m_conversationId;
    Source m_source;
    QByteArray m_key;
    Attachment m_attachment;
};

// One attachment to `targetPath`, streamed into a temporary file beside it and hashed
// as it comes: the file appears under its name only when its bytes match the
// attachment's sha256 and size (else Kind::Integrity, and no file).
//
// Resumable (setResumable before start()): the bytes go to `targetPath + ".part"`,
// which a failure or cancel keeps; the next download of the same target continues
// where it stopped (HTTP Range, If-Range on the file's ETag; a server that answers
// the whole file restarts it). The whole file is hashed at the end on a worker thread,
// then renamed to `targetPath`; a mismatch removes the part too.
class FileDownload : public FileTransfer
{
    Q_OBJECT
public:
    FileDownload(RestClient *client, const Attachment &attachment, const QString &targetPath,
                 QObject *parent = nullptr);
    ~FileDownload() override;

    void setResumable(bool on) { m_resumable = on; }
    // Where a resumable download keeps its bytes until they are checked.
    static QString partPath(const QString &targetPath) { return targetPath + QStringLiteral(".part"); }
    // The bytes this download started from (0 unless it resumed), after start().
    qint64 resumedFrom() const { return m_offset; }

protected:
    bool prepare(QString *error) override;
    QNetworkReply *send(QNetworkAccessManager *network, const QNetworkRequest &request) override;
    void received(QNetworkReply *reply) override;
    ApiError succeeded(QNetworkReply *reply, int status) override;
    void complete(QNetworkReply *reply, int status) override;
    void discard() override;
    qint64 progressOffset() const override { return m_offset; }

private:
    bool preparePart(QString *error);
    ApiError tooManyBytes() const;

    Attachment m_attachment;
    QString m_target;
    bool m_resumable = false;
    std::unique_ptr<QSaveFile> m_file; // not resumable
    std::unique_ptr<QFile> m_part;     // resumable
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    qint64 m_bytes = 0;  // held in the file
    qint64 m_offset = 0; // asked for with Range
    bool m_answerChecked = false;
};

// An attachment's server-made thumbnail (GET /api/files/:id/thumbnail, at most 320×320)
// to `targetPath`, through a temporary file beside it. Nothing to check it against
// but its size (at most kMaxThumbnailBytes): whoever shows it decodes it safely.
class ThumbnailDownload : public FileTransfer
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxThumbnailBytes = 4 * 1024 * 1024;
    ThumbnailDownload(RestClient *client, const QString &attachmentId, const QString &targetPath,
                      QObject *parent = nullptr);
    ~ThumbnailDownload() override;

    // The thumbnail's size, after a successful finished().
    qint64 bytes() const { return m_bytes; }

protected:
    bool prepare(QString *error) override;
    QNetworkReply *send(QNetworkAccessManager *network, const QNetworkRequest &request) override;
    void received(QNetworkReply *reply) override;
    ApiError succeeded(QNetworkReply *reply, int status) override;
    void discard() override;

private:
    QString m_attachmentId;
    QString m_target;
    std::unique_ptr<QSaveFile> m_file;
    qint64 m_bytes = 0;
};

} // namespace ringchat::api
