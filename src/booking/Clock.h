#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace masahista {

// Where "now" comes from, so that rules about the past and the demo's dates can be tested.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that shows whatever time it is set to.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(const QDateTime& nowUtc)
        : m_now(nowUtc.toUTC())
    {}
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& nowUtc) { m_now = nowUtc.toUTC(); }

private:
    QDateTime m_now;
};

} // namespace masahista
