// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace ringchat::auth {

// Reads the claims of a JWT without checking its signature. Only used for
// display data (user id and name) of tokens that came straight from the token
// endpoint over a checked connection (OpenID Connect Core 3.1.3.7, item 6);
// the chat server verifies every token it is given.
QJsonObject jwtClaims(const QString &jwt);

} // namespace ringchat::auth
