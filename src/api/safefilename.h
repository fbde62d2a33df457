// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ringchat::api {

// A file name from the network (an Attachment's name) made safe to create in a
// folder of ours on Linux, Windows and macOS. The one place this is decided:
//  - only the last path component (after the last '/' or '\'), so "../" goes;
//  - no control or format characters (C0, C1, DEL, bidi overrides, zero widths);
//  - the characters Windows refuses (< > : " | ? *) become '_';
//  - no leading dots (no "..", no hidden file), no leading or trailing spaces,
//    no trailing dots;
//  - Windows' reserved device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with
//    an extension such as "nul.txt", any case) get a '_' in front;
//  - at most 255 bytes of UTF-8 (what Linux and macOS allow), cut before the
//    extension so that it stays, and never inside a character;
//  - "file" when nothing is left.
QString safeFileName(const QString &networkName);

} // namespace ringchat::api
