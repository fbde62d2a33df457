// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The upload benchmark's client (bench/upload): the app's own upload path
// (api::FileUpload through RestClient: streamed multipart, Idempotency-Key, progress)
// sends one file RUNS times to a conversation, each with a new key, and prints one
// JSON line with each run's milliseconds from start() to the server's answer (a new
// connection each, as curl's; Qt's network thread already running, as in the app). It
// checks that every upload was answered with the file's size and sha256; it never
// judges speed (bench/upload compares it with curl).
//
//   RINGCHAT_TOKEN=... ringchat-bench-upload SERVER_URL CONVERSATION FILE [RUNS]
#include "api/filetransfer.h"
#include "api/restclient.h"
#include "auth/accesstokensource.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUuid>

#include <cstdio>

using namespace ringchat;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString token = qEnvironmentVariable("RINGCHAT_TOKEN");
    if (args.size() < 4 || token.isEmpty()) {
        std::fprintf(stderr,
                     "usage: RINGCHAT_TOKEN=... ringchat-bench-upload SERVER_URL CONVERSATION FILE [RUNS]\n");
        return 2;
    }
    const QUrl server(args[1]);
    const QString conversation = args[2];
    const QString path = args[3];
    const int runs = args.size() > 4 ? qMax(1, args[4].toInt()) : 5;

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "upload: cannot read %s\n", qPrintable(path));
        return 2;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    const QString sha256 = QString::fromLatin1(hash.result().toHex());
    const qint64 size = QFileInfo(path).size();

    auth::FixedTokenSource tokens(token);
    api::RestClient rest(server, &tokens);
    // The app has always talked to the server before it uploads, so Qt's network thread
    // is running: start it here too (GET /api/me, as a sign-in does), outside the clock.
    // Each timed upload still opens its own connection, as curl's does.
    const auto warm = rest.me();
    while (!warm.isFinished())
        app.processEvents(QEventLoop::WaitForMoreEvents);
    QJsonArray times;
    bool ok = true;
    for (int run = 0; run < runs && ok; ++run) {
        api::FileUpload upload(
            &rest, conversation,
            { path, QFileInfo(path).fileName(), QStringLiteral("application/octet-stream") },
            QUuid::createUuid().toString(QUuid::WithoutBraces));
        rest.network()->clearConnectionCache();
        QElapsedTimer clock;
        QObject::connect(&upload, &api::FileTransfer::finished, &app, &QCoreApplication::quit);
        clock.start();
        upload.start();
        if (!upload.isFinished())
            app.exec();
        const double ms = clock.nsecsElapsed() / 1e6;
        if (upload.error().kind != api::ApiError::Kind::None || upload.attachment().size != size
            || upload.attachment().sha256 != sha256) {
            std::fprintf(stderr, "upload: run %d failed: %s\n", run + 1, qPrintable(upload.error().message));
            ok = false;
            break;
        }
        times.append(ms);
    }
    const QJsonObject result { { QStringLiteral("client"), QStringLiteral("upload") },
                               { QStringLiteral("bytes"), size },
                               { QStringLiteral("ms"), times },
                               { QStringLiteral("ok"), ok } };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return ok ? 0 : 1;
}
