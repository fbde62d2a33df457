// The floor for the startup benchmark: an empty Qt Quick ApplicationWindow with
// a 20-row ListView, started the way the app starts (Basic style).

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QQmlApplicationEngine engine;
    engine.loadData(R"(
import QtQuick
import QtQuick.Controls
ApplicationWindow {
    width: 900; height: 640; visible: true; title: "floor"
    ListView {
        anchors.fill: parent
        model: 20
        delegate: ItemDelegate { width: ListView.view.width; text: "Row " + index }
    }
})");
    return engine.rootObjects().isEmpty() ? 1 : app.exec();
}
