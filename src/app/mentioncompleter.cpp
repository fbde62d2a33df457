// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mentioncompleter.h"

#include <algorithm>

namespace ringchat::app {

MentionCompleter::MentionCompleter(QObject *parent)
    : QAbstractListModel(parent)
{
}

void MentionCompleter::setCandidates(const QList<api::Participant> &participants, const QString &ownUserId)
{
    QList<Candidate> candidates;
    for (const api::Participant &p : participants)
        if (p.userId != ownUserId)
            candidates.append({ p.userId, p.name.isEmpty() ? p.userId : p.name });
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    const auto same = [](const QList<Candidate> &a, const QList<Candidate> &b) {
        return std::equal(
            a.cbegin(), a.cend(), b.cbegin(), b.cend(),
            [](const Candidate &x, const Candidate &y) { return x.userId == y.userId && x.name == y.name; });
    };
    if (same(candidates, m_candidates))
        return;
    m_candidates = std::move(candidates);
    if (m_candidates.isEmpty())
        setActive(false, QString(), -1);
    refilter();
}

void MentionCompleter::setPeople(const QVariantList &people)
{
    QList<api::Participant> participants;
    for (const QVariant &v : people) {
        const QVariantMap person = v.toMap();
        api::Participant p;
        p.userId = person.value(QStringLiteral("userId")).toString();
        p.name = person.value(QStringLiteral("name")).toString();
        if (!p.userId.isEmpty())
            participants.append(p);
    }
    setCandidates(participants, QString());
}

void MentionCompleter::update(const QString &text, int cursorPosition)
{
    const int cursor = qBound(0, cursorPosition, int(text.size()));
    // The word before the cursor: back to the last space (names may not hold one
    // while typing; what was accepted is "@Name " and ends the word).
    int at = cursor - 1;
    while (at >= 0 && !text.at(at).isSpace() && text.at(at) != QLatin1Char('@'))
        --at;
    const bool opens = !m_candidates.isEmpty() && at >= 0 && text.at(at) == QLatin1Char('@')
        && (at == 0 || text.at(at - 1).isSpace()) && at != m_dismissed;
    if (at != m_dismissed)
        m_dismissed = -1; // a new "@": Esc's choice was for the other one
    setActive(opens, opens ? text.mid(at + 1, cursor - at - 1) : QString(), opens ? at : -1);
}

void MentionCompleter::setActive(bool active, const QString &query, int start)
{
    const bool changed = active != m_active || query != m_query;
    m_active = active;
    m_query = query;
    m_start = start;
    if (changed) {
        refilter();
        emit activeChanged();
    }
}

void MentionCompleter::refilter()
{
    QList<Candidate> prefix, inside;
    if (m_active) {
        for (const Candidate &c : std::as_const(m_candidates)) {
            if (c.name.startsWith(m_query, Qt::CaseInsensitive)
                || c.userId.startsWith(m_query, Qt::CaseInsensitive))
                prefix.append(c);
            else if (c.name.contains(m_query, Qt::CaseInsensitive))
                inside.append(c);
        }
    }
    beginResetModel();
    m_shown = prefix + inside;
    endResetModel();
    emit countChanged();
    setCurrent(m_shown.isEmpty() ? -1 : 0);
}

void MentionCompleter::setCurrent(int row)
{
    if (row == m_current)
        return;
    m_current = row;
    emit currentIndexChanged();
}

void MentionCompleter::moveUp()
{
    if (!m_shown.isEmpty())
        setCurrent(m_current <= 0 ? int(m_shown.size()) - 1 : m_current - 1);
}

void MentionCompleter::moveDown()
{
    if (!m_shown.isEmpty())
        setCurrent((m_current + 1) % int(m_shown.size()));
}

QVariantMap MentionCompleter::accept(const QString &text, int row)
{
    if (row < 0)
        row = m_current;
    if (!m_active || row < 0 || row >= m_shown.size() || m_start < 0 || m_start >= text.size())
        return {};
    const Candidate chosen = m_shown.at(row);
    const QString inserted = QLatin1Char('@') + chosen.name + QLatin1Char(' ');
    const int end = m_start + 1 + int(m_query.size());
    QString result = text;
    result.replace(m_start, end - m_start, inserted);
    const int cursor = m_start + int(inserted.size());
    if (std::none_of(m_recorded.cbegin(), m_recorded.cend(),
                     [&](const Candidate &c) { return c.userId == chosen.userId; }))
        m_recorded.append(chosen);
    setActive(false, QString(), -1);
    return { { QStringLiteral("text"), result }, { QStringLiteral("cursorPosition"), cursor } };
}

void MentionCompleter::dismiss()
{
    if (!m_active)
        return;
    m_dismissed = m_start;
    setActive(false, QString(), -1);
}

QStringList MentionCompleter::mentionsIn(const QString &text) const
{
    QStringList ids;
    for (const Candidate &c : m_recorded)
        if (text.contains(QLatin1Char('@') + c.name))
            ids.append(c.userId);
    return ids;
}

void MentionCompleter::clear()
{
    m_recorded.clear();
    m_dismissed = -1;
    setActive(false, QString(), -1);
}

int MentionCompleter::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

QVariant MentionCompleter::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Candidate &c = m_shown.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case UserIdRole:
        return c.userId;
    default:
        return {};
    }
}

QHash<int, QByteArray> MentionCompleter::roleNames() const
{
    return { { UserIdRole, "userId" }, { NameRole, "name" } };
}

} // namespace ringchat::app
