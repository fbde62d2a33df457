// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One attachment's download as QML sees it (Files.transfer(id)): what a file card and
// the viewer show. Files owns and updates it; QML only reads.

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

class AttachmentTransfer : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Made by Files.transfer(attachmentId)")
    Q_PROPERTY(QString attachmentId READ attachmentId CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // 0..1 while Downloading (0 until the size is known), 1 when Done.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    // Why it Failed, or why the last Save as failed: a sentence.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // The file in the cache once Done (named by its safe name), else empty.
    Q_PROPERTY(QString localPath READ localPath NOTIFY stateChanged)
    // The name to suggest for Save as (api::safeFileName of the sender's name); empty
    // until the attachment is found.
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileNameChanged)

public:
    enum State { Idle, Downloading, Done, Failed };
    Q_ENUM(State)

    AttachmentTransfer(const QString &attachmentId, QObject *parent);

    QString attachmentId() const { return m_attachmentId; }
    State state() const { return m_state; }
    double progress() const { return m_progress; }
    QString error() const { return m_error; }
    QString localPath() const { return m_localPath; }
    QString fileName() const { return m_fileName; }

    void setDownloading();
    void setProgress(qint64 done, qint64 total);
    void setDone(const QString &localPath);
    void setFailed(const QString &error);
    void setIdle();
    void setError(const QString &error);
    void setFileName(const QString &name);

signals:
    void stateChanged();
    void progressChanged();
    void errorChanged();
    void fileNameChanged();

private:
    void setState(State state);

    QString m_attachmentId;
    State m_state = Idle;
    double m_progress = 0;
    QString m_error;
    QString m_localPath;
    QString m_fileName;
};

} // namespace ringchat::app
