#include "auth/accountsettings.h"

#include <QSettings>

namespace ringchat::auth {

namespace {
const QString kServer = QStringLiteral("account/serverUrl");
const QString kUserId = QStringLiteral("account/userId");
const QString kUserName = QStringLiteral("account/userName");
const QString kUnencrypted = QStringLiteral("security/storeSessionUnencrypted");
}

AccountSettings::AccountSettings(QString filePath) : m_filePath(std::move(filePath)) { }

std::unique_ptr<QSettings> AccountSettings::open() const
{
    if (m_filePath.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_filePath, QSettings::IniFormat);
}

SavedAccount AccountSettings::lastAccount() const
{
    const auto s = open();
    return { s->value(kServer).toString(), s->value(kUserId).toString(), s->value(kUserName).toString() };
}

void AccountSettings::setLastAccount(const SavedAccount &account)
{
    const auto s = open();
    s->setValue(kServer, account.serverUrl);
    s->setValue(kUserId, account.userId);
    s->setValue(kUserName, account.userName);
}

void AccountSettings::clearLastAccount()
{
    const auto s = open();
    s->remove(QStringLiteral("account"));
}

bool AccountSettings::storeSessionUnencrypted() const
{
    return open()->value(kUnencrypted, false).toBool();
}

void AccountSettings::setStoreSessionUnencrypted(bool on)
{
    open()->setValue(kUnencrypted, on);
}

} // namespace ringchat::auth
