#pragma once

#include "CatalogItemDialog.h"
#include "booking/Actor.h"
#include "booking/catalogue/FieldProblem.h"
#include "domain/MassageType.h"
#include "domain/Modality.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace Ui {
class MassageTypeDialog;
}

namespace masahista {
class Clinic;
} // namespace masahista

namespace masahista::gui {

// Adds or edits one massage type with its lengths and prices. Every field is checked as it is
// typed by the booking layer's rules (MassageTypeService), with the problem shown under the
// field; Save stays disabled until there is none (and, for an existing type, until something
// changed). Saving is one transaction; a refusal (a booking still to come that the change
// would strand, a name another desk took meanwhile) keeps the dialog open with the reason.
// Escape, Cancel and closing the window write nothing, and ask first when there are unsaved
// changes.
class MassageTypeDialog final : public CatalogItemDialog
{
    Q_OBJECT

public:
    // Columns of the lengths table.
    enum OptionColumn
    {
        MinutesColumn,
        PriceColumn,
        OfferedColumn,
    };

    // typeId 0 adds a new type.
    MassageTypeDialog(Clinic& clinic, Id typeId, QWidget* parent = nullptr);
    ~MassageTypeDialog() override;

    // The type as the form says it now; a price that cannot be read counts as 0.
    MassageType enteredType() const;
    // Adds a row for another length, after the longest one, with no price yet.
    void addOption();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool load(Id typeId);
    void fill(const MassageType& type);
    void appendOptionRow(const DurationOption& option);
    void removeSelectedOption();
    void showColor();
    void chooseColor();
    QStringList formState() const override;
    FieldProblems check() const override;
    void showProblems(const FieldProblems& problems) override;
    bool editsExisting() const override;
    Result<Id> save() override;
    void rereadOthers() override;

    std::unique_ptr<Ui::MassageTypeDialog> m_ui;
    Clinic& m_clinic;
    MassageType m_loaded; // as stored (id 0 for a new type)
    QList<MassageType> m_others;
    QList<Modality> m_modalities;
    int m_gridMinutes = 15;
};

} // namespace masahista::gui
