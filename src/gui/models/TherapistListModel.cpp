#include "TherapistListModel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace masahista::gui {

TherapistListModel::TherapistListModel(QObject* parent)
    : QAbstractListModel(parent)
{}

void TherapistListModel::setTherapists(QList<Therapist> therapists)
{
    beginResetModel();
    m_therapists = std::move(therapists);
    endResetModel();
}

const Therapist* TherapistListModel::therapistAt(const QModelIndex& index) const
{
    // Quietly refuses what is not a row of this model: "no selection" is a normal case.
    if (!index.isValid() || index.model() != this || index.row() >= m_therapists.size()) {
        return nullptr;
    }
    return &m_therapists.at(index.row());
}

int TherapistListModel::rowCount(const QModelIndex& parent) const
{
    // A list has children only under the invisible root.
    return parent.isValid() ? 0 : static_cast<int>(m_therapists.size());
}

QVariant TherapistListModel::data(const QModelIndex& index, int role) const
{
    const Therapist* therapist = therapistAt(index);
    if (therapist == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return therapist->displayName;
    case Qt::DecorationRole: {
        const QColor color = QColor::fromString(therapist->calendarColor);
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::ForegroundRole:
        if (!therapist->active) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::ToolTipRole:
        if (!therapist->active) {
            return tr("%1 is inactive and takes no new bookings.").arg(therapist->displayName);
        }
        return therapist->title.isEmpty() ? QVariant() : QVariant(therapist->title);
    case TherapistIdRole:
        return therapist->id;
    case ActiveRole:
        return therapist->active;
    default:
        return {};
    }
}

QVariant TherapistListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        return tr("Therapist");
    }
    return {};
}

} // namespace masahista::gui
