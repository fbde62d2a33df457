// The desktop app: parses the command line, makes sure only one instance runs,
// wires the controller and the desktop integration, then loads the QML UI.
#include "appcontroller.h"
#include "core/networkproxy.h"
#include "core/version.h"
#include "desktopintegration.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTranslator>

#include <cstdio>

// The QML module is a static plugin linked into the binary.
Q_IMPORT_QML_PLUGIN(RingChatPlugin)

namespace {

void installTranslations(QCoreApplication &app)
{
    // The system locale picks the language (Ukrainian: uk).
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("ringchat"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// Lines a running instance accepts from a second launch (see singleinstance.h).
QString runCommand(const QString &line, bool automation, ringchat::ui::AppController *controller,
                   QQuickWindow *window, ringchat::app::DesktopIntegration *desktop)
{
    const QString verb = line.section(QLatin1Char(' '), 0, 0);
    const QString arg = line.section(QLatin1Char(' '), 1);
    if (verb == QLatin1String("raise")) {
        desktop->raiseWindow();
        return QStringLiteral("ok");
    }
    if (verb == QLatin1String("open") && !arg.isEmpty()) {
        desktop->raiseWindow();
        emit controller->conversationRequested(arg);
        return QStringLiteral("ok");
    }
    if (!automation)
        return QStringLiteral("error unknown command");
    if (verb == QLatin1String("grab") && !arg.isEmpty()) {
        const QImage image = window->grabWindow();
        return image.save(arg, "PNG") ? QStringLiteral("ok") : QStringLiteral("error cannot save");
    }
    if (verb == QLatin1String("theme")) {
        controller->setThemeMode(arg);
        return QStringLiteral("ok");
    }
    if (verb == QLatin1String("settings")) {
        window->setProperty("settingsOpen", arg == QLatin1String("on"));
        return QStringLiteral("ok");
    }
    if (verb == QLatin1String("size")) {
        window->resize(arg.section(QLatin1Char(' '), 0, 0).toInt(), arg.section(QLatin1Char(' '), 1, 1).toInt());
        return QStringLiteral("ok");
    }
    if (verb == QLatin1String("signin")) {
        controller->signIn(arg.isEmpty() ? controller->serverUrl() : arg);
        return QStringLiteral("ok");
    }
    if (verb == QLatin1String("signout")) {
        controller->signOut();
        return QStringLiteral("ok");
    }
    if (verb == QLatin1String("send")) {
        const QString id = arg.section(QLatin1Char(' '), 0, 0);
        return controller->sendMessage(id, arg.section(QLatin1Char(' '), 1)).isEmpty() ? QStringLiteral("error not sent")
                                                                                    : QStringLiteral("ok");
    }
    if (verb == QLatin1String("state")) {
        return QStringLiteral("ok %1 %2 %3").arg(controller->signInState(), controller->connectionState())
            .arg(controller->unreadTotal());
    }
    if (verb == QLatin1String("quit")) {
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        return QStringLiteral("ok");
    }
    return QStringLiteral("error unknown command");
}

} // namespace

int main(int argc, char *argv[])
{
    // --version must work without a display (package checks, scripts).
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("ringchat %s\n", ringchat::kVersion);
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ringchat"));
    QApplication::setApplicationDisplayName(QString::fromLatin1(ringchat::kAppName));
    QApplication::setOrganizationName(QStringLiteral("Ring"));
    QApplication::setApplicationVersion(QString::fromLatin1(ringchat::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.ringchat.RingChat"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ringchat.png")));
    QApplication::setQuitOnLastWindowClosed(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ring Chat desktop client"));
    parser.addHelpOption();
    QCommandLineOption smokeTest(QStringLiteral("smoke-test"),
                                 QStringLiteral("Quit after the first frame (for package tests)."));
    QCommandLineOption server(QStringLiteral("server"),
                              QStringLiteral("Ring server to use (remembered for next time)."),
                              QStringLiteral("url"));
    QCommandLineOption token(QStringLiteral("token"),
                             QStringLiteral("Use this access token instead of signing in (also RINGCHAT_TOKEN)."),
                             QStringLiteral("jwt"));
    QCommandLineOption dataDir(QStringLiteral("data-dir"),
                               QStringLiteral("Where to keep the message cache (also RINGCHAT_DATA_DIR)."),
                               QStringLiteral("dir"));
    QCommandLineOption automation(QStringLiteral("automation"),
                                  QStringLiteral("Accept grab/theme/size commands from a second launch (screenshots)."));
    QCommandLineOption command(QStringLiteral("command"),
                               QStringLiteral("Send a command line to the running instance and print its answer."),
                               QStringLiteral("line"));
    QCommandLineOption openConversation(QStringLiteral("open"),
                                        QStringLiteral("Open this conversation."), QStringLiteral("id"));
    parser.addOptions({ smokeTest, server, token, dataDir, automation, command, openConversation });
    parser.process(app);

    // One instance per user and settings file: a second launch hands over and exits.
    ringchat::app::SingleInstance instance(QSettings().fileName() + QDir::homePath());
    {
        QStringList lines = parser.values(command);
        if (parser.isSet(openConversation))
            lines << QStringLiteral("open ") + parser.value(openConversation);
        if (lines.isEmpty())
            lines << QStringLiteral("raise");
        QStringList answers;
        if (!parser.isSet(smokeTest) && instance.sendToRunning(lines, &answers)) {
            for (const QString &answer : answers)
                std::printf("%s\n", qPrintable(answer));
            return answers.filter(QStringLiteral("error")).isEmpty() ? 0 : 2;
        }
        if (parser.isSet(command)) {
            std::fprintf(stderr, "ringchat: no running instance\n");
            return 2;
        }
    }
    if (!parser.isSet(smokeTest))
        instance.listen();

    if (parser.isSet(server))
        QSettings().setValue(QStringLiteral("server/url"), parser.value(server));

    installTranslations(app);
    // The Basic style is the lightest to load.
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    // Proxy failures tell the user where the setting is; AppController::start() applies it.
    ringchat::NetworkProxy::setWhereToConfigure(QStringLiteral("Settings → Network"));

    ringchat::ui::AppController::Options options;
    options.fixedToken = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("RINGCHAT_TOKEN");
    options.dataDirectory = parser.isSet(dataDir) ? parser.value(dataDir) : qEnvironmentVariable("RINGCHAT_DATA_DIR");
    ringchat::ui::AppController controller(options);
    ringchat::ui::AppController::setInstance(&controller);
    ringchat::app::DesktopIntegration desktop(&controller);

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule; qt_add_qml_module puts the files under qrc:/.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/RingChat/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    desktop.attach(window);

    const bool automationOn = parser.isSet(automation);
    QObject::connect(&instance, &ringchat::app::SingleInstance::commandReceived, &app,
                     [&](const QString &line, QString *answer) {
                         *answer = runCommand(line, automationOn, &controller, window, &desktop);
                     });

    if (parser.isSet(smokeTest)) {
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
        return app.exec();
    }

    // The window is up with an empty shell; start() makes it the chat or the sign-in
    // page (App.started) before the first frame is drawn.
    controller.start();
    if (parser.isSet(openConversation))
        emit controller.conversationRequested(parser.value(openConversation));
    return app.exec();
}
