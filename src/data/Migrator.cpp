#include "Migrator.h"

#include "ClientRepository.h"
#include "SqlScript.h"
#include "WriteTransaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace masahista {

QList<Migrator::Script> Migrator::scripts(const SqlDialect& dialect)
{
    static const QRegularExpression numbered(QStringLiteral("^(\\d{4})_[A-Za-z0-9_]+\\.sql$"));
    QList<Script> found;
    const QDir folder(dialect.migrationFolder);
    for (const QString& name : folder.entryList(QDir::Files, QDir::Name)) {
        const QRegularExpressionMatch match = numbered.match(name);
        if (match.hasMatch()) {
            found.append({match.captured(1).toInt(), folder.filePath(name)});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Script& a, const Script& b) { return a.version < b.version; });
    return found;
}

int Migrator::latestVersion()
{
    const QList<Script> all = scripts(SqlDialect::sqlite());
    return all.isEmpty() ? 0 : all.constLast().version;
}

Status Migrator::migrate()
{
    const QList<Script> all = scripts(m_database.dialect());
    if (all.isEmpty()) {
        return makeError(ErrorCode::Database,
                         tr("This build of Masahista contains no database schema; it was built "
                            "without its resources."));
    }
    for (const Script& script : all) {
        if (script.version > m_database.schemaVersion()) {
            if (Status applied = apply(script); !applied) {
                return applied;
            }
        }
    }
    return success();
}

Status Migrator::apply(const Script& script)
{
    QFile file(script.resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Database,
                         tr("Cannot read the schema script %1.").arg(script.resourcePath));
    }
    const QString sql = QString::fromUtf8(file.readAll());

    Result<WriteTransaction> transaction = WriteTransaction::begin(m_database);
    if (!transaction) {
        return transaction.error();
    }
    // The version check is repeated under the write lock: another process may have migrated
    // the file while this one waited.
    if (script.version <= m_database.schemaVersion()) {
        return success();
    }
    for (const QString& statement : splitSqlStatements(sql)) {
        if (Status done = m_database.execute(statement); !done) {
            return makeError(done.error().code,
                             tr("Updating the database to schema version %1 failed; it was left "
                                "at version %2. %3")
                                 .arg(script.version)
                                 .arg(m_database.schemaVersion())
                                 .arg(done.error().message));
        }
    }
    // Versions 2 and 3 made the client search words, which only code can fold.
    if (script.version == 2 || script.version == 3) {
        if (Status rebuilt = ClientRepository(m_database).rebuildSearchWords(); !rebuilt) {
            return rebuilt;
        }
    }
    // Pragmas take no bound parameters; both values are integers this code chose.
    Status stamped =
        m_database.execute(QStringLiteral("PRAGMA application_id = %1").arg(applicationId));
    if (!stamped) {
        return stamped;
    }
    Status versioned =
        m_database.execute(QStringLiteral("PRAGMA user_version = %1").arg(script.version));
    if (!versioned) {
        return versioned;
    }
    return transaction->commit();
}

} // namespace masahista
