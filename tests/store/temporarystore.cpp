#include "tests/store/temporarystore.h"

TemporaryStore::TemporaryStore()
    : m_store(std::make_unique<LocalStore>(path(), &m_clock))
{ }

StoreResult<> TemporaryStore::open()
{
    return m_store->open();
}

StoreResult<> TemporaryStore::reopen()
{
    m_store.reset();
    m_store = std::make_unique<LocalStore>(path(), &m_clock);
    return m_store->open();
}
