// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/logging.h"

namespace ringchat::net {
Q_LOGGING_CATEGORY(lcNet, "ringchat.net")
}
