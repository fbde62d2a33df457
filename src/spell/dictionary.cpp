// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spell/dictionary.h"

#include <QFile>
#include <QLocale>

#include <hunspell.hxx>

namespace ringchat::spell {

namespace {

// The script the language is written in, as QChar names it; Unknown when the
// language is not one of these (then the dictionary judges every word).
QChar::Script scriptOf(const QString &language)
{
    switch (QLocale(language).script()) {
    case QLocale::LatinScript:
        return QChar::Script_Latin;
    case QLocale::CyrillicScript:
        return QChar::Script_Cyrillic;
    case QLocale::GreekScript:
        return QChar::Script_Greek;
    case QLocale::ArmenianScript:
        return QChar::Script_Armenian;
    case QLocale::GeorgianScript:
        return QChar::Script_Georgian;
    case QLocale::HebrewScript:
        return QChar::Script_Hebrew;
    case QLocale::ArabicScript:
        return QChar::Script_Arabic;
    default:
        return QChar::Script_Unknown;
    }
}

bool isUtf8(const QByteArray &encoding)
{
    return encoding.compare("UTF-8", Qt::CaseInsensitive) == 0
        || encoding.compare("UTF8", Qt::CaseInsensitive) == 0;
}

} // namespace

std::unique_ptr<Dictionary> Dictionary::load(const DictionaryInfo &info, QString *error)
{
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return nullptr;
    };
    if (!QFile::exists(info.affPath) || !QFile::exists(info.dicPath))
        return fail(QStringLiteral("The %1 dictionary's files are missing.").arg(info.language));
    auto hunspell = std::make_unique<Hunspell>(QFile::encodeName(info.affPath).constData(),
                                               QFile::encodeName(info.dicPath).constData());
    QByteArray encoding = QByteArray::fromStdString(hunspell->get_dict_encoding());
    if (isUtf8(encoding))
        encoding = "UTF-8";
    else if (!QStringEncoder(encoding.constData()).isValid())
        return fail(QStringLiteral("The %1 dictionary is in %2, which this build cannot read.")
                        .arg(info.language, QString::fromLatin1(encoding)));
    return std::unique_ptr<Dictionary>(new Dictionary(info.language, std::move(hunspell), encoding));
}

Dictionary::Dictionary(QString language, std::unique_ptr<Hunspell> hunspell, QByteArray encoding)
    : m_language(std::move(language))
    , m_script(scriptOf(m_language))
    , m_encoding(std::move(encoding))
    , m_hunspell(std::move(hunspell))
{
}

Dictionary::~Dictionary() = default;

bool Dictionary::judges(QStringView word) const
{
    if (m_script == QChar::Script_Unknown)
        return true;
    for (const QChar c : word) {
        if (c.isLetter() && c.script() != m_script)
            return false;
    }
    return true;
}

std::optional<std::string> Dictionary::encode(QStringView word) const
{
    if (m_encoding == "UTF-8")
        return word.toUtf8().toStdString();
    QStringEncoder encoder(m_encoding.constData());
    const QByteArray bytes = encoder.encode(word);
    if (encoder.hasError())
        return std::nullopt; // a character the dictionary's encoding cannot hold
    return bytes.toStdString();
}

std::optional<bool> Dictionary::tryCheck(QStringView word)
{
    const std::optional<std::string> encoded = encode(word);
    if (!encoded)
        return false;
    std::unique_lock lock(m_mutex, std::try_to_lock);
    if (!lock.owns_lock())
        return std::nullopt;
    return m_hunspell->spell(*encoded);
}

QStringList Dictionary::suggest(QStringView word)
{
    const std::optional<std::string> encoded = encode(word);
    if (!encoded)
        return {};
    std::vector<std::string> found;
    {
        std::lock_guard lock(m_mutex);
        found = m_hunspell->suggest(*encoded);
    }
    QStringList suggestions;
    QStringDecoder decoder(m_encoding.constData());
    for (const std::string &each : found)
        suggestions.append(decoder.decode(QByteArrayView(each.data(), qsizetype(each.size()))));
    return suggestions;
}

} // namespace ringchat::spell
