#include "conversationfilter.h"

namespace ringchat::ui {

ConversationFilter::ConversationFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(this, signal, this, &ConversationFilter::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationFilter::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ConversationFilter::countChanged);
}

QString ConversationFilter::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    }
    return out;
}

void ConversationFilter::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_folded = fold(text.trimmed());
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
    return fold(title).contains(m_folded);
}

QVariant ConversationFilter::get(int row, const QString &roleName) const
{
    const int role = roleFor(roleName.toUtf8());
    if (role < 0 || row < 0 || row >= rowCount())
        return {};
    return data(index(row, 0), role);
}

} // namespace ringchat::ui
