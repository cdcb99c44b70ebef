#include "ui/forms/recentvaluecombos.h"

#include "core/api/jsontreeedit.h"
#include "core/store/recentvalues.h"
#include "ui/forms/formwidgets.h"

void RecentValueCombos::add(QComboBox *combo, const QString &key, const QString &path)
{
    m_entries.append({ combo, key, path });
}

void RecentValueCombos::load(LocalStore *store) const
{
    if (!store)
        return;
    RecentValues recent(*store);
    for (const Entry &e : m_entries)
        FormWidgets::fillRecent(e.combo, recent.values(e.key).valueOr({}));
}

void RecentValueCombos::remember(LocalStore *store, const QJsonObject &document) const
{
    if (!store)
        return;
    RecentValues recent(*store);
    for (const Entry &e : m_entries)
        (void)recent.use(e.key, JsonTreeEdit::valueAt(document, e.path).toString());
    load(store);
}
