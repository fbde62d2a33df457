// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The arguments of one chat command: its positional arguments and its own options
// (--limit N, --up-to SEQ, --stdin, --cached, --reply-to ID, --markdown, --off,
// --file PATH (repeatable), --output PATH, --conversation ID, --offline, --mention USER_ID
// (repeatable), --for MINUTES).
// The global options were taken out before (commandline.h).

#include <QString>
#include <QStringList>

#include <optional>

namespace ringchat::cli {

struct CommandArgs
{
    QStringList positional;
    std::optional<qint64> limit, upTo;
    std::optional<qint64> forMinutes; // notify: muted for that long
    bool stdinLines = false;
    bool cached = false;
    QString replyTo;       // send: the id of the message answered
    bool markdown = false; // send: the text is markdown
    bool off = false;      // react: take the reaction away
    QStringList files;     // send: files to attach, in order
    QStringList mentions;  // send: the user ids the message mentions
    QString output;        // download: where the file goes
    QString conversation;  // search: only this conversation
    bool offline = false;  // search: the local cache only
    QString error;         // a usage error, for people
};

// Options may stand anywhere among the positional arguments, until a "--".
CommandArgs parseCommandArgs(const QStringList &raw);

} // namespace ringchat::cli
