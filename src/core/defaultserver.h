// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The server the app and the CLI use when none is given: the local reference server
// that ./scripts/run starts (server/README.md).

#include <QString>

namespace ringchat {

inline QString defaultServerUrl()
{
    return QStringLiteral("http://127.0.0.1:3000");
}

} // namespace ringchat
