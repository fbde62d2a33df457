// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spell/dictionaries.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace ringchat::spell {

namespace {

QString languageOf(const QString &name)
{
    return name.section(QLatin1Char('_'), 0, 0).toLower();
}

} // namespace

QStringList dictionaryDirectories()
{
    return QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, QStringLiteral("hunspell"),
                                     QStandardPaths::LocateDirectory);
}

QList<DictionaryInfo> findDictionaries(const QStringList &directories)
{
    QList<DictionaryInfo> found;
    QSet<QString> names;
    for (const QString &directory : directories) {
        const QFileInfoList affixes = QDir(directory).entryInfoList({ QStringLiteral("*.aff") }, QDir::Files);
        for (const QFileInfo &aff : affixes) {
            const QString name = aff.completeBaseName();
            const QString dic = aff.dir().filePath(name + QStringLiteral(".dic"));
            if (names.contains(name) || !QFileInfo(dic).isReadable() || !aff.isReadable())
                continue;
            names.insert(name);
            found.append({ name, aff.filePath(), dic });
        }
    }
    std::sort(found.begin(), found.end(),
              [](const DictionaryInfo &a, const DictionaryInfo &b) { return a.language < b.language; });
    return found;
}

QStringList defaultLanguages(const QStringList &uiLanguages, const QStringList &available)
{
    QStringList chosen;
    const auto choose = [&](const QString &name) {
        if (!chosen.contains(name))
            chosen.append(name);
    };
    for (QString wanted : uiLanguages) {
        wanted.replace(QLatin1Char('-'), QLatin1Char('_'));
        const auto exact = std::find_if(available.begin(), available.end(), [&](const QString &name) {
            return name.compare(wanted, Qt::CaseInsensitive) == 0;
        });
        if (exact != available.end()) {
            choose(*exact);
            continue;
        }
        // "en" after "en-US": English is chosen already.
        const QString language = languageOf(wanted);
        if (std::any_of(chosen.begin(), chosen.end(),
                        [&](const QString &name) { return languageOf(name) == language; }))
            continue;
        const auto same = std::find_if(available.begin(), available.end(),
                                       [&](const QString &name) { return languageOf(name) == language; });
        if (same != available.end())
            choose(*same);
    }
    if (chosen.isEmpty()) {
        const auto english = std::find_if(available.begin(), available.end(), [](const QString &name) {
            return languageOf(name) == QLatin1String("en");
        });
        if (available.contains(QLatin1String("en_US")))
            chosen.append(QStringLiteral("en_US"));
        else if (english != available.end())
            chosen.append(*english);
    }
    return chosen;
}

} // namespace ringchat::spell
