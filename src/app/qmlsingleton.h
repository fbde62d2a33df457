// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a C++-owned object becomes a QML singleton on Qt 6.4 without qmlRegister*:
// main() makes the object and exposes it; the type's static create(), which
// QML_SINGLETON calls on first use, hands that object to the engine. Only create()
// reads it: C++ code gets its objects passed in, never from here. Such a type must
// not be default-constructible: Qt 6.4 constructs a QML singleton itself when it
// can, and calls create() only when it cannot.

#include <QPointer>
#include <QQmlEngine>

namespace ringchat::app {

template <typename T> class QmlSingleton
{
public:
    static void expose(T *object) { s_object = object; }

    static T *instance()
    {
        Q_ASSERT_X(s_object, "QmlSingleton", "main() must expose the object before QML uses it");
        // C++ owns it; the engine must not delete it.
        QQmlEngine::setObjectOwnership(s_object, QQmlEngine::CppOwnership);
        return s_object;
    }

private:
    inline static QPointer<T> s_object;
};

} // namespace ringchat::app
