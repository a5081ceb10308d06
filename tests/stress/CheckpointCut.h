#pragma once

#include <QString>

namespace masahista::stress {

// Leaves the database at `path` as a checkpoint killed after its first write leaves it.
//
// Every connection that closes last copies the WAL back into the database file (a checkpoint),
// page by page in ascending order, so page 1, which holds the new page count, is written
// before the pages that make the file that long. A kill in between, a window of a few
// microseconds that random kills almost never hit, leaves a header that promises more pages
// than the file has, while the WAL still holds every committed page and SQLite completes the
// checkpoint on the next open.
//
// This commits `rows` history rows (enough to grow the file) through a connection that does
// not checkpoint on close, then writes the WAL's page 1 over the file's, as that first write
// would. False, with `problem` set, when the state could not be made.
bool cutCheckpointShort(const QString& path, int rows, QString* problem);

} // namespace masahista::stress
