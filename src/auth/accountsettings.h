#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace ringchat::auth {

// The non-secret pointer to the last account, enough to find its refresh token
// in the secret store at the next start.
struct SavedAccount
{
    QString serverUrl;
    QString userId;
    QString userName;

    bool isValid() const { return !serverUrl.isEmpty() && !userId.isEmpty(); }
};

// Account and security settings in QSettings. An explicit file path is for tests
// and tools that must not touch the user's settings.
class AccountSettings
{
public:
    explicit AccountSettings(QString filePath = {});

    SavedAccount lastAccount() const;
    void setLastAccount(const SavedAccount &account);
    void clearLastAccount();

    // The opt-in for PlaintextSecretStore ("store the session unencrypted"); off by default.
    bool storeSessionUnencrypted() const;
    void setStoreSessionUnencrypted(bool on);

private:
    std::unique_ptr<QSettings> open() const;
    QString m_filePath;
};

} // namespace ringchat::auth
