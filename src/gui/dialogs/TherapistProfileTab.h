#pragma once

#include "booking/catalogue/FieldProblem.h"
#include "domain/Therapist.h"

#include <QByteArray>
#include <QString>
#include <QWidget>

#include <memory>

namespace Ui {
class TherapistProfileTab;
}

namespace masahista::gui {

// The therapist editor's profile: name, title, team role, calendar colour, sort order,
// whether active, bio and photo. Shows the problems of its fields beside them, and emits
// changed() for every edit by the user.
class TherapistProfileTab final : public QWidget
{
    Q_OBJECT

public:
    // The largest side of a stored photo, in pixels: enough for the profile and a printout.
    static constexpr int maxPhotoPixels = 512;

    explicit TherapistProfileTab(QWidget* parent = nullptr);
    ~TherapistProfileTab() override;

    // Shows the therapist's profile; a therapist without a colour shows the one saving gives.
    void fill(const Therapist& therapist);
    // The profile as the fields show it now.
    void writeInto(Therapist& therapist) const;
    // The highest sort order the field takes.
    int maxSortOrder() const;
    // Puts the keyboard focus on the name, where the user starts.
    void focusName();

    // Reads, scales (at most maxPhotoPixels on either side, keeping the aspect) and keeps the
    // image as PNG; false, with the reason beside the photo, if it is not a readable image.
    bool loadPhoto(const QString& path);

    // Shows each of `problems` about the profile beside its field, and why the last chosen
    // photo could not be used.
    void showProblems(const FieldProblems& problems);
    // Whether any of `problems` is about the profile, or the last chosen photo was refused.
    bool hasProblems(const FieldProblems& problems) const;

Q_SIGNALS:
    void changed();

private:
    void reportChange();
    void showPhoto();
    void showColor();
    void choosePhoto();
    void chooseColor();

    std::unique_ptr<Ui::TherapistProfileTab> m_ui;
    QByteArray m_photo;
    QString m_photoProblem; // why the last chosen file could not be used
    QString m_color;
    bool m_filling = false; // the fields being set by code: their signals are not the user's
};

} // namespace masahista::gui
