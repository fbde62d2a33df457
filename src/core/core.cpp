// Keeps the core library non-empty before the layers add their sources.
#include "core/version.h"
