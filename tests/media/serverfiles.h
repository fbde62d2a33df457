// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files on the real reference server for the media tests: alice's REST client, and
// uploads (an uploader may read a file no message uses yet) that answer the server's
// Attachment, as a message would carry it.

#include "referenceserver.h"

#include "api/filetransfer.h"
#include "api/restclient.h"
#include "auth/accesstokensource.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUuid>

#include <memory>

struct ServerFiles
{
    explicit ServerFiles(ReferenceServer &server)
        : tokens(server.token(QStringLiteral("alice")))
        , rest(server.url(), &tokens)
    {
    }

    // Uploads `bytes` to the demo group as `name`; an Attachment with an empty id on failure.
    ringchat::api::Attachment upload(const QString &folder, const QString &name, const QByteArray &bytes,
                                     const QString &mimeType = QStringLiteral("application/octet-stream"))
    {
        const QString path = folder + u'/' + name;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        f.close();
        ringchat::api::FileUpload up(&rest, QStringLiteral("group-ring"), { path, name, mimeType },
                                     QUuid::createUuid().toString(QUuid::WithoutBraces));
        QSignalSpy done(&up, &ringchat::api::FileTransfer::finished);
        up.start();
        if (!done.wait(30000) || up.error().isError()) {
            qWarning() << "upload failed:" << up.error().message;
            return {};
        }
        return up.attachment();
    }

    static QByteArray randomBytes(qsizetype size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            bytes[i] = char(QRandomGenerator::global()->bounded(256));
        return bytes;
    }

    static QString sha256Of(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        return QString::fromLatin1(h.result().toHex());
    }

    ringchat::auth::FixedTokenSource tokens;
    ringchat::api::RestClient rest;
};
