// Prices as typed into the massage type form (MassageTypeService::parsePrice).
// Input: the text of the field.
#include "FuzzSupport.h"
#include "booking/catalogue/MassageTypeService.h"
#include "domain/Money.h"

using namespace masahista;
using fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString typed = fuzz::text(data, size);
    const Result<qint64> cents = MassageTypeService::parsePrice(typed);
    if (fuzz::refused(cents)) {
        return 0;
    }
    // Nine digits of dollars and two of cents at most.
    require(*cents > -100'000'000'000 && *cents < 100'000'000'000, "a price has 11 digits at most");

    // Whatever the app shows can be typed back: "$95.00", "-$5.25", and "95.00" in the form.
    const QString shown = Money(*cents).toString();
    const Result<qint64> again = MassageTypeService::parsePrice(shown);
    require(again.ok() && *again == *cents, "a price reads back from Money::toString()",
            [&]() -> QString {
                return typed + QStringLiteral(" -> ") + QString::number(*cents) +
                       QStringLiteral(" -> ") + shown;
            });
    const QString plain = QString(shown).remove(u'$');
    const Result<qint64> plainAgain = MassageTypeService::parsePrice(plain);
    require(plainAgain.ok() && *plainAgain == *cents, "a price reads back without its $ sign");
    return 0;
}
