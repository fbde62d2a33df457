// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop.h"

#include "app/qmlsingleton.h"
#include "app/textformat.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QUrl>

namespace ringchat::app {

Desktop *Desktop::create(QQmlEngine *, QJSEngine *)
{
    return QmlSingleton<Desktop>::instance();
}
void Desktop::exposeToQml(Desktop *desktop)
{
    QmlSingleton<Desktop>::expose(desktop);
}

void Desktop::setTrayAvailable(bool available)
{
    if (available == m_trayAvailable)
        return;
    m_trayAvailable = available;
    emit trayAvailableChanged();
}

bool Desktop::openLink(const QString &url)
{
    if (!textformat::isSafeLink(url))
        return false;
    return QDesktopServices::openUrl(QUrl(url));
}

void Desktop::copyToClipboard(const QString &text)
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

} // namespace ringchat::app
