// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/secretstorefactory.h"

#include "auth/accountsettings.h"
#include "auth/keychainsecretstore.h"
#include "auth/plaintextsecretstore.h"

namespace ringchat::auth {

SecretStore *createSecretStore(const AccountSettings &settings, QObject *parent)
{
    if (settings.storeSessionUnencrypted())
        return new PlaintextSecretStore(QString(), parent);
    return new KeychainSecretStore(parent);
}

} // namespace ringchat::auth
