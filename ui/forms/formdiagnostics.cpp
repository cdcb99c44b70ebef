#include "ui/forms/formdiagnostics.h"

#include "core/api/specvalidator.h"
#include "ui/forms/fieldbindings.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace FormDiagnostics {

Diagnostics collect(SpecKind kind, const QJsonObject &document, const FieldBindings &fields)
{
    const Diagnostics input = fields.inputDiagnostics();
    Diagnostics validator = validateSpec(kind, document);
    // What a widget sees itself says more than the validator's generic pattern error at the same place.
    validator.removeIf([&input](const Diagnostic &d) {
        return std::any_of(input.cbegin(), input.cend(), [&d](const Diagnostic &i) {
            return i.path == d.path && (d.code == u"pattern"_s || i.message == d.message);
        });
    });
    for (Diagnostic &d : validator) {
        if (d.code != u"pattern"_s)
            continue;
        const int owner = fields.owner(d.path);
        if (owner >= 0 && fields.at(owner).path() == d.path && !fields.at(owner).patternHint().isEmpty())
            d.message = fields.at(owner).patternHint();
    }
    // A list's "has 0 entries" says less than the rule about the structure holding it ("a VPC configuration
    // needs at least one subnet and at least one security group").
    validator.removeIf([&validator](const Diagnostic &d) {
        if (d.code != u"minCount"_s)
            return false;
        const QString parent = d.path.left(qMax(0, int(d.path.lastIndexOf(u'.'))));
        return std::any_of(validator.cbegin(), validator.cend(), [&](const Diagnostic &other) {
            return other.path == parent && other.isError() && other.code != u"minCount"_s;
        });
    });
    Diagnostics all = validator + input;
    const auto place = [&fields](const Diagnostic &d) {
        const int owner = fields.owner(d.path);
        return owner < 0 ? fields.size() : owner;
    };
    std::stable_sort(all.begin(), all.end(),
        [&place](const Diagnostic &a, const Diagnostic &b) { return place(a) < place(b); });
    return all;
}

Diagnostics marks(const Diagnostics &diagnostics, const FieldBindings &fields, const QSet<int> &fieldsLeft,
    bool markEverything)
{
    Diagnostics result = diagnostics;
    if (markEverything)
        return result;
    static const QStringList absence { u"required"_s, u"minCount"_s, u"imageXorAlgorithmName"_s,
        u"vpcNeedsBothLists"_s, u"spotNeedsMaxWait"_s };
    result.removeIf([&](const Diagnostic &d) {
        return absence.contains(d.code) && !fieldsLeft.contains(fields.owner(d.path));
    });
    return result;
}

} // namespace FormDiagnostics
