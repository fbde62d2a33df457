// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What an image that cannot be shown looks like: a small grey tile with a broken-picture
// sign and a sentence. Drawn on a QImage, so any thread may make one.

#include <QImage>
#include <QSize>
#include <QString>

namespace ringchat::media {

// `requested` bounds the tile (an invalid size: 240×160; at most 480 on a side).
QImage errorTile(const QString &sentence, QSize requested);

// True for a tile errorTile() made (its text key "ringchat-error" says so).
bool isErrorTile(const QImage &image);

} // namespace ringchat::media
