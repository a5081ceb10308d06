#include "data/SqlScript.h"
#include "support/TestSupport.h"

using masahista::splitSqlStatements;

TEST_CASE("SQL scripts split on semicolons between statements only", "[data][sql]")
{
    SECTION("plain statements, comments and blank pieces")
    {
        const QStringList statements = splitSqlStatements(QStringLiteral(
            "-- a comment; with a semicolon\nCREATE TABLE a (x);\n\n/* block; comment */\n"
            "INSERT INTO a VALUES (1);;\n-- trailing comment only\n"));
        REQUIRE(statements.size() == 2);
        CHECK(statements.at(0).endsWith(u"CREATE TABLE a (x)"));
        CHECK(statements.at(1).endsWith(u"INSERT INTO a VALUES (1)"));
    }
    SECTION("semicolons inside quoted text and identifiers")
    {
        const QStringList statements = splitSqlStatements(QStringLiteral(
            "INSERT INTO a VALUES ('one; two', 'it''s; fine');\nSELECT \"odd;name\" FROM a;"));
        REQUIRE(statements.size() == 2);
        CHECK(statements.at(0) == u"INSERT INTO a VALUES ('one; two', 'it''s; fine')");
        CHECK(statements.at(1) == u"SELECT \"odd;name\" FROM a");
    }
    SECTION("a trigger body with its own statements and a CASE expression")
    {
        const QStringList statements = splitSqlStatements(
            QStringLiteral("CREATE TRIGGER t BEFORE INSERT ON a BEGIN\n"
                           "  SELECT CASE WHEN NEW.x < 0 THEN RAISE(ABORT, 'negative; no') END;\n"
                           "  UPDATE b SET y = 1;\n"
                           "END;\n"
                           "CREATE TABLE c (z);"));
        REQUIRE(statements.size() == 2);
        CHECK(statements.at(0).startsWith(u"CREATE TRIGGER t"));
        CHECK(statements.at(0).endsWith(u"END"));
        CHECK(statements.at(1) == u"CREATE TABLE c (z)");
    }
    SECTION("a transaction's BEGIN is not a block")
    {
        const QStringList statements =
            splitSqlStatements(QStringLiteral("BEGIN; CREATE TABLE d (x); COMMIT;"));
        CHECK(statements == QStringList{QStringLiteral("BEGIN"),
                                        QStringLiteral("CREATE TABLE d (x)"),
                                        QStringLiteral("COMMIT")});
    }
    SECTION("the schema script splits into statements SQLite accepts one by one")
    {
        // Every statement of the real schema runs on its own: that is what migration does.
        auto database = masahista::test::memoryDatabase();
        CHECK(database->schemaVersion() >= 1);
    }
}
