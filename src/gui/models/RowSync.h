#pragma once

#include "domain/Id.h"

#include <QList>
#include <QModelIndex>
#include <QSet>

namespace masahista::gui {

// Brings a table model's rows to `incoming` with row insertions and removals instead of a
// reset, matching rows by id, so that a view keeps its selection, current row and scroll
// position when the data is reloaded after an edit. A reordering that insertions and removals
// cannot express (a changed sort order) falls back to a reset. The model calls this from
// inside, and befriends it for the protected begin/end calls.
template <typename Model, typename Item>
void syncRowsById(Model& model, QList<Item>& rows, QList<Item> incoming)
{
    QSet<Id> incomingIds;
    for (const Item& item : incoming) {
        incomingIds.insert(item.id);
    }
    // Rows that are gone, bottom up so that the rows above keep their numbers.
    for (int last = static_cast<int>(rows.size()) - 1; last >= 0; --last) {
        if (incomingIds.contains(rows.at(last).id)) {
            continue;
        }
        int first = last;
        while (first > 0 && !incomingIds.contains(rows.at(first - 1).id)) {
            --first;
        }
        model.beginRemoveRows(QModelIndex(), first, last);
        rows.remove(first, last - first + 1);
        model.endRemoveRows();
        last = first;
    }

    QSet<Id> kept;
    for (const Item& item : rows) {
        kept.insert(item.id);
    }
    QList<Id> keptInNewOrder;
    for (const Item& item : incoming) {
        if (kept.contains(item.id)) {
            keptInNewOrder.append(item.id);
        }
    }
    bool sameOrder = keptInNewOrder.size() == rows.size();
    for (qsizetype i = 0; sameOrder && i < rows.size(); ++i) {
        sameOrder = rows.at(i).id == keptInNewOrder.at(i);
    }
    if (!sameOrder) {
        model.beginResetModel();
        rows = std::move(incoming);
        model.endResetModel();
        return;
    }

    // The remaining rows are now in the new order with gaps: fill each gap in one insertion.
    for (int row = 0; row < incoming.size();) {
        if (row < rows.size() && rows.at(row).id == incoming.at(row).id) {
            ++row;
            continue;
        }
        int end = row;
        while (end < incoming.size() && !kept.contains(incoming.at(end).id)) {
            ++end;
        }
        model.beginInsertRows(QModelIndex(), row, end - 1);
        for (int i = row; i < end; ++i) {
            rows.insert(i, incoming.at(i));
        }
        model.endInsertRows();
        row = end;
    }

    rows = std::move(incoming);
    if (!rows.isEmpty()) {
        Q_EMIT model.dataChanged(model.index(0, 0), model.index(static_cast<int>(rows.size()) - 1,
                                                                model.columnCount() - 1));
    }
}

} // namespace masahista::gui
