#include "TherapistDialog.h"

#include "booking/Clinic.h"
#include "booking/ClinicTime.h"
#include "booking/Clock.h"
#include "booking/TherapistService.h"
#include "gui/DateEdit.h"
#include "gui/FormErrorLine.h"
#include "gui/ProblemColour.h"
#include "gui/TherapistProfile.h"
#include "ui_TherapistDialog.h"

#include <QAbstractSpinBox>
#include <QBuffer>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QImageReader>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTabBar>

#include <algorithm>
#include <memory>

namespace masahista::gui {

namespace {

enum CredentialColumn
{
    IssuingBodyColumn,
    NumberColumn,
    ValidFromColumn,
    ValidToColumn,
    OnReceiptsColumn
};

enum EducationColumn
{
    SchoolColumn,
    ProgrammeColumn,
    HoursColumn,
    CompletedColumn
};

enum CertificationColumn
{
    ModalityColumn,
    CertifiedOnColumn,
    ExpiresOnColumn,
    BookableColumn
};

// The row's stored id, kept on its first cell so that an edit keeps what it does not change.
constexpr int rowIdRole = Qt::UserRole;

// A date edit cannot be empty: its minimum stands for "no date" and shows as "none".
const QDate noDate(1900, 1, 1);

// Calendar colours for new therapists, distinct at a glance; the first one nobody uses yet is
// offered, so a new column does not look like a colleague's.
const QStringList newColors{QStringLiteral("#5b8def"), QStringLiteral("#e91e63"),
                            QStringLiteral("#43a047"), QStringLiteral("#fb8c00"),
                            QStringLiteral("#8e24aa"), QStringLiteral("#00897b"),
                            QStringLiteral("#6d4c41"), QStringLiteral("#3949ab"),
                            QStringLiteral("#c0ca33"), QStringLiteral("#f4511e")};

// A cell with a problem: a translucent red that reads in the light and the dark palette.
const QColor problemColor(198, 40, 40, 70);

QDateEdit* dateCell(QDate date)
{
    auto* edit = new DateEdit;
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(TherapistDialog::tr("none"));
    edit->setDate(date.isValid() ? date : noDate);
    edit->setFrame(false);
    return edit;
}

QDate dateIn(const QTableWidget* table, int row, int column)
{
    const auto* edit = qobject_cast<const QDateEdit*>(table->cellWidget(row, column));
    return edit == nullptr || edit->date() <= noDate ? QDate() : edit->date();
}

QString textIn(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item == nullptr ? QString() : item->text();
}

Id rowId(const QTableWidget* table, int row)
{
    const QTableWidgetItem* item = table->item(row, 0);
    return item == nullptr ? 0 : item->data(rowIdRole).toLongLong();
}

// Everything a person can change in the form; ids and names filled on reading are left out.
bool sameContent(const Therapist& a, const Therapist& b)
{
    const auto sameCredentials = [](const Credential& x, const Credential& y) {
        return x.issuingBody == y.issuingBody && x.registrationNumber == y.registrationNumber &&
               x.validFrom == y.validFrom && x.validTo == y.validTo &&
               x.printedOnReceipts == y.printedOnReceipts;
    };
    const auto sameEducation = [](const Education& x, const Education& y) {
        return x.school == y.school && x.programme == y.programme &&
               x.programmeHours == y.programmeHours && x.completedOn == y.completedOn;
    };
    const auto sameCertification = [](const Certification& x, const Certification& y) {
        return x.modalityId == y.modalityId && x.certifiedOn == y.certifiedOn &&
               x.expiresOn == y.expiresOn;
    };
    return a.displayName == b.displayName && a.title == b.title && a.teamRole == b.teamRole &&
           a.bio == b.bio && a.photo == b.photo && a.calendarColor == b.calendarColor &&
           a.active == b.active && a.sortOrder == b.sortOrder &&
           std::equal(a.credentials.cbegin(), a.credentials.cend(), b.credentials.cbegin(),
                      b.credentials.cend(), sameCredentials) &&
           std::equal(a.education.cbegin(), a.education.cend(), b.education.cbegin(),
                      b.education.cend(), sameEducation) &&
           std::equal(a.certifications.cbegin(), a.certifications.cend(), b.certifications.cbegin(),
                      b.certifications.cend(), sameCertification);
}

void setUpTable(QTableWidget* table, int stretchedColumn, const QList<int>& dateColumns)
{
    table->verticalHeader()->hide();
    QHeaderView* header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(stretchedColumn, QHeaderView::Stretch);
    // Sizing to contents looks at the items, not at the date edits over them.
    const std::unique_ptr<QDateEdit> sample(dateCell(QDate(2000, 12, 28)));
    const int dateWidth = std::max(sample->sizeHint().width() + 8, header->sectionSizeHint(0));
    for (int column : dateColumns) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        table->setColumnWidth(column, dateWidth);
    }
}

void showProblem(QLabel* label, const QString& problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

TherapistDialog::TherapistDialog(Clinic& clinic, Id therapistId, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TherapistDialog>())
    , m_clinic(clinic)
    , m_therapistId(therapistId)
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->errorLabel->hide();
    m_errorLine = new FormErrorLine(m_ui->errorLabel, this);
    setUpTable(m_ui->credentialsTable, IssuingBodyColumn, {ValidFromColumn, ValidToColumn});
    setUpTable(m_ui->educationTable, SchoolColumn, {CompletedColumn});
    setUpTable(m_ui->certificationsTable, BookableColumn, {CertifiedOnColumn, ExpiresOnColumn});
    m_ui->colorButton->setAccessibleName(tr("Calendar colour"));
    m_ui->photoLabel->setAccessibleName(tr("Photo"));

    for (QLineEdit* edit : {m_ui->nameEdit, m_ui->titleEdit, m_ui->teamRoleEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &TherapistDialog::refresh);
    }
    connect(m_ui->bioEdit, &QPlainTextEdit::textChanged, this, &TherapistDialog::refresh);
    connect(m_ui->activeCheck, &QCheckBox::toggled, this, &TherapistDialog::refresh);
    connect(m_ui->sortOrderSpin, &QSpinBox::valueChanged, this, &TherapistDialog::refresh);
    connect(m_ui->colorButton, &QPushButton::clicked, this, &TherapistDialog::chooseColor);
    connect(m_ui->choosePhotoButton, &QPushButton::clicked, this, &TherapistDialog::choosePhoto);
    connect(m_ui->removePhotoButton, &QPushButton::clicked, this, [this] {
        m_photo.clear();
        m_photoProblem.clear();
        showPhoto();
        refresh();
    });

    for (QTableWidget* table :
         {m_ui->credentialsTable, m_ui->educationTable, m_ui->certificationsTable}) {
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!m_filling) {
                refresh();
            }
        });
    }
    connect(m_ui->addCredentialButton, &QPushButton::clicked, this, [this] {
        addCredentialRow(Credential{});
        const int row = m_ui->credentialsTable->rowCount() - 1;
        m_ui->credentialsTable->setCurrentCell(row, IssuingBodyColumn);
        m_ui->credentialsTable->editItem(m_ui->credentialsTable->item(row, IssuingBodyColumn));
        refresh();
    });
    connect(m_ui->addEducationButton, &QPushButton::clicked, this, [this] {
        addEducationRow(Education{});
        const int row = m_ui->educationTable->rowCount() - 1;
        m_ui->educationTable->setCurrentCell(row, SchoolColumn);
        m_ui->educationTable->editItem(m_ui->educationTable->item(row, SchoolColumn));
        refresh();
    });
    connect(m_ui->addCertificationButton, &QPushButton::clicked, this, [this] {
        addCertificationRow(Certification{});
        const int row = m_ui->certificationsTable->rowCount() - 1;
        m_ui->certificationsTable->setCurrentCell(row, ModalityColumn);
        m_ui->certificationsTable->cellWidget(row, ModalityColumn)->setFocus();
        refresh();
    });
    connect(m_ui->removeCredentialButton, &QPushButton::clicked, this,
            [this] { removeCurrentRow(m_ui->credentialsTable); });
    connect(m_ui->removeEducationButton, &QPushButton::clicked, this,
            [this] { removeCurrentRow(m_ui->educationTable); });
    connect(m_ui->removeCertificationButton, &QPushButton::clicked, this,
            [this] { removeCurrentRow(m_ui->certificationsTable); });

    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &TherapistDialog::save);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &TherapistDialog::reject);

    loadClinic(therapistId);
    m_ui->nameEdit->setFocus();
}

TherapistDialog::~TherapistDialog() = default;

void TherapistDialog::loadClinic(Id therapistId)
{
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    Result<QList<Therapist>> all = m_clinic.therapistList();
    Result<QList<Modality>> modalities = m_clinic.modalities();
    Result<QList<MassageType>> types = m_clinic.massageTypeList(false);
    Result<ClinicSettings> settings = m_clinic.clinicSettings();
    for (const Error* problem :
         {all ? nullptr : &all.error(), modalities ? nullptr : &modalities.error(),
          types ? nullptr : &types.error(), settings ? nullptr : &settings.error()}) {
        if (problem != nullptr) {
            showError(problem->message);
            m_ui->tabs->setEnabled(false);
            return;
        }
    }
    m_others = std::move(all).value();
    m_modalities = std::move(modalities).value();
    m_activeTypes = std::move(types).value();
    m_today = ClinicTime::toLocal(m_clinic.clock().nowUtc(), ClinicTime::zone(settings->timeZoneId))
                  .date();

    Therapist therapist;
    if (therapistId != 0) {
        const auto found = std::find_if(
            m_others.cbegin(), m_others.cend(),
            [therapistId](const Therapist& candidate) { return candidate.id == therapistId; });
        if (found == m_others.cend()) {
            showError(tr("There is no therapist with id %1; someone may have removed it.")
                          .arg(therapistId));
            m_ui->tabs->setEnabled(false);
            return;
        }
        therapist = *found;
    } else {
        QStringList used;
        int lastSortOrder = -1;
        for (const Therapist& other : std::as_const(m_others)) {
            used.append(other.calendarColor.toLower());
            lastSortOrder = std::max(lastSortOrder, other.sortOrder);
        }
        therapist.calendarColor = newColors.constFirst();
        for (const QString& color : newColors) {
            if (!used.contains(color)) {
                therapist.calendarColor = color;
                break;
            }
        }
        // After everyone else, as a new colleague joins the end of the calendar.
        therapist.sortOrder = std::min(lastSortOrder + 1, m_ui->sortOrderSpin->maximum());
    }
    showTherapist(therapist);
    m_opened = enteredTherapist();
    m_loaded = true;
    refresh();
}

void TherapistDialog::showTherapist(const Therapist& therapist)
{
    const QScopedValueRollback filling(m_filling, true);
    m_ui->nameEdit->setText(therapist.displayName);
    m_ui->titleEdit->setText(therapist.title);
    m_ui->teamRoleEdit->setText(therapist.teamRole);
    m_ui->bioEdit->setPlainText(therapist.bio);
    m_ui->activeCheck->setChecked(therapist.active);
    m_ui->sortOrderSpin->setValue(therapist.sortOrder);
    m_photo = therapist.photo;
    // What saving stores for a therapist without a colour, shown as such.
    m_color = therapist.calendarColor.isEmpty() ? TherapistService::defaultCalendarColor
                                                : therapist.calendarColor;
    showPhoto();
    showColor();
    for (const Credential& credential : therapist.credentials) {
        addCredentialRow(credential);
    }
    for (const Education& education : therapist.education) {
        addEducationRow(education);
    }
    for (const Certification& certification : therapist.certifications) {
        addCertificationRow(certification);
    }
}

void TherapistDialog::addCredentialRow(const Credential& credential)
{
    const QScopedValueRollback filling(m_filling, true);
    QTableWidget* table = m_ui->credentialsTable;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* body = new QTableWidgetItem(credential.issuingBody);
    body->setData(rowIdRole, credential.id);
    table->setItem(row, IssuingBodyColumn, body);
    table->setItem(row, NumberColumn, new QTableWidgetItem(credential.registrationNumber));
    for (const auto& [column, date] : {std::pair{ValidFromColumn, credential.validFrom},
                                       std::pair{ValidToColumn, credential.validTo}}) {
        QDateEdit* edit = dateCell(date);
        edit->installEventFilter(this);
        connect(edit, &QDateEdit::dateChanged, this, &TherapistDialog::refresh);
        table->setCellWidget(row, column, edit);
    }
    auto* printed = new QTableWidgetItem;
    printed->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    printed->setCheckState(credential.printedOnReceipts ? Qt::Checked : Qt::Unchecked);
    table->setItem(row, OnReceiptsColumn, printed);
}

void TherapistDialog::addEducationRow(const Education& education)
{
    const QScopedValueRollback filling(m_filling, true);
    QTableWidget* table = m_ui->educationTable;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* school = new QTableWidgetItem(education.school);
    school->setData(rowIdRole, education.id);
    table->setItem(row, SchoolColumn, school);
    table->setItem(row, ProgrammeColumn, new QTableWidgetItem(education.programme));
    auto* hours = new QSpinBox;
    // Bounded as the service's rule is, so that no number it would refuse can be typed.
    hours->setRange(0, TherapistService::maxProgrammeHours);
    hours->setSpecialValueText(tr("not stated"));
    hours->setValue(education.programmeHours);
    hours->setFrame(false);
    hours->installEventFilter(this);
    connect(hours, &QSpinBox::valueChanged, this, &TherapistDialog::refresh);
    table->setCellWidget(row, HoursColumn, hours);
    QDateEdit* completed = dateCell(education.completedOn);
    completed->installEventFilter(this);
    connect(completed, &QDateEdit::dateChanged, this, &TherapistDialog::refresh);
    table->setCellWidget(row, CompletedColumn, completed);
}

void TherapistDialog::addCertificationRow(const Certification& certification)
{
    const QScopedValueRollback filling(m_filling, true);
    QTableWidget* table = m_ui->certificationsTable;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* modality = new QComboBox;
    modality->addItem(tr("Choose…"), Id{0});
    for (const Modality& each : std::as_const(m_modalities)) {
        modality->addItem(each.name, each.id);
    }
    modality->setCurrentIndex(std::max(modality->findData(certification.modalityId), 0));
    modality->setFrame(false);
    modality->installEventFilter(this);
    connect(modality, &QComboBox::currentIndexChanged, this, &TherapistDialog::refresh);
    table->setCellWidget(row, ModalityColumn, modality);
    // The id lives on an item under the combo box, like the other tables' first cells.
    auto* idItem = new QTableWidgetItem;
    idItem->setData(rowIdRole, certification.id);
    idItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table->setItem(row, ModalityColumn, idItem);
    for (const auto& [column, date] : {std::pair{CertifiedOnColumn, certification.certifiedOn},
                                       std::pair{ExpiresOnColumn, certification.expiresOn}}) {
        QDateEdit* edit = dateCell(date);
        edit->installEventFilter(this);
        connect(edit, &QDateEdit::dateChanged, this, &TherapistDialog::refresh);
        table->setCellWidget(row, column, edit);
    }
    auto* bookable = new QTableWidgetItem;
    bookable->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table->setItem(row, BookableColumn, bookable);
}

bool TherapistDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Clicking into a date, number or modality makes its row the current one, so that Remove
    // takes the row the user is working on.
    if (event->type() == QEvent::FocusIn) {
        for (QTableWidget* table :
             {m_ui->credentialsTable, m_ui->educationTable, m_ui->certificationsTable}) {
            auto* widget = qobject_cast<QWidget*>(watched);
            if (widget != nullptr && widget->parentWidget() == table->viewport()) {
                const QModelIndex cell = table->indexAt(widget->geometry().center());
                if (cell.isValid()) {
                    table->setCurrentCell(cell.row(), cell.column());
                }
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

void TherapistDialog::removeCurrentRow(QTableWidget* table)
{
    const int row = table->currentRow();
    if (row < 0) {
        return;
    }
    table->removeRow(row);
    refresh();
}

Therapist TherapistDialog::enteredTherapist() const
{
    Therapist therapist;
    therapist.id = m_therapistId;
    therapist.displayName = m_ui->nameEdit->text();
    therapist.title = m_ui->titleEdit->text();
    therapist.teamRole = m_ui->teamRoleEdit->text();
    therapist.bio = m_ui->bioEdit->toPlainText();
    therapist.photo = m_photo;
    therapist.calendarColor = m_color;
    therapist.active = m_ui->activeCheck->isChecked();
    therapist.sortOrder = m_ui->sortOrderSpin->value();

    const QTableWidget* credentials = m_ui->credentialsTable;
    for (int row = 0; row < credentials->rowCount(); ++row) {
        const QTableWidgetItem* printed = credentials->item(row, OnReceiptsColumn);
        therapist.credentials.append(
            {rowId(credentials, row), textIn(credentials, row, IssuingBodyColumn),
             textIn(credentials, row, NumberColumn), dateIn(credentials, row, ValidFromColumn),
             dateIn(credentials, row, ValidToColumn),
             printed != nullptr && printed->checkState() == Qt::Checked});
    }
    const QTableWidget* education = m_ui->educationTable;
    for (int row = 0; row < education->rowCount(); ++row) {
        const auto* hours = qobject_cast<const QSpinBox*>(education->cellWidget(row, HoursColumn));
        therapist.education.append({rowId(education, row), textIn(education, row, SchoolColumn),
                                    textIn(education, row, ProgrammeColumn),
                                    hours == nullptr ? 0 : hours->value(),
                                    dateIn(education, row, CompletedColumn)});
    }
    const QTableWidget* certifications = m_ui->certificationsTable;
    for (int row = 0; row < certifications->rowCount(); ++row) {
        const auto* modality =
            qobject_cast<const QComboBox*>(certifications->cellWidget(row, ModalityColumn));
        const Id modalityId = modality == nullptr ? 0 : modality->currentData().toLongLong();
        therapist.certifications.append({rowId(certifications, row), modalityId,
                                         modalityName(modalityId),
                                         dateIn(certifications, row, CertifiedOnColumn),
                                         dateIn(certifications, row, ExpiresOnColumn)});
    }
    return therapist;
}

bool TherapistDialog::hasChanges() const
{
    return m_loaded && !sameContent(enteredTherapist(), m_opened);
}

QString TherapistDialog::modalityName(Id modalityId) const
{
    for (const Modality& modality : m_modalities) {
        if (modality.id == modalityId) {
            return modality.name;
        }
    }
    return {};
}

void TherapistDialog::showPhoto()
{
    const QImage photo = QImage::fromData(m_photo);
    if (photo.isNull()) {
        m_ui->photoLabel->setPixmap(QPixmap());
        m_ui->photoLabel->setText(m_photo.isEmpty() ? tr("No photo")
                                                    : tr("The stored photo cannot be shown."));
    } else {
        // The label's fixed size, less its frame: its geometry is not laid out before show().
        const int frame = m_ui->photoLabel->frameWidth();
        const QSize room = m_ui->photoLabel->maximumSize() - QSize(2 * frame, 2 * frame);
        m_ui->photoLabel->setPixmap(
            QPixmap::fromImage(photo.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    m_ui->removePhotoButton->setEnabled(!m_photo.isEmpty());
}

void TherapistDialog::showColor()
{
    const QColor color = QColor::fromString(m_color);
    QPixmap swatch(16, 16);
    swatch.fill(color.isValid() ? color : QColor(Qt::transparent));
    m_ui->colorButton->setIcon(QIcon(swatch));
    m_ui->colorButton->setText(m_color.isEmpty() ? tr("Choose…") : m_color);
}

void TherapistDialog::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a photo"), QString(),
        tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"));
    if (!path.isEmpty()) {
        loadPhoto(path);
    }
}

bool TherapistDialog::loadPhoto(const QString& path)
{
    QImageReader reader(path);
    // Phones store portraits sideways with an orientation tag; apply it.
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        m_photoProblem = tr("%1 cannot be used as a photo: %2")
                             .arg(QDir::toNativeSeparators(path), reader.errorString());
        refresh();
        return false;
    }
    if (image.width() > maxPhotoPixels || image.height() > maxPhotoPixels) {
        image = image.scaled(maxPhotoPixels, maxPhotoPixels, Qt::KeepAspectRatio,
                             Qt::SmoothTransformation);
    }
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG")) {
        m_photoProblem = tr("The photo could not be converted to PNG.");
        refresh();
        return false;
    }
    m_photo = png;
    m_photoProblem.clear();
    showPhoto();
    refresh();
    return true;
}

void TherapistDialog::chooseColor()
{
    const QColor chosen =
        QColorDialog::getColor(QColor::fromString(m_color), this, tr("Calendar colour"));
    if (chosen.isValid()) {
        m_color = chosen.name(QColor::HexRgb);
        showColor();
        refresh();
    }
}

void TherapistDialog::refresh()
{
    if (!m_loaded || m_filling) {
        return;
    }
    const QScopedValueRollback filling(m_filling, true);
    const Therapist therapist = enteredTherapist();
    m_problems = TherapistService::problemsIn(therapist, m_others, m_modalities);

    showProblem(m_ui->nameError, problemOf(m_problems, QStringLiteral("name")));
    showProblem(m_ui->titleError, problemOf(m_problems, QStringLiteral("title")));
    showProblem(m_ui->teamRoleError, problemOf(m_problems, QStringLiteral("teamRole")));
    showProblem(m_ui->colorError, problemOf(m_problems, QStringLiteral("calendarColor")));
    showProblem(m_ui->photoError, m_photoProblem.isEmpty()
                                      ? problemOf(m_problems, QStringLiteral("photo"))
                                      : m_photoProblem);
    showTableProblems(m_ui->credentialsTable, m_ui->credentialsError, u"credentials",
                      {{IssuingBodyColumn, QStringLiteral("issuingBody")},
                       {NumberColumn, QStringLiteral("registrationNumber")},
                       {ValidToColumn, QStringLiteral("validTo")}});
    showTableProblems(m_ui->educationTable, m_ui->educationError, u"education",
                      {{SchoolColumn, QStringLiteral("school")},
                       {HoursColumn, QStringLiteral("programmeHours")}});
    showTableProblems(m_ui->certificationsTable, m_ui->certificationsError, u"certifications",
                      {{ModalityColumn, QStringLiteral("modality")},
                       {ExpiresOnColumn, QStringLiteral("expiresOn")}});
    showCertificationNotes(therapist);

    // A problem on a tab not in front would otherwise leave Save disabled without a reason.
    const auto tabHasProblem = [this](const QString& prefix) {
        return std::any_of(
            m_problems.cbegin(), m_problems.cend(),
            [&prefix](const FieldProblem& problem) { return problem.field.startsWith(prefix); });
    };
    const QColor problemText(0xc6, 0x28, 0x28);
    QTabBar* tabs = m_ui->tabs->tabBar();
    const bool profileProblem =
        !m_photoProblem.isEmpty() ||
        std::any_of(m_problems.cbegin(), m_problems.cend(),
                    [](const FieldProblem& problem) { return !problem.field.contains(u'['); });
    tabs->setTabTextColor(m_ui->tabs->indexOf(m_ui->profileTab),
                          profileProblem ? problemText : QColor());
    tabs->setTabTextColor(m_ui->tabs->indexOf(m_ui->credentialsTab),
                          tabHasProblem(QStringLiteral("credentials[")) ? problemText : QColor());
    tabs->setTabTextColor(m_ui->tabs->indexOf(m_ui->educationTab),
                          tabHasProblem(QStringLiteral("education[")) ? problemText : QColor());
    tabs->setTabTextColor(m_ui->tabs->indexOf(m_ui->certificationsTab),
                          tabHasProblem(QStringLiteral("certifications[")) ? problemText
                                                                           : QColor());

    const QString name = TherapistService::normalized(therapist).displayName;
    if (m_therapistId == 0) {
        setWindowTitle(name.isEmpty() ? tr("New therapist") : tr("New therapist: %1").arg(name));
    } else {
        setWindowTitle(tr("Therapist: %1").arg(name));
    }
    m_ui->buttons->button(QDialogButtonBox::Save)->setEnabled(m_problems.isEmpty());
}

void TherapistDialog::markCell(QTableWidget* table, int row, int column, const QString& problem)
{
    if (QTableWidgetItem* item = table->item(row, column)) {
        item->setToolTip(problem);
        item->setBackground(problem.isEmpty() ? QBrush() : QBrush(problemColor));
    }
    // Only the form's own cell widgets: an item's open editor is reported here too, and goes
    // away with its marks when the edit ends.
    QWidget* widget = table->cellWidget(row, column);
    if (qobject_cast<QAbstractSpinBox*>(widget) != nullptr ||
        qobject_cast<QComboBox*>(widget) != nullptr) {
        widget->setToolTip(problem);
        widget->setStyleSheet(problem.isEmpty()
                                  ? QString()
                                  : QStringLiteral("background-color: rgba(198, 40, 40, 70);"));
    }
}

void TherapistDialog::showTableProblems(QTableWidget* table, QLabel* label, QStringView list,
                                        const QList<std::pair<int, QString>>& checkedColumns)
{
    QStringList messages;
    for (int row = 0; row < table->rowCount(); ++row) {
        for (const auto& [column, part] : checkedColumns) {
            const QString problem =
                problemOf(m_problems, TherapistService::listField(list, row, part));
            markCell(table, row, column, problem);
            if (!problem.isEmpty()) {
                messages.append(problem);
            }
        }
    }
    showProblem(label, messages.join(QLatin1Char('\n')));
}

void TherapistDialog::showCertificationNotes(const Therapist& therapist)
{
    QTableWidget* table = m_ui->certificationsTable;
    for (int row = 0; row < table->rowCount() && row < therapist.certifications.size(); ++row) {
        const Id modalityId = therapist.certifications.at(row).modalityId;
        QStringList types;
        for (const MassageType& type : std::as_const(m_activeTypes)) {
            if (modalityId != 0 && type.requiredModalityId == modalityId) {
                types.append(type.name);
            }
        }
        QString text;
        if (modalityId != 0) {
            text = types.isEmpty() ? tr("no massage type needs it") : types.join(tr(", "));
        }
        if (QTableWidgetItem* item = table->item(row, BookableColumn)) {
            item->setText(text);
            item->setToolTip(text);
        }
    }

    QStringList warnings;
    for (const Certification& certification : therapist.certifications) {
        if (certification.modalityId != 0 && certification.expiresOn.isValid() &&
            certification.expiresOn < m_today) {
            warnings.append(tr("%1 expired on %2: its massage types cannot be booked with this "
                               "therapist.")
                                .arg(certification.modalityName,
                                     TherapistProfile::formatDate(certification.expiresOn)));
        }
    }
    for (const Certification& certification :
         TherapistService::expiringCertifications(therapist, m_today)) {
        if (certification.modalityId == 0) {
            continue;
        }
        const auto days = static_cast<int>(m_today.daysTo(certification.expiresOn));
        warnings.append(
            tr("%1 expires on %2, in %n day(s): renew it, or its massage types can no longer be "
               "booked with this therapist.",
               nullptr, days)
                .arg(certification.modalityName,
                     TherapistProfile::formatDate(certification.expiresOn)));
    }
    showProblem(m_ui->expiryWarningLabel, warnings.join(QLatin1Char('\n')));

    QStringList bookable;
    for (const MassageType& type :
         TherapistService::bookableTypes(therapist, m_activeTypes, m_today)) {
        bookable.append(type.name);
    }
    m_ui->bookableLabel->setText(
        bookable.isEmpty() ? tr("No massage type can be booked with these certifications today.")
                           : tr("Bookable today: %1.").arg(bookable.join(tr(", "))));
}

void TherapistDialog::save()
{
    refresh();
    if (!m_loaded || !m_problems.isEmpty()) {
        return;
    }
    const Result<Id> saved = m_clinic.therapists().save(enteredTherapist(), m_clinic.actor());
    if (!saved) {
        m_errorLine->show(saved.error().message);
        return;
    }
    m_savedId = *saved;
    QDialog::accept();
}

void TherapistDialog::reject()
{
    if (hasChanges()) {
        const QString name = TherapistService::normalized(enteredTherapist()).displayName;
        const auto answer =
            QMessageBox::question(this, tr("Unsaved changes"),
                                  name.isEmpty() ? tr("Discard the new therapist?")
                                                 : tr("Discard your changes to %1?").arg(name),
                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return;
        }
    }
    QDialog::reject();
}

void TherapistDialog::showError(const QString& message)
{
    m_errorLine->show(message, FormErrorLine::Until::Replaced);
}

} // namespace masahista::gui
