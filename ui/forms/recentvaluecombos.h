#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class LocalStore;
class QComboBox;

// The drop-downs of a form that offer recently used values (an image, a role): each is filled from the
// store's RecentValues list under its key, and after a successful submit the document's value at its path
// goes first in that list. Without a store nothing happens.
class RecentValueCombos
{
public:
    void add(QComboBox *combo, const QString &key, const QString &path);
    void load(LocalStore *store) const;
    // Puts document's values first in their lists, then fills the drop-downs again.
    void remember(LocalStore *store, const QJsonObject &document) const;

private:
    struct Entry
    {
        QComboBox *combo;
        QString key;
        QString path;
    };
    QList<Entry> m_entries;
};
