// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Which Hunspell dictionaries this computer has, and which of them the user's system
// languages ask for. Debian puts them in /usr/share/hunspell (hunspell-en-us: en_US,
// hunspell-uk: uk_UA), each a pair NAME.aff + NAME.dic.

#include <QList>
#include <QString>
#include <QStringList>

namespace ringchat::spell {

struct DictionaryInfo
{
    QString language; // the file name without extension: "en_US", "uk_UA"
    QString affPath;
    QString dicPath;
};

// The "hunspell" folders of the system's data folders (on Linux ~/.local/share,
// /usr/local/share, /usr/share), the user's first.
QStringList dictionaryDirectories();

// Every NAME.aff with its NAME.dic in those folders, sorted by name; a name found
// twice is taken from the first folder.
QList<DictionaryInfo> findDictionaries(const QStringList &directories = dictionaryDirectories());

// The installed dictionaries (`available`) that the system's languages (`uiLanguages`,
// as QLocale::uiLanguages() gives them: "uk-UA", "en") name, in their order: an exact
// match first, else the first dictionary of the same language. English when none
// matches; empty only when there is no English dictionary either.
QStringList defaultLanguages(const QStringList &uiLanguages, const QStringList &available);

} // namespace ringchat::spell
