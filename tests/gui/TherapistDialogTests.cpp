#include "GuiTestSupport.h"
#include "booking/BookingFixture.h"
#include "data/TherapistRepository.h"
#include "gui/dialogs/BookingDialog.h"
#include "gui/dialogs/TherapistDialog.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <functional>

using namespace masahista;
using masahista::gui::BookingDialog;
using masahista::gui::TherapistDialog;
using masahista::test::BookingFixture;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* found = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(found != nullptr);
    return found;
}

// Runs `handle` on the next modal dialog that opens, from inside its event loop.
void whenModalOpens(std::function<void(QWidget*)> handle)
{
    QTimer::singleShot(0, [handle = std::move(handle)] {
        QWidget* modal = QApplication::activeModalWidget();
        REQUIRE(modal != nullptr);
        handle(modal);
    });
}

void answerQuestion(QMessageBox::StandardButton answer, QString* text = nullptr)
{
    whenModalOpens([answer, text](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        REQUIRE(box != nullptr);
        if (text != nullptr) {
            *text = box->text();
        }
        box->button(answer)->click();
    });
}

// Everything stored about every therapist, to show that a refusal or a cancel wrote nothing.
QString snapshot(Database& database)
{
    QStringList lines;
    for (const Therapist& t : TherapistRepository(database).all().value()) {
        lines.append(QStringList{QString::number(t.id), t.displayName, t.title, t.teamRole, t.bio,
                                 QString::fromLatin1(t.photo.toHex()), t.calendarColor,
                                 QString::number(t.active), QString::number(t.sortOrder)}
                         .join(u'|'));
        for (const Credential& c : t.credentials) {
            lines.append(
                QStringList{c.issuingBody, c.registrationNumber, c.validFrom.toString(Qt::ISODate),
                            c.validTo.toString(Qt::ISODate), QString::number(c.printedOnReceipts)}
                    .join(u'|'));
        }
        for (const Education& e : t.education) {
            lines.append(QStringList{e.school, e.programme, QString::number(e.programmeHours),
                                     e.completedOn.toString(Qt::ISODate)}
                             .join(u'|'));
        }
        for (const Certification& c : t.certifications) {
            lines.append(QStringList{QString::number(c.modalityId),
                                     c.certifiedOn.toString(Qt::ISODate),
                                     c.expiresOn.toString(Qt::ISODate)}
                             .join(u'|'));
        }
    }
    return lines.join(u'\n');
}

struct EditorClinic : BookingFixture
{
    std::unique_ptr<TherapistDialog> editor(Id therapistId)
    {
        auto dialog = std::make_unique<TherapistDialog>(
            masahista::test::session(*database, clock, actor), therapistId);
        dialog->show();
        REQUIRE(QTest::qWaitForWindowExposed(dialog.get()));
        return dialog;
    }

    Therapist stored(Id id) { return TherapistRepository(*database).byId(id).value(); }
};

QPushButton* saveButton(TherapistDialog& dialog)
{
    return child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save);
}

// Types into a cell the way a person does: the cell's editor, then Enter.
void setText(QTableWidget* table, int row, int column, const QString& text)
{
    QTableWidgetItem* item = table->item(row, column);
    REQUIRE(item != nullptr);
    table->setCurrentItem(item);
    table->editItem(item);
    auto* editor = qobject_cast<QLineEdit*>(table->indexWidget(table->model()->index(row, column)));
    REQUIRE(editor != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate hands the text over to the item once the key has been handled.
    REQUIRE(QTest::qWaitFor([item, &text] { return item->text() == text; }, 1000));
}

QDateEdit* dateAt(QTableWidget* table, int row, int column)
{
    auto* edit = qobject_cast<QDateEdit*>(table->cellWidget(row, column));
    REQUIRE(edit != nullptr);
    return edit;
}

void chooseModality(QTableWidget* table, int row, const QString& name)
{
    auto* combo = qobject_cast<QComboBox*>(table->cellWidget(row, 0));
    REQUIRE(combo != nullptr);
    const int index = combo->findText(name);
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
}

// What the user sees under a field (once its tab is in front): nothing when it is hidden.
QString shown(QLabel* label)
{
    return label->isHidden() ? QString() : label->text();
}

// A landscape picture larger than any stored photo, with a marked left half to check the
// scaling kept its orientation.
QString writePhoto(const QTemporaryDir& folder)
{
    QImage image(1200, 800, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(0, 0, 600, 800, QColor(0x22, 0x66, 0xaa));
    painter.end();
    const QString path = folder.filePath(QStringLiteral("portrait.jpg"));
    REQUIRE(image.save(path, "JPG"));
    return path;
}

} // namespace

TEST_CASE("The therapist editor adds a therapist with every list, photo and colour",
          "[gui][therapists]")
{
    EditorClinic clinic;
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString photoPath = writePhoto(folder);
    const QString before = snapshot(*clinic.database);
    auto dialog = clinic.editor(0);

    CHECK(dialog->windowTitle() == u"New therapist");
    CHECK_FALSE(saveButton(*dialog)->isEnabled());
    CHECK(shown(child<QLabel>(*dialog, "nameError")) == u"Enter the therapist's name.");
    CHECK(child<QCheckBox>(*dialog, "activeCheck")->isChecked());
    // After everyone else, in a colour nobody uses yet.
    CHECK(child<QSpinBox>(*dialog, "sortOrderSpin")->value() == 1);
    CHECK(child<QPushButton>(*dialog, "colorButton")->text() == u"#5b8def");

    QTest::keyClicks(child<QLineEdit>(*dialog, "nameEdit"), QStringLiteral("Dana K"));
    CHECK(shown(child<QLabel>(*dialog, "nameError")).isEmpty());
    CHECK(saveButton(*dialog)->isEnabled());
    CHECK(dialog->windowTitle() == u"New therapist: Dana K");
    QTest::keyClicks(child<QLineEdit>(*dialog, "titleEdit"),
                     QStringLiteral("Registered Massage Therapist"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "teamRoleEdit"), QStringLiteral("Team Leader"));
    QTest::keyClicks(child<QPlainTextEdit>(*dialog, "bioEdit"),
                     QStringLiteral("Trained in Chiang Mai."));

    whenModalOpens([](QWidget* modal) {
        auto* colors = qobject_cast<QColorDialog*>(modal);
        REQUIRE(colors != nullptr);
        colors->setCurrentColor(QColor(0x12, 0x34, 0x56));
        colors->accept();
    });
    child<QPushButton>(*dialog, "colorButton")->click();
    CHECK(child<QPushButton>(*dialog, "colorButton")->text() == u"#123456");

    whenModalOpens([&photoPath](QWidget* modal) {
        auto* files = qobject_cast<QFileDialog*>(modal);
        REQUIRE(files != nullptr);
        files->selectFile(photoPath);
        QMetaObject::invokeMethod(files, "accept");
    });
    child<QPushButton>(*dialog, "choosePhotoButton")->click();
    CHECK_FALSE(child<QLabel>(*dialog, "photoLabel")->pixmap().isNull());
    CHECK(child<QPushButton>(*dialog, "removePhotoButton")->isEnabled());
    CHECK(shown(child<QLabel>(*dialog, "photoError")).isEmpty());

    auto* credentials = child<QTableWidget>(*dialog, "credentialsTable");
    child<QPushButton>(*dialog, "addCredentialButton")->click();
    REQUIRE(credentials->rowCount() == 1);
    setText(credentials, 0, 0, QStringLiteral("Natural Health Practitioners of Canada"));
    setText(credentials, 0, 1, QStringLiteral("NHPC-1234"));
    dateAt(credentials, 0, 2)->setDate(QDate(2024, 1, 1));
    dateAt(credentials, 0, 3)->setDate(QDate(2026, 12, 31));
    credentials->item(0, 4)->setCheckState(Qt::Unchecked);

    auto* education = child<QTableWidget>(*dialog, "educationTable");
    child<QPushButton>(*dialog, "addEducationButton")->click();
    setText(education, 0, 0, QStringLiteral("Makami College"));
    setText(education, 0, 1, QStringLiteral("Massage Therapy Diploma"));
    qobject_cast<QSpinBox*>(education->cellWidget(0, 2))->setValue(2200);
    dateAt(education, 0, 3)->setDate(QDate(2019, 6, 14));

    auto* certifications = child<QTableWidget>(*dialog, "certificationsTable");
    child<QPushButton>(*dialog, "addCertificationButton")->click();
    CHECK(shown(child<QLabel>(*dialog, "certificationsError")) ==
          u"Certification 1: choose the modality.");
    CHECK_FALSE(saveButton(*dialog)->isEnabled());
    chooseModality(certifications, 0, QStringLiteral("Hot stone"));
    dateAt(certifications, 0, 1)->setDate(QDate(2021, 5, 1));
    dateAt(certifications, 0, 2)->setDate(QDate(2027, 5, 1));
    CHECK(certifications->item(0, 3)->text() == u"Hot stone");
    CHECK(shown(child<QLabel>(*dialog, "expiryWarningLabel")).isEmpty());
    CHECK(child<QLabel>(*dialog, "bookableLabel")->text() == u"Bookable today: Hot stone.");

    // Nothing is written before Save.
    CHECK(snapshot(*clinic.database) == before);
    REQUIRE(saveButton(*dialog)->isEnabled());
    saveButton(*dialog)->click();
    CHECK(dialog->result() == QDialog::Accepted);
    CHECK_FALSE(dialog->isVisible());
    REQUIRE(dialog->savedId() != 0);

    const Therapist stored = clinic.stored(dialog->savedId());
    CHECK(stored.displayName == u"Dana K");
    CHECK(stored.title == u"Registered Massage Therapist");
    CHECK(stored.teamRole == u"Team Leader");
    CHECK(stored.bio == u"Trained in Chiang Mai.");
    CHECK(stored.calendarColor == u"#123456");
    CHECK(stored.sortOrder == 1);
    CHECK(stored.active);
    REQUIRE(stored.credentials.size() == 1);
    CHECK(stored.credentials.at(0).issuingBody == u"Natural Health Practitioners of Canada");
    CHECK(stored.credentials.at(0).registrationNumber == u"NHPC-1234");
    CHECK(stored.credentials.at(0).validFrom == QDate(2024, 1, 1));
    CHECK(stored.credentials.at(0).validTo == QDate(2026, 12, 31));
    CHECK_FALSE(stored.credentials.at(0).printedOnReceipts);
    REQUIRE(stored.education.size() == 1);
    CHECK(stored.education.at(0).school == u"Makami College");
    CHECK(stored.education.at(0).programme == u"Massage Therapy Diploma");
    CHECK(stored.education.at(0).programmeHours == 2200);
    CHECK(stored.education.at(0).completedOn == QDate(2019, 6, 14));
    REQUIRE(stored.certifications.size() == 1);
    CHECK(stored.certifications.at(0).modalityName == u"Hot stone");
    CHECK(stored.certifications.at(0).certifiedOn == QDate(2021, 5, 1));
    CHECK(stored.certifications.at(0).expiresOn == QDate(2027, 5, 1));

    // The 1200 x 800 picture is stored as a 512 x 341 PNG, the same way round.
    CHECK(stored.photo.startsWith(QByteArray("\x89PNG\r\n\x1a\n", 8)));
    const QImage photo = QImage::fromData(stored.photo, "PNG");
    REQUIRE_FALSE(photo.isNull());
    CHECK(photo.size() == QSize(512, 341));
    CHECK(qAbs(photo.pixelColor(100, 170).blue() - 0xaa) < 20);
    CHECK(photo.pixelColor(400, 170).lightness() > 240);
}

TEST_CASE("The therapist editor changes what was edited and keeps the rest", "[gui][therapists]")
{
    EditorClinic clinic;
    auto dialog = clinic.editor(clinic.ana);
    CHECK(dialog->windowTitle() == u"Therapist: Ana");
    CHECK(child<QLineEdit>(*dialog, "nameEdit")->text() == u"Ana");
    CHECK(child<QLineEdit>(*dialog, "titleEdit")->text() == u"Registered Massage Therapist");
    CHECK(child<QLabel>(*dialog, "photoLabel")->text() == u"No photo");
    CHECK_FALSE(child<QPushButton>(*dialog, "removePhotoButton")->isEnabled());
    auto* certifications = child<QTableWidget>(*dialog, "certificationsTable");
    REQUIRE(certifications->rowCount() == 2);
    CHECK(qobject_cast<QComboBox*>(certifications->cellWidget(0, 0))->currentText() ==
          u"Hot stone");
    CHECK(dateAt(certifications, 0, 2)->date() == QDate(2026, 12, 31));
    CHECK(dateAt(certifications, 1, 2)->text() == u"none");
    CHECK(certifications->item(1, 3)->text() == u"Swedish");
    // 2026-12-31 is 36 days after the fixture's today.
    CHECK(shown(child<QLabel>(*dialog, "expiryWarningLabel")) ==
          u"Hot stone expires on Dec 31, 2026, in 36 days: renew it, or its massage types can "
          u"no longer be booked with this therapist.");
    CHECK(child<QLabel>(*dialog, "bookableLabel")->text() ==
          u"Bookable today: Hot stone, Swedish.");
    CHECK_FALSE(dialog->hasChanges());
    CHECK(saveButton(*dialog)->isEnabled());

    child<QLineEdit>(*dialog, "teamRoleEdit")->setText(QStringLiteral("Team Leader"));
    certifications->setCurrentCell(0, 3);
    child<QPushButton>(*dialog, "removeCertificationButton")->click();
    REQUIRE(certifications->rowCount() == 1);
    CHECK(shown(child<QLabel>(*dialog, "expiryWarningLabel")).isEmpty());
    CHECK(child<QLabel>(*dialog, "bookableLabel")->text() == u"Bookable today: Swedish.");
    CHECK(dialog->hasChanges());
    saveButton(*dialog)->click();
    CHECK(dialog->result() == QDialog::Accepted);
    CHECK(dialog->savedId() == clinic.ana);

    const Therapist ana = clinic.stored(clinic.ana);
    CHECK(ana.teamRole == u"Team Leader");
    CHECK(ana.title == u"Registered Massage Therapist");
    REQUIRE(ana.certifications.size() == 1);
    CHECK(ana.certifications.at(0).modalityName == u"Swedish");
    CHECK(ana.certifications.at(0).certifiedOn == QDate(2020, 1, 1));
}

TEST_CASE("Each therapist editor message appears beside its field and nothing is written",
          "[gui][therapists]")
{
    struct BadInput
    {
        const char* what;
        std::function<void(TherapistDialog&)> spoil;
        const char* label;
        QString message;
        const char* tab; // the tab whose title turns red
    };
    const QList<BadInput> inputs{
        {"an empty name", [](TherapistDialog& d) { child<QLineEdit>(d, "nameEdit")->clear(); },
         "nameError", QStringLiteral("Enter the therapist's name."), "profileTab"},
        {"a name taken",
         [](TherapistDialog& d) {
             child<QLineEdit>(d, "nameEdit")->setText(QStringLiteral("  cara "));
         },
         "nameError",
         QStringLiteral("Another therapist is already called Cara; add an initial to tell them "
                        "apart."),
         "profileTab"},
        {"a long name",
         [](TherapistDialog& d) { child<QLineEdit>(d, "nameEdit")->setText(QString(101, u'n')); },
         "nameError", QStringLiteral("The name is too long (at most 100 characters)."),
         "profileTab"},
        {"a long title",
         [](TherapistDialog& d) { child<QLineEdit>(d, "titleEdit")->setText(QString(101, u't')); },
         "titleError", QStringLiteral("The title is too long (at most 100 characters)."),
         "profileTab"},
        {"a long team role",
         [](TherapistDialog& d) {
             child<QLineEdit>(d, "teamRoleEdit")->setText(QString(101, u'r'));
         },
         "teamRoleError", QStringLiteral("The team role is too long (at most 100 characters)."),
         "profileTab"},
        {"a credential without issuer or number",
         [](TherapistDialog& d) { child<QPushButton>(d, "addCredentialButton")->click(); },
         "credentialsError",
         QStringLiteral("Credential 1: enter the body that issued it.\nCredential 1: enter the "
                        "registration number."),
         "credentialsTab"},
        {"a credential ending before it starts",
         [](TherapistDialog& d) {
             child<QPushButton>(d, "addCredentialButton")->click();
             auto* table = child<QTableWidget>(d, "credentialsTable");
             setText(table, 0, 0, QStringLiteral("NHPC"));
             setText(table, 0, 1, QStringLiteral("1"));
             dateAt(table, 0, 2)->setDate(QDate(2025, 3, 1));
             dateAt(table, 0, 3)->setDate(QDate(2025, 2, 28));
         },
         "credentialsError",
         QStringLiteral("Credential 1: it ends (2025-02-28) before it starts (2025-03-01)."),
         "credentialsTab"},
        {"training without a school",
         [](TherapistDialog& d) {
             child<QPushButton>(d, "addEducationButton")->click();
             setText(child<QTableWidget>(d, "educationTable"), 0, 1, QStringLiteral("Diploma"));
         },
         "educationError", QStringLiteral("Education 1: enter the school."), "educationTab"},
        {"a certification without modality",
         [](TherapistDialog& d) { child<QPushButton>(d, "addCertificationButton")->click(); },
         "certificationsError", QStringLiteral("Certification 3: choose the modality."),
         "certificationsTab"},
        {"a modality twice",
         [](TherapistDialog& d) {
             child<QPushButton>(d, "addCertificationButton")->click();
             chooseModality(child<QTableWidget>(d, "certificationsTable"), 2,
                            QStringLiteral("Swedish"));
         },
         "certificationsError",
         QStringLiteral("Certification 3: this modality is already listed above."),
         "certificationsTab"},
        {"an expiry before the certification",
         [](TherapistDialog& d) {
             dateAt(child<QTableWidget>(d, "certificationsTable"), 0, 2)
                 ->setDate(QDate(2020, 12, 31));
         },
         "certificationsError",
         QStringLiteral("Certification 1: it expires (2020-12-31) before it was obtained "
                        "(2021-01-01)."),
         "certificationsTab"},
    };

    for (const BadInput& input : inputs) {
        DYNAMIC_SECTION(input.what)
        {
            EditorClinic clinic;
            const QString before = snapshot(*clinic.database);
            auto dialog = clinic.editor(clinic.ana);
            REQUIRE(saveButton(*dialog)->isEnabled());
            input.spoil(*dialog);

            CHECK(shown(child<QLabel>(*dialog, input.label)) == input.message);
            CHECK_FALSE(saveButton(*dialog)->isEnabled());
            auto* tabs = child<QTabWidget>(*dialog, "tabs");
            const int tab = tabs->indexOf(child<QWidget>(*dialog, input.tab));
            CHECK(tabs->tabBar()->tabTextColor(tab) == QColor(0xc6, 0x28, 0x28));
            // No other field complains.
            for (const char* other :
                 {"nameError", "titleError", "teamRoleError", "colorError", "photoError",
                  "credentialsError", "educationError", "certificationsError"}) {
                if (QByteArray(other) != QByteArray(input.label)) {
                    INFO(other);
                    CHECK(shown(child<QLabel>(*dialog, other)).isEmpty());
                }
            }

            // Neither the disabled button nor Enter saves.
            saveButton(*dialog)->click();
            QTest::keyClick(child<QLineEdit>(*dialog, "nameEdit"), Qt::Key_Return);
            CHECK(dialog->isVisible());
            answerQuestion(QMessageBox::Discard);
            QTest::keyClick(dialog.get(), Qt::Key_Escape);
            CHECK_FALSE(dialog->isVisible());
            CHECK(dialog->result() == QDialog::Rejected);
            CHECK(snapshot(*clinic.database) == before);
        }
    }
}

TEST_CASE("The therapist editor marks the offending cell", "[gui][therapists]")
{
    EditorClinic clinic;
    auto dialog = clinic.editor(clinic.ana);
    child<QPushButton>(*dialog, "addCredentialButton")->click();
    auto* table = child<QTableWidget>(*dialog, "credentialsTable");
    CHECK(table->item(0, 0)->toolTip() == u"Credential 1: enter the body that issued it.");
    CHECK(table->item(0, 0)->background().color().alpha() > 0);
    setText(table, 0, 0, QStringLiteral("NHPC"));
    CHECK(table->item(0, 0)->toolTip().isEmpty());
    CHECK(table->item(0, 0)->background().style() == Qt::NoBrush);
    CHECK(table->item(0, 1)->toolTip() == u"Credential 1: enter the registration number.");
    setText(table, 0, 1, QStringLiteral("NHPC-1"));
    CHECK(saveButton(*dialog)->isEnabled());
    dateAt(table, 0, 2)->setDate(QDate(2025, 3, 1));
    dateAt(table, 0, 3)->setDate(QDate(2025, 2, 1));
    CHECK(dateAt(table, 0, 3)->toolTip().startsWith(u"Credential 1: it ends"));
    CHECK_FALSE(saveButton(*dialog)->isEnabled());

    // Removing the row takes its problem with it; the row chosen is the one being worked on.
    dateAt(table, 0, 3)->setFocus();
    child<QPushButton>(*dialog, "removeCredentialButton")->click();
    CHECK(table->rowCount() == 0);
    CHECK(saveButton(*dialog)->isEnabled());
}

TEST_CASE("A stored colour that is not one is shown and fixed with the colour dialog",
          "[gui][therapists]")
{
    EditorClinic clinic;
    Therapist cara = clinic.stored(clinic.cara);
    cara.calendarColor = QStringLiteral("blue-ish");
    REQUIRE(TherapistRepository(*clinic.database).update(cara).ok());
    auto dialog = clinic.editor(clinic.cara);
    CHECK(shown(child<QLabel>(*dialog, "colorError")) ==
          u"blue-ish is not a colour: use #rrggbb, like #5b8def.");
    CHECK_FALSE(saveButton(*dialog)->isEnabled());

    whenModalOpens([](QWidget* modal) {
        auto* colors = qobject_cast<QColorDialog*>(modal);
        REQUIRE(colors != nullptr);
        colors->setCurrentColor(QColor(0xaa, 0x00, 0x11));
        colors->accept();
    });
    child<QPushButton>(*dialog, "colorButton")->click();
    CHECK(shown(child<QLabel>(*dialog, "colorError")).isEmpty());
    saveButton(*dialog)->click();
    CHECK(clinic.stored(clinic.cara).calendarColor == u"#aa0011");
}

TEST_CASE("A file that is not an image is refused as a photo, keeping the old one",
          "[gui][therapists]")
{
    EditorClinic clinic;
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString photoPath = writePhoto(folder);
    const QString notImage = folder.filePath(QStringLiteral("notes.png"));
    masahista::test::writeFileBytes(notImage, "not a picture at all");

    auto dialog = clinic.editor(clinic.cara);
    REQUIRE(dialog->loadPhoto(photoPath));
    const QByteArray chosen = dialog->enteredTherapist().photo;
    CHECK_FALSE(dialog->loadPhoto(notImage));
    CHECK(shown(child<QLabel>(*dialog, "photoError"))
              .startsWith(QDir::toNativeSeparators(notImage) +
                          QStringLiteral(" cannot be used as a photo: ")));
    CHECK(dialog->enteredTherapist().photo == chosen);

    // Remove takes the photo away and the problem with it.
    child<QPushButton>(*dialog, "removePhotoButton")->click();
    CHECK(dialog->enteredTherapist().photo.isEmpty());
    CHECK(shown(child<QLabel>(*dialog, "photoError")).isEmpty());
    CHECK(child<QLabel>(*dialog, "photoLabel")->text() == u"No photo");
}

TEST_CASE("Escape cancels the therapist editor, asking first about unsaved changes",
          "[gui][therapists]")
{
    EditorClinic clinic;
    const QString before = snapshot(*clinic.database);

    SECTION("untouched, it closes at once")
    {
        auto dialog = clinic.editor(clinic.ana);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        CHECK_FALSE(dialog->isVisible());
        CHECK(dialog->result() == QDialog::Rejected);
    }
    SECTION("a change undone by hand is no change")
    {
        auto dialog = clinic.editor(clinic.ana);
        auto* title = child<QLineEdit>(*dialog, "titleEdit");
        const QString original = title->text();
        title->setText(QStringLiteral("Senior RMT"));
        title->setText(original);
        CHECK_FALSE(dialog->hasChanges());
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        CHECK_FALSE(dialog->isVisible());
    }
    SECTION("changed, Cancel keeps editing and Discard leaves everything as it was")
    {
        auto dialog = clinic.editor(clinic.ana);
        child<QLineEdit>(*dialog, "titleEdit")->setText(QStringLiteral("Senior RMT"));
        child<QPushButton>(*dialog, "addEducationButton")->click();
        CHECK(dialog->hasChanges());

        QString question;
        answerQuestion(QMessageBox::Cancel, &question);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        CHECK(question == u"Discard your changes to Ana?");
        CHECK(dialog->isVisible());
        CHECK(child<QLineEdit>(*dialog, "titleEdit")->text() == u"Senior RMT");

        // Closing the window asks the same.
        answerQuestion(QMessageBox::Cancel);
        dialog->close();
        CHECK(dialog->isVisible());

        answerQuestion(QMessageBox::Discard);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        CHECK_FALSE(dialog->isVisible());
        CHECK(dialog->result() == QDialog::Rejected);
    }
    SECTION("a new therapist that was started is asked about too")
    {
        auto dialog = clinic.editor(0);
        QTest::keyClicks(child<QLineEdit>(*dialog, "nameEdit"), QStringLiteral("Eve"));
        QString question;
        answerQuestion(QMessageBox::Discard, &question);
        child<QDialogButtonBox>(*dialog, "buttons")->button(QDialogButtonBox::Cancel)->click();
        CHECK(question == u"Discard your changes to Eve?");
        CHECK_FALSE(dialog->isVisible());
    }
    CHECK(snapshot(*clinic.database) == before);
}

TEST_CASE("Unticking active while appointments are booked is refused with the list",
          "[gui][therapists]")
{
    EditorClinic clinic;
    clinic.booked(
        clinic.request(clinic.ana, clinic.swedish, 60, clinic.at(clinic.today.addDays(1), 10)));
    const QString before = snapshot(*clinic.database);
    auto dialog = clinic.editor(clinic.ana);
    child<QCheckBox>(*dialog, "activeCheck")->setChecked(false);
    saveButton(*dialog)->click();
    CHECK(dialog->isVisible());
    CHECK(shown(child<QLabel>(*dialog, "errorLabel")) ==
          u"Ana still has 1 booked appointment; move it to another therapist or cancel "
          u"it first:\n2026-11-26 10:00, Zoe with Ana (Swedish, Table A)");
    CHECK(snapshot(*clinic.database) == before);
    answerQuestion(QMessageBox::Discard);
    dialog->reject();
}

TEST_CASE("An expired certification makes the type not bookable with that therapist",
          "[gui][therapists]")
{
    EditorClinic clinic;
    // Ana's hot stone certification now ends on 2026-12-10, through the editor.
    auto editor = clinic.editor(clinic.ana);
    auto* certifications = child<QTableWidget>(*editor, "certificationsTable");
    REQUIRE(qobject_cast<QComboBox*>(certifications->cellWidget(0, 0))->currentText() ==
            u"Hot stone");
    dateAt(certifications, 0, 2)->setDate(QDate(2026, 12, 10));
    CHECK(shown(child<QLabel>(*editor, "expiryWarningLabel")) ==
          u"Hot stone expires on Dec 10, 2026, in 15 days: renew it, or its massage types can "
          u"no longer be booked with this therapist.");
    saveButton(*editor)->click();
    REQUIRE(editor->result() == QDialog::Accepted);

    const auto hotStoneItem = [&clinic](BookingDialog& dialog) {
        auto* types = child<QComboBox>(dialog, "typeCombo");
        const int row = types->findData(clinic.hotStone);
        REQUIRE(row >= 0);
        auto* model = qobject_cast<QStandardItemModel*>(types->model());
        REQUIRE(model != nullptr);
        return model->item(row);
    };
    BookingDialog booking(masahista::test::session(*clinic.database, clinic.clock, clinic.actor));
    booking.show();
    // The expiry date itself is the last day it counts.
    booking.prefill(clinic.ana, clinic.at(QDate(2026, 12, 10), 10), 0);
    CHECK(hotStoneItem(booking)->text() == u"Hot stone");
    CHECK(hotStoneItem(booking)->isEnabled());
    booking.prefill(clinic.ana, clinic.at(QDate(2026, 12, 11), 10), 0);
    CHECK(hotStoneItem(booking)->text() == u"Hot stone (not certified)");
    CHECK_FALSE(hotStoneItem(booking)->isEnabled());
    // Swedish, which she still holds, stays bookable.
    auto* types = child<QComboBox>(booking, "typeCombo");
    const int swedish = types->findData(clinic.swedish);
    CHECK(qobject_cast<QStandardItemModel*>(types->model())->item(swedish)->isEnabled());

    // Once expired, the editor says so.
    clinic.clock.set(clinic.at(QDate(2026, 12, 11), 9));
    auto later = clinic.editor(clinic.ana);
    CHECK(shown(child<QLabel>(*later, "expiryWarningLabel")) ==
          u"Hot stone expired on Dec 10, 2026: its massage types cannot be booked with this "
          u"therapist.");
    CHECK(child<QLabel>(*later, "bookableLabel")->text() == u"Bookable today: Swedish.");
}

TEST_CASE("The therapist editor's screenshot", "[gui][therapists]")
{
    EditorClinic clinic;
    auto dialog = clinic.editor(clinic.ana);
    dialog->resize(780, 560);
    child<QTabWidget>(*dialog, "tabs")->setCurrentIndex(3);
    QCoreApplication::processEvents();
    CHECK(child<QTabWidget>(*dialog, "tabs")->isEnabled()); // Ana was read, nothing refused
    const QImage before =
        masahista::test::screenshot(*dialog, QStringLiteral("therapist-editor.png"));
    child<QTabWidget>(*dialog, "tabs")->setCurrentIndex(0);
    CHECK(dialog->grab().toImage() != before);
    dialog->done(QDialog::Rejected);
}
