#include "RoomDialog.h"

#include "booking/Clinic.h"
#include "booking/catalogue/RoomService.h"
#include "ui_RoomDialog.h"

#include <QPushButton>

#include <algorithm>

namespace masahista::gui {

RoomDialog::RoomDialog(Clinic& clinic, Id roomId, QWidget* parent)
    : CatalogItemDialog(parent)
    , m_ui(std::make_unique<Ui::RoomDialog>())
    , m_clinic(clinic)
{
    m_ui->setupUi(this);
    setUp(m_ui->errorLabel, m_ui->buttons->button(QDialogButtonBox::Save),
          tr("The room has changes that are not saved."));
    const bool ready = load(roomId);
    for (QWidget* field :
         {static_cast<QWidget*>(m_ui->nameEdit), static_cast<QWidget*>(m_ui->kindCombo),
          static_cast<QWidget*>(m_ui->activeCheck)}) {
        field->setEnabled(ready);
    }

    const auto changed = [this] {
        revalidate();
    };
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, changed);
    connect(m_ui->kindCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_ui->activeCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &RoomDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &RoomDialog::reject);

    loaded(ready);
    m_ui->nameEdit->setFocus();
}

RoomDialog::~RoomDialog() = default;

bool RoomDialog::load(Id roomId)
{
    Result<QList<Room>> rooms = m_clinic.roomList();
    if (!rooms) {
        setWindowTitle(tr("Room"));
        showLoadProblem(rooms.error().message);
        return false;
    }
    m_others = std::move(rooms).value();
    Room room;
    if (roomId == 0) {
        setWindowTitle(tr("New room"));
        room.kind = QStringLiteral("table");
        // New rooms go last: the booking rules take the first free suitable room in this order.
        int last = 0;
        for (const Room& other : m_others) {
            last = std::max(last, other.sortOrder);
        }
        room.sortOrder = m_others.isEmpty() ? 0 : last + 1;
    } else {
        const auto found = std::find_if(m_others.cbegin(), m_others.cend(),
                                        [roomId](const Room& each) { return each.id == roomId; });
        if (found == m_others.cend()) {
            setWindowTitle(tr("Room"));
            showLoadProblem(
                tr("There is no room with id %1; another desk may have removed it.").arg(roomId));
            return false;
        }
        room = *found;
        setWindowTitle(tr("Room: %1").arg(room.name));
    }
    m_loaded = room;
    m_ui->kindCombo->addItems(RoomService::kindsOf(m_others));
    m_ui->nameEdit->setText(room.name);
    m_ui->kindCombo->setCurrentIndex(-1);
    m_ui->kindCombo->setEditText(room.kind);
    m_ui->activeCheck->setChecked(room.active);
    return true;
}

Room RoomDialog::enteredRoom() const
{
    Room room = m_loaded;
    room.name = m_ui->nameEdit->text();
    room.kind = m_ui->kindCombo->currentText();
    room.active = m_ui->activeCheck->isChecked();
    return room;
}

FieldProblems RoomDialog::check() const
{
    return RoomService::problemsIn(enteredRoom(), m_others);
}

void RoomDialog::showProblems(const FieldProblems& problems)
{
    const auto show = [&problems](QLabel* label, const QString& field) {
        const QString message = problemOf(problems, field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
    };
    show(m_ui->nameError, QStringLiteral("name"));
    show(m_ui->kindError, QStringLiteral("kind"));
}

bool RoomDialog::editsExisting() const
{
    return m_loaded.id != 0;
}

Result<Id> RoomDialog::save()
{
    return m_clinic.rooms().save(enteredRoom(), m_clinic.actor());
}

void RoomDialog::rereadOthers()
{
    if (Result<QList<Room>> rooms = m_clinic.roomList(); rooms) {
        m_others = std::move(rooms).value();
    }
}

QStringList RoomDialog::formState() const
{
    const Room room = enteredRoom();
    return {room.name, room.kind, QString::number(room.active)};
}

} // namespace masahista::gui
