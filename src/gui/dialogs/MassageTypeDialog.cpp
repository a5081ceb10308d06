#include "MassageTypeDialog.h"

#include "booking/Clinic.h"
#include "booking/catalogue/MassageTypeService.h"
#include "booking/catalogue/RoomService.h"
#include "gui/models/MassageTypeTableModel.h"
#include "ui_MassageTypeDialog.h"

#include <QCheckBox>
#include <QColor>
#include <QColorDialog>
#include <QEvent>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>

namespace masahista::gui {

namespace {

const QString defaultColor = QStringLiteral("#8bc34a");
constexpr int defaultBufferMinutes = 15;
constexpr int defaultMinutes = 60;
constexpr int maxSpinMinutes = 999;

// "95.00": what parsePrice() reads back, without the currency sign the column title gives.
QString priceText(qint64 cents)
{
    const qint64 magnitude = cents < 0 ? -cents : cents;
    return (cents < 0 ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) +
           QLatin1Char('.') + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

} // namespace

MassageTypeDialog::MassageTypeDialog(Clinic& clinic, Id typeId, QWidget* parent)
    : CatalogItemDialog(parent)
    , m_ui(std::make_unique<Ui::MassageTypeDialog>())
    , m_clinic(clinic)
{
    m_ui->setupUi(this);
    setUp(m_ui->errorLabel, m_ui->buttons->button(QDialogButtonBox::Save),
          tr("The massage type has changes that are not saved."));
    for (const Pressure pressure :
         {Pressure::Light, Pressure::Medium, Pressure::Firm, Pressure::Deep}) {
        m_ui->pressureCombo->addItem(MassageTypeTableModel::pressureText(pressure),
                                     static_cast<int>(pressure));
    }
    m_ui->roomKindCombo->lineEdit()->setPlaceholderText(tr("Any room"));
    m_ui->optionsTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->optionsTable->horizontalHeader()->setSectionResizeMode(MinutesColumn,
                                                                 QHeaderView::ResizeToContents);
    m_ui->optionsTable->horizontalHeader()->setSectionResizeMode(PriceColumn, QHeaderView::Stretch);
    m_ui->optionsTable->horizontalHeader()->setSectionResizeMode(OfferedColumn,
                                                                 QHeaderView::ResizeToContents);
    m_ui->optionsTable->horizontalHeaderItem(PriceColumn)->setText(tr("Price ($)"));

    const bool ready = load(typeId);
    // A clinic that could not be read leaves nothing to edit, only the reason and Cancel.
    const QList<QWidget*> fields{m_ui->nameEdit,      m_ui->descriptionEdit, m_ui->pressureCombo,
                                 m_ui->modalityCombo, m_ui->bufferSpin,      m_ui->roomKindCombo,
                                 m_ui->colorEdit,     m_ui->colorButton,     m_ui->activeCheck,
                                 m_ui->optionsBox};
    for (QWidget* field : fields) {
        field->setEnabled(ready);
    }

    const auto changed = [this] {
        revalidate();
    };
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, changed);
    connect(m_ui->descriptionEdit, &QPlainTextEdit::textChanged, this, changed);
    connect(m_ui->pressureCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ui->modalityCombo, &QComboBox::currentIndexChanged, this, changed);
    connect(m_ui->bufferSpin, &QSpinBox::valueChanged, this, changed);
    connect(m_ui->roomKindCombo, &QComboBox::currentTextChanged, this, changed);
    connect(m_ui->colorEdit, &QLineEdit::textChanged, this, [this] {
        showColor();
        revalidate();
    });
    connect(m_ui->activeCheck, &QCheckBox::toggled, this, changed);
    connect(m_ui->colorButton, &QPushButton::clicked, this, &MassageTypeDialog::chooseColor);
    connect(m_ui->addOptionButton, &QPushButton::clicked, this, &MassageTypeDialog::addOption);
    connect(m_ui->removeOptionButton, &QPushButton::clicked, this,
            &MassageTypeDialog::removeSelectedOption);
    connect(m_ui->optionsTable, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_ui->removeOptionButton->setEnabled(row >= 0); });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &MassageTypeDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &MassageTypeDialog::reject);

    loaded(ready);
    m_ui->nameEdit->setFocus();
}

MassageTypeDialog::~MassageTypeDialog() = default;

bool MassageTypeDialog::load(Id typeId)
{
    Result<QList<MassageType>> types = m_clinic.massageTypeList();
    Result<QList<Modality>> modalities = m_clinic.modalities();
    Result<QList<Room>> rooms = m_clinic.roomList();
    Result<int> grid = m_clinic.massageTypes().bookingStepMinutes();
    for (const Error* error :
         {types ? nullptr : &types.error(), modalities ? nullptr : &modalities.error(),
          rooms ? nullptr : &rooms.error(), grid ? nullptr : &grid.error()}) {
        if (error != nullptr) {
            setWindowTitle(tr("Massage type"));
            showLoadProblem(error->message);
            return false;
        }
    }
    m_others = std::move(types).value();
    m_modalities = std::move(modalities).value();
    m_gridMinutes = *grid;

    MassageType type;
    if (typeId == 0) {
        setWindowTitle(tr("New massage type"));
        type.bufferMinutes = defaultBufferMinutes;
        type.color = defaultColor;
        type.options.append({0, defaultMinutes, 0, true});
        // New types go to the end of the list, where the owner looks for what they just added.
        int last = 0;
        for (const MassageType& other : m_others) {
            last = std::max(last, other.sortOrder);
        }
        type.sortOrder = m_others.isEmpty() ? 0 : last + 1;
    } else {
        const auto found =
            std::find_if(m_others.cbegin(), m_others.cend(),
                         [typeId](const MassageType& each) { return each.id == typeId; });
        if (found == m_others.cend()) {
            setWindowTitle(tr("Massage type"));
            showLoadProblem(tr("There is no massage type with id %1; another desk may have removed "
                               "it.")
                                .arg(typeId));
            return false;
        }
        type = *found;
        setWindowTitle(tr("Massage type: %1").arg(type.name));
    }
    m_loaded = type;

    m_ui->modalityCombo->addItem(tr("None: any therapist"), Id{0});
    QList<Modality> sorted = m_modalities;
    std::sort(sorted.begin(), sorted.end(), [](const Modality& a, const Modality& b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const Modality& modality : sorted) {
        m_ui->modalityCombo->addItem(modality.name, modality.id);
    }
    QStringList kinds = RoomService::kindsOf(*rooms);
    if (!type.roomKind.isEmpty() && !kinds.contains(type.roomKind)) {
        kinds.append(type.roomKind);
    }
    m_ui->roomKindCombo->addItems(kinds);
    fill(type);
    return true;
}

void MassageTypeDialog::fill(const MassageType& type)
{
    m_ui->nameEdit->setText(type.name);
    m_ui->descriptionEdit->setPlainText(type.description);
    m_ui->pressureCombo->setCurrentIndex(
        m_ui->pressureCombo->findData(static_cast<int>(type.pressure)));
    const int modality = m_ui->modalityCombo->findData(type.requiredModalityId);
    m_ui->modalityCombo->setCurrentIndex(std::max(modality, 0));
    m_ui->bufferSpin->setValue(type.bufferMinutes);
    m_ui->roomKindCombo->setCurrentIndex(-1);
    m_ui->roomKindCombo->setEditText(type.roomKind);
    m_ui->colorEdit->setText(type.color);
    m_ui->activeCheck->setChecked(type.active);
    m_ui->optionsTable->setRowCount(0);
    for (const DurationOption& option : type.options) {
        appendOptionRow(option);
    }
    m_ui->removeOptionButton->setEnabled(false);
    showColor();
}

void MassageTypeDialog::appendOptionRow(const DurationOption& option)
{
    QTableWidget* table = m_ui->optionsTable;
    const int row = table->rowCount();
    table->insertRow(row);

    auto* minutes = new QSpinBox(table);
    minutes->setObjectName(QStringLiteral("minutesSpin"));
    minutes->setRange(0, maxSpinMinutes);
    // Arrows walk the clinic's grid, so the offered steps are the valid ones.
    minutes->setSingleStep(m_gridMinutes);
    minutes->setSuffix(tr(" min"));
    minutes->setValue(option.minutes);
    minutes->setAccessibleName(tr("Length %1, minutes").arg(row + 1));
    auto* price = new QLineEdit(table);
    price->setObjectName(QStringLiteral("priceEdit"));
    price->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    price->setPlaceholderText(QStringLiteral("95.00"));
    price->setText(option.id == 0 && option.priceCents == 0 ? QString()
                                                            : priceText(option.priceCents));
    price->setAccessibleName(tr("Length %1, price").arg(row + 1));
    auto* offered = new QCheckBox(table);
    offered->setObjectName(QStringLiteral("offeredCheck"));
    offered->setChecked(option.active);
    offered->setAccessibleName(tr("Length %1 offered").arg(row + 1));
    offered->setToolTip(tr("Untick to stop offering this length; appointments that booked it "
                           "keep it."));
    table->setCellWidget(row, MinutesColumn, minutes);
    table->setCellWidget(row, PriceColumn, price);
    table->setCellWidget(row, OfferedColumn, offered);
    for (QWidget* cell : {static_cast<QWidget*>(minutes), static_cast<QWidget*>(price),
                          static_cast<QWidget*>(offered)}) {
        // Focus inside a row makes it the row Remove takes out.
        cell->installEventFilter(this);
    }

    const auto changed = [this] {
        revalidate();
    };
    connect(minutes, &QSpinBox::valueChanged, this, changed);
    connect(price, &QLineEdit::textChanged, this, changed);
    connect(offered, &QCheckBox::toggled, this, changed);
}

bool MassageTypeDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusIn) {
        QTableWidget* table = m_ui->optionsTable;
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = MinutesColumn; column <= OfferedColumn; ++column) {
                if (table->cellWidget(row, column) == watched) {
                    table->setCurrentCell(row, column);
                }
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

void MassageTypeDialog::addOption()
{
    int longest = 0;
    for (const DurationOption& option : enteredType().options) {
        longest = std::max(longest, option.minutes);
    }
    // Half an hour past the longest, rounded up to the grid: the usual next length.
    int minutes = longest == 0 ? defaultMinutes : longest + 30;
    if (m_gridMinutes > 0 && minutes % m_gridMinutes != 0) {
        minutes += m_gridMinutes - minutes % m_gridMinutes;
    }
    appendOptionRow({0, std::min(minutes, maxSpinMinutes), 0, true});
    const int row = m_ui->optionsTable->rowCount() - 1;
    m_ui->optionsTable->setCurrentCell(row, PriceColumn);
    m_ui->optionsTable->cellWidget(row, PriceColumn)->setFocus();
    revalidate();
}

void MassageTypeDialog::removeSelectedOption()
{
    const int row = m_ui->optionsTable->currentRow();
    if (row < 0) {
        return;
    }
    m_ui->optionsTable->removeRow(row);
    m_ui->removeOptionButton->setEnabled(m_ui->optionsTable->currentRow() >= 0);
    revalidate();
}

MassageType MassageTypeDialog::enteredType() const
{
    MassageType type = m_loaded;
    type.name = m_ui->nameEdit->text();
    type.description = m_ui->descriptionEdit->toPlainText();
    type.pressure = static_cast<Pressure>(m_ui->pressureCombo->currentData().toInt());
    type.requiredModalityId = m_ui->modalityCombo->currentData().toLongLong();
    type.requiredModalityName =
        m_ui->modalityCombo->currentIndex() > 0 ? m_ui->modalityCombo->currentText() : QString();
    type.bufferMinutes = m_ui->bufferSpin->value();
    type.roomKind = m_ui->roomKindCombo->currentText();
    type.color = m_ui->colorEdit->text();
    type.active = m_ui->activeCheck->isChecked();
    type.options.clear();
    const QTableWidget* table = m_ui->optionsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* minutes = qobject_cast<const QSpinBox*>(table->cellWidget(row, MinutesColumn));
        const auto* price = qobject_cast<const QLineEdit*>(table->cellWidget(row, PriceColumn));
        const auto* offered = qobject_cast<const QCheckBox*>(table->cellWidget(row, OfferedColumn));
        const Result<qint64> cents = MassageTypeService::parsePrice(price->text());
        // Ids are the service's business: it matches lengths to the stored ones by minutes.
        type.options.append({0, minutes->value(), cents ? *cents : 0, offered->isChecked()});
    }
    return type;
}

FieldProblems MassageTypeDialog::check() const
{
    FieldProblems problems =
        MassageTypeService::problemsIn(enteredType(), m_others, m_modalities, m_gridMinutes);
    const QTableWidget* table = m_ui->optionsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* price = qobject_cast<const QLineEdit*>(table->cellWidget(row, PriceColumn));
        const Result<qint64> cents = MassageTypeService::parsePrice(price->text());
        if (!cents) {
            problems.append({MassageTypeService::optionField(row, u"price"),
                             tr("Length %1: %2").arg(row + 1).arg(cents.error().message)});
        }
    }
    return problems;
}

void MassageTypeDialog::showProblems(const FieldProblems& problems)
{
    const auto show = [&problems](QLabel* label, const QString& field) {
        const QString message = problemOf(problems, field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
    };
    show(m_ui->nameError, QStringLiteral("name"));
    show(m_ui->descriptionError, QStringLiteral("description"));
    show(m_ui->modalityError, QStringLiteral("modality"));
    show(m_ui->bufferError, QStringLiteral("buffer"));
    show(m_ui->roomKindError, QStringLiteral("roomKind"));
    show(m_ui->colorError, QStringLiteral("color"));

    // The lengths share one line of messages under the table, row by row; each cell with a
    // problem carries its own message as a tooltip too.
    QStringList lines;
    if (const QString whole = problemOf(problems, QStringLiteral("options")); !whole.isEmpty()) {
        lines.append(whole);
    }
    const QTableWidget* table = m_ui->optionsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        for (const auto& [column, part] :
             {std::pair{MinutesColumn, u"minutes"}, std::pair{PriceColumn, u"price"}}) {
            const QString message = problemOf(problems, MassageTypeService::optionField(row, part));
            table->cellWidget(row, column)->setToolTip(message);
            if (!message.isEmpty()) {
                lines.append(message);
            }
        }
    }
    m_ui->optionsError->setText(lines.join(QLatin1Char('\n')));
    m_ui->optionsError->setVisible(!lines.isEmpty());
}

void MassageTypeDialog::showColor()
{
    const QColor color = QColor::fromString(m_ui->colorEdit->text().trimmed());
    m_ui->colorSwatch->setAutoFillBackground(color.isValid());
    QPalette palette = m_ui->colorSwatch->palette();
    palette.setColor(QPalette::Window, color.isValid() ? color : QColor(Qt::transparent));
    m_ui->colorSwatch->setPalette(palette);
}

void MassageTypeDialog::chooseColor()
{
    const QColor current = QColor::fromString(m_ui->colorEdit->text().trimmed());
    const QColor chosen = QColorDialog::getColor(current.isValid() ? current : QColor(defaultColor),
                                                 this, tr("Calendar colour"));
    if (chosen.isValid()) {
        m_ui->colorEdit->setText(chosen.name(QColor::HexRgb));
    }
}

QStringList MassageTypeDialog::formState() const
{
    const MassageType type = enteredType();
    QStringList state{type.name,
                      type.description,
                      QString::number(static_cast<int>(type.pressure)),
                      QString::number(type.requiredModalityId),
                      QString::number(type.bufferMinutes),
                      type.roomKind,
                      type.color,
                      QString::number(type.active)};
    // The price as typed, so that a price changed to something unreadable still counts.
    const QTableWidget* table = m_ui->optionsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* price = qobject_cast<const QLineEdit*>(table->cellWidget(row, PriceColumn));
        const DurationOption& option = type.options.at(row);
        state.append(
            QStringLiteral("%1|%2|%3").arg(option.minutes).arg(price->text()).arg(option.active));
    }
    return state;
}

bool MassageTypeDialog::editsExisting() const
{
    return m_loaded.id != 0;
}

Result<Id> MassageTypeDialog::save()
{
    return m_clinic.massageTypes().save(enteredType(), m_clinic.actor());
}

void MassageTypeDialog::rereadOthers()
{
    // Another desk may have taken the name or booked meanwhile.
    if (Result<QList<MassageType>> types = m_clinic.massageTypeList(); types) {
        m_others = std::move(types).value();
    }
}

} // namespace masahista::gui
