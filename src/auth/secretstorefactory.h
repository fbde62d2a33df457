// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/secretstore.h"

namespace ringchat::auth {

class AccountSettings;

// The keychain, or the unencrypted file when the user opted in in settings.
SecretStore *createSecretStore(const AccountSettings &settings, QObject *parent);

} // namespace ringchat::auth
