// E-mail addresses and names as typed into the client form or `clients add`
// (ClientService::isValidEmail, validated, problems). Input: the text of the field, used as
// the e-mail address and as the name of an otherwise valid client.
#include "FuzzSupport.h"
#include "booking/clients/ClientService.h"

using namespace masahista;
using fuzz::require;

namespace {

Client clientWith(const QString& name, const QString& email)
{
    Client client;
    client.fullName = name;
    client.phone = QStringLiteral("(780) 555-0142");
    client.email = email;
    return client;
}

void checkEmail(const QString& typed)
{
    if (!ClientService::isValidEmail(typed)) {
        return;
    }
    const auto describe = [&]() -> QString {
        return QLatin1Char('"') + typed + QLatin1Char('"');
    };
    require(typed.size() <= 254, "an e-mail address has at most 254 characters", describe);
    bool anySpace = false;
    bool anyInvisible = false;
    for (QChar c : typed) {
        anySpace = anySpace || c.isSpace();
        anyInvisible = anyInvisible || c.category() == QChar::Other_Control ||
                       c.category() == QChar::Other_Format;
    }
    require(!anySpace, "an e-mail address has no white space", describe);
    require(!anyInvisible, "an e-mail address has no control or invisible characters", describe);
    require(typed.count(u'@') == 1, "an e-mail address has one @", describe);
    const QString domain = typed.mid(typed.indexOf(u'@') + 1);
    require(domain.contains(u'.') && !domain.startsWith(u'.') && !domain.endsWith(u'.') &&
                !domain.contains(QStringLiteral("..")),
            "an e-mail domain is dotted words", describe);
}

void checkClient(const Client& client)
{
    const Result<Client> checked = ClientService::validated(client);
    const bool noProblems = ClientService::problems(client, QDate()).isEmpty();
    require(checked.ok() == noProblems, "validated() refuses exactly what problems() reports");
    if (fuzz::refused(checked)) {
        return;
    }
    const auto describe = [&]() -> QString {
        return client.fullName + QStringLiteral(" / ") + client.email + QStringLiteral(" -> ") +
               checked->fullName + QStringLiteral(" / ") + checked->email;
    };
    require(checked->email.isEmpty() || ClientService::isValidEmail(checked->email),
            "a validated e-mail address is valid", describe);
    const Result<Client> again = ClientService::validated(*checked);
    require(again.ok() && again->fullName == checked->fullName && again->phone == checked->phone &&
                again->email == checked->email,
            "a validated client stays as it is", describe);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString typed = fuzz::text(data, size);
    checkEmail(typed);
    checkClient(clientWith(QStringLiteral("Ana Lee"), typed));
    checkClient(clientWith(typed, QString()));
    return 0;
}
