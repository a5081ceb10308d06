#pragma once

#include "Error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace masahista {

// A value or the Error that prevented it. Repositories and services return these so that a
// refusal carries its reason to the GUI and the command line unchanged.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    // By value, so that `for (x : repository.all().value())` never refers into a dead temporary.
    T value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but may fail.
struct Done
{};

using Status = Result<Done>;

inline Status success()
{
    return Done{};
}

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace masahista
