// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ringchat::cli {

Output::Output()
    : m_out(stdout)
    , m_err(stderr)
{
}

void Output::json(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush(); // a reader (tail | jq) sees each object at once
}

void Output::line(const QString &text)
{
    m_out << text << '\n';
    m_out.flush();
}

void Output::say(const QString &sentence)
{
    m_err << "ringchat-cli: " << sentence << '\n';
    m_err.flush();
}

void Output::warn(const QString &sentence)
{
    say(QStringLiteral("warning: ") + sentence);
}

void Output::flush()
{
    m_out.flush();
    m_err.flush();
}

} // namespace ringchat::cli
