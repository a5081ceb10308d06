#include "data/Catalog.h"
#include "data/RoomRepository.h"
#include "data/TherapistRepository.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace masahista;

TEST_CASE("The catalog is read again after any change, by this connection or another", "[data]")
{
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("clinic.sqlite"));
    std::unique_ptr<Database> desk = Database::open(path, Database::Mode::CreateIfMissing).value();
    std::unique_ptr<Database> otherDesk =
        Database::open(path, Database::Mode::ExistingOnly).value();

    CHECK(desk->catalog().current().value().therapists.isEmpty());

    // Unchanged, the catalog costs one small query.
    QList<Database::TracedStatement> trace;
    desk->setStatementTrace(&trace);
    CHECK(desk->catalog().current().value().therapists.isEmpty());
    desk->setStatementTrace(nullptr);
    CHECK(trace.size() == 1);

    // Another connection commits: seen.
    Therapist therapist;
    therapist.displayName = QStringLiteral("Ana Cruz");
    const Id id = TherapistRepository(*otherDesk).add(therapist).value();
    Catalog catalog = desk->catalog().current().value();
    REQUIRE(catalog.therapists.size() == 1);
    CHECK(catalog.therapists.at(0).displayName == u"Ana Cruz");

    // This connection writes: seen too.
    therapist.id = id;
    therapist.displayName = QStringLiteral("Ana Cruz-Reyes");
    REQUIRE(TherapistRepository(*desk).update(therapist).ok());
    CHECK(desk->catalog().current().value().therapists.at(0).displayName == u"Ana Cruz-Reyes");
    REQUIRE(RoomRepository(*desk)
                .add({0, QStringLiteral("Room 1"), QStringLiteral("table"), true, 0})
                .ok());
    CHECK(desk->catalog().current().value().rooms.size() == 1);
    CHECK(otherDesk->catalog().current().value().rooms.size() == 1);
}
