// The command line's argument parser (cli/ArgumentParser): argv split into words, option
// values and flags, the command the words name, and whether the arguments fit it.
// Input: the arguments after the program name, separated by NUL bytes, as in argv.
#include "FuzzSupport.h"
#include "cli/ArgumentParser.h"
#include "cli/Cli.h"

using namespace masahista;
using namespace masahista::cli;
using fuzz::require;

namespace {

const ArgumentParser& parser()
{
    static const ArgumentParser parser(commands());
    return parser;
}

QString describe(const Arguments& arguments)
{
    QStringList values;
    for (auto it = arguments.values.cbegin(); it != arguments.values.cend(); ++it) {
        values.append(it.key() + QLatin1Char('=') + it.value());
    }
    return QStringLiteral("words [%1] values [%2] flags [%3] error [%4]")
        .arg(arguments.words.join(QStringLiteral("|")), values.join(QStringLiteral("|")),
             QStringList(arguments.flags.cbegin(), arguments.flags.cend()).join(u'|'),
             arguments.error);
}

// The same arguments written one way only: the words in order, then every option as
// --name=value or --flag.
QStringList canonical(const Arguments& arguments)
{
    QStringList written{QStringLiteral("masahista")};
    written += arguments.words;
    for (auto it = arguments.values.cbegin(); it != arguments.values.cend(); ++it) {
        written.append(QStringLiteral("--") + it.key() + QLatin1Char('=') + it.value());
    }
    for (const QString& flag : arguments.flags) {
        written.append(QStringLiteral("--") + flag);
    }
    return written;
}

bool sameArguments(const Arguments& a, const Arguments& b)
{
    return a.words == b.words && a.values == b.values && a.flags == b.flags && a.error == b.error;
}

// Whether `part` is a subsequence of `whole`, in order.
bool inOrderWithin(const QStringList& part, const QStringList& whole)
{
    qsizetype next = 0;
    for (const QString& item : part) {
        while (next < whole.size() && whole.at(next) != item) {
            ++next;
        }
        if (next == whole.size()) {
            return false;
        }
        ++next;
    }
    return true;
}

void checkCommand(const Arguments& parsed)
{
    const CommandSpec* command = parser().command(parsed.words);
    if (command == nullptr) {
        for (const CommandSpec& each : commands()) {
            require(parsed.words.mid(0, each.words.size()) != each.words,
                    "a command the words begin with is found");
        }
        return;
    }
    require(parsed.words.mid(0, command->words.size()) == command->words,
            "the command found is the one the words begin with");
    for (const CommandSpec& each : commands()) {
        require(each.words.size() <= command->words.size() ||
                    parsed.words.mid(0, each.words.size()) != each.words,
                "the longest matching command wins");
    }

    bool fits = parsed.words.size() <= command->words.size() + command->operands;
    const auto takes = [command](const QString& option) {
        return option == u"db" || command->valueOptions.contains(option) ||
               command->flagOptions.contains(option);
    };
    for (auto it = parsed.values.cbegin(); it != parsed.values.cend(); ++it) {
        fits = fits && takes(it.key());
    }
    for (const QString& flag : parsed.flags) {
        fits = fits && takes(flag);
    }
    const QString misfit = ArgumentParser::misfit(*command, parsed);
    require(misfit.isEmpty() == fits, "misfit() refuses exactly the arguments that don't fit",
            [&]() -> QString { return misfit + QLatin1Char('\n') + describe(parsed); });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QStringList arguments{QStringLiteral("masahista")};
    arguments += fuzz::parts(data, size, '\0');
    const Arguments parsed = parser().parse(arguments);

    const Invocation invocation = classify(arguments);
    require(invocation.commandLine ||
                (parsed.error.isEmpty() && parsed.words.isEmpty() && parsed.flags.isEmpty()),
            "only a bare --db starts the window");

    if (!parsed.error.isEmpty()) {
        return 0;
    }
    const QStringList typed = arguments.mid(1);
    require(inOrderWithin(parsed.words, typed), "the words are the ones typed, in order",
            [&]() -> QString { return describe(parsed); });
    // Nothing typed is lost: what is not an option is a word or an option's value.
    const QStringList values = parsed.values.values();
    for (const QString& argument : typed) {
        if (!argument.startsWith(u'-')) {
            require(parsed.words.contains(argument) || values.contains(argument),
                    "an argument that is not an option is kept as a word or a value",
                    [&]() -> QString { return argument + QLatin1Char('\n') + describe(parsed); });
        }
    }
    for (const QString& flag : parsed.flags) {
        require(typed.contains(QStringLiteral("--") + flag) ||
                    (flag == u"help" && typed.contains(QStringLiteral("-h"))),
                "a flag is there only when typed", [&]() -> QString { return flag; });
    }

    const Arguments again = parser().parse(canonical(parsed));
    require(sameArguments(parsed, again), "the canonical form parses to the same arguments",
            [&]() -> QString { return describe(parsed) + QLatin1Char('\n') + describe(again); });

    checkCommand(parsed);
    return 0;
}
