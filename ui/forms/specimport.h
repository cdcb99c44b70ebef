#pragma once

#include "core/api/diagnostic.h"
#include "core/api/speckind.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

// File > Import JSON: a create request, or a describe output converted on the fly (DescribeConverter). The
// file is only read; a parse error says where (line and column) and leaves the form as it was.
class SpecImport
{
    Q_DECLARE_TR_FUNCTIONS(SpecImport)

public:
    struct Result
    {
        bool ok = false;
        QJsonObject request; // the create request (converted when the file was a describe output)
        SpecKind kind = SpecKind::TrainingJob;
        bool converted = false; // the file was a describe output
        Diagnostics notes; // the converter's notes
        QString error; // readable, names the file; empty when ok
        int line = 0; // of a parse error, 1-based
        int column = 0;
    };

    // fallbackKind: the kind of a document that names neither TrainingJobName nor ModelName.
    static Result fromFile(const QString &fileName, SpecKind fallbackKind);
    static Result fromBytes(const QByteArray &bytes, SpecKind fallbackKind, const QString &displayName);
};
