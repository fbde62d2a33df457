#pragma once
#include <QLoggingCategory>

namespace ringchat::net {
Q_DECLARE_LOGGING_CATEGORY(lcNet)   // "ringchat.net"
}
