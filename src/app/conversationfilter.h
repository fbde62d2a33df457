// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The conversation list filtered by a search text (the list's search field and
// the Ctrl+K switcher). Matches the "title" role with models::foldForSearch, so
// case and accents do not matter.

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

class ConversationFilter : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit ConversationFilter(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int count() const { return rowCount(); }

    // Data of a row by role name, for QML (e.g. get(0, "conversationId")).
    Q_INVOKABLE QVariant get(int row, const QString &roleName) const;

signals:
    void filterTextChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int roleFor(const QByteArray &name) const;

    QString m_filterText;
    QString m_folded;
};

} // namespace ringchat::app
