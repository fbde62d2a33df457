// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A file of a given size for attachment tests, sparse so a 25 MiB one costs no writes.

#include <QDir>
#include <QFile>
#include <QString>
#include <QtGlobal>

namespace ringchat::testing {

inline QString makeSparseFile(const QDir &dir, const QString &name, qint64 size)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !f.resize(size))
        qFatal("cannot make %s", qPrintable(path));
    return path;
}

} // namespace ringchat::testing
