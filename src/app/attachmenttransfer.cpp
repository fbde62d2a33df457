// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/attachmenttransfer.h"

namespace ringchat::app {

AttachmentTransfer::AttachmentTransfer(const QString &attachmentId, QObject *parent)
    : QObject(parent)
    , m_attachmentId(attachmentId)
{
}

void AttachmentTransfer::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void AttachmentTransfer::setDownloading()
{
    setError({});
    if (m_progress != 0) {
        m_progress = 0;
        emit progressChanged();
    }
    setState(Downloading);
}

void AttachmentTransfer::setProgress(qint64 done, qint64 total)
{
    const double p = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    if (p == m_progress)
        return;
    m_progress = p;
    emit progressChanged();
}

void AttachmentTransfer::setDone(const QString &localPath)
{
    setError({});
    m_localPath = localPath;
    if (m_progress != 1) {
        m_progress = 1;
        emit progressChanged();
    }
    if (m_state == Done)
        emit stateChanged(); // the path may have changed
    setState(Done);
}

void AttachmentTransfer::setFailed(const QString &error)
{
    m_localPath.clear();
    setError(error);
    setState(Failed);
}

void AttachmentTransfer::setIdle()
{
    m_localPath.clear();
    if (m_progress != 0) {
        m_progress = 0;
        emit progressChanged();
    }
    setState(Idle);
}

void AttachmentTransfer::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void AttachmentTransfer::setFileName(const QString &name)
{
    if (name == m_fileName)
        return;
    m_fileName = name;
    emit fileNameChanged();
}

} // namespace ringchat::app
