// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spell/spellchecker.h"

#include "spell/dictionary.h"
#include "spell/personalwords.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcSpell)

namespace ringchat::spell {

namespace {
// Enough for every word of many long drafts; past it the cache starts again.
constexpr qsizetype kMaxCachedVerdicts = 50'000;
constexpr qsizetype kMaxSuggestions = 8;
} // namespace

SpellChecker::SpellChecker(QList<DictionaryInfo> installed, QString personalWordsPath, QObject *parent)
    : QObject(parent)
    , m_installed(std::move(installed))
    , m_personalWordsPath(std::move(personalWordsPath))
{
    m_worker.setMaxThreadCount(1);
    m_worker.start([this, path = m_personalWordsPath] {
        QSet<QString> words = personalwords::read(path);
        QMetaObject::invokeMethod(this, [this, words = std::move(words)] {
            m_personal.unite(words);
            m_personalLoaded = true;
            forgetVerdicts();
            if (isReady())
                emit readyChanged();
        });
    });
}

SpellChecker::~SpellChecker()
{
    // The jobs use `this` to post their results, and a word being added must reach
    // the file: let them finish.
    m_worker.waitForDone();
}

QStringList SpellChecker::availableLanguages() const
{
    QStringList names;
    for (const DictionaryInfo &info : m_installed)
        names.append(info.language);
    return names;
}

void SpellChecker::setLanguages(const QStringList &languages)
{
    QStringList chosen;
    for (const QString &language : languages) {
        if (!chosen.contains(language) && availableLanguages().contains(language))
            chosen.append(language);
    }
    if (chosen == m_languages)
        return;
    const bool wasReady = isReady();
    m_languages = chosen;
    QList<std::shared_ptr<Dictionary>> kept;
    for (const QString &language : std::as_const(m_languages)) {
        const auto loaded
            = std::find_if(m_dictionaries.begin(), m_dictionaries.end(),
                           [&](const auto &dictionary) { return dictionary->language() == language; });
        if (loaded != m_dictionaries.end()) {
            kept.append(*loaded);
        } else if (!m_loading.contains(language)) {
            for (const DictionaryInfo &info : m_installed) {
                if (info.language == language)
                    startLoading(info);
            }
        }
    }
    m_dictionaries = kept;
    forgetVerdicts();
    if (wasReady != isReady())
        emit readyChanged();
}

void SpellChecker::startLoading(const DictionaryInfo &info)
{
    m_loading.insert(info.language);
    m_worker.start([this, info] {
        QString error;
        std::shared_ptr<Dictionary> dictionary = Dictionary::load(info, &error);
        if (!dictionary)
            qCWarning(lcSpell).noquote() << error;
        QMetaObject::invokeMethod(
            this, [this, language = info.language, dictionary] { dictionaryLoaded(language, dictionary); });
    });
}

void SpellChecker::dictionaryLoaded(const QString &language, std::shared_ptr<Dictionary> dictionary)
{
    m_loading.remove(language);
    if (dictionary && m_languages.contains(language)) {
        m_dictionaries.append(dictionary);
        // Keep the user's order: suggestions come in it.
        std::sort(m_dictionaries.begin(), m_dictionaries.end(), [this](const auto &a, const auto &b) {
            return m_languages.indexOf(a->language()) < m_languages.indexOf(b->language());
        });
    }
    forgetVerdicts();
    if (isReady())
        emit readyChanged();
}

void SpellChecker::forgetVerdicts()
{
    m_verdicts.clear();
    emit verdictsChanged();
}

bool SpellChecker::isPersonal(const QString &word) const
{
    // "Ringchat" at the start of a sentence is right when "ringchat" was added.
    return m_personal.contains(word) || (!word.isLower() && m_personal.contains(word.toLower()));
}

bool SpellChecker::inChosenScripts(const QString &word) const
{
    return std::all_of(word.begin(), word.end(), [this](QChar c) {
        return !c.isLetter()
            || std::any_of(m_dictionaries.begin(), m_dictionaries.end(),
                           [c](const auto &dictionary) { return dictionary->script() == c.script(); });
    });
}

SpellChecker::Verdict SpellChecker::check(const QString &word)
{
    if (m_languages.isEmpty())
        return Verdict::Correct;
    if (const auto known = m_verdicts.constFind(word); known != m_verdicts.constEnd())
        return *known ? Verdict::Correct : Verdict::Misspelt;
    bool judged = false;
    bool busy = false;
    bool right = isPersonal(word);
    for (const auto &dictionary : std::as_const(m_dictionaries)) {
        if (right)
            break;
        if (!dictionary->judges(word))
            continue;
        judged = true;
        const std::optional<bool> accepted = dictionary->tryCheck(word);
        busy = busy || !accepted;
        right = accepted.value_or(false);
    }
    if (!right && busy) {
        m_checkDeferred = true;
        return Verdict::Unknown;
    }
    // Until every chosen dictionary and the personal list are in, only "right" is sure.
    if (!right && !isReady())
        return Verdict::Unknown;
    // No chosen dictionary judges the word. When it mixes their scripts (a Latin
    // letter typed into a Ukrainian word) it is a typo; a word in another script (Greek
    // among English and Ukrainian) is none of our business.
    right = right || (!judged && !inChosenScripts(word));
    if (m_verdicts.size() >= kMaxCachedVerdicts)
        m_verdicts.clear();
    m_verdicts.insert(word, right);
    return right ? Verdict::Correct : Verdict::Misspelt;
}

void SpellChecker::requestSuggestions(const QString &word)
{
    QList<std::shared_ptr<Dictionary>> judges;
    for (const auto &dictionary : std::as_const(m_dictionaries)) {
        if (dictionary->judges(word))
            judges.append(dictionary);
    }
    m_worker.start([this, word, judges] {
        QStringList suggestions;
        for (const auto &dictionary : judges) {
            for (const QString &suggestion : dictionary->suggest(word)) {
                if (suggestions.size() < kMaxSuggestions && !suggestions.contains(suggestion))
                    suggestions.append(suggestion);
            }
        }
        QMetaObject::invokeMethod(this, [this, word, suggestions] {
            emit suggestionsReady(word, suggestions);
            if (std::exchange(m_checkDeferred, false))
                emit verdictsChanged();
        });
    });
}

void SpellChecker::addToPersonal(const QString &word)
{
    const QString clean = personalwords::normalized(word);
    if (clean.isEmpty() || m_personal.contains(clean))
        return;
    m_personal.insert(clean);
    m_worker.start([path = m_personalWordsPath, clean] { personalwords::append(path, clean); });
    forgetVerdicts();
}

} // namespace ringchat::spell
