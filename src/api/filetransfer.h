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
    // The transfer failed or was cancelled: leave nothing behind.
    virtual void discard() { }
    // Ends the transfer now with `error` (a subclass's own check failed).
    void fail(const ApiError &error);
    QString what() const { return m_path; }

private:
    void attempt();
    void onFinished(QNetworkReply *reply);
    void finish(const ApiError &error);

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
class FileDownload : public FileTransfer
{
    Q_OBJECT
public:
    FileDownload(RestClient *client, const Attachment &attachment, const QString &targetPath,
                 QObject *parent = nullptr);
    ~FileDownload() override;

protected:
    bool prepare(QString *error) override;
    QNetworkReply *send(QNetworkAccessManager *network, const QNetworkRequest &request) override;
    void received(QNetworkReply *reply) override;
    ApiError succeeded(QNetworkReply *reply, int status) override;
    void discard() override;

private:
    Attachment m_attachment;
    QString m_target;
    std::unique_ptr<QSaveFile> m_file;
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
    qint64 m_bytes = 0;
};

} // namespace ringchat::api
