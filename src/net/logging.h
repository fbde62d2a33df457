// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <QLoggingCategory>

namespace ringchat::net {
Q_DECLARE_LOGGING_CATEGORY(lcNet) // "ringchat.net"
}
