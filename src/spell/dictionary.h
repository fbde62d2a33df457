// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Hunspell dictionary. Loading one takes long (Debian's uk_UA: about a second)
// and so do suggestions (up to several hundred ms), so both run on a worker thread,
// while the GUI thread checks words as they are typed (some µs each). Hunspell is
// not thread-safe, so a mutex guards it and the GUI thread only tries it: when a
// worker holds it, tryCheck answers "don't know yet" instead of waiting.
//
// Words go to Hunspell in the encoding its .aff declares (SET). A dictionary only
// judges words written in its language's script: Debian's uk_UA removes Latin
// letters before checking (ICONV), so it would accept any English misspelling.

#include "spell/dictionaries.h"

#include <QChar>
#include <QString>
#include <QStringConverter>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

class Hunspell;

namespace ringchat::spell {

class Dictionary
{
public:
    // Reads the files (slow: call it off the GUI thread). Null, with *error set,
    // when the files cannot be read or their encoding is one Qt cannot convert.
    static std::unique_ptr<Dictionary> load(const DictionaryInfo &info, QString *error = nullptr);
    ~Dictionary();
    Dictionary(const Dictionary &) = delete;
    Dictionary &operator=(const Dictionary &) = delete;

    QString language() const { return m_language; }
    // The script its language is written in (Unknown: not known, it judges every word).
    QChar::Script script() const { return m_script; }
    // True when every letter of the word is in this dictionary's script (any script
    // when the language's script is not known).
    bool judges(QStringView word) const;
    // Whether Hunspell accepts the word; nullopt while a worker uses the dictionary.
    // Call it only for words it judges().
    std::optional<bool> tryCheck(QStringView word);
    // Hunspell's suggestions, best first (blocks until the dictionary is free).
    QStringList suggest(QStringView word);

private:
    Dictionary(QString language, std::unique_ptr<Hunspell> hunspell, QByteArray encoding);
    std::optional<std::string> encode(QStringView word) const;

    QString m_language;
    QChar::Script m_script;
    QByteArray m_encoding;
    std::unique_ptr<Hunspell> m_hunspell;
    std::mutex m_mutex;
};

} // namespace ringchat::spell
