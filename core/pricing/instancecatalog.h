#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

class QByteArray;

// Hardware of one SageMaker training instance type, as the catalog resource states it.
// Prices are deliberately absent: they are live facts fetched from the AWS Price List API.
struct InstanceType
{
    enum class Family { GeneralPurpose, ComputeOptimized, MemoryOptimized, AcceleratedComputing };

    QString name; // "ml.g5.2xlarge"
    Family family = Family::GeneralPurpose;
    int vcpus = 0;
    double memoryGib = 0;
    int accelerators = 0;
    QString acceleratorType; // "NVIDIA A10G"; empty when accelerators == 0
    double acceleratorMemoryGib = 0; // total for the instance; 0 when there are no accelerators

    // "g5" for "ml.g5.2xlarge", "p6-b200" for "ml.p6-b200.48xlarge".
    QString series() const;
};

// The training instance types SageMaker accepts, built from resources/catalog/training-instance-types.csv.
class InstanceCatalog
{
public:
    // The catalog compiled into the program (":/sagedesk/catalog/training-instance-types.csv"), loaded once.
    static const InstanceCatalog &builtIn();

    // Parses the catalog CSV (header row names the columns; extra columns such as the reference prices are
    // ignored). Returns nothing and sets *error (with the line number) when a row is unusable.
    static std::optional<InstanceCatalog> fromCsv(const QByteArray &csv, QString *error = nullptr);

    // In the file's order, which is the API's enum order.
    const QList<InstanceType> &types() const { return m_types; }
    int size() const { return int(m_types.size()); }
    const InstanceType *find(const QString &name) const;
    bool contains(const QString &name) const { return find(name) != nullptr; }

    // One family, sorted by series then size (vCPUs): the order a person scans.
    QList<InstanceType> byFamily(InstanceType::Family family) const;

    // Types matching every term of query, in byFamily order within the families' order. Terms are
    // case-insensitive substrings of the name, family or accelerator type ("a100", "memory", "trainium");
    // a number followed by a unit narrows by specs: "8 vcpu", "64 gib", "4 gpu" (also written "8vcpu").
    QList<InstanceType> search(const QString &query) const;
    static bool matches(const InstanceType &type, const QString &query);

    static QList<InstanceType::Family> families();
    static QString familyName(InstanceType::Family family); // translated, "Accelerated computing"

    // A type the catalog may not know yet, ml.<series>.<size>: the validator's rule
    // (InstanceTypeName::isWellFormed), so the picker and the validator agree.
    static bool isWellFormedTypeName(const QString &name);

private:
    QList<InstanceType> m_types;
    QHash<QString, qsizetype> m_indexByName;
};
