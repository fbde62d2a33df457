// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/errortile.h"

#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

namespace ringchat::media {

namespace {
const QString kMarkKey = QStringLiteral("ringchat-error");
} // namespace

QImage errorTile(const QString &sentence, QSize requested)
{
    QSize size = requested.isValid() && !requested.isEmpty() ? requested : QSize(240, 160);
    size = size.boundedTo(QSize(480, 480)).expandedTo(QSize(48, 48));
    QImage tile(size, QImage::Format_ARGB32_Premultiplied);
    tile.fill(QColor(0x9e, 0x9e, 0x9e));
    QPainter p(&tile);
    p.setRenderHint(QPainter::Antialiasing);
    // A picture frame with a crack through it.
    const int side = std::min(size.width(), size.height()) / 3;
    const QRectF frame(QPointF((size.width() - side) / 2.0, size.height() * 0.12), QSizeF(side, side * 0.8));
    p.setPen(QPen(QColor(0xf5, 0xf5, 0xf5), std::max(2, side / 16)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    QPainterPath crack;
    crack.moveTo(frame.center().x() - side * 0.1, frame.top());
    crack.lineTo(frame.center().x() + side * 0.08, frame.center().y());
    crack.lineTo(frame.center().x() - side * 0.05, frame.bottom());
    p.drawPath(crack);
    // The sentence below it, wrapped, when there is room.
    const QRectF text(8, frame.bottom() + 6, size.width() - 16, size.height() - frame.bottom() - 10);
    // Text needs Qt Gui's fonts: a process without a QGuiApplication gets the sign only.
    if (text.height() > 10 && qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QFont font = p.font();
        font.setPixelSize(std::clamp(size.height() / 12, 9, 14));
        p.setFont(font);
        p.setPen(Qt::white);
        p.drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, sentence);
    }
    p.end();
    tile.setText(kMarkKey, sentence);
    return tile;
}

bool isErrorTile(const QImage &image)
{
    return !image.text(kMarkKey).isEmpty();
}

} // namespace ringchat::media
