#pragma once

#include "domain/Result.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <type_traits>

// What every fuzz target shares. Each target defines LLVMFuzzerTestOneInput; this part
// defines LLVMFuzzerInitialize, which libFuzzer and ReplayMain.cpp both call first.
namespace masahista::fuzz {

// The input as text typed or pasted by a person: UTF-8, invalid sequences as U+FFFD (as
// QString::fromUtf8 reads a terminal's or a form's bytes).
QString text(const std::uint8_t* data, std::size_t size);
// The input cut at `separator` (0: NUL, as argv, or '\n'); empty parts are kept.
QStringList parts(const std::uint8_t* data, std::size_t size, char separator);

// Ends the run when a property does not hold, naming it: libFuzzer keeps the input as a
// crash file, and a replay of the corpus fails.
[[noreturn]] void fail(const char* property, const QString& detail);

// `describe` makes the detail only when the property fails: most inputs pass, and building
// the text for every one would slow the run down. It must be declared to return QString: a
// QStringBuilder returned from a lambda refers to temporaries already gone.
template <typename Describe>
void require(bool holds, const char* property, Describe describe)
{
    static_assert(std::is_same_v<std::invoke_result_t<Describe>, QString>,
                  "declare the lambda as [&]() -> QString");
    if (!holds) {
        fail(property, describe());
    }
}

inline void require(bool holds, const char* property)
{
    if (!holds) {
        fail(property, QString());
    }
}

// Whether a parser refused the input; a refusal must be for invalid input and say why.
template <typename T>
bool refused(const Result<T>& result)
{
    if (result.ok()) {
        return false;
    }
    require(result.error().code == ErrorCode::Invalid && !result.error().message.isEmpty(),
            "a refusal is for invalid input and says why");
    return true;
}

} // namespace masahista::fuzz
