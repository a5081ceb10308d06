#include "ArgumentParser.h"

namespace masahista::cli {

ArgumentParser::ArgumentParser(const QList<CommandSpec>& commands)
    : m_commands(commands)
    , m_valueOptions{QStringLiteral("db")}
    , m_flagOptions{QStringLiteral("help"), QStringLiteral("version")}
{
    for (const CommandSpec& command : commands) {
        m_valueOptions.unite(
            QSet<QString>(command.valueOptions.cbegin(), command.valueOptions.cend()));
        m_flagOptions.unite(
            QSet<QString>(command.flagOptions.cbegin(), command.flagOptions.cend()));
    }
}

// A value given twice is refused rather than the last one taken: "--therapist Ana ...
// --therapist Bo" would otherwise book Bo without a word about Ana.
bool ArgumentParser::take(Arguments& parsed, const QString& option, const QString& value)
{
    if (parsed.values.contains(option)) {
        parsed.error = tr("The option --%1 is given twice; give it once.").arg(option);
        return false;
    }
    parsed.values.insert(option, value);
    return true;
}

Arguments ArgumentParser::parse(const QStringList& arguments) const
{
    Arguments parsed;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == u"-h") {
            parsed.flags.insert(QStringLiteral("help"));
            continue;
        }
        if (argument == u"-o") {
            if (i + 1 >= arguments.size()) {
                parsed.error = tr("The option -o needs a file name.");
                return parsed;
            }
            if (!take(parsed, QStringLiteral("output"), arguments.at(++i))) {
                return parsed;
            }
            continue;
        }
        if (!argument.startsWith(u"--") || argument.size() == 2) {
            parsed.words.append(argument);
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(u'=');
        const bool inlineValue = equals >= 0;
        if (inlineValue) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        }
        if (m_flagOptions.contains(name) && !inlineValue) {
            parsed.flags.insert(name);
        } else if (m_valueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= arguments.size()) {
                    parsed.error = tr("The option --%1 needs a value.").arg(name);
                    return parsed;
                }
                value = arguments.at(++i);
            }
            if (!take(parsed, name, value)) {
                return parsed;
            }
        } else {
            parsed.error = tr("Unknown option: %1").arg(argument);
            return parsed;
        }
    }
    return parsed;
}

const CommandSpec* ArgumentParser::command(const QStringList& words) const
{
    const CommandSpec* match = nullptr;
    for (const CommandSpec& command : m_commands) {
        if (words.mid(0, command.words.size()) == command.words &&
            (match == nullptr || command.words.size() > match->words.size())) {
            match = &command;
        }
    }
    return match;
}

QString ArgumentParser::misfit(const CommandSpec& command, const Arguments& arguments)
{
    QStringList given = arguments.values.keys();
    given += QList<QString>(arguments.flags.cbegin(), arguments.flags.cend());
    for (const QString& option : given) {
        if (option != u"db" && !command.valueOptions.contains(option) &&
            !command.flagOptions.contains(option)) {
            return tr("The command \"%1\" does not take --%2.")
                .arg(command.words.join(u' '), option);
        }
    }
    const qsizetype allowed = command.words.size() + command.operands;
    if (arguments.words.size() > allowed) {
        return tr("Unexpected argument: %1").arg(arguments.words.at(allowed));
    }
    return {};
}

} // namespace masahista::cli
