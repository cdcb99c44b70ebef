#pragma once

#include "core/api/speckind.h"
#include "core/sagemaker/describewithtags.h"

#include <QCoreApplication>
#include <QString>

// Export JSON of a training job or model that exists: its describe answer and tags become the create
// request that makes it again (DescribeConverter), written in the API's member order through QSaveFile
// (SpecJson), so `aws sagemaker create-… --cli-input-json file://…` takes the file as it is. Shared by the
// dashboard and the Models page.
class SpecExporter
{
    Q_DECLARE_TR_FUNCTIONS(SpecExporter)

public:
    // "<name>.json" in the user's documents folder.
    static QString suggestedPath(const QString &name);
    // The file dialog's filter.
    static QString fileFilter();
    // Writes the file; the sentence to show afterwards (what was saved where, or why not) in *message.
    static bool save(
        SpecKind kind, const DescribeWithTags::Result &source, const QString &path, QString *message);
};
