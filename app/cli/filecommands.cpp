// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "filecommands.h"

#include "chatrun.h"
#include "clitokensource.h"
#include "exitcode.h"
#include "output.h"

#include "api/filetransfer.h"
#include "api/safefilename.h"

#include <QDir>
#include <QFileInfo>

namespace ringchat::cli {

namespace {

// --output as given (a folder: the attachment's safe name in it), else its safe name
// in the current folder, which must not exist yet.
QString targetPath(const CommandArgs &args, const api::Attachment &a, QString *error)
{
    const QString safeName = api::safeFileName(a.name);
    if (!args.output.isEmpty()) {
        const QFileInfo info(args.output);
        return info.isDir() ? QDir(args.output).filePath(safeName) : args.output;
    }
    const QString path = QDir::current().filePath(safeName);
    if (QFileInfo::exists(path))
        *error = QStringLiteral("%1 exists already; name another with --output.").arg(path);
    return path;
}

} // namespace

int downloadCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (args.positional.size() != 1 || !api::isValidConversationId(args.positional.first()))
        return usage(ctx, QStringLiteral("Usage: download ATTACHMENT_ID [--output PATH]"));
    const QString id = args.positional.first();
    ChatRun run(ctx);
    if (!run.setUp(true)) // the cache: the attachment's name, size and sha256
        return run.exec();
    chat::ChatService *s = run.service();
    std::unique_ptr<api::FileDownload> download;
    s->findAttachment(id, [&](const std::optional<api::Attachment> &a) {
        if (!a)
            return run.finish(ExitUsage,
                              QStringLiteral("No attachment %1 in the local cache: show its message "
                                             "with history or tail first.")
                                  .arg(id));
        QString error;
        const QString target = targetPath(args, *a, &error);
        if (!error.isEmpty())
            return run.finish(ExitUsage, error);
        download = std::make_unique<api::FileDownload>(s->rest(), *a, target);
        QObject::connect(download.get(), &api::FileTransfer::finished, s, [&, a = *a, target] {
            const api::ApiError &e = download->error();
            if (e.isError())
                return run.finish(exitCodeFor(e), ctx.tokens->refusalOr(e.message));
            QJsonObject o = a.toJson();
            o.insert(QStringLiteral("path"), QFileInfo(target).absoluteFilePath());
            ctx.output->json(o);
            run.finish(ExitOk);
        });
        download->start();
    });
    return run.exec();
}

} // namespace ringchat::cli
