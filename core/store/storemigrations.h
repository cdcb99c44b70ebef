#pragma once

#include "core/store/storeresult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

// The store's schema as an ordered list of steps. Step N takes a database from user_version N-1 to N; a new
// release appends a step and never edits one that has shipped.
class StoreMigrations
{
    Q_DECLARE_TR_FUNCTIONS(StoreMigrations)

public:
    struct Step
    {
        int version;
        QString description;
        QStringList statements;
    };

    static const QList<Step> &steps();
    static int latestVersion();

    static StoreResult<int> userVersion(const QSqlDatabase &db);

    // Applies the steps after the database's user_version up to targetVersion, each in its own transaction
    // together with the new user_version, so an interrupted upgrade leaves a consistent older version.
    // Returns the version reached.
    static StoreResult<int> migrate(const QSqlDatabase &db, int targetVersion = latestVersion());
};
