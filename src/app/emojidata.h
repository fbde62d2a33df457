// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Unicode's own list of emoji, read from emoji-test.txt (Debian's unicode-data
// package ships it as /usr/share/unicode/emoji/emoji-test.txt): each fully-qualified
// emoji with its CLDR name and its group, in Unicode's order. Skin-tone variants and
// the lone components are left out, so the picker shows each emoji once. No emoji is
// typed by hand anywhere in the app: the picker, the quick reactions and the names
// screen readers say all come from here. The file is read off the GUI thread.

#include <QByteArrayView>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ringchat::app::emoji {

struct Emoji
{
    QString text;  // the emoji itself, e.g. U+1F44D
    QString name;  // its CLDR short name, e.g. "thumbs up"
    int group = 0; // index into Catalog::groups
};

class Catalog
{
public:
    // Parses the text of emoji-test.txt; lines it cannot read are skipped.
    static Catalog parse(QByteArrayView text);
    // Reads and parses a file; empty (with a warning) when it cannot be read.
    static Catalog load(const QString &path);
    // The installed data (see dataFilePath()), read once on a worker thread, started
    // by the first call: the GUI thread never waits for the file.
    static QFuture<const Catalog *> installed();
    // Calls `ready` on `context`'s thread once the installed data is read (at once
    // when it is), unless `context` is gone by then.
    static void whenInstalled(QObject *context, std::function<void(const Catalog &)> ready);
    // RINGCHAT_EMOJI_DATA when set, else unicode/emoji/emoji-test.txt in the
    // system's data folders (/usr/share on Linux); empty when there is none.
    static QString dataFilePath();

    const QList<Emoji> &all() const { return m_emoji; }
    const QStringList &groups() const { return m_groups; }
    bool isEmpty() const { return m_emoji.isEmpty(); }
    // The CLDR name of an emoji ("" when unknown).
    QString nameOf(const QString &emoji) const;
    // The emoji of a CLDR name ("" when unknown).
    QString byName(const QString &name) const;
    // True when every word of the query starts a word of the emoji's name, ignoring case.
    static bool matches(const Emoji &emoji, const QStringList &queryWords);
    // The query's words, folded for matches().
    static QStringList queryWords(const QString &query);

private:
    QList<Emoji> m_emoji;
    QStringList m_groups;
    QHash<QString, qsizetype> m_byText;
    QHash<QString, qsizetype> m_byName;
};

} // namespace ringchat::app::emoji
