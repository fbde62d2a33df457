// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Unicode's emoji list (src/app/emojidata) and the picker's model (emojimodel):
// parsing emoji-test.txt, the search by name, the groups, and the installed file
// the app reads (Debian's unicode-data, which scripts/setup installs).
#include "app/emojidata.h"
#include "app/emojimodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace ringchat::app;
using emoji::Catalog;

namespace {

// The shape of the real file, cut down: both kinds of line, the statuses, a
// component group, a skin-tone variant, a ZWJ sequence and garbage.
const char kSample[] = R"(# emoji-test.txt
# Version: 15.0

# group: Smileys & Emotion

# subgroup: face-smiling
1F600                                                  ; fully-qualified     # 😀 E1.0 grinning face
1F602                                                  ; fully-qualified     # 😂 E0.6 face with tears of joy
263A FE0F                                              ; fully-qualified     # ☺️ E0.6 smiling face
263A                                                   ; unqualified         # ☺ E0.6 smiling face

# group: People & Body
1F44D                                                  ; fully-qualified     # 👍 E0.6 thumbs up
1F44D 1F3FB                                            ; fully-qualified     # 👍🏻 E1.0 thumbs up: light skin tone
1F9D1 200D 1F4BB                                       ; fully-qualified     # 🧑‍💻 E12.1 technologist
ZZZZ                                                   ; fully-qualified     # ? E1.0 broken line
1F44E                                                  ; fully-qualified
1F44F                                                  ; minimally-qualified # 👏 E0.6 clapping hands

# group: Component
1F3FB                                                  ; component           # 🏻 E1.0 light skin tone

# group: Symbols
2764 FE0F                                              ; fully-qualified     # ❤️ E0.6 red heart
#EOF
)";

QStringList texts(const EmojiModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, 0).data(EmojiModel::EmojiRole).toString());
    return out;
}

} // namespace

class TestEmoji : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheFullyQualifiedEmojiInOrder()
    {
        const Catalog catalog = Catalog::parse(kSample);
        QCOMPARE(catalog.groups(),
                 QStringList({ QStringLiteral("Smileys & Emotion"), QStringLiteral("People & Body"),
                               QStringLiteral("Symbols") }));
        QStringList names;
        for (const emoji::Emoji &e : catalog.all())
            names.append(e.name);
        // Skin-tone variants, components, unqualified forms and broken lines are left out.
        QCOMPARE(names,
                 QStringList({ "grinning face", "face with tears of joy", "smiling face", "thumbs up",
                               "technologist", "red heart" }));
        QCOMPARE(catalog.all().at(0).text, QString::fromUcs4(U"\U0001F600", 1));
        QCOMPARE(catalog.all().at(2).text, QString::fromUcs4(U"\u263A\uFE0F", 2)); // with its selector
        QCOMPARE(catalog.all().at(4).text, QString::fromUcs4(U"\U0001F9D1\u200D\U0001F4BB", 3));
        QCOMPARE(catalog.all().at(3).group, 1);
        QCOMPARE(catalog.all().at(5).group, 2);
        QCOMPARE(catalog.nameOf(QString::fromUcs4(U"\U0001F44D", 1)), QStringLiteral("thumbs up"));
        QCOMPARE(catalog.byName(QStringLiteral("Red Heart")), QString::fromUcs4(U"\u2764\uFE0F", 2));
        QCOMPARE(catalog.nameOf(QStringLiteral("x")), QString());
    }

    void badInputGivesAnEmptyCatalog()
    {
        QVERIFY(Catalog::parse("").isEmpty());
        QVERIFY(Catalog::parse("1F600 ; fully-qualified # 😀 E1.0 grinning face").isEmpty()); // no group
        QVERIFY(Catalog::parse(QByteArray(1000, '\0')).isEmpty());
        QVERIFY(Catalog::load(QStringLiteral("/nonexistent/emoji-test.txt")).isEmpty());
    }

    void searchMatchesWordStartsInNames()
    {
        const Catalog catalog = Catalog::parse(kSample);
        EmojiModel model(&catalog);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &EmojiModel::countChanged);
        QCOMPARE(model.group(), 0);
        QCOMPARE(model.rowCount(), 3); // the first group
        model.setFilterText(QStringLiteral("thumb"));
        QCOMPARE(texts(model), QStringList({ QString::fromUcs4(U"\U0001F44D", 1) }));
        QVERIFY(counted.size() > 0);
        model.setFilterText(QStringLiteral("  FACE  joy "));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(EmojiModel::NameRole).toString(),
                 QStringLiteral("face with tears of joy"));
        QCOMPARE(model.index(0, 0).data(EmojiModel::GroupRole).toString(),
                 QStringLiteral("Smileys & Emotion"));
        model.setFilterText(QStringLiteral("face")); // every group
        QCOMPARE(model.rowCount(), 3);
        model.setFilterText(QStringLiteral("ace")); // starts of words only
        QCOMPARE(model.rowCount(), 0);
        model.setFilterText(QStringLiteral("heart"));
        QCOMPARE(model.emojiAt(0), QString::fromUcs4(U"\u2764\uFE0F", 2));
        QCOMPARE(model.emojiAt(1), QString());
    }

    void groupsNarrowTheList()
    {
        const Catalog catalog = Catalog::parse(kSample);
        EmojiModel model(&catalog);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.groups().size(), 3);
        QCOMPARE(model.groupIcons().at(1), QString::fromUcs4(U"\U0001F44D", 1));
        model.setGroup(1);
        QCOMPARE(model.rowCount(), 2);
        model.setGroup(2);
        QCOMPARE(model.rowCount(), 1);
        model.setGroup(-1);
        QCOMPARE(model.rowCount(), 6);
        model.setGroup(99); // clamped to the last group
        QCOMPARE(model.group(), 2);
    }

    void quickReactionsAndSpokenNamesComeFromTheData()
    {
        const Catalog catalog = Catalog::parse(kSample);
        // Only those the data has: thumbs up, red heart, face with tears of joy.
        QCOMPARE(Emojis::quickReactions(catalog).size(), 3);
        QCOMPARE(Emojis::quickReactions(catalog).first(), QString::fromUcs4(U"\U0001F44D", 1));
        QCOMPARE(Emojis::spokenName(catalog, QString::fromUcs4(U"\U0001F44D", 1)),
                 QStringLiteral("Thumbs up"));
        QCOMPARE(Emojis::spokenName(catalog, QStringLiteral("?")), QStringLiteral("?"));
    }

    // The file the app reads on this machine (unicode-data, from scripts/setup).
    void theInstalledDataIsComplete()
    {
        const QString path = Catalog::dataFilePath();
        QVERIFY2(QFile::exists(path), "emoji-test.txt not found: install unicode-data (scripts/setup)");
        const Catalog &catalog = *Catalog::installed().result(); // waits for the worker
        QVERIFY2(catalog.all().size() > 1500, qPrintable(QString::number(catalog.all().size())));
        QVERIFY(catalog.groups().contains(QStringLiteral("Flags")));
        QVERIFY(!catalog.groups().contains(QStringLiteral("Component")));
        QCOMPARE(Emojis().quickReactions().size(), 6);
        for (const emoji::Emoji &e : catalog.all())
            QVERIFY2(e.text.toUtf8().size() <= 32, qPrintable(e.name)); // the contract's limit
        EmojiModel model;
        model.setFilterText(QStringLiteral("thumbs up"));
        QCOMPARE(model.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEmoji)

#include "tst_emoji.moc"
