// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>

namespace ringchat::app {

CommandLine CommandLine::parse(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ring Chat desktop client"));
    parser.addHelpOption();
    QCommandLineOption smokeTest(QStringLiteral("smoke-test"),
                                 QStringLiteral("Quit after the first frame (for package tests)."));
    QCommandLineOption server(QStringLiteral("server"),
                              QStringLiteral("Ring server to use (remembered for next time)."),
                              QStringLiteral("url"));
    QCommandLineOption token(
        QStringLiteral("token"),
        QStringLiteral("Use this access token instead of signing in (also RINGCHAT_TOKEN)."),
        QStringLiteral("jwt"));
    QCommandLineOption dataDir(QStringLiteral("data-dir"),
                               QStringLiteral("Where to keep the message cache (also RINGCHAT_DATA_DIR)."),
                               QStringLiteral("dir"));
    QCommandLineOption automation(
        QStringLiteral("automation"),
        QStringLiteral("Accept grab/theme/size commands from a second launch (screenshots)."));
    QCommandLineOption command(
        QStringLiteral("command"),
        QStringLiteral("Send a command line to the running instance and print its answer."),
        QStringLiteral("line"));
    QCommandLineOption open(QStringLiteral("open"), QStringLiteral("Open this conversation."),
                            QStringLiteral("id"));
    parser.addOptions({ smokeTest, server, token, dataDir, automation, command, open });
    parser.process(app);

    CommandLine line;
    line.smokeTest = parser.isSet(smokeTest);
    line.automation = parser.isSet(automation);
    line.server = parser.value(server);
    line.token = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("RINGCHAT_TOKEN");
    line.dataDirectory
        = parser.isSet(dataDir) ? parser.value(dataDir) : qEnvironmentVariable("RINGCHAT_DATA_DIR");
    line.commands = parser.values(command);
    line.openConversation = parser.value(open);
    return line;
}

QStringList CommandLine::linesForRunningInstance() const
{
    QStringList lines = commands;
    if (!openConversation.isEmpty())
        lines << QStringLiteral("open ") + openConversation;
    if (lines.isEmpty())
        lines << QStringLiteral("raise");
    return lines;
}

} // namespace ringchat::app
