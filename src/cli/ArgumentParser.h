#pragma once

#include "CommandContext.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace masahista::cli {

// Splits the command line into words, option values and flags, and finds the command the words
// name. Whether an option takes a value is known from the commands, so "--note --json" can't
// be misread and every command shares one parser. Nothing here touches files or the
// environment, so that tests/fuzz/fuzz_arguments.cpp can feed it anything.
class ArgumentParser
{
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // `commands` must outlive the parser: command() points into it.
    explicit ArgumentParser(const QList<CommandSpec>& commands);

    // `arguments` includes the program name, as QCoreApplication::arguments().
    Arguments parse(const QStringList& arguments) const;
    // The command that the words begin with; the longest match wins, so "clients add" is not
    // taken for a command "clients". Null when none does.
    const CommandSpec* command(const QStringList& words) const;
    // Why the arguments do not fit the command: an option it does not take, or extra words.
    // Empty when they fit.
    static QString misfit(const CommandSpec& command, const Arguments& arguments);

private:
    // Stores an option's value; false (with parsed.error set) when it was given already.
    static bool take(Arguments& parsed, const QString& option, const QString& value);

    const QList<CommandSpec>& m_commands;
    QSet<QString> m_valueOptions;
    QSet<QString> m_flagOptions;
};

} // namespace masahista::cli
