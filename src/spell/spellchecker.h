// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Spell checking in several languages at once: a word is right when any chosen
// dictionary that judges its script accepts it, or when it is in the personal word
// list (right in every language). Verdicts are cached per word, so typing into a long
// draft costs a hash look-up for each word already seen. Loading dictionaries and
// the personal list, suggestions and adding a word run in order on one worker
// thread; the GUI thread never waits for them.

#include "spell/dictionaries.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace ringchat::spell {

class Dictionary;

class SpellChecker : public QObject
{
    Q_OBJECT

public:
    enum class Verdict {
        Correct,
        Misspelt,
        Unknown, // a chosen dictionary is still loading or busy: ask again on verdictsChanged
    };

    // `installed`: the dictionaries that may be chosen (findDictionaries()).
    // `personalWordsPath`: the personal word list's file, read at once (on the worker).
    SpellChecker(QList<DictionaryInfo> installed, QString personalWordsPath, QObject *parent = nullptr);
    ~SpellChecker() override;

    QStringList availableLanguages() const;
    QStringList languages() const { return m_languages; }
    // Names that are not installed are dropped; dictionaries load on the worker.
    void setLanguages(const QStringList &languages);
    // True when the chosen dictionaries and the personal list are loaded.
    bool isReady() const { return m_loading.isEmpty() && m_personalLoaded; }

    Verdict check(const QString &word);
    // Answers with suggestionsReady(word, …): suggestions take long.
    void requestSuggestions(const QString &word);
    // Right from now on in every language, and kept in the personal list.
    void addToPersonal(const QString &word);

signals:
    void readyChanged();
    // Earlier verdicts may have changed (a dictionary loaded, a language chosen, a
    // word added): check again.
    void verdictsChanged();
    void suggestionsReady(const QString &word, const QStringList &suggestions);

private:
    void startLoading(const DictionaryInfo &info);
    void dictionaryLoaded(const QString &language, std::shared_ptr<Dictionary> dictionary);
    void forgetVerdicts();
    bool isPersonal(const QString &word) const;
    bool inChosenScripts(const QString &word) const;

    const QList<DictionaryInfo> m_installed;
    const QString m_personalWordsPath;
    QStringList m_languages;
    QList<std::shared_ptr<Dictionary>> m_dictionaries; // the chosen ones loaded, in m_languages' order
    QSet<QString> m_loading;
    QSet<QString> m_personal;
    bool m_personalLoaded = false;
    QHash<QString, bool> m_verdicts; // word -> right
    bool m_checkDeferred = false;    // a check met a dictionary the worker held
    QThreadPool m_worker;            // one thread, so its jobs run in order
};

} // namespace ringchat::spell
