#include "core/pricing/instancecatalog.h"

#include "core/api/instancetypename.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// RFC 4180 fields: commas inside double quotes, "" for a quote. The catalog's source notes are quoted.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            row << field;
            field.clear();
            if (!(row.size() == 1 && row.first().isEmpty()))
                rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    row << field;
    if (!(row.size() == 1 && row.first().isEmpty()))
        rows << row;
    return rows;
}

// The CSV says "compute optimised"; the app speaks of four groups.
std::optional<InstanceType::Family> familyFromCsv(const QString &text)
{
    const QString lower = text.trimmed().toLower();
    if (lower.startsWith("general"_L1))
        return InstanceType::Family::GeneralPurpose;
    if (lower.startsWith("compute"_L1))
        return InstanceType::Family::ComputeOptimized;
    if (lower.startsWith("memory"_L1))
        return InstanceType::Family::MemoryOptimized;
    if (lower.startsWith("accelerated"_L1))
        return InstanceType::Family::AcceleratedComputing;
    return std::nullopt;
}

// Untranslated, so a search for "compute" works in every language; familyName() translates.
const char *familySourceName(InstanceType::Family family)
{
    switch (family) {
    case InstanceType::Family::GeneralPurpose:
        return QT_TRANSLATE_NOOP("InstanceCatalog", "General purpose");
    case InstanceType::Family::ComputeOptimized:
        return QT_TRANSLATE_NOOP("InstanceCatalog", "Compute optimized");
    case InstanceType::Family::MemoryOptimized:
        return QT_TRANSLATE_NOOP("InstanceCatalog", "Memory optimized");
    case InstanceType::Family::AcceleratedComputing:
        return QT_TRANSLATE_NOOP("InstanceCatalog", "Accelerated computing");
    }
    return "";
}

enum class SpecUnit { None, Vcpus, MemoryGib, Accelerators };

SpecUnit unitFromWord(QStringView word)
{
    static const QStringList vcpu { u"vcpu"_s, u"vcpus"_s, u"cpu"_s, u"cpus"_s };
    static const QStringList memory { u"gib"_s, u"gb"_s, u"g"_s };
    static const QStringList accelerators { u"gpu"_s, u"gpus"_s, u"accelerator"_s, u"accelerators"_s };
    if (vcpu.contains(word))
        return SpecUnit::Vcpus;
    if (memory.contains(word))
        return SpecUnit::MemoryGib;
    if (accelerators.contains(word))
        return SpecUnit::Accelerators;
    return SpecUnit::None;
}

bool specEquals(const InstanceType &type, SpecUnit unit, double value)
{
    switch (unit) {
    case SpecUnit::Vcpus:
        return type.vcpus == value;
    case SpecUnit::MemoryGib:
        return std::abs(type.memoryGib - value) < 0.01;
    case SpecUnit::Accelerators:
        return type.accelerators == value;
    case SpecUnit::None:
        break;
    }
    return false;
}

} // namespace

QString InstanceType::series() const
{
    const QStringList parts = name.split(u'.');
    return parts.size() == 3 ? parts.at(1) : QString();
}

const InstanceCatalog &InstanceCatalog::builtIn()
{
    static const InstanceCatalog catalog = [] {
        QFile file(u":/sagedesk/catalog/training-instance-types.csv"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("Instance catalog resource missing: %s", qPrintable(file.fileName()));
            return InstanceCatalog();
        }
        QString error;
        std::optional<InstanceCatalog> loaded = fromCsv(file.readAll(), &error);
        if (!loaded) {
            qWarning("Instance catalog resource unusable: %s", qPrintable(error));
            return InstanceCatalog();
        }
        return *loaded;
    }();
    return catalog;
}

std::optional<InstanceCatalog> InstanceCatalog::fromCsv(const QByteArray &csv, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<InstanceCatalog> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv));
    if (rows.isEmpty())
        return fail(u"empty catalog"_s);

    const QStringList header = rows.first();
    const QStringList required { u"instance_type"_s, u"family"_s, u"vcpus"_s, u"memory_gib"_s,
        u"accelerators"_s, u"accelerator_type"_s, u"accelerator_memory_gib"_s };
    QHash<QString, qsizetype> column;
    for (const QString &name : required) {
        const qsizetype index = header.indexOf(name);
        if (index < 0)
            return fail(u"line 1: no column %1"_s.arg(name));
        column.insert(name, index);
    }

    InstanceCatalog catalog;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        const QString where = u"line %1: "_s.arg(r + 1);
        if (row.size() < header.size())
            return fail(where + u"%1 fields, expected %2"_s.arg(row.size()).arg(header.size()));
        const auto cell = [&](const QString &name) { return row.at(column.value(name)).trimmed(); };

        InstanceType type;
        type.name = cell(u"instance_type"_s);
        if (!isWellFormedTypeName(type.name))
            return fail(where + u"bad instance type \"%1\""_s.arg(type.name));
        if (catalog.m_indexByName.contains(type.name))
            return fail(where + u"%1 listed twice"_s.arg(type.name));
        const std::optional<InstanceType::Family> family = familyFromCsv(cell(u"family"_s));
        if (!family)
            return fail(where + u"unknown family \"%1\""_s.arg(cell(u"family"_s)));
        type.family = *family;

        bool vcpusOk = false;
        bool memoryOk = false;
        bool acceleratorsOk = false;
        type.vcpus = cell(u"vcpus"_s).toInt(&vcpusOk);
        type.memoryGib = cell(u"memory_gib"_s).toDouble(&memoryOk);
        type.accelerators = cell(u"accelerators"_s).toInt(&acceleratorsOk);
        if (!vcpusOk || type.vcpus <= 0 || !memoryOk || type.memoryGib <= 0 || !acceleratorsOk
            || type.accelerators < 0)
            return fail(where + u"incomplete specs for %1"_s.arg(type.name));
        if (type.accelerators > 0) {
            bool acceleratorMemoryOk = false;
            type.acceleratorType = cell(u"accelerator_type"_s);
            type.acceleratorMemoryGib = cell(u"accelerator_memory_gib"_s).toDouble(&acceleratorMemoryOk);
            if (type.acceleratorType.isEmpty() || !acceleratorMemoryOk)
                return fail(where + u"accelerator details missing for %1"_s.arg(type.name));
        }
        // The price columns are reference notes with dates, not current prices: prices come from the
        // Price List API at run time, so they are not read here.
        catalog.m_indexByName.insert(type.name, catalog.m_types.size());
        catalog.m_types << type;
    }
    return catalog;
}

const InstanceType *InstanceCatalog::find(const QString &name) const
{
    const auto it = m_indexByName.constFind(name.trimmed());
    return it == m_indexByName.cend() ? nullptr : &m_types.at(*it);
}

QList<InstanceType> InstanceCatalog::byFamily(InstanceType::Family family) const
{
    QList<InstanceType> result;
    std::copy_if(m_types.cbegin(), m_types.cend(), std::back_inserter(result),
        [family](const InstanceType &type) { return type.family == family; });
    std::stable_sort(result.begin(), result.end(), [](const InstanceType &a, const InstanceType &b) {
        const int bySeries = QString::compare(a.series(), b.series());
        return bySeries != 0 ? bySeries < 0 : a.vcpus < b.vcpus;
    });
    return result;
}

QList<InstanceType> InstanceCatalog::search(const QString &query) const
{
    QList<InstanceType> result;
    for (InstanceType::Family family : families()) {
        const QList<InstanceType> members = byFamily(family);
        std::copy_if(members.cbegin(), members.cend(), std::back_inserter(result),
            [&query](const InstanceType &type) { return matches(type, query); });
    }
    return result;
}

bool InstanceCatalog::matches(const InstanceType &type, const QString &query)
{
    static const QRegularExpression numberWithUnit(u"^(\\d+(?:\\.\\d+)?)([a-z]*)$"_s);
    static const QRegularExpression spaces(u"\\s+"_s);
    const QStringList terms = query.toLower().split(spaces, Qt::SkipEmptyParts);
    const QString haystack = (type.name + u' ' + QLatin1String(familySourceName(type.family)) + u' '
        + familyName(type.family) + u' ' + type.acceleratorType
        + (type.acceleratorType.startsWith("NVIDIA"_L1) ? u" gpu"_s : QString()))
                                 .toLower();

    for (qsizetype i = 0; i < terms.size(); ++i) {
        const QString &term = terms.at(i);
        const QRegularExpressionMatch number = numberWithUnit.match(term);
        if (number.hasMatch()) {
            SpecUnit unit = unitFromWord(number.capturedView(2));
            if (unit == SpecUnit::None && number.capturedView(2).isEmpty() && i + 1 < terms.size()) {
                unit = unitFromWord(terms.at(i + 1));
                if (unit != SpecUnit::None)
                    ++i;
            }
            if (unit != SpecUnit::None) {
                if (!specEquals(type, unit, number.captured(1).toDouble()))
                    return false;
                continue;
            }
        }
        if (!haystack.contains(term))
            return false;
    }
    return true;
}

QList<InstanceType::Family> InstanceCatalog::families()
{
    return { InstanceType::Family::GeneralPurpose, InstanceType::Family::ComputeOptimized,
        InstanceType::Family::MemoryOptimized, InstanceType::Family::AcceleratedComputing };
}

QString InstanceCatalog::familyName(InstanceType::Family family)
{
    return QCoreApplication::translate("InstanceCatalog", familySourceName(family));
}

bool InstanceCatalog::isWellFormedTypeName(const QString &name)
{
    return InstanceTypeName::isWellFormed(name);
}
