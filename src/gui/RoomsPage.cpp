#include "RoomsPage.h"

#include "BlockingList.h"
#include "DatabaseWatcher.h"
#include "PageMessageLine.h"
#include "booking/Clinic.h"
#include "booking/catalogue/RoomService.h"
#include "booking/engine/FutureBookings.h"
#include "gui/dialogs/RoomDialog.h"
#include "gui/models/RoomTableModel.h"
#include "ui_RoomsPage.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>

namespace masahista::gui {

namespace {} // namespace

RoomsPage::RoomsPage(Clinic& clinic, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RoomsPage>())
    , m_clinic(clinic)
    , m_model(new RoomTableModel(this))
    , m_watcher(new DatabaseWatcher(clinic, 500, this))
{
    m_ui->setupUi(this);
    m_messageLine = new PageMessageLine(m_ui->messageLabel);
    m_blocking =
        new BlockingList(m_ui->blockingBox, m_ui->blockingTable, BlockingList::LastColumn::Massage,
                         tr("Bookings to move first (%1)"));
    m_ui->roomTable->setModel(m_model);
    m_ui->roomTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->retireButton->setToolTip(
        tr("Take the room out of use for new bookings; it keeps its history and can be "
           "reactivated."));

    connect(m_ui->newButton, &QPushButton::clicked, this, [this] { addRoom(); });
    connect(m_ui->editButton, &QPushButton::clicked, this, [this] { editSelectedRoom(); });
    connect(m_ui->retireButton, &QPushButton::clicked, this, &RoomsPage::toggleSelectedActive);
    connect(m_ui->showRetiredCheck, &QCheckBox::toggled, this, &RoomsPage::reload);
    // Enter and a double-click both activate a row.
    connect(m_ui->roomTable, &QTableView::activated, this, [this] { editSelectedRoom(); });
    connect(m_ui->roomTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] {
                m_messageLine->currentIs(selectedRoomId());
                updateButtons();
            });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RoomsPage::updateButtons);
    // A hidden page catches up in showEvent instead of reading what nobody looks at.
    connect(m_watcher, &DatabaseWatcher::changedElsewhere, this, [this] {
        if (isVisible()) {
            reload();
        }
    });

    reload();
}

RoomsPage::~RoomsPage() = default;

void RoomsPage::showEvent(QShowEvent* event)
{
    // Changes made through this same connection (another tab, a dialog) do not reach the
    // watcher, which only sees other connections' writes.
    reload();
    QWidget::showEvent(event);
}

void RoomsPage::reload()
{
    Result<QList<Room>> rooms = m_clinic.roomList(m_ui->showRetiredCheck->isChecked());
    if (rooms) {
        m_model->setRooms(std::move(rooms).value());
        m_messageLine->readSucceeded();
    } else {
        m_messageLine->show(tr("The rooms could not be read: %1").arg(rooms.error().message),
                            PageMessageLine::Kind::ReadProblem);
    }
    QTableView* table = m_ui->roomTable;
    if (!table->currentIndex().isValid() && m_model->rowCount() > 0) {
        table->setCurrentIndex(m_model->index(0, 0));
    }
    updateButtons();
}

Id RoomsPage::selectedRoomId() const
{
    const Room* room = m_model->roomAt(m_ui->roomTable->currentIndex());
    return room != nullptr ? room->id : 0;
}

bool RoomsPage::selectRoom(Id roomId)
{
    const QModelIndex index = m_model->indexOf(roomId);
    if (!index.isValid()) {
        return false;
    }
    m_ui->roomTable->setCurrentIndex(index);
    m_ui->roomTable->scrollTo(index);
    return true;
}

void RoomsPage::updateButtons()
{
    const Room* room = m_model->roomAt(m_ui->roomTable->currentIndex());
    m_ui->editButton->setEnabled(room != nullptr);
    m_ui->retireButton->setEnabled(room != nullptr);
    const bool retired = room != nullptr && !room->active;
    m_ui->retireButton->setText(retired ? tr("Re&activate") : tr("&Retire"));
}

bool RoomsPage::addRoom()
{
    RoomDialog dialog(m_clinic, 0, this);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    m_blocking->hide();
    reload();
    selectRoom(dialog.savedId());
    showMessage(tr("Added %1.").arg(RoomService::normalized(dialog.enteredRoom()).name), false);
    Q_EMIT catalogChanged();
    return true;
}

bool RoomsPage::editSelectedRoom()
{
    const Id roomId = selectedRoomId();
    if (roomId == 0) {
        return false;
    }
    RoomDialog dialog(m_clinic, roomId, this);
    if (dialog.exec() != QDialog::Accepted || dialog.savedId() == 0) {
        return false;
    }
    m_blocking->hide();
    reload();
    selectRoom(roomId);
    showMessage(tr("Saved %1.").arg(RoomService::normalized(dialog.enteredRoom()).name), false);
    Q_EMIT catalogChanged();
    return true;
}

void RoomsPage::toggleSelectedActive()
{
    const Room* selected = m_model->roomAt(m_ui->roomTable->currentIndex());
    if (selected == nullptr) {
        return;
    }
    const Id roomId = selected->id;
    const QString name = selected->name;
    const bool retiring = selected->active;
    RoomService service = m_clinic.rooms();
    const Status done = retiring ? service.retire(roomId, m_clinic.actor())
                                 : service.reactivate(roomId, m_clinic.actor());
    if (!done) {
        const Result<FutureBookings> blocking = done.error().code == ErrorCode::Conflict
                                                    ? service.futureBookings(roomId)
                                                    : Result<FutureBookings>(done.error());
        m_blocking->showRefusal(*m_messageLine, done.error(), blocking);
        return;
    }
    m_blocking->hide();
    showMessage(retiring
                    ? tr("%1 is retired: it keeps its history and takes no new bookings.").arg(name)
                    : tr("%1 takes bookings again.").arg(name),
                false);
    reload();
    selectRoom(roomId);
    Q_EMIT catalogChanged();
}

QString RoomsPage::message() const
{
    return m_messageLine->text();
}

QStringList RoomsPage::blockingLines() const
{
    return m_blocking->lines();
}

void RoomsPage::showMessage(const QString& text, bool problem)
{
    m_messageLine->show(text,
                        problem ? PageMessageLine::Kind::Refusal : PageMessageLine::Kind::Report);
}

} // namespace masahista::gui
