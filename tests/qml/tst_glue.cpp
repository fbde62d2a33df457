// The C++ glue of the QML module: the conversation filter (list search and the
// Ctrl+K switcher) and the link opener's refusal of anything but http(s).
#include "appcontroller.h"
#include "conversationfilter.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QGuiApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using ringchat::ui::AppController;
using ringchat::ui::ConversationFilter;

class TestGlue : public QObject
{
    Q_OBJECT

private:
    static QStandardItemModel *makeSource(QObject *parent)
    {
        auto *model = new QStandardItemModel(parent);
        model->setItemRoleNames({ { Qt::UserRole + 1, "conversationId" }, { Qt::UserRole + 2, "title" } });
        const QList<QPair<QString, QString>> rows { { QStringLiteral("dm-bob"), QStringLiteral("Bob Example") },
                                                    { QStringLiteral("dm-zoe"), QStringLiteral("Zoë Ångström") },
                                                    { QStringLiteral("group"), QStringLiteral("Ring team") } };
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
        AppController controller({});
        // Refused before any browser is asked (true would mean it was handed on).
        QVERIFY(!controller.openLink(QStringLiteral("javascript:alert(1)")));
        QVERIFY(!controller.openLink(QStringLiteral("file:///etc/passwd")));
        QVERIFY(!controller.openLink(QStringLiteral("ftp://example.org/x")));
        QVERIFY(!controller.openLink(QStringLiteral("https://")));
        QVERIFY(!controller.openLink(QStringLiteral("ringchat://open")));
    }

    void settingsAreValidatedAndKept()
    {
        AppController controller({});
        controller.setThemeMode(QStringLiteral("dark"));
        QCOMPARE(controller.themeMode(), QStringLiteral("dark"));
        controller.setThemeMode(QStringLiteral("purple"));
        QCOMPARE(controller.themeMode(), QStringLiteral("dark"));
        controller.setNotificationsEnabled(false);
        AppController again({});
        QCOMPARE(again.themeMode(), QStringLiteral("dark"));
        QVERIFY(!again.notificationsEnabled());
        QVERIFY(!again.isSignedIn());
        QCOMPARE(again.connectionState(), QStringLiteral("offline"));
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
