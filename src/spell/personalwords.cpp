// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spell/personalwords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSpell, "ringchat.spell")

namespace ringchat::spell::personalwords {

QSet<QString> read(const QString &path)
{
    QSet<QString> words;
    QFile file(path);
    if (!file.exists())
        return words;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSpell) << "cannot read the personal word list" << path << file.errorString();
        return words;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QString word = normalized(QString::fromUtf8(line));
        if (!word.isEmpty())
            words.insert(word);
    }
    return words;
}

bool append(const QString &path, const QString &word)
{
    const QString clean = normalized(word);
    if (clean.isEmpty())
        return false;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::Append) || file.write(clean.toUtf8() + '\n') < 0) {
        qCWarning(lcSpell) << "cannot add to the personal word list" << path << file.errorString();
        return false;
    }
    return true;
}

QString normalized(const QString &word)
{
    const QString trimmed = word.trimmed();
    if (trimmed.contains(QLatin1Char('\n')) || trimmed.contains(QLatin1Char('\r')))
        return {};
    return trimmed;
}

} // namespace ringchat::spell::personalwords
