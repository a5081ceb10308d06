#include "TherapistProfileTab.h"

#include "booking/catalogue/TherapistService.h"
#include "gui/ProblemColour.h"
#include "ui_TherapistProfileTab.h"

#include <QBuffer>
#include <QColorDialog>
#include <QDir>
#include <QFileDialog>
#include <QImageReader>
#include <QPixmap>
#include <QScopedValueRollback>

#include <algorithm>

namespace masahista::gui {

namespace {

void showProblem(QLabel* label, const QString& problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

TherapistProfileTab::TherapistProfileTab(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TherapistProfileTab>())
{
    m_ui->setupUi(this);
    ProblemColour::applyToMarked(this);
    m_ui->colorButton->setAccessibleName(tr("Calendar colour"));
    m_ui->photoLabel->setAccessibleName(tr("Photo"));

    for (QLineEdit* edit : {m_ui->nameEdit, m_ui->titleEdit, m_ui->teamRoleEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &TherapistProfileTab::reportChange);
    }
    connect(m_ui->bioEdit, &QPlainTextEdit::textChanged, this, &TherapistProfileTab::reportChange);
    connect(m_ui->activeCheck, &QCheckBox::toggled, this, &TherapistProfileTab::reportChange);
    connect(m_ui->sortOrderSpin, &QSpinBox::valueChanged, this, &TherapistProfileTab::reportChange);
    connect(m_ui->colorButton, &QPushButton::clicked, this, &TherapistProfileTab::chooseColor);
    connect(m_ui->choosePhotoButton, &QPushButton::clicked, this,
            &TherapistProfileTab::choosePhoto);
    connect(m_ui->removePhotoButton, &QPushButton::clicked, this, [this] {
        m_photo.clear();
        m_photoProblem.clear();
        showPhoto();
        Q_EMIT changed();
    });
}

TherapistProfileTab::~TherapistProfileTab() = default;

void TherapistProfileTab::fill(const Therapist& therapist)
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
}

void TherapistProfileTab::writeInto(Therapist& therapist) const
{
    therapist.displayName = m_ui->nameEdit->text();
    therapist.title = m_ui->titleEdit->text();
    therapist.teamRole = m_ui->teamRoleEdit->text();
    therapist.bio = m_ui->bioEdit->toPlainText();
    therapist.photo = m_photo;
    therapist.calendarColor = m_color;
    therapist.active = m_ui->activeCheck->isChecked();
    therapist.sortOrder = m_ui->sortOrderSpin->value();
}

int TherapistProfileTab::maxSortOrder() const
{
    return m_ui->sortOrderSpin->maximum();
}

void TherapistProfileTab::focusName()
{
    m_ui->nameEdit->setFocus();
}

void TherapistProfileTab::reportChange()
{
    if (!m_filling) {
        Q_EMIT changed();
    }
}

void TherapistProfileTab::showPhoto()
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

void TherapistProfileTab::showColor()
{
    const QColor color = QColor::fromString(m_color);
    QPixmap swatch(16, 16);
    swatch.fill(color.isValid() ? color : QColor(Qt::transparent));
    m_ui->colorButton->setIcon(QIcon(swatch));
    m_ui->colorButton->setText(m_color.isEmpty() ? tr("Choose…") : m_color);
}

void TherapistProfileTab::choosePhoto()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a photo"), QString(),
        tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"));
    if (!path.isEmpty()) {
        loadPhoto(path);
    }
}

bool TherapistProfileTab::loadPhoto(const QString& path)
{
    QImageReader reader(path);
    // Phones store portraits sideways with an orientation tag; apply it.
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull()) {
        m_photoProblem = tr("%1 cannot be used as a photo: %2")
                             .arg(QDir::toNativeSeparators(path), reader.errorString());
        Q_EMIT changed();
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
        Q_EMIT changed();
        return false;
    }
    m_photo = png;
    m_photoProblem.clear();
    showPhoto();
    Q_EMIT changed();
    return true;
}

void TherapistProfileTab::chooseColor()
{
    const QColor chosen =
        QColorDialog::getColor(QColor::fromString(m_color), this, tr("Calendar colour"));
    if (chosen.isValid()) {
        m_color = chosen.name(QColor::HexRgb);
        showColor();
        Q_EMIT changed();
    }
}

void TherapistProfileTab::showProblems(const FieldProblems& problems)
{
    showProblem(m_ui->nameError, problemOf(problems, QStringLiteral("name")));
    showProblem(m_ui->titleError, problemOf(problems, QStringLiteral("title")));
    showProblem(m_ui->teamRoleError, problemOf(problems, QStringLiteral("teamRole")));
    showProblem(m_ui->colorError, problemOf(problems, QStringLiteral("calendarColor")));
    showProblem(m_ui->photoError, m_photoProblem.isEmpty()
                                      ? problemOf(problems, QStringLiteral("photo"))
                                      : m_photoProblem);
}

bool TherapistProfileTab::hasProblems(const FieldProblems& problems) const
{
    // The lists' fields are keyed "list[row].part"; every other one is the profile's.
    return !m_photoProblem.isEmpty() ||
           std::any_of(problems.cbegin(), problems.cend(),
                       [](const FieldProblem& problem) { return !problem.field.contains(u'['); });
}

} // namespace masahista::gui
