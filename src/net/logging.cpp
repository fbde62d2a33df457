#include "net/logging.h"

namespace ringchat::net {
Q_LOGGING_CATEGORY(lcNet, "ringchat.net")
}
