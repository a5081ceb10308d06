#include "TherapistListModel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QImage>
#include <QPalette>
#include <QPixmap>

namespace masahista::gui {

namespace {

QList<Id> idsOf(const QList<Therapist>& therapists)
{
    QList<Id> ids;
    ids.reserve(therapists.size());
    for (const Therapist& therapist : therapists) {
        ids.append(therapist.id);
    }
    return ids;
}

} // namespace

TherapistListModel::TherapistListModel(QObject* parent)
    : QAbstractListModel(parent)
{}

void TherapistListModel::setTherapists(QList<Therapist> therapists)
{
    QHash<Id, QIcon> thumbnails;
    for (const Therapist& therapist : therapists) {
        if (therapist.photo.isEmpty()) {
            continue;
        }
        const QImage photo = QImage::fromData(therapist.photo);
        // An unreadable photo falls back to the colour swatch rather than an empty square.
        if (!photo.isNull()) {
            thumbnails.insert(therapist.id, QIcon(QPixmap::fromImage(photo.scaled(
                                                thumbnailSize, thumbnailSize, Qt::KeepAspectRatio,
                                                Qt::SmoothTransformation))));
        }
    }
    if (!m_therapists.isEmpty() && idsOf(therapists) == idsOf(m_therapists)) {
        m_therapists = std::move(therapists);
        m_thumbnails = std::move(thumbnails);
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0));
        return;
    }
    beginResetModel();
    m_therapists = std::move(therapists);
    m_thumbnails = std::move(thumbnails);
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

QModelIndex TherapistListModel::indexOf(Id therapistId) const
{
    for (int row = 0; row < m_therapists.size(); ++row) {
        if (m_therapists.at(row).id == therapistId) {
            return index(row, 0);
        }
    }
    return {};
}

void TherapistListModel::setShowDetails(bool showDetails)
{
    if (showDetails == m_showDetails) {
        return;
    }
    m_showDetails = showDetails;
    if (!m_therapists.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DisplayRole});
    }
}

int TherapistListModel::rowCount(const QModelIndex& parent) const
{
    // A list has children only under the invisible root.
    return parent.isValid() ? 0 : static_cast<int>(m_therapists.size());
}

QString TherapistListModel::details(const Therapist& therapist) const
{
    QStringList parts;
    if (!therapist.title.isEmpty()) {
        parts.append(therapist.title);
    }
    if (!therapist.teamRole.isEmpty()) {
        parts.append(therapist.teamRole);
    }
    // Said in words as well as greyed out: grey alone is easy to miss.
    if (!therapist.active) {
        parts.append(tr("retired"));
    }
    return parts.join(tr(" · ", "between title, team role and status"));
}

QVariant TherapistListModel::data(const QModelIndex& index, int role) const
{
    const Therapist* therapist = therapistAt(index);
    if (therapist == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole: {
        const QString more = m_showDetails ? details(*therapist) : QString();
        return more.isEmpty() ? therapist->displayName
                              : therapist->displayName + QLatin1Char('\n') + more;
    }
    case Qt::DecorationRole: {
        if (const auto thumbnail = m_thumbnails.constFind(therapist->id);
            thumbnail != m_thumbnails.cend()) {
            return *thumbnail;
        }
        const QColor color = QColor::fromString(therapist->calendarColor);
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::ForegroundRole:
        if (!therapist->active) {
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case Qt::ToolTipRole: {
        if (!therapist->active) {
            return tr("%1 is inactive and takes no new bookings.").arg(therapist->displayName);
        }
        QStringList lines;
        for (const QString& line : {therapist->title, therapist->teamRole}) {
            if (!line.isEmpty()) {
                lines.append(line);
            }
        }
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    case Qt::AccessibleTextRole:
        return details(*therapist).isEmpty()
                   ? therapist->displayName
                   : tr("%1, %2").arg(therapist->displayName, details(*therapist));
    case TherapistIdRole:
        return therapist->id;
    case ActiveRole:
        return therapist->active;
    case DetailsRole:
        return details(*therapist);
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
