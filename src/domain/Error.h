#pragma once

#include <QString>

namespace masahista {

// Why an operation was refused. The code picks the command line's exit status and lets callers
// react; the message is already in words a receptionist understands (and translated).
enum class ErrorCode
{
    Invalid,      // a field is missing or malformed
    NotFound,     // the record does not exist
    Conflict,     // clashes with what is stored (duplicate name, slot taken, ...)
    CannotOpen,   // the database file cannot be opened or created
    NotMasahista, // the file is not a Masahista database
    Corrupt,      // the database file is damaged or truncated
    NewerVersion, // the file was written by a newer Masahista
    ReadOnly,     // the file may not be written
    Locked,       // another program holds the database longer than we wait
    Database,     // any other database failure
};

struct Error
{
    ErrorCode code = ErrorCode::Database;
    QString message;

    // True for problems with the database file itself, as opposed to a refused request.
    bool isDatabaseProblem() const
    {
        return code != ErrorCode::Invalid && code != ErrorCode::NotFound &&
               code != ErrorCode::Conflict;
    }
};

} // namespace masahista
