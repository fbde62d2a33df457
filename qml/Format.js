// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
.pragma library
// Date and time texts shared by the delegates.

function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()
}

function isValid(date) {
    return date instanceof Date && !isNaN(date.getTime())
}

function time(date) {
    if (!isValid(date))
        return ""
    return Qt.formatTime(date, "HH:mm")
}

// The conversation list: the time today, the weekday this week, else the date.
function shortStamp(date, now) {
    if (!isValid(date))
        return ""
    now = now || new Date()
    if (sameDay(date, now))
        return time(date)
    const days = (now - date) / 86400000
    if (days < 6)
        return Qt.locale().dayName(date.getDay(), 1 /* Locale.ShortFormat */)
    return Qt.formatDate(date, Qt.locale().dateFormat(1 /* Locale.ShortFormat */))
}

// Day separators: "Today", "Yesterday", or the long date.
function dayLabel(date, now) {
    if (!isValid(date))
        return ""
    now = now || new Date()
    if (sameDay(date, now))
        return qsTr("Today")
    const yesterday = new Date(now.getTime() - 86400000)
    if (sameDay(date, yesterday))
        return qsTr("Yesterday")
    return date.toLocaleDateString(Qt.locale(), 0 /* Locale.LongFormat */)
}

function initials(name) {
    const parts = String(name || "").trim().split(/\s+/).filter(p => p.length > 0)
    if (parts.length === 0)
        return "?"
    if (parts.length === 1)
        return parts[0].substring(0, 1).toUpperCase()
    return (parts[0].substring(0, 1) + parts[parts.length - 1].substring(0, 1)).toUpperCase()
}
