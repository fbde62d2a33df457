// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The states the UI shows, as enums QML reads by name (SignInState.WaitingForBrowser,
// ConnectionState.Online, ThemeMode.Dark). Namespaces, so a component can take a
// state as a property without reaching for the objects that hold it.

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

// Where the sign-in stands (Session::signInState).
namespace SignInState {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    SignedOut,
    Restoring,         // getting a fresh token for the saved account
    Discovering,       // reading the server's sign-in configuration
    WaitingForBrowser, // the user signs in in the browser
    Completing,        // exchanging the code, saving the session, starting the chat
    SignedIn,
};
Q_ENUM_NS(Value)
} // namespace SignInState

// The link to the server (Session::connectionState).
namespace ConnectionState {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    Offline,        // not signed in, not started, or stopped
    Connecting,     // an attempt is under way
    Online,         // connected; events flow
    WaitingToRetry, // an attempt failed; Session::secondsUntilRetry counts down
    Paused,         // the system is suspended
    SignedOut,      // the server refused the token and it could not be refreshed
};
Q_ENUM_NS(Value)
} // namespace ConnectionState

// Light or dark colours (Settings::themeMode).
namespace ThemeMode {
Q_NAMESPACE
QML_ELEMENT
enum Value {
    System, // follow the desktop
    Light,
    Dark,
};
Q_ENUM_NS(Value)
} // namespace ThemeMode

} // namespace ringchat::app
