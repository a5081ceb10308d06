#pragma once

#include <QString>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

namespace masahista {

// The stable text keys an enum is stored and exported under ("deep", "no_show", ...).
// Keys are part of the file format and the JSON output: never rename one.
template <typename Enum, std::size_t N>
class EnumKeys
{
public:
    constexpr explicit EnumKeys(std::array<std::pair<Enum, const char16_t*>, N> entries)
        : m_entries(std::move(entries))
    {}

    QString key(Enum value) const
    {
        for (const auto& [candidate, key] : m_entries) {
            if (candidate == value) {
                return QString::fromUtf16(key);
            }
        }
        return {};
    }

    std::optional<Enum> parse(QStringView key) const
    {
        for (const auto& [value, candidate] : m_entries) {
            if (key == QStringView(candidate)) {
                return value;
            }
        }
        return std::nullopt;
    }

private:
    std::array<std::pair<Enum, const char16_t*>, N> m_entries;
};

} // namespace masahista
