// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Contract v2's attachments: read alike on both of Message's parse paths, written back
// as the contract lists them, the 25 MiB sentence, and network file names made safe.

#include "api/attachment.h"
#include "api/safefilename.h"
#include "api/types.h"

#include <QJsonDocument>
#include <QTest>

using namespace ringchat::api;

namespace {

const QByteArray kSha = QByteArray(64, 'a');

QByteArray messageWith(const QByteArray &attachments, const QByteArray &content = "\"Look\"")
{
    return R"({"id":"m1","conversationId":"group-ring","seq":4,"rev":4,"clientId":"c1","senderId":"alice",)"
           R"("senderName":"Alice","content":)"
        + content + R"(,"format":"plain","type":"text","timestamp":"2026-11-27T07:00:24.246Z",)"
        + R"("reactions":[],"attachments":)" + attachments + R"(,"mentions":[]})";
}

// Both paths, which must agree on the value and on the sentence.
std::optional<Message> parse(const QByteArray &text, QString *error)
{
    QString viewError, qtError;
    const auto doc = ringchat::JsonDocument::parse(text);
    const auto viaView = doc ? Message::fromJson(doc->root(), &viewError) : std::nullopt;
    const auto viaQt = Message::fromJson(QJsonDocument::fromJson(text).object(), &qtError);
    if (viaView != viaQt || viewError != qtError)
        qFatal("the parse paths disagree: %s / %s", qPrintable(viewError), qPrintable(qtError));
    *error = qtError;
    return viaQt;
}

const QByteArray kImage = R"({"id":"f_1","name":"shot.png","size":1234,"mimeType":"image/png","sha256":")"
    + kSha + R"(","width":640,"height":480,"hasThumbnail":true})";
const QByteArray kFile = R"({"id":"f_2","name":"log.txt","size":0,"mimeType":"text/plain","sha256":")" + kSha
    + R"(","hasThumbnail":false})";

} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

private slots:
    void readsAndWritesAttachments()
    {
        QString error;
        const auto m = parse(messageWith("[" + kImage + "," + kFile + "]"), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->attachments.size(), 2);
        const Attachment &image = m->attachments.at(0);
        QCOMPARE(image.id, QStringLiteral("f_1"));
        QCOMPARE(image.name, QStringLiteral("shot.png"));
        QCOMPARE(image.size, 1234);
        QCOMPARE(image.mimeType, QStringLiteral("image/png"));
        QCOMPARE(image.sha256, QString::fromLatin1(kSha));
        QCOMPARE(image.width, 640);
        QCOMPARE(image.height, 480);
        QVERIFY(image.hasThumbnail);
        QVERIFY(!m->attachments.at(1).hasDimensions());
        // Written back with the contract's keys, in its order, and read again the same.
        const QJsonObject written = m->toJson();
        QCOMPARE(written.value(QStringLiteral("attachments")).toArray().at(0).toObject(),
                 QJsonDocument::fromJson(kImage).object());
        QCOMPARE(written.value(QStringLiteral("attachments"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .keys()
                     .contains(QStringLiteral("width")),
                 false);
        QCOMPARE(Message::fromJson(written), m);
        QCOMPARE(attachmentsFromJson(attachmentsToJson(m->attachments)), m->attachments);
    }

    void contentMayBeEmptyOnlyWithAttachments()
    {
        QString error;
        QVERIFY2(parse(messageWith("[" + kFile + "]", "\"\""), &error), qPrintable(error));
        QVERIFY(!parse(messageWith("[]", "\"\""), &error));
        QVERIFY(!parse(messageWith("[" + kFile + "]", "\"" + QByteArray(10001, 'x') + "\""), &error));
        // A v1 server's message has no attachments at all.
        QVERIFY(parse(messageWith("null"), &error));
    }

    void refusesBadAttachments_data()
    {
        QTest::addColumn<QByteArray>("attachments");
        QTest::addColumn<QString>("sentence");
        const auto with = [](const char *from, const char *to) {
            return "[" + QByteArray(kFile).replace(from, to) + "]";
        };
        QTest::newRow("not an array")
            << QByteArray("{}") << "Message: field \"attachments\" must be an array.";
        QTest::newRow("not an object") << QByteArray("[1]") << "Message: an attachment is not an object.";
        QTest::newRow("bad id") << with("f_2", "../etc")
                                << "Message attachment: field \"id\" is not a valid id.";
        QTest::newRow("negative size")
            << with("\"size\":0", "\"size\":-1")
            << "Message attachment: field \"size\" must be an integer of at least 0.";
        QTest::newRow("too large") << with("\"size\":0", "\"size\":26214401")
                                   << "Message attachment: the size is beyond the contract's limits.";
        QTest::newRow("upper-case sha")
            << "[" + QByteArray(kFile).replace(kSha, QByteArray(64, 'A')) + "]"
            << "Message attachment: field \"sha256\" must be 64 lowercase hex digits.";
        QTest::newRow("short sha") << "[" + QByteArray(kFile).replace(kSha, "abc") + "]"
                                   << "Message attachment: field \"sha256\" must be 64 lowercase hex digits.";
        QTest::newRow("no thumbnail flag")
            << with(",\"hasThumbnail\":false", "")
            << "Message attachment: field \"hasThumbnail\" must be true or false.";
        QTest::newRow("zero width")
            << with("\"hasThumbnail\"", "\"width\":0,\"hasThumbnail\"")
            << "Message attachment: field \"width\" must be an integer of at least 1.";
    }

    void refusesBadAttachments()
    {
        QFETCH(QByteArray, attachments);
        QFETCH(QString, sentence);
        QString error;
        QVERIFY(!parse(messageWith(attachments), &error));
        QCOMPARE(error, sentence);
    }

    void sizeLimitIsExactly25MiB()
    {
        QVERIFY(oversizeSentence(QStringLiteral("a.bin"), kMaxAttachmentBytes).isEmpty());
        const QString sentence = oversizeSentence(QStringLiteral("a.bin"), kMaxAttachmentBytes + 1);
        QVERIFY(sentence.startsWith(QStringLiteral("a.bin is ")));
        QVERIFY(sentence.contains(QStringLiteral("a file may be at most 25 MiB (")));
    }

    // Hostile names from the network, and what may be created from them.
    void safeFileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("safe");
        QTest::newRow("plain") << "report.pdf"
                               << "report.pdf";
        QTest::newRow("unicode") << "звіт 2026.pdf"
                                 << "звіт 2026.pdf";
        QTest::newRow("parent dirs") << "../../etc/passwd"
                                     << "passwd";
        QTest::newRow("windows path") << "..\\..\\Windows\\win.ini"
                                      << "win.ini";
        QTest::newRow("absolute") << "/etc/shadow"
                                  << "shadow";
        QTest::newRow("only dots") << ".."
                                   << "file";
        QTest::newRow("trailing slash") << "dir/"
                                        << "file";
        QTest::newRow("hidden") << ".bashrc"
                                << "bashrc";
        QTest::newRow("empty") << ""
                               << "file";
        QTest::newRow("CON") << "CON"
                             << "_CON";
        QTest::newRow("nul.txt") << "nul.txt"
                                 << "_nul.txt";
        QTest::newRow("com1 ext") << "Com1.tar.gz"
                                  << "_Com1.tar.gz";
        QTest::newRow("lpt9") << "lpt9"
                              << "_lpt9";
        QTest::newRow("not reserved") << "console.log"
                                      << "console.log";
        QTest::newRow("com10 not reserved") << "com10"
                                            << "com10";
        QTest::newRow("controls") << QStringLiteral("a\nb\tc\x01\x7f.txt") << "abc.txt";
        QTest::newRow("bidi override") << QStringLiteral("invoice\u202Egpj.exe") << "invoicegpj.exe";
        QTest::newRow("zero width") << QStringLiteral("a\u200Bb.txt") << "ab.txt";
        QTest::newRow("windows chars") << "a<b>c:d\"e|f?g*h.txt"
                                       << "a_b_c_d_e_f_g_h.txt";
        QTest::newRow("trailing dots and spaces") << "name.txt. . "
                                                  << "name.txt";
        QTest::newRow("leading spaces") << "   x.txt"
                                        << "x.txt";
        QTest::newRow("reserved after trim") << " nul . "
                                             << "_nul";
        const QString longStem = QString(300, u'a');
        QTest::newRow("overlong keeps extension") << longStem + ".png" << QString(251, u'a') + ".png";
        // 2 bytes a letter: 127 letters (254 bytes) fit, never half a letter.
        QTest::newRow("overlong multibyte") << QString(200, u'ж') << QString(127, u'ж');
        QTest::newRow("overlong emoji")
            << QString::fromUtf8("😀").repeated(100) + ".txt" << QString::fromUtf8("😀").repeated(62) + ".txt";
    }

    void safeFileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, safe);
        const QString out = safeFileName(name);
        QCOMPARE(out, safe);
        QVERIFY(out.toUtf8().size() <= 255);
        QVERIFY(!out.contains(u'/') && !out.contains(u'\\'));
        QCOMPARE(safeFileName(out), out); // already safe stays as it is
    }
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
