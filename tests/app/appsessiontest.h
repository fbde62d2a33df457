// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the app layer's tests against the reference server share: its demo
// conversations, how long to wait, and a main() with the settings and caches in a
// test location.

#include <QGuiApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTest>

namespace ringchat::testing {

inline const QString kDirect = QStringLiteral("dm-alice-bob");
inline const QString kGroup = QStringLiteral("group-ring");
constexpr int kWait = 20000; // generous: a slow shared 2-core machine

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
