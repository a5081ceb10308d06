#include "RoomDialog.h"

#include "UnsavedChanges.h"
#include "booking/Clinic.h"
#include "booking/RoomService.h"
#include "gui/FormErrorLine.h"
#include "gui/ProblemColour.h"
#include "ui_RoomDialog.h"

#include <QPushButton>

#include <algorithm>

namespace masahista::gui {

RoomDialog::RoomDialog(Clinic& clinic, Id roomId, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RoomDialog>())
    , m_clinic(clinic)
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);
    m_ready = load(roomId);
    for (QWidget* field :
         {static_cast<QWidget*>(m_ui->nameEdit), static_cast<QWidget*>(m_ui->kindCombo),
          static_cast<QWidget*>(m_ui->activeCheck)}) {
        field->setEnabled(m_ready);
    }

    const auto changed = [this] {
        revalidate();
    };
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, changed);
    connect(m_ui->kindCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_ui->activeCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &RoomDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &RoomDialog::reject);

    m_initialState = formState();
    revalidate();
    m_ui->nameEdit->setFocus();
}

RoomDialog::~RoomDialog() = default;

bool RoomDialog::load(Id roomId)
{
    Result<QList<Room>> rooms = m_clinic.roomList();
    if (!rooms) {
        setWindowTitle(tr("Room"));
        showError(rooms.error().message);
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
            showError(
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

void RoomDialog::revalidate()
{
    if (!m_ready) {
        m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_problems = RoomService::problemsIn(enteredRoom(), m_others);
    const auto show = [this](QLabel* label, const QString& field) {
        const QString message = problemOf(m_problems, field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
    };
    show(m_ui->nameError, QStringLiteral("name"));
    show(m_ui->kindError, QStringLiteral("kind"));
    m_ui->buttons->button(QDialogButtonBox::Save)
        ->setEnabled(m_problems.isEmpty() && (m_loaded.id == 0 || hasUnsavedChanges()));
}

void RoomDialog::showError(const QString& message)
{
    // Only the dialog's own data failing to load comes here; no edit can cure that.
    m_errorLine->show(message, FormErrorLine::Until::Replaced);
}

QStringList RoomDialog::formState() const
{
    const Room room = enteredRoom();
    return {room.name, room.kind, QString::number(room.active)};
}

bool RoomDialog::hasUnsavedChanges() const
{
    return m_ready && formState() != m_initialState;
}

void RoomDialog::accept()
{
    if (!m_ready) {
        return;
    }
    if (m_loaded.id != 0 && !hasUnsavedChanges()) {
        QDialog::accept();
        return;
    }
    revalidate();
    if (!m_problems.isEmpty()) {
        return;
    }
    const Result<Id> saved = m_clinic.rooms().save(enteredRoom(), m_clinic.actor());
    if (!saved) {
        // Another desk may have taken the name meanwhile: check against what is stored now.
        if (Result<QList<Room>> rooms = m_clinic.roomList(); rooms) {
            m_others = std::move(rooms).value();
        }
        revalidate();
        m_errorLine->show(saved.error().message);
        return;
    }
    m_savedId = *saved;
    QDialog::accept();
}

void RoomDialog::reject()
{
    if (hasUnsavedChanges()) {
        const bool canSave = m_ui->buttons->button(QDialogButtonBox::Save)->isEnabled();
        switch (
            askAboutUnsavedChanges(this, tr("The room has changes that are not saved."), canSave)) {
        case UnsavedChoice::Save:
            accept();
            return;
        case UnsavedChoice::Stay:
            return;
        case UnsavedChoice::Discard:
            break;
        }
    }
    QDialog::reject();
}

} // namespace masahista::gui
