// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/safefilename.h"

#include <QRegularExpression>
#include <QStringView>

namespace ringchat::api {

namespace {

constexpr qsizetype kMaxNameBytes = 255;

bool isDropped(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Other_Control || category == QChar::Other_Format
        || category == QChar::Other_NotAssigned || category == QChar::Other_Surrogate
        || category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
}

bool isReservedOnWindows(const QString &name)
{
    // The device name is what stands before the first dot ("con.tar.gz" too).
    static const QRegularExpression reserved(QStringLiteral("^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$"),
                                             QRegularExpression::CaseInsensitiveOption);
    const qsizetype dot = name.indexOf(u'.');
    return reserved.match(dot < 0 ? name : name.left(dot).trimmed()).hasMatch();
}

// The longest prefix of `text` that fits in `bytes` of UTF-8, ending on a whole character.
QString utf8Prefix(const QString &text, qsizetype bytes)
{
    QString out;
    qsizetype used = 0;
    for (char32_t c : QStringView(text).toUcs4()) {
        const qsizetype n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (used + n > bytes)
            break;
        used += n;
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

QString trimmed(QString name)
{
    // Leading dots and spaces, trailing dots and spaces (Windows drops those silently).
    qsizetype start = 0;
    while (start < name.size() && (name.at(start) == u'.' || name.at(start).isSpace()))
        ++start;
    qsizetype end = name.size();
    while (end > start && (name.at(end - 1) == u'.' || name.at(end - 1).isSpace()))
        --end;
    return name.mid(start, end - start);
}

} // namespace

QString safeFileName(const QString &networkName)
{
    QString name = networkName;
    const qsizetype slash = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    if (slash >= 0)
        name = name.mid(slash + 1);

    QString clean;
    clean.reserve(name.size());
    for (char32_t c : QStringView(name).toUcs4()) {
        if (isDropped(c))
            continue;
        if (c == U'<' || c == U'>' || c == U':' || c == U'"' || c == U'|' || c == U'?' || c == U'*')
            c = U'_';
        clean += QString::fromUcs4(&c, 1);
    }
    clean = trimmed(clean);

    // Decided before the cut, which never reaches the part before the first dot of a
    // reserved name; its '_' counts in the budget.
    const bool reserved = isReservedOnWindows(clean);
    const qsizetype budget = kMaxNameBytes - (reserved ? 1 : 0);
    if (clean.toUtf8().size() > budget) {
        // Keep a short extension (".tar.gz" counts as ".gz"), cut the stem.
        const qsizetype dot = clean.lastIndexOf(u'.');
        const QString extension = dot > 0 && clean.size() - dot <= 16 ? clean.mid(dot) : QString();
        const QString stem = clean.left(clean.size() - extension.size());
        clean = trimmed(utf8Prefix(stem, budget - extension.toUtf8().size()) + extension);
    }
    if (clean.isEmpty())
        return QStringLiteral("file");
    if (reserved)
        clean.prepend(u'_');
    return clean;
}

} // namespace ringchat::api
