#pragma once

#include "core/api/diagnostic.h"

#include <QJsonValue>
#include <QWidget>

// The common face of the editor widgets the create forms are assembled from. Each edits the value at one
// place in the spec document (pathPrefix, e.g. "VpcConfig", "InputDataConfig", "HyperParameters"), in wire
// shape, and knows nothing of the network or the store: the form reads toJson() after changed() and hands
// the validator's diagnostics back through showDiagnostics().
class SpecFieldEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SpecFieldEditor(const QString &pathPrefix, QWidget *parent = nullptr);

    QString pathPrefix() const { return m_pathPrefix; }
    void setPathPrefix(const QString &pathPrefix) { m_pathPrefix = pathPrefix; }

    // The value in wire shape; Undefined means "leave the member out of the document" (VPC switched off,
    // an empty table, no duration entered).
    virtual QJsonValue toJson() const = 0;
    // Loads a value (Undefined or null clears the editor). Does not emit changed().
    virtual void setJson(const QJsonValue &value) = 0;

    // Takes the diagnostics of the whole document and marks the fields those below pathPrefix() name;
    // an empty list clears every mark.
    virtual void showDiagnostics(const Diagnostics &diagnostics) = 0;
    // Shows and focuses the field path names (a path below pathPrefix()); false when it is not ours.
    virtual bool focusPath(const QString &path) = 0;

    // Problems only the widget can see, because the JSON it produces cannot show them: text that is not a
    // duration, a value that does not fit the type chosen for it, a key entered twice, an ID that cannot be
    // a real one. Paths are full document paths. The validator's own checks are not repeated here.
    virtual Diagnostics inputDiagnostics() const { return {}; }

signals:
    // The user changed the value.
    void changed();

protected:
    // The diagnostics below pathPrefix(), each with its path made relative ("", "[1].S3Uri", ".Key").
    Diagnostics diagnosticsBelow(const Diagnostics &diagnostics) const;
    // The diagnostics aimed at pathPrefix() itself, for editors of a single value.
    Diagnostics diagnosticsAt(const Diagnostics &diagnostics) const;

private:
    QString m_pathPrefix;
};
