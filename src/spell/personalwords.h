// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The personal word list: the words the user added with "Add to dictionary", one a
// line in UTF-8, kept in the app's data folder. Adding appends a line, so a word
// added while the list is still being read is never lost. Both touch the disk:
// call them off the GUI thread.

#include <QSet>
#include <QString>

namespace ringchat::spell::personalwords {

// The words in the file; none when it does not exist (or cannot be read: a warning).
QSet<QString> read(const QString &path);
// Appends one word, making the folder when needed; false (and a warning) on failure.
bool append(const QString &path, const QString &word);
// The word as the list keeps it: trimmed; "" when it is empty or spans lines.
QString normalized(const QString &word);

} // namespace ringchat::spell::personalwords
