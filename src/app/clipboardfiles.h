// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a paste (or a drop) offers as files: copied files are local URLs
// (text/uri-list), a copied picture is image data that becomes a PNG file.

#include <QImage>
#include <QString>
#include <QStringList>

class QMimeData;

namespace ringchat::app::clipboardfiles {

// The local files among the data's URLs, in their order (none: no such URL).
QStringList localFiles(const QMimeData *data);
// The picture the data holds (null when none).
QImage image(const QMimeData *data);

struct Written
{
    QString path;  // the PNG, empty on failure
    QString error; // why not, in a sentence
};
// Writes the picture as "<folder>/pasted-image-<time>.png" (a new name each time).
// Disk work: call it off the GUI thread.
Written writePng(const QImage &image, const QString &folder);

} // namespace ringchat::app::clipboardfiles
