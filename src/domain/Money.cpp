#include "Money.h"

namespace masahista {

QString Money::toString() const
{
    const qint64 magnitude = m_cents < 0 ? -m_cents : m_cents;
    const QString sign = m_cents < 0 ? QStringLiteral("-") : QString();
    return sign + QLatin1Char('$') + QString::number(magnitude / 100) + QLatin1Char('.') +
           QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

} // namespace masahista
