// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app: reads the command line, makes sure only one instance runs, makes
// the app layer's objects (src/app) and hands them to QML, then loads the QML UI.
#include "app/currentconversation.h"
#include "app/desktop.h"
#include "app/files.h"
#include "app/messagenotifier.h"
#include "app/session.h"
#include "app/settings.h"
#include "app/spellcheck.h"
#include "commandline.h"
#include "core/networkproxy.h"
#include "core/version.h"
#include "desktopintegration.h"
#include "remotecommands.h"
#include "singleinstance.h"

#include "media/attachmentimageprovider.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>

// The QML module is a static plugin linked into the binary.
Q_IMPORT_QML_PLUGIN(RingChatPlugin)

using namespace ringchat::app;

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
    const CommandLine options = CommandLine::parse(app);

    // One instance per user and settings file: a second launch hands over and exits.
    SingleInstance instance(QSettings().fileName() + QDir::homePath());
    if (!options.smokeTest) {
        if (auto exitCode
            = instance.handOverOrListen(options.linesForRunningInstance(), !options.commands.isEmpty()))
            return *exitCode;
    }

    installTranslations(app);
    // The Basic style is the lightest to load.
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    // Proxy failures tell the user where the setting is; Session::start() applies it.
    ringchat::NetworkProxy::setWhereToConfigure(QStringLiteral("Settings → Network"));

    // The app layer, made here and handed to QML as its singletons.
    Settings settings(nullptr);
    if (!options.server.isEmpty())
        settings.setServerUrl(options.server);
    Session session(&settings, { options.token, options.dataDirectory });
    CurrentConversation current(&session, &settings);
    Desktop desktop(nullptr);
    MessageNotifier notifier(&session, &settings, &current);
    // The personal word list lives beside the caches.
    SpellCheck spellCheck(options.dataDirectory.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                              : options.dataDirectory,
                          nullptr);
    // Received files and images, from the account's disk cache.
    Files files(&session, &settings, nullptr);
    Settings::exposeToQml(&settings);
    Session::exposeToQml(&session);
    CurrentConversation::exposeToQml(&current);
    Desktop::exposeToQml(&desktop);
    SpellCheck::exposeToQml(&spellCheck);
    Files::exposeToQml(&files);
    DesktopIntegration integration(&session, &notifier, &desktop, &current);

    QQmlApplicationEngine engine;
    // Qt 6.4 has no loadFromModule; qt_add_qml_module puts the files under qrc:/.
    engine.addImportPath(QStringLiteral("qrc:/"));
    // image://attachments/<attachmentId>/thumb and .../full (the engine owns the provider).
    engine.addImageProvider(ringchat::media::AttachmentImageProvider::kName, files.makeImageProvider());
    engine.load(QUrl(QStringLiteral("qrc:/RingChat/Main.qml")));
    auto *window = engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    integration.attach(window);

    RemoteCommands commands({ &session, &settings, &desktop, &integration, window, &current },
                            options.automation);
    QObject::connect(&instance, &SingleInstance::commandReceived, &app,
                     [&](const QString &line, QString *answer) { *answer = commands.run(line); });

    if (options.smokeTest) {
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
        return app.exec();
    }

    // The window is up with an empty shell; start() makes it the chat or the sign-in
    // page (Session.started) before the first frame is drawn.
    session.start();
    if (!options.openConversation.isEmpty())
        desktop.requestConversation(options.openConversation);
    return app.exec();
}
