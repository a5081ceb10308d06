#pragma once

#include <QString>

namespace masahista {

// Amounts are whole cents so that sums never drift; only display turns them into dollars.
class Money
{
public:
    constexpr Money() = default;
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    {}

    constexpr qint64 cents() const { return m_cents; }
    // "$95.00", "-$5.25": the clinic's currency is the Canadian dollar.
    QString toString() const;

    friend constexpr bool operator==(Money, Money) = default;

private:
    qint64 m_cents = 0;
};

} // namespace masahista
