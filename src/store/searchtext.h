// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The words of message search, as the FTS5 index (tokenizer unicode61 remove_diacritics 2)
// and the reference server (server/src/search.js) see them: what a word is, how it folds,
// the match expression built from a query's words, and the hit ranges of a text. The one
// place these are computed: the local index, the merge of server results, the CLI and the
// UI's highlight all use them.

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <utility>

namespace ringchat::store {

// [start, end) in UTF-16 code units of a message's text, end exclusive (contract §6.3).
using TextRange = std::pair<int, int>;

struct SearchWord
{
    QString text;
    int start = 0; // UTF-16 offsets
    int end = 0;
};

// At most this many words of a query are searched for (as the server).
inline constexpr int kMaxSearchWords = 16;

// unicode61's tokens: runs of letters, numbers, private-use characters and marks.
QList<SearchWord> searchWords(QStringView text);
// A word as the index holds it: lower case; Latin letters without their diacritics
// (Ukrainian ї, й, ґ stay themselves); combining marks dropped.
QString foldSearchWord(QStringView word);
// The folded words of a query the search looks for (the first kMaxSearchWords that fold
// to something); empty when the query has none (only punctuation or emoji).
QStringList searchTerms(QStringView query);
// The FTS5 MATCH expression for folded terms: each a quoted prefix term, all of them
// required (user input is never FTS syntax). Empty for no terms.
QString ftsMatchExpression(const QStringList &terms);
// Every word of `text` that one of the folded `terms` is a prefix of, in text order.
QList<TextRange> searchHitRanges(QStringView text, const QStringList &terms);
// Whether every one of the folded `terms` begins a word of `text` (what the index's match
// expression finds), without building the words: the search's scan of the newest rows.
bool matchesAllTerms(QStringView text, const QStringList &terms);

} // namespace ringchat::store
