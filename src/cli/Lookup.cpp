#include "Lookup.h"

#include "OptionValues.h"
#include "booking/Clinic.h"
#include "booking/clients/ClientService.h"

#include <QStringList>

namespace masahista::cli {

namespace {

struct Named
{
    Id id = 0;
    QString name;
};

// `what` is the kind of record in the messages ("therapist").
Result<Id> pick(const QString& text, const QList<Named>& candidates, const QString& what)
{
    const QString wanted = ClientService::folded(text);
    if (wanted.isEmpty()) {
        return makeError(ErrorCode::Invalid, Lookup::tr("Name a %1 by id or by name.").arg(what));
    }
    if (const std::optional<Id> id = OptionValues::id(text)) {
        for (const Named& candidate : candidates) {
            if (candidate.id == *id) {
                return *id;
            }
        }
        return makeError(ErrorCode::NotFound,
                         Lookup::tr("There is no %1 with id %2.").arg(what, text));
    }
    QList<Id> matches;
    for (const Named& candidate : candidates) {
        if (ClientService::folded(candidate.name) == wanted) {
            matches.append(candidate.id);
        }
    }
    if (matches.isEmpty()) {
        return makeError(ErrorCode::NotFound,
                         Lookup::tr("There is no %1 named \"%2\".").arg(what, text));
    }
    if (matches.size() > 1) {
        QStringList ids;
        for (Id id : matches) {
            ids.append(QString::number(id));
        }
        return makeError(ErrorCode::Invalid,
                         Lookup::tr("%1 %2s are named \"%3\" (ids %4); give the id instead.")
                             .arg(matches.size())
                             .arg(what, text, ids.join(QStringLiteral(", "))));
    }
    return matches.constFirst();
}

template <typename Item, typename Name>
QList<Named> namedList(const QList<Item>& items, Name name)
{
    QList<Named> named;
    for (const Item& item : items) {
        named.append({item.id, name(item)});
    }
    return named;
}

} // namespace

Result<Id> Lookup::therapist(const QString& text)
{
    Result<QList<Therapist>> all = m_clinic.therapistList();
    if (!all) {
        return all.error();
    }
    return pick(text, namedList(*all, [](const Therapist& t) { return t.displayName; }),
                tr("therapist"));
}

Result<Id> Lookup::client(const QString& text)
{
    ClientService clients = m_clinic.clients();
    if (ClientService::folded(text).isEmpty()) {
        return pick(text, {}, tr("client"));
    }
    if (const std::optional<Id> id = OptionValues::id(text)) {
        Result<Client> client = clients.byId(*id);
        if (!client) {
            return client.error();
        }
        return client->id;
    }
    // Search narrows 100k clients to the few sharing the words; pick() keeps exact names.
    Result<QList<Client>> found = clients.find(text, 1000, true);
    if (!found) {
        return found.error();
    }
    return pick(text, namedList(*found, [](const Client& c) { return c.fullName; }), tr("client"));
}

Result<Id> Lookup::service(const QString& text)
{
    Result<QList<MassageType>> all = m_clinic.massageTypeList();
    if (!all) {
        return all.error();
    }
    return pick(text, namedList(*all, [](const MassageType& t) { return t.name; }),
                tr("massage type"));
}

Result<Id> Lookup::room(const QString& text)
{
    Result<QList<Room>> all = m_clinic.roomList();
    if (!all) {
        return all.error();
    }
    return pick(text, namedList(*all, [](const Room& r) { return r.name; }), tr("room"));
}

} // namespace masahista::cli
