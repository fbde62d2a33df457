// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The floor for the startup benchmark: an empty Qt Quick ApplicationWindow with
// a 20-row ListView, started the way the app starts (Basic style), at the app's
// default window size (qml/Main.qml: 1000 x 680), since the window's buffers
// (backing store, GL colour/depth buffers) grow with its pixels.

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
    width: 1000; height: 680; visible: true; title: "floor"
    ListView {
        anchors.fill: parent
        model: 20
        delegate: ItemDelegate { width: ListView.view.width; text: "Row " + index }
    }
})");
    return engine.rootObjects().isEmpty() ? 1 : app.exec();
}
