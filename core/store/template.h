#pragma once

#include "core/store/documentkind.h"

#include <QDateTime>
#include <QString>

// A named document the user saved to start new ones from ("Team VPC and role"). Names are unique per kind,
// ignoring ASCII case.
struct Template
{
    DocumentKind kind = DocumentKind::TrainingJob;
    QString name;
    QString document; // JSON text, stored exactly as given
    QDateTime created;
    QDateTime updated;

    friend bool operator==(const Template &, const Template &) = default;
};
