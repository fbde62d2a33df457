// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The composer's spell checking, end to end on the real QML and the real dictionaries:
// the TextArea's document gets the underlines (format ranges on its blocks), the menu
// finds the misspelt word, a suggestion replaces it, "Add to dictionary" takes the
// underline off, and switching spell checking off takes them all away.
#include "app/spellcheck.h"
#include "spell/dictionaries.h"
#include "spell/spellchecker.h"
#include "underlinedwords.h"

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

Q_IMPORT_QML_PLUGIN(RingChatPlugin)

using namespace ringchat;

class TestSpellComposer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QStringList underlined(QQuickItem *input)
    {
        return underlinedWords(
            *input->property("textDocument").value<QQuickTextDocument *>()->textDocument());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void composerUnderlinesAndCorrects()
    {
        app::SpellCheck spellCheck(spell::findDictionaries(), { "en-US", "uk-UA" }, m_dir.path(), nullptr);
        QCOMPARE(spellCheck.languages(), (QStringList { "en_US", "uk_UA" }));
        QTRY_VERIFY_WITH_TIMEOUT(spellCheck.checker()->isReady(), 30000);

        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData("import RingChat\nComposer { width: 500; conversationId: \"c1\" }", QUrl());
        QQuickWindow window;
        std::unique_ptr<QQuickItem> composer(qobject_cast<QQuickItem *>(component.create()));
        QVERIFY2(composer, qPrintable(component.errorString()));
        composer->setParentItem(window.contentItem());
        composer->setProperty("spellCheck", QVariant::fromValue(static_cast<QObject *>(&spellCheck)));
        window.resize(600, 200);
        window.show();

        auto *input = composer->findChild<QQuickItem *>(QStringLiteral("composerInput"));
        auto *menu = composer->findChild<QObject *>(QStringLiteral("spellMenu"));
        QVERIFY(input && menu);
        input->setProperty("text", QStringLiteral("Hello wrold, привіт світе: це помилкка"));
        QTRY_COMPARE(underlined(input), (QStringList { "wrold", "помилкка" }));

        // The menu on the misspelt word, its suggestions, and a replacement.
        // QML functions take and return QVariants.
        const auto openAt = [menu](int position) {
            QVariant opened;
            QMetaObject::invokeMethod(menu, "openAt", Q_RETURN_ARG(QVariant, opened),
                                      Q_ARG(QVariant, position), Q_ARG(QVariant, QVariant()));
            return opened.toBool();
        };
        QVERIFY(openAt(8));
        QCOMPARE(menu->property("word").toString(), QStringLiteral("wrold"));
        QTRY_VERIFY_WITH_TIMEOUT(!menu->property("searching").toBool(), 30000);
        QVERIFY(menu->property("suggestions").toStringList().contains(QStringLiteral("world")));
        QMetaObject::invokeMethod(menu, "replace", Q_ARG(QVariant, QStringLiteral("world")));
        QCOMPARE(input->property("text").toString(),
                 QStringLiteral("Hello world, привіт світе: це помилкка"));
        QTRY_COMPARE(underlined(input), QStringList { "помилкка" });

        // Not on a misspelt word: no menu.
        QVERIFY(!openAt(2));

        // Add to dictionary.
        spellCheck.addToDictionary(QStringLiteral("помилкка"));
        QTRY_COMPARE(underlined(input), QStringList {});

        // Off and on again.
        input->setProperty("text", QStringLiteral("the wrold"));
        QTRY_COMPARE(underlined(input), QStringList { "wrold" });
        spellCheck.setEnabled(false);
        QTRY_COMPARE(underlined(input), QStringList {});
        spellCheck.setEnabled(true);
        QTRY_COMPARE(underlined(input), QStringList { "wrold" });
    }

    void choicesAreKept()
    {
        {
            app::SpellCheck spellCheck(spell::findDictionaries(), { "uk" }, m_dir.path(), nullptr);
            QCOMPARE(spellCheck.languages(), QStringList { "uk_UA" }); // the system's, not saved
            spellCheck.setLanguageChosen(QStringLiteral("en_US"), true);
            spellCheck.setLanguageChosen(QStringLiteral("uk_UA"), false);
            spellCheck.setEnabled(false);
        }
        app::SpellCheck again(spell::findDictionaries(), { "uk" }, m_dir.path(), nullptr);
        QCOMPARE(again.languages(), QStringList { "en_US" });
        QVERIFY(!again.isEnabled());
        // None chosen is a choice too.
        again.setLanguageChosen(QStringLiteral("en_US"), false);
        app::SpellCheck third(spell::findDictionaries(), { "uk" }, m_dir.path(), nullptr);
        QCOMPARE(third.languages(), QStringList {});
        const QVariantList available = third.availableLanguages();
        QVERIFY(std::any_of(available.begin(), available.end(), [](const QVariant &language) {
            return language.toMap().value("code") == "uk_UA"
                && language.toMap().value("name") == "українська";
        }));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("RingTest"));
    QCoreApplication::setApplicationName(QStringLiteral("ringchat-spell-composer-test"));
    QStandardPaths::setTestModeEnabled(true); // settings in a test location, not the user's
    QGuiApplication app(argc, argv);
    QSettings().clear();
    TestSpellComposer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_spell_composer.moc"
