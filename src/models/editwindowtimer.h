// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Says when a row's edit window closes, so what a view read from canEdit when it
// made the row changes then too. One timer for the whole model, set to the next
// window to close among the rows; rows inserted, changed or reset move it.

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <functional>

class QAbstractItemModel;

namespace ringchat::models {

class EditWindowTimer : public QObject
{
    Q_OBJECT
public:
    // When row's edit window closes (invalid: it never opens, e.g. not our message).
    using ClosesAt = std::function<QDateTime(int row)>;
    // Called for each row whose window has closed since the last time.
    using Closed = std::function<void(int row)>;

    // Follows `model`'s rows through its signals; `model` is also the parent.
    EditWindowTimer(QAbstractItemModel *model, ClosesAt closesAt, Closed closed);

private:
    void rowsChanged(int first, int last);
    void schedule(const QDateTime &closes);
    void fire();

    QAbstractItemModel *m_model;
    ClosesAt m_closesAt;
    Closed m_closed;
    QTimer m_timer;
    QDateTime m_next;
    QDateTime m_firedAt; // windows closed up to here have been told
};

} // namespace ringchat::models
