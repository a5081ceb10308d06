#pragma once

#include "domain/Id.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

// The values typed after the command line's options (and MASAHISTA_NOW), read into dates,
// numbers, ids and instants; nullopt for text that is not one. The messages that name the
// option stay with CommandContext. Nothing here touches files or the environment, so that
// tests/fuzz/fuzz_option_values.cpp can feed it anything.
namespace masahista::cli::OptionValues {

// YYYY-MM-DD.
std::optional<QDate> date(const QString& text);
// A whole number from `minimum` to `maximum`.
std::optional<int> number(const QString& text, int minimum, int maximum);
// How many of something to give at most: a whole number above 0; one too large for an int reads
// as the largest int (as many as there are).
std::optional<int> count(const QString& text);
// A record's id: a whole number above 0.
std::optional<Id> id(const QString& text);
// "2026-12-01T10:00" or "2026-12-01 10:00:30" is wall-clock time in `zone`, read as
// ClinicTime::resolve reads it (RFC 5545): a time the spring change skips with the offset before
// the gap, a time shown twice as its first occurrence, and then `note` says so (else it is left
// empty). With an offset or Z ("2026-12-01T17:00:00Z", "...-07:00") the text names an exact
// instant. In UTC.
std::optional<QDateTime> instant(const QString& text, const QTimeZone& zone,
                                 QString* note = nullptr);
// MASAHISTA_NOW: an ISO 8601 instant that must carry its offset or Z.
std::optional<QDateTime> pinnedNow(const QString& text);

} // namespace masahista::cli::OptionValues
