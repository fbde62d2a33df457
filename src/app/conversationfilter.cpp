// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/conversationfilter.h"

#include "models/conversationtext.h"

namespace ringchat::app {

ConversationFilter::ConversationFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(this, signal, this, &ConversationFilter::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationFilter::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ConversationFilter::countChanged);
}

void ConversationFilter::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_folded = models::foldForSearch(text.trimmed());
    invalidateFilter();
    emit filterTextChanged();
    emit countChanged();
}

int ConversationFilter::roleFor(const QByteArray &name) const
{
    if (!sourceModel())
        return -1;
    const auto roles = sourceModel()->roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        if (it.value() == name)
            return it.key();
    }
    return -1;
}

bool ConversationFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_folded.isEmpty())
        return true;
    const int role = roleFor(QByteArrayLiteral("title"));
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString title = sourceModel()->data(index, role >= 0 ? role : int(Qt::DisplayRole)).toString();
    return models::foldForSearch(title).contains(m_folded);
}

QVariant ConversationFilter::get(int row, const QString &roleName) const
{
    const int role = roleFor(roleName.toUtf8());
    if (role < 0 || row < 0 || row >= rowCount())
        return {};
    return data(index(row, 0), role);
}

} // namespace ringchat::app
