// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/clipboardfiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMimeData>
#include <QSaveFile>
#include <QUrl>

namespace ringchat::app::clipboardfiles {

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

QImage image(const QMimeData *data)
{
    if (!data || !data->hasImage())
        return {};
    return qvariant_cast<QImage>(data->imageData());
}

Written writePng(const QImage &image, const QString &folder)
{
    const auto failed = [](const QString &why) {
        return Written {
            QString(),
            QCoreApplication::translate("ClipboardFiles", "The pasted image could not be saved: %1").arg(why)
        };
    };
    if (image.isNull())
        return failed(QCoreApplication::translate("ClipboardFiles", "there is no image."));
    if (!QDir().mkpath(folder))
        return failed(QCoreApplication::translate("ClipboardFiles", "%1 cannot be made.").arg(folder));
    const QString stem = QStringLiteral("pasted-image-%1")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString path = QDir(folder).filePath(stem + QStringLiteral(".png"));
    for (int n = 2; QFile::exists(path); ++n)
        path = QDir(folder).filePath(QStringLiteral("%1-%2.png").arg(stem).arg(n));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return failed(file.errorString());
    return { path, QString() };
}

} // namespace ringchat::app::clipboardfiles
