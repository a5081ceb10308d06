#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QTextStream;

namespace masahista::cli {

// The command line's exit codes; documented in README.md and docs/cli.md.
enum ExitCode : int
{
    Success = 0,
    Refused = 1,         // validation or conflict; one line on stderr says why
    UsageError = 2,      // unknown command or option, missing value
    DatabaseProblem = 3, // cannot open, not Masahista, corrupt, newer, read-only, locked
};

// How the process was started: with a command (run the command line) or without one (start
// the GUI), and on which database file.
struct Invocation
{
    bool commandLine = false;
    QString databasePath; // empty: the default file
};

Invocation classify(const QStringList& arguments);

struct CommandSpec;
// Every command, in the order --help lists them; also what the argument parser's fuzz target
// parses against.
const QList<CommandSpec>& commands();

// Runs one command. `arguments` includes the program name, as QCoreApplication::arguments().
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace masahista::cli
