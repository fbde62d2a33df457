// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The QML singleton Files against the reference server, as main() makes it (Session on
// a real cache file): a received file's AttachmentTransfer (its safe name, Download
// with progress to Done, checked), Save as, Open only when asked, an unknown id, the
// cache cap from Settings, and a restart that finds the file already held.
#include "appsessiontest.h"
#include "referenceserver.h"

#include "app/attachmenttransfer.h"
#include "app/files.h"
#include "app/session.h"
#include "app/settings.h"
#include "media/filecache.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using namespace ringchat::app;
using ringchat::testing::kGroup;
using ringchat::testing::kWait;

namespace {

struct App
{
    App(Settings *settings, const QString &token, const QString &dataDir)
        : session(settings, { token, dataDir })
        , files(&session, settings, nullptr)
    {
        files.setOpener([this](const QUrl &url) {
            opened.append(url);
            return true;
        });
        session.start();
    }
    Session session;
    Files files;
    QList<QUrl> opened;
};

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

// The id of the attachment of our message `clientId` once the server has it.
QString sentAttachmentId(chat::ChatService *service, const QString &clientId)
{
    for (const api::Message &m : service->messages(kGroup)) {
        if (m.clientId == clientId && !m.id.isEmpty() && !m.attachments.isEmpty())
            return m.attachments.first().id;
    }
    return {};
}

} // namespace

class TestFiles : public QObject
{
    Q_OBJECT

private slots:
    void downloadSaveAndOpenOnlyWhenAsked()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits(), QStringLiteral("app_files"));
        QVERIFY(server.start());
        QTemporaryDir data;
        Settings settings(nullptr);
        settings.setServerUrl(server.url().toString());
        const QString token = server.token(QStringLiteral("alice"));
        QString id;
        QString cachedPath;
        const QByteArray bytes = QByteArray("a line of a log\n").repeated(20000);
        {
            App app(&settings, token, data.path());
            QVERIFY(QTest::qWaitFor(
                [&] { return app.session.service() && app.session.service()->isSynced(); }, kWait));
            const QString source = data.filePath(QStringLiteral("report?.txt"));
            QFile f(source);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
            f.close();
            const QString clientId = app.session.service()->sendMessageWithFiles(kGroup, {}, { source });
            QVERIFY(!clientId.isEmpty());
            QVERIFY(QTest::qWaitFor(
                [&] { return !(id = sentAttachmentId(app.session.service(), clientId)).isEmpty(); }, kWait));

            auto *t = qobject_cast<AttachmentTransfer *>(app.files.transfer(id));
            QVERIFY(t);
            QCOMPARE(app.files.transfer(id), t); // one object per attachment
            QCOMPARE(t->state(), AttachmentTransfer::Idle);
            QTRY_COMPARE_WITH_TIMEOUT(t->fileName(), QStringLiteral("report_.txt"), kWait); // safeFileName

            QSignalSpy progress(t, &AttachmentTransfer::progressChanged);
            app.files.download(id);
            QCOMPARE(t->state(), AttachmentTransfer::Downloading);
            QTRY_COMPARE_WITH_TIMEOUT(t->state(), AttachmentTransfer::Done, kWait);
            QCOMPARE(t->progress(), 1.0);
            QVERIFY(!progress.isEmpty());
            cachedPath = t->localPath();
            QCOMPARE(sha256Of(cachedPath), sha256Of(source));
            QVERIFY(app.opened.isEmpty()); // downloading opens nothing

            QSignalSpy saved(&app.files, &Files::saved);
            const QString target = data.filePath(QStringLiteral("saved.txt"));
            app.files.saveAs(id, QUrl::fromLocalFile(target));
            QVERIFY(saved.wait(kWait));
            QCOMPARE(saved.first().at(1).toString(), target);
            QCOMPARE(sha256Of(target), sha256Of(source));
            QVERIFY(app.opened.isEmpty());

            app.files.open(id);
            QTRY_COMPARE_WITH_TIMEOUT(app.opened.size(), 1, kWait);
            QCOMPARE(app.opened.first(), QUrl::fromLocalFile(cachedPath));

            // An id no message carries fails with a sentence.
            auto *unknown
                = qobject_cast<AttachmentTransfer *>(app.files.transfer(QStringLiteral("f_neverseen")));
            app.files.download(QStringLiteral("f_neverseen"));
            QTRY_COMPARE_WITH_TIMEOUT(unknown->state(), AttachmentTransfer::Failed, kWait);
            QVERIFY(!unknown->error().isEmpty());
            QCOMPARE(app.opened.size(), 1);

            // The cap follows the setting.
            settings.setFileCacheMegabytes(60);
            QCOMPARE(app.files.cache()->capBytes(), 60LL * 1024 * 1024);
            settings.setFileCacheMegabytes(1); // below the floor
            QCOMPARE(settings.fileCacheMegabytes(), Settings::kMinFileCacheMegabytes);
        }
        // After a restart the file is held: Done without a download.
        App app(&settings, token, data.path());
        QVERIFY(QTest::qWaitFor([&] { return app.session.service() != nullptr; }, kWait));
        auto *t = qobject_cast<AttachmentTransfer *>(app.files.transfer(id));
        QTRY_COMPARE_WITH_TIMEOUT(t->state(), AttachmentTransfer::Done, kWait);
        QCOMPARE(t->localPath(), cachedPath);
        QVERIFY(app.opened.isEmpty());
    }
};

RINGCHAT_APP_TEST_MAIN(TestFiles, "ringchat-test-files")
#include "tst_files.moc"
