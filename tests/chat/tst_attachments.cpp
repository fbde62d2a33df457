// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Files (contract v2) against the real reference server, with real SQLite caches: the
// engine uploads a message's files (typed from their content) and sends it once, the
// other client receives it and downloads each file with its sha256 checked; a file
// queued offline is copied first (deleting the original loses nothing); a refused
// or tampered download leaves no file. And the CLI: send --file, history, tail,
// download (exit 2 for an id never seen, 5 refused, 1 on a hash mismatch, no file
// left), 25 MiB + 1 byte refused before anything is sent, and the server killed
// mid-upload: after a restart exactly one message and one file.
#include "chatclient.h"
#include "clirunner.h"
#include "referenceserver.h"

#include "api/filetransfer.h"
#include "chat/chataccount.h"
#include "chat/connectionmanager.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using chat::ChatService;

namespace {
const QString kGroup = QStringLiteral("group-ring");
constexpr int kWait = 30000; // generous: a slow shared 2-core machine

QProcessEnvironment serverEnv()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("10000"));
    env.insert(QStringLiteral("MESSAGE_RATE_BURST"), QStringLiteral("10000"));
    env.insert(QStringLiteral("MESSAGE_RATE_PER_SEC"), QStringLiteral("10000"));
    return env;
}

QString sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

// A real PNG under a name that says nothing of its type.
QString writePng(const QString &path, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    if (!image.save(path, "PNG"))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QString writeRandom(const QString &path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        const qint64 n = std::min<qint64>(left, chunk.size());
        f.write(chunk.constData(), n);
        left -= n;
    }
    return path;
}

QString writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool waitSynced(ChatClient &c)
{
    return QTest::qWaitFor([&] { return c->isSynced(); }, kWait);
}

// The server's count of rows `where` in `table`.
int serverCount(const ReferenceServer &server, const QString &table, const QString &where)
{
    return server.sql(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(table, where)).trimmed().toInt();
}

QJsonObject lastJson(const CliResult &r)
{
    const QStringList lines = r.lines();
    return lines.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(lines.last().toUtf8()).object();
}

// Downloads `a` through `rest` into `target`; the finished transfer's error.
api::ApiError download(api::RestClient *rest, const api::Attachment &a, const QString &target)
{
    api::FileDownload d(rest, a, target);
    QSignalSpy done(&d, &api::FileTransfer::finished);
    d.start();
    if (!done.wait(kWait))
        return { api::ApiError::Kind::Timeout, 0, {}, QStringLiteral("the test waited too long"), 0 };
    return d.error();
}
} // namespace

class TestAttachments : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_temporary = std::make_unique<QTemporaryDir>(); // each test its own folders
        QVERIFY(m_temporary->isValid());
        m_server = std::make_unique<ReferenceServer>(serverEnv(),
                                                     QString::fromLatin1(QTest::currentTestFunction()));
        QVERIFY(m_server->start());
    }
    void cleanup()
    {
        m_server.reset();
        m_temporary.reset();
    }

    // Upload, send, receive on a second client, download, check the hash.
    void engineSendsFilesOnceAndTheOtherClientDownloadsThem()
    {
        ChatService::Options options = ChatClient::fastOptions();
        options.filesDirectory = m_temporary->filePath(QStringLiteral("alice-files"));
        ChatClient alice(m_server->url(), QStringLiteral("alice"),
                         { m_server->token(QStringLiteral("alice")) },
                         m_temporary->filePath(QStringLiteral("alice")), options);
        ChatClient bob(m_server->url(), QStringLiteral("bob"), { m_server->token(QStringLiteral("bob")) },
                       m_temporary->filePath(QStringLiteral("bob")));
        alice->openConversation(kGroup);
        bob->openConversation(kGroup);
        alice->start();
        bob->start();
        QVERIFY(waitSynced(alice) && waitSynced(bob));

        const QString png = writePng(m_temporary->filePath(QStringLiteral("holiday.dat")), 800, 600);
        const QString log
            = writeText(m_temporary->filePath(QStringLiteral("build.log")), "line one\nline two\n");
        QSignalSpy delivered(alice.service.get(), &ChatService::messageDelivered);
        QSignalSpy progress(alice.service.get(), &ChatService::uploadProgress);
        QSignalSpy received(bob.service.get(), &ChatService::messageReceived);
        const QString clientId = alice->sendMessageWithFiles(kGroup, QString(), { png, log });
        QVERIFY(!clientId.isEmpty());
        // The pending row shows the files at once.
        const auto pending = alice->messages(kGroup).last();
        QCOMPARE(pending.clientId, clientId);
        QCOMPARE(pending.attachments.size(), 2);
        QCOMPARE(pending.attachments.at(0).name, QStringLiteral("holiday.dat"));

        QVERIFY(delivered.wait(kWait));
        const api::Message stored = delivered.first().at(1).value<api::Message>();
        QCOMPARE(stored.content, QString());
        QCOMPARE(stored.attachments.size(), 2);
        const api::Attachment image = stored.attachments.at(0);
        QCOMPARE(image.mimeType, QStringLiteral("image/png")); // from its content, not its name
        QCOMPARE(image.name, QStringLiteral("holiday.dat"));
        QCOMPARE(image.width, 800);
        QCOMPARE(image.height, 600);
        QVERIFY(image.hasThumbnail);
        QCOMPARE(image.sha256, sha256Of(png));
        QCOMPARE(stored.attachments.at(1).mimeType, QStringLiteral("text/plain"));
        QCOMPARE(stored.attachments.at(1).sha256, sha256Of(log));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(2).toLongLong(), progress.last().at(3).toLongLong()); // all sent
        // Once acked, the copies go.
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(options.filesDirectory + u'/' + clientId).exists(), kWait);
        QCOMPARE(serverCount(*m_server, QStringLiteral("messages"),
                             QStringLiteral("clientId = '%1'").arg(clientId)),
                 1);
        QCOMPARE(serverCount(*m_server, QStringLiteral("files"),
                             QStringLiteral("messageId = '%1'").arg(stored.id)),
                 2);

        // Bob receives it, knows its files, and downloads each with its hash checked.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(received.cbegin(), received.cend(),
                                             [&](const QList<QVariant> &args) {
                                                 return args.at(0).value<api::Message>().id == stored.id;
                                             }),
                                 kWait);
        std::optional<api::Attachment> known;
        bool answered = false;
        bob->findAttachment(image.id, [&](const std::optional<api::Attachment> &a) {
            known = a;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, kWait);
        QCOMPARE(known, image);
        const QString target = m_temporary->filePath(QStringLiteral("downloaded.png"));
        const api::ApiError error = download(bob->rest(), image, target);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(sha256Of(target), image.sha256);
    }

    // A file queued while the server is down is copied first: deleting the original
    // loses nothing, and the message goes out once when the server is back.
    void fileQueuedOfflineSurvivesTheOriginalsDeletion()
    {
        ChatService::Options options = ChatClient::fastOptions();
        options.filesDirectory = m_temporary->filePath(QStringLiteral("alice-files"));
        ChatClient alice(m_server->url(), QStringLiteral("alice"),
                         { m_server->token(QStringLiteral("alice")) },
                         m_temporary->filePath(QStringLiteral("alice")), options);
        alice->start();
        QVERIFY(waitSynced(alice));
        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!alice->isSynced(), kWait);

        const QString original = writeRandom(m_temporary->filePath(QStringLiteral("report.bin")), 300 * 1024);
        const QString sha = sha256Of(original);
        const QString clientId
            = alice->sendMessageWithFiles(kGroup, QStringLiteral("the report"), { original });
        QVERIFY(!clientId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            !QDir(options.filesDirectory + u'/' + clientId).entryList(QDir::Files).isEmpty(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 1, kWait);
        QVERIFY(QFile::remove(original));

        QSignalSpy delivered(alice.service.get(), &ChatService::messageDelivered);
        QVERIFY(m_server->start());
        QVERIFY(delivered.wait(kWait));
        const api::Message stored = delivered.first().at(1).value<api::Message>();
        QCOMPARE(stored.attachments.size(), 1);
        QCOMPARE(stored.attachments.first().sha256, sha);
        QCOMPARE(stored.attachments.first().name, QStringLiteral("report.bin"));
        QCOMPARE(serverCount(*m_server, QStringLiteral("messages"),
                             QStringLiteral("clientId = '%1'").arg(clientId)),
                 1);
        QCOMPARE(serverCount(*m_server, QStringLiteral("files"), QStringLiteral("1")), 1);
    }

    // Not a participant: the upload is a failed send with the server's sentence, and a
    // download is refused (403) with no file left; bytes that do not match the sha256
    // leave no file either.
    void refusedAndTamperedTransfersLeaveNothing()
    {
        ChatClient bob(m_server->url(), QStringLiteral("bob"), { m_server->token(QStringLiteral("bob")) },
                       m_temporary->filePath(QStringLiteral("bob")));
        bob->start();
        QVERIFY(waitSynced(bob));
        QSignalSpy failed(bob.service.get(), &ChatService::messageFailed);
        const QString file = writeText(m_temporary->filePath(QStringLiteral("secret.txt")), "not for you\n");
        QVERIFY(!bob->sendMessageWithFiles(QStringLiteral("dm-alice-carol"), QString(), { file }).isEmpty());
        QVERIFY(failed.wait(kWait));
        QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("FORBIDDEN")),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(serverCount(*m_server, QStringLiteral("files"), QStringLiteral("1")), 0);

        // Alice's file in a conversation bob is not in.
        const CliResult sent = runCli(
            m_server->url(), m_server->token(QStringLiteral("alice")),
            m_temporary->filePath(QStringLiteral("alice-cli")),
            { QStringLiteral("send"), QStringLiteral("dm-alice-carol"), QStringLiteral("--file"), file });
        QVERIFY2(sent.exitCode == 0, qPrintable(sent.err));
        const auto attachment = api::Attachment::fromJson(
            lastJson(sent).value(QStringLiteral("attachments")).toArray().at(0).toObject());
        QVERIFY(attachment);
        const QString target = m_temporary->filePath(QStringLiteral("out/secret.txt"));
        QVERIFY(QDir().mkpath(m_temporary->filePath(QStringLiteral("out"))));
        api::ApiError error = download(bob->rest(), *attachment, target);
        QCOMPARE(error.kind, api::ApiError::Kind::Http);
        QCOMPARE(error.httpStatus, 403);
        QCOMPARE(QDir(m_temporary->filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList());

        // The same file for alice, but metadata whose sha256 is not its bytes'.
        ChatClient alice(m_server->url(), QStringLiteral("alice"),
                         { m_server->token(QStringLiteral("alice")) },
                         m_temporary->filePath(QStringLiteral("alice")));
        api::Attachment wrong = *attachment;
        wrong.sha256 = QString(64, u'0');
        error = download(alice->rest(), wrong, target);
        QCOMPARE(error.kind, api::ApiError::Kind::Integrity);
        QCOMPARE(QDir(m_temporary->filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList());
        error = download(alice->rest(), *attachment, target);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(sha256Of(target), attachment->sha256);
    }

    // The CLI: send --file (typed from content, text optional), history and tail show the
    // attachments, download checks the hash; an id never seen is a usage error.
    void cliSendsShowsAndDownloads()
    {
        const QString alice = m_server->token(QStringLiteral("alice"));
        const QString bob = m_server->token(QStringLiteral("bob"));
        const QString aliceDir = m_temporary->filePath(QStringLiteral("alice-cli"));
        const QString bobDir = m_temporary->filePath(QStringLiteral("bob-cli"));
        // Bob follows the conversation while alice sends.
        QProcess tail;
        startCli(tail, m_server->url(), bob, bobDir, { QStringLiteral("tail"), kGroup });
        QVERIFY(tail.waitForStarted());
        QByteArray tailErr;
        QTRY_VERIFY_WITH_TIMEOUT((tailErr += tail.readAllStandardError()).contains("Connected."), kWait);

        const QString png = writePng(m_temporary->filePath(QStringLiteral("chart.txt")), 64, 32);
        const QString notes = writeText(m_temporary->filePath(QStringLiteral("notes.md")), "# Notes\n");
        const CliResult sent = runCli(m_server->url(), alice, aliceDir,
                                      { QStringLiteral("send"), kGroup, QStringLiteral("--file"), png,
                                        QStringLiteral("--file"), notes });
        QCOMPARE(sent.exitCode, 0);
        const QJsonArray files = lastJson(sent).value(QStringLiteral("attachments")).toArray();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0)[QStringLiteral("mimeType")].toString(), QStringLiteral("image/png"));
        QCOMPARE(files.at(0)[QStringLiteral("width")].toInt(), 64);
        const QString imageId = files.at(0)[QStringLiteral("id")].toString();

        QByteArray tailed;
        QTRY_VERIFY_WITH_TIMEOUT((tailed += tail.readAllStandardOutput()).contains(imageId.toUtf8()), kWait);
        QJsonObject event;
        for (const QByteArray &line : tailed.trimmed().split('\n'))
            if (line.contains(imageId.toUtf8()) && line.contains("\"event\":\"message_received\""))
                event = QJsonDocument::fromJson(line).object();
        tail.terminate();
        tail.waitForFinished(10000);
        QCOMPARE(event[QStringLiteral("event")].toString(), QStringLiteral("message_received"));
        QCOMPARE(event[QStringLiteral("data")][QStringLiteral("attachments")].toArray(), files);

        // A fresh data dir has never seen the id: a usage error, nothing fetched.
        const QString freshDir = m_temporary->filePath(QStringLiteral("fresh"));
        CliResult r = runCli(m_server->url(), bob, freshDir, { QStringLiteral("download"), imageId });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("No attachment")), qPrintable(r.err));

        r = runCli(m_server->url(), bob, freshDir,
                   { QStringLiteral("history"), kGroup, QStringLiteral("--limit"), QStringLiteral("1") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(lastJson(r).value(QStringLiteral("attachments")).toArray(), files);
        const QString out = m_temporary->filePath(QStringLiteral("bob-downloads"));
        QVERIFY(QDir().mkpath(out));
        r = runCli(m_server->url(), bob, freshDir,
                   { QStringLiteral("download"), imageId, QStringLiteral("--output"), out });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString saved = lastJson(r).value(QStringLiteral("path")).toString();
        QCOMPARE(saved, QDir(out).filePath(QStringLiteral("chart.txt")));
        QCOMPARE(sha256Of(saved), sha256Of(png));
    }

    // 25 MiB + 1 byte is refused before anything goes out; exactly 25 MiB is sent.
    void cliRefusesOversizeBeforeUpload()
    {
        const QString alice = m_server->token(QStringLiteral("alice"));
        const QString dir = m_temporary->filePath(QStringLiteral("alice-cli"));
        const QString big
            = writeRandom(m_temporary->filePath(QStringLiteral("big.bin")), api::kMaxAttachmentBytes + 1);
        const int messagesBefore = serverCount(*m_server, QStringLiteral("messages"), QStringLiteral("1"));
        CliResult r = runCli(
            m_server->url(), alice, dir,
            { QStringLiteral("send"), kGroup, QStringLiteral("too big"), QStringLiteral("--file"), big });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("big.bin is 26,214,401 bytes; a file may be at most 25 MiB")),
                 qPrintable(r.err));
        QCOMPARE(serverCount(*m_server, QStringLiteral("files"), QStringLiteral("1")), 0);
        QCOMPARE(serverCount(*m_server, QStringLiteral("messages"), QStringLiteral("1")), messagesBefore);
        // Nothing was queued either: the next send sends only itself.
        QVERIFY(QFile::resize(big, api::kMaxAttachmentBytes));
        r = runCli(m_server->url(), alice, dir,
                   { QStringLiteral("send"), kGroup, QStringLiteral("--file"), big });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines().size(), 1);
        QCOMPARE(lastJson(r)[QStringLiteral("attachments")][0][QStringLiteral("size")].toInteger(),
                 api::kMaxAttachmentBytes);
        QCOMPARE(serverCount(*m_server, QStringLiteral("messages"), QStringLiteral("1")), messagesBefore + 1);
    }

    // Not a participant: the upload exits 5, and so does the download of a file whose
    // message is gone; bytes that do not match the sha256 exit 1 and leave no file.
    void cliRefusedAndMismatchedDownloads()
    {
        const QString alice = m_server->token(QStringLiteral("alice"));
        const QString bob = m_server->token(QStringLiteral("bob"));
        const QString bobDir = m_temporary->filePath(QStringLiteral("bob-cli"));
        const QString file = writeText(m_temporary->filePath(QStringLiteral("plan.txt")), "the plan\n");
        CliResult r = runCli(
            m_server->url(), bob, bobDir,
            { QStringLiteral("send"), QStringLiteral("dm-alice-carol"), QStringLiteral("--file"), file });
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("FORBIDDEN")), qPrintable(r.err));

        r = runCli(
            m_server->url(), alice, m_temporary->filePath(QStringLiteral("alice-cli")),
            { QStringLiteral("send"), kGroup, QStringLiteral("plan"), QStringLiteral("--file"), file });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject sent = lastJson(r);
        const QJsonObject meta = sent[QStringLiteral("attachments")][0].toObject();
        const QString id = meta[QStringLiteral("id")].toString();
        QCOMPARE(runCli(m_server->url(), bob, bobDir, { QStringLiteral("history"), kGroup }).exitCode, 0);

        // The stored bytes changed behind the server's back: same size, other content.
        const QString sha = meta[QStringLiteral("sha256")].toString();
        const QString blob = m_server->database() + QStringLiteral(".files/") + sha.left(2) + u'/' + sha;
        QVERIFY(QFile::exists(blob));
        writeText(blob, "the PLAN\n");
        const QString out = m_temporary->filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        r = runCli(m_server->url(), bob, bobDir,
                   { QStringLiteral("download"), id, QStringLiteral("--output"), out });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("sha256")), qPrintable(r.err));
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden), QStringList());

        // Deleted: its file answers 404, a refusal.
        r = runCli(m_server->url(), alice, m_temporary->filePath(QStringLiteral("alice-cli")),
                   { QStringLiteral("delete"), kGroup, sent[QStringLiteral("id")].toString() });
        QCOMPARE(r.exitCode, 0);
        r = runCli(m_server->url(), bob, bobDir,
                   { QStringLiteral("download"), id, QStringLiteral("--output"), out });
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    // SIGKILL while a large file uploads, then the CLI runs again: exactly one message
    // and one file on the server.
    void cliServerKilledMidUpload()
    {
        const QString alice = m_server->token(QStringLiteral("alice"));
        const QString dir = m_temporary->filePath(QStringLiteral("alice-cli"));
        const QString big = writeRandom(m_temporary->filePath(QStringLiteral("video.bin")), 24 * 1024 * 1024);
        const QString sha = sha256Of(big);

        QProcess send;
        QProcessEnvironment env = cliEnvironment(dir);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ringchat.api.files.info=true"));
        send.setProcessEnvironment(env);
        send.start(QStringLiteral(RINGCHAT_CHAT_CLI),
                   serverAndToken(m_server->url(), alice)
                       + QStringList { QStringLiteral("--timeout"), QStringLiteral("3"),
                                       QStringLiteral("send"), kGroup, QStringLiteral("the video"),
                                       QStringLiteral("--file"), big });
        QVERIFY(send.waitForStarted());
        // Frozen the moment the upload starts (its bytes stall in the socket), then killed.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += send.readAllStandardError()).contains("upload starts"), kWait);
        m_server->pause();
        QTest::qWait(300);
        m_server->kill();
        QVERIFY(send.waitForFinished(kWait));
        QCOMPARE(send.exitCode(), 4); // the server is gone: it stays queued
        QVERIFY(!send.readAllStandardOutput().contains("the video"));

        QVERIFY(m_server->start());
        QCOMPARE(serverCount(*m_server, QStringLiteral("messages"), QStringLiteral("content = 'the video'")),
                 0);
        // The next run sends what the last one left, from the copy, with the same key.
        QVERIFY(QFile::remove(big));
        const CliResult r = runCli(m_server->url(), alice, dir,
                                   { QStringLiteral("send"), kGroup, QStringLiteral("after") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines().size(), 2);
        QCOMPARE(serverCount(*m_server, QStringLiteral("messages"), QStringLiteral("content = 'the video'")),
                 1);
        QCOMPARE(serverCount(*m_server, QStringLiteral("files"), QStringLiteral("1")), 1);
        QCOMPARE(m_server->sql(QStringLiteral("SELECT sha256 FROM files")).trimmed(), sha);
        // The copy went with the ack.
        const QString files = chat::ChatAccount::filesDirectoryOf(
            store::ChatStore::databasePath(m_server->url(), QStringLiteral("alice"), dir));
        QVERIFY(QDir(files).exists());
        QTRY_COMPARE_WITH_TIMEOUT(QDir(files).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList(),
                                  kWait);
    }

private:
    std::unique_ptr<QTemporaryDir> m_temporary;
    std::unique_ptr<ReferenceServer> m_server;
};

QTEST_GUILESS_MAIN(TestAttachments)
#include "tst_attachments.moc"
