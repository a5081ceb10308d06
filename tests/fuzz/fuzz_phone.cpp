// Phone numbers as typed into the client form or `clients add --phone`
// (ClientService::normalizePhone). Input: the text of the field.
#include "FuzzSupport.h"
#include "booking/clients/ClientService.h"

#include <QRegularExpression>

using namespace masahista;
using fuzz::require;

namespace {

QString asciiDigitsOf(const QString& text)
{
    QString digits;
    for (QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            digits.append(c);
        }
    }
    return digits;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString typed = fuzz::text(data, size);
    const Result<QString> phone = ClientService::normalizePhone(typed);
    if (fuzz::refused(phone)) {
        return 0;
    }
    const auto describe = [&]() -> QString {
        return typed + QStringLiteral(" -> ") + *phone;
    };

    const Result<QString> again = ClientService::normalizePhone(*phone);
    require(again.ok() && *again == *phone, "a normalized phone number stays as it is", describe);

    static const QRegularExpression northAmerican(QRegularExpression::anchoredPattern(
        QStringLiteral("\\([2-9]\\d\\d\\) [2-9]\\d\\d-\\d{4}")));
    static const QRegularExpression international(
        QRegularExpression::anchoredPattern(QStringLiteral("\\+[02-9]\\d{7,14}")));
    const bool isNorthAmerican = northAmerican.match(*phone).hasMatch();
    require(isNorthAmerican || international.match(*phone).hasMatch(),
            "a phone number is (780) 555-0142 or +44... shaped", describe);

    // The digits are the ones typed, less the North American country code.
    const QString typedDigits = asciiDigitsOf(typed);
    const QString keptDigits = asciiDigitsOf(*phone);
    require(keptDigits == typedDigits ||
                (isNorthAmerican && typedDigits == QLatin1Char('1') + keptDigits),
            "a phone number keeps the digits typed", describe);
    return 0;
}
