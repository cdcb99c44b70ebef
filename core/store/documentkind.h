#pragma once

#include <QString>
#include <optional>

// Which create request a stored document is: drafts and templates are kept per kind.
enum class DocumentKind { TrainingJob, Model };

// The stored names: "training-job", "model".
inline QString documentKindName(DocumentKind kind)
{
    return kind == DocumentKind::Model ? QStringLiteral("model") : QStringLiteral("training-job");
}

inline std::optional<DocumentKind> documentKindFromName(QStringView name)
{
    if (name == u"training-job")
        return DocumentKind::TrainingJob;
    if (name == u"model")
        return DocumentKind::Model;
    return std::nullopt;
}
