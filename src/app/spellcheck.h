// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML singleton `SpellCheck`: the spell checker of the composer and what the user
// chose for it (on or off, and the languages), kept across runs (QSettings). Until
// the user chooses languages, they follow the system's (QLocale::uiLanguages mapped
// to the installed dictionaries, English when none matches). The words added with
// "Add to dictionary" live in personal-words.txt in the app's data folder.

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ringchat::spell {
class SpellChecker;
struct DictionaryInfo;
} // namespace ringchat::spell

namespace ringchat::app {

class SpellCheck : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
    // The chosen dictionaries' names ("en_US", "uk_UA").
    Q_PROPERTY(QStringList languages READ languages NOTIFY languagesChanged)
    // Every installed dictionary: [{ code: "uk_UA", name: "українська" }], by code.
    Q_PROPERTY(QVariantList availableLanguages READ availableLanguages CONSTANT)

public:
    // `dataDirectory`: where the personal word list lives. No default arguments (see
    // qmlsingleton.h).
    SpellCheck(const QString &dataDirectory, QObject *parent);
    // Tests choose the dictionaries and the system's languages.
    SpellCheck(const QList<spell::DictionaryInfo> &installed, const QStringList &systemLanguages,
               const QString &dataDirectory, QObject *parent);
    ~SpellCheck() override;

    // The QML singleton is the one main() made (see exposeToQml).
    static SpellCheck *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void exposeToQml(SpellCheck *spellCheck);

    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool on);
    QStringList languages() const;
    QVariantList availableLanguages() const;
    // Chooses or drops one language; the choice is saved and no longer follows the system.
    Q_INVOKABLE void setLanguageChosen(const QString &code, bool chosen);
    // Answers with suggestionsReady(word, suggestions).
    Q_INVOKABLE void requestSuggestions(const QString &word);
    Q_INVOKABLE void addToDictionary(const QString &word);

    spell::SpellChecker *checker() const { return m_checker; }

signals:
    void enabledChanged();
    void languagesChanged();
    void suggestionsReady(const QString &word, const QStringList &suggestions);

private:
    bool m_enabled = true;
    spell::SpellChecker *m_checker;
};

} // namespace ringchat::app
