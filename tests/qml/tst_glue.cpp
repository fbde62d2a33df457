// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The C++ of the QML module (src/app) without an engine: the conversation filter
// (list search and the Ctrl+K switcher), the link opener's refusal of anything but
// http(s), and the settings. Session and CurrentConversation against a real server:
// tests/app/tst_session.cpp.
#include "app/conversationfilter.h"
#include "app/currentconversation.h"
#include "app/desktop.h"
#include "app/proxysettings.h"
#include "app/session.h"
#include "app/settings.h"
#include "app/spellcheck.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(RingChatPlugin)

using namespace ringchat::app;

class TestGlue : public QObject
{
    Q_OBJECT

private:
    static QStandardItemModel *makeSource(QObject *parent)
    {
        auto *model = new QStandardItemModel(parent);
        model->setItemRoleNames({ { Qt::UserRole + 1, "conversationId" }, { Qt::UserRole + 2, "title" } });
        const QList<QPair<QString, QString>> rows {
            { QStringLiteral("dm-bob"), QStringLiteral("Bob Example") },
            { QStringLiteral("dm-zoe"), QStringLiteral("Zoë Ångström") },
            { QStringLiteral("group"), QStringLiteral("Ring team") }
        };
        for (const auto &[id, title] : rows) {
            auto *item = new QStandardItem;
            item->setData(id, Qt::UserRole + 1);
            item->setData(title, Qt::UserRole + 2);
            model->appendRow(item);
        }
        return model;
    }

private slots:
    void filterMatchesTitlesIgnoringCaseAndAccents()
    {
        ConversationFilter filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(makeSource(&filter));
        QCOMPARE(filter.count(), 3);
        filter.setFilterText(QStringLiteral("zoe"));
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.get(0, QStringLiteral("conversationId")).toString(), QStringLiteral("dm-zoe"));
        filter.setFilterText(QStringLiteral("  ANGSTROM "));
        QCOMPARE(filter.count(), 1);
        filter.setFilterText(QStringLiteral("e"));
        QCOMPARE(filter.count(), 3);
        filter.setFilterText(QStringLiteral("team"));
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.get(0, QStringLiteral("title")).toString(), QStringLiteral("Ring team"));
        filter.setFilterText(QStringLiteral("nobody"));
        QCOMPARE(filter.count(), 0);
        QVERIFY(!filter.get(0, QStringLiteral("title")).isValid());
        filter.setFilterText(QString());
        QCOMPARE(filter.count(), 3);
    }

    void filterFollowsTheSource()
    {
        ConversationFilter filter;
        auto *source = makeSource(&filter);
        filter.setSourceModel(source);
        filter.setFilterText(QStringLiteral("carol"));
        QCOMPARE(filter.count(), 0);
        auto *item = new QStandardItem;
        item->setData(QStringLiteral("dm-carol"), Qt::UserRole + 1);
        item->setData(QStringLiteral("Carol Example"), Qt::UserRole + 2);
        source->appendRow(item);
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.get(0, QStringLiteral("unknownRole")), QVariant());
    }

    void openLinkRefusesAnythingButHttp()
    {
        Desktop desktop(nullptr);
        // Refused before any browser is asked (true would mean it was handed on).
        QVERIFY(!desktop.openLink(QStringLiteral("javascript:alert(1)")));
        QVERIFY(!desktop.openLink(QStringLiteral("file:///etc/passwd")));
        QVERIFY(!desktop.openLink(QStringLiteral("ftp://example.org/x")));
        QVERIFY(!desktop.openLink(QStringLiteral("https://")));
        QVERIFY(!desktop.openLink(QStringLiteral("ringchat://open")));
        QVERIFY(!desktop.openLink(QStringLiteral("https://a.org/\u202Egnp.exe")));
    }

    void settingsAreValidatedAndKept()
    {
        Settings settings(nullptr);
        QCOMPARE(settings.themeMode(), ThemeMode::System);
        QCOMPARE(settings.serverUrl(),
                 QStringLiteral("http://127.0.0.1:3000")); // ringchat::defaultServerUrl()
        QSignalSpy themeChanged(&settings, &Settings::themeModeChanged);
        settings.setThemeMode(ThemeMode::Dark);
        settings.setThemeMode(ThemeMode::Dark);
        QCOMPARE(themeChanged.size(), 1);
        settings.setNotificationsEnabled(false);
        settings.setCloseToTray(true);
        QVERIFY(settings.formatMarkdown()); // on by default
        QSignalSpy markdownChanged(&settings, &Settings::formatMarkdownChanged);
        settings.setFormatMarkdown(false);
        settings.setFormatMarkdown(false);
        QCOMPARE(markdownChanged.size(), 1);
        settings.setLastConversationId(QStringLiteral("group-ring"));
        settings.setServerUrl(QStringLiteral("https://chat.example.org"));

        Settings again(nullptr);
        QCOMPARE(again.themeMode(), ThemeMode::Dark);
        QVERIFY(!again.notificationsEnabled());
        QVERIFY(again.closeToTray());
        QVERIFY(!again.formatMarkdown());
        QCOMPARE(again.lastConversationId(), QStringLiteral("group-ring"));
        QCOMPARE(again.serverUrl(), QStringLiteral("https://chat.example.org"));
        // The words scripts and the settings file use.
        QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(Settings::themeModeFromName(QStringLiteral("light")), ThemeMode::Light);
        QVERIFY(!Settings::themeModeFromName(QStringLiteral("purple")));
        QCOMPARE(Settings::themeModeName(ThemeMode::System), QStringLiteral("system"));
    }

    void proxyRefusesABadAddressAndKeepsAGoodOne()
    {
        Settings settings(nullptr);
        ProxySettings *proxy = settings.proxy();
        QSignalSpy applied(proxy, &ProxySettings::applied);
        QVERIFY(!proxy->set(QStringLiteral("manual"), QStringLiteral("ftp://proxy:21"), {}, {}));
        QVERIFY(!proxy->error().isEmpty());
        QCOMPARE(applied.size(), 0);
        QVERIFY(proxy->set(QStringLiteral("none"), {}, {}, {}));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(proxy->mode(), QStringLiteral("none"));
        QVERIFY(proxy->error().isEmpty());
        QCOMPARE(Settings(nullptr).proxy()->mode(), QStringLiteral("none"));
        QVERIFY(proxy->set(QStringLiteral("system"), {}, {}, {}));
    }

    // QML's singletons are the objects main() made, not copies the engine built.
    void qmlSeesTheExposedObjects()
    {
        Settings settings(nullptr);
        Session session(&settings, {});
        CurrentConversation current(&session, &settings);
        Desktop desktop(nullptr);
        QTemporaryDir dataDir;
        SpellCheck spellCheck(dataDir.path(), nullptr);
        Settings::exposeToQml(&settings);
        Session::exposeToQml(&session);
        CurrentConversation::exposeToQml(&current);
        Desktop::exposeToQml(&desktop);
        SpellCheck::exposeToQml(&spellCheck);
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData(
            "import QtQml\nimport RingChat\nQtObject {\n"
            "  property QtObject settings: Settings\n  property QtObject session: Session\n"
            "  property QtObject current: CurrentConversation\n  property QtObject desktop: Desktop\n"
            "  property QtObject spellCheck: SpellCheck\n"
            "  property int dark: ThemeMode.Dark\n}",
            QUrl());
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        QCOMPARE(object->property("settings").value<QObject *>(), &settings);
        QCOMPARE(object->property("session").value<QObject *>(), &session);
        QCOMPARE(object->property("current").value<QObject *>(), &current);
        QCOMPARE(object->property("desktop").value<QObject *>(), &desktop);
        QCOMPARE(object->property("spellCheck").value<QObject *>(), &spellCheck);
        QCOMPARE(object->property("dark").toInt(), int(ThemeMode::Dark));
    }

    void aSessionStartsSignedOut()
    {
        Settings settings(nullptr);
        Session session(&settings, {});
        QVERIFY(!session.isSignedIn());
        QVERIFY(!session.started());
        QCOMPARE(session.signInState(), SignInState::SignedOut);
        QCOMPARE(session.connectionState(), ConnectionState::Offline);
        QCOMPARE(session.service(), nullptr);
        QCOMPARE(session.conversations(), nullptr);
        QCOMPARE(session.unreadTotal(), 0);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("RingTest"));
    QCoreApplication::setApplicationName(QStringLiteral("ringchat-glue-test"));
    QStandardPaths::setTestModeEnabled(true); // settings in a test location, not the user's
    QGuiApplication app(argc, argv);
    QSettings().clear();
    TestGlue test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_glue.moc"
