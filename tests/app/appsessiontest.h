// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the app layer's tests against the reference server share: its demo
// conversations, how long to wait, another user's account, and a main() with the
// settings and caches in a test location.

#include "auth/accesstokensource.h"
#include "chat/chataccount.h"
#include "referenceserver.h"

#include <QGuiApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTest>

namespace ringchat::testing {

inline const QString kDirect = QStringLiteral("dm-alice-bob");
inline const QString kGroup = QStringLiteral("group-ring");
constexpr int kWait = 20000; // generous: a slow shared 2-core machine

// Another user of the server (e.g. bob, who writes to the app's user), as their own
// client on another machine: no cache, no network watching. Not started.
struct OtherAccount
{
    OtherAccount(const ReferenceServer &server, const QString &userId)
        : tokens(server.token(userId))
        , account(options(server.url(), userId), &tokens)
    {
    }
    chat::ChatService *service() const { return account.service(); }

    static chat::ChatAccount::Options options(const QUrl &serverUrl, const QString &userId)
    {
        chat::ChatAccount::Options o;
        o.serverUrl = serverUrl;
        o.userId = userId;
        o.withCache = false;
        o.service.watchNetwork = false;
        return o;
    }

    auth::FixedTokenSource tokens;
    chat::ChatAccount account;
};

// Runs the test object's slots as the app `applicationName` with empty settings.
template <typename Test> int runAppTest(int argc, char *argv[], const QString &applicationName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("RingTest"));
    QCoreApplication::setApplicationName(applicationName);
    QStandardPaths::setTestModeEnabled(true); // settings and caches in a test location
    QGuiApplication app(argc, argv);
    QSettings().clear();
    Test test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace ringchat::testing

#define RINGCHAT_APP_TEST_MAIN(Test, applicationName)                                                        \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        return ringchat::testing::runAppTest<Test>(argc, argv, QStringLiteral(applicationName));             \
    }
