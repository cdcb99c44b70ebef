#pragma once

#include "core/store/localstore.h"
#include "tests/support/manualclock.h"

#include <QTemporaryDir>
#include <memory>

// A LocalStore on a file in a fresh temporary folder, with a clock the test moves by hand. reopen() drops
// the store object (no explicit flush or save) and opens the same file again, as a restarted program would.
class TemporaryStore
{
public:
    TemporaryStore();

    QString path() const { return m_dir.filePath(QStringLiteral("sagedesk.sqlite")); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    ManualClock &clock() { return m_clock; }
    LocalStore &store() { return *m_store; }

    StoreResult<> open();
    StoreResult<> reopen();

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<LocalStore> m_store;
};
