// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/spellcheck.h"

#include "app/qmlsingleton.h"
#include "spell/dictionaries.h"
#include "spell/spellchecker.h"

#include <QLocale>
#include <QSettings>

namespace ringchat::app {

namespace {
const QString kEnabledKey = QStringLiteral("spelling/enabled");
const QString kLanguagesKey = QStringLiteral("spelling/languages");
const QString kPersonalWordsFile = QStringLiteral("/personal-words.txt");
} // namespace

SpellCheck::SpellCheck(const QString &dataDirectory, QObject *parent)
    : SpellCheck(spell::findDictionaries(), QLocale().uiLanguages(), dataDirectory, parent)
{
}

SpellCheck::SpellCheck(const QList<spell::DictionaryInfo> &installed, const QStringList &systemLanguages,
                       const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_checker(new spell::SpellChecker(installed, dataDirectory + kPersonalWordsFile, this))
{
    QSettings settings;
    m_enabled = settings.value(kEnabledKey, true).toBool();
    // Saved only once the user chooses; until then the system's languages.
    // A comma-separated string: QSettings would not tell an empty list from none.
    const QVariant saved = settings.value(kLanguagesKey);
    m_checker->setLanguages(saved.isValid()
                                ? saved.toString().split(QLatin1Char(','), Qt::SkipEmptyParts)
                                : spell::defaultLanguages(systemLanguages, m_checker->availableLanguages()));
    connect(m_checker, &spell::SpellChecker::suggestionsReady, this, &SpellCheck::suggestionsReady);
}

SpellCheck::~SpellCheck() = default;

SpellCheck *SpellCheck::create(QQmlEngine *, QJSEngine *)
{
    return QmlSingleton<SpellCheck>::instance();
}
void SpellCheck::exposeToQml(SpellCheck *spellCheck)
{
    QmlSingleton<SpellCheck>::expose(spellCheck);
}

void SpellCheck::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    QSettings().setValue(kEnabledKey, on);
    emit enabledChanged();
}

QStringList SpellCheck::languages() const
{
    return m_checker->languages();
}

QVariantList SpellCheck::availableLanguages() const
{
    // "uk_UA" -> "українська", with the country when two dictionaries share a
    // language's name; a name QLocale does not know stays as it is.
    const QStringList codes = m_checker->availableLanguages();
    const auto nameOf = [](const QString &code) {
        const QLocale locale(code);
        return locale.language() == QLocale::C ? code : locale.nativeLanguageName();
    };
    QStringList names;
    for (const QString &code : codes)
        names.append(nameOf(code));
    QVariantList list;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        QString name = names[i];
        if (names.count(name) > 1)
            name = QStringLiteral("%1 (%2)").arg(name, QLocale(codes[i]).nativeTerritoryName());
        list.append(QVariantMap { { QStringLiteral("code"), codes[i] }, { QStringLiteral("name"), name } });
    }
    return list;
}

void SpellCheck::setLanguageChosen(const QString &code, bool chosen)
{
    QStringList languages = m_checker->languages();
    if (chosen == languages.contains(code))
        return;
    if (chosen)
        languages.append(code);
    else
        languages.removeAll(code);
    m_checker->setLanguages(languages);
    QSettings().setValue(kLanguagesKey, m_checker->languages().join(QLatin1Char(',')));
    emit languagesChanged();
}

void SpellCheck::requestSuggestions(const QString &word)
{
    m_checker->requestSuggestions(word);
}

void SpellCheck::addToDictionary(const QString &word)
{
    m_checker->addToPersonal(word);
}

} // namespace ringchat::app
