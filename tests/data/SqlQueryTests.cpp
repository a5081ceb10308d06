#include "data/SqlQuery.h"
#include "support/TestSupport.h"

#include <catch2/catch.hpp>

using namespace masahista;

TEST_CASE("Prepared statements are reused, also while another copy is being read", "[data]")
{
    auto database = masahista::test::memoryDatabase();
    const QString sql = QStringLiteral("SELECT value FROM (SELECT 1 AS value UNION ALL SELECT 2 "
                                       "UNION ALL SELECT 3) WHERE value >= :least ORDER BY value");
    QList<Database::TracedStatement> trace;
    database->setStatementTrace(&trace);
    {
        SqlQuery outer(*database, sql);
        outer.bind(QStringLiteral(":least"), 2);
        REQUIRE(outer.exec(QStringLiteral("testing")).ok());
        REQUIRE(outer.next());
        CHECK(outer.integer(0) == 2);
        {
            // The same SQL while the first is still being read gets a statement of its own.
            SqlQuery inner(*database, sql);
            inner.bind(QStringLiteral(":least"), 1);
            REQUIRE(inner.exec(QStringLiteral("testing")).ok());
            REQUIRE(inner.next());
            CHECK(inner.integer(0) == 1);
        }
        REQUIRE(outer.next());
        CHECK(outer.integer(0) == 3);
        CHECK_FALSE(outer.next());
    }
    // A reused statement runs with the values bound this time.
    SqlQuery again(*database, sql);
    again.bind(QStringLiteral(":least"), 3);
    REQUIRE(again.exec(QStringLiteral("testing")).ok());
    REQUIRE(again.next());
    CHECK(again.integer(0) == 3);
    CHECK_FALSE(again.next());

    database->setStatementTrace(nullptr);
    REQUIRE(trace.size() == 3);
    CHECK(trace.at(2).sql == sql);
    REQUIRE(trace.at(2).bindings.size() == 1);
    CHECK(trace.at(2).bindings.at(0).first == u":least");
    CHECK(trace.at(2).bindings.at(0).second.toInt() == 3);
}
