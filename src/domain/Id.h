#pragma once

#include <QtGlobal>

namespace masahista {

// Row identifier; 0 means "not stored yet" or "none" for optional references.
using Id = qint64;

} // namespace masahista
