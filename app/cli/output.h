// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where ringchat-cli writes: results on stdout (JSON objects one a line, or a line
// of text), sentences for people on stderr, prefixed with the program's name.

#include <QTextStream>

class QJsonObject;

namespace ringchat::cli {

class Output
{
public:
    Output();

    void json(const QJsonObject &object); // one compact JSON object a line, on stdout
    void line(const QString &text);       // one line of plain result text, on stdout
    void say(const QString &sentence);    // "ringchat-cli: <sentence>" on stderr
    void warn(const QString &sentence);   // "ringchat-cli: warning: <sentence>" on stderr
    void flush();

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace ringchat::cli
