// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editwindowtimer.h"

#include <QAbstractItemModel>

#include <algorithm>
#include <limits>
#include <utility>

namespace ringchat::models {

EditWindowTimer::EditWindowTimer(QAbstractItemModel *model, ClosesAt closesAt, Closed closed)
    : QObject(model)
    , m_model(model)
    , m_closesAt(std::move(closesAt))
    , m_closed(std::move(closed))
    , m_timer(this)
    , m_firedAt(QDateTime::currentDateTimeUtc())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    connect(&m_timer, &QTimer::timeout, this, &EditWindowTimer::fire);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { rowsChanged(first, last); });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) { rowsChanged(from.row(), to.row()); });
    // A reset or a move may hold anything: look at every row again.
    auto all = [this] {
        m_next = QDateTime();
        rowsChanged(0, m_model->rowCount() - 1);
    };
    connect(model, &QAbstractItemModel::modelReset, this, all);
    connect(model, &QAbstractItemModel::layoutChanged, this, all);
}

void EditWindowTimer::rowsChanged(int first, int last)
{
    QDateTime soonest;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = first; row <= last; ++row) {
        const QDateTime closes = m_closesAt(row);
        if (closes.isValid() && closes > now && (!soonest.isValid() || closes < soonest))
            soonest = closes;
    }
    schedule(soonest);
}

void EditWindowTimer::schedule(const QDateTime &closes)
{
    if (!closes.isValid() || (m_next.isValid() && m_next <= closes))
        return; // the timer fires sooner already (a removed row's firing only rescans)
    m_next = closes;
    const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(closes) + 1;
    m_timer.start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
}

void EditWindowTimer::fire()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime since = std::exchange(m_firedAt, now);
    m_next = QDateTime();
    QDateTime soonest;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QDateTime closes = m_closesAt(row);
        if (!closes.isValid())
            continue;
        if (closes > now) {
            if (!soonest.isValid() || closes < soonest)
                soonest = closes;
        } else if (closes > since) {
            m_closed(row);
        }
    }
    schedule(soonest);
}

} // namespace ringchat::models
