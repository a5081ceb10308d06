#pragma once

#include "data/WriteTransaction.h"
#include "domain/Id.h"
#include "domain/Result.h"

namespace masahista {

// Retires or reactivates one item of the clinic's catalogue (a massage type, a room) in one
// write transaction: the item is read under the lock, left alone when it already is so, and
// the change is refused when `refuseIfStranding(stored, changed)` says it would leave bookings
// to come without what they need. The same steps for every kind of item, so that none of them
// can skip the check or the lock.
template <typename Repository, typename RefuseIfStranding>
Status setCatalogItemActive(Database& database, Id id, bool active,
                            RefuseIfStranding refuseIfStranding)
{
    return inWriteTransaction<Done>(database, [&]() -> Status {
        Repository items(database);
        auto stored = items.byId(id);
        if (!stored) {
            return stored.error();
        }
        if (stored->active == active) {
            return success();
        }
        auto changed = *stored;
        changed.active = active;
        if (Status free = refuseIfStranding(*stored, changed); !free) {
            return free;
        }
        return items.update(changed);
    });
}

} // namespace masahista
