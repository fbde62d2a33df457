// The desktop app: parses the command line, then loads the QML UI.
#include "core/version.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QSettings>

#include <cstdio>

// The QML module is a static plugin linked into the binary.
Q_IMPORT_QML_PLUGIN(RingChatPlugin)

int main(int argc, char *argv[])
{
    // --version must work without a display (package checks, scripts).
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("ringchat %s\n", ringchat::kVersion);
            return 0;
        }
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("ringchat"));
    QGuiApplication::setApplicationDisplayName(QString::fromLatin1(ringchat::kAppName));
    QGuiApplication::setOrganizationName(QStringLiteral("Ring"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(ringchat::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ring Chat desktop client"));
    parser.addHelpOption();
    QCommandLineOption smokeTest(QStringLiteral("smoke-test"),
                                 QStringLiteral("Quit after the first frame (for package tests)."));
    parser.addOption(smokeTest);
    QCommandLineOption server(QStringLiteral("server"),
                              QStringLiteral("Ring server to use (remembered for next time)."),
                              QStringLiteral("url"));
    parser.addOption(server);
    parser.process(app);

    if (parser.isSet(server))
        QSettings().setValue(QStringLiteral("server/url"), parser.value(server));

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule; qt_add_qml_module puts the files under qrc:/.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/RingChat/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (parser.isSet(smokeTest)) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        if (!window)
            return 1;
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
    }
    return app.exec();
}
