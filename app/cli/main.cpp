// ringchat-cli: the same core as the app, for scripts, bots and benchmarks.
#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ringchat-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ring"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(ringchat::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ring Chat command-line client"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
