#pragma once

#include "core/store/draft.h"

#include <QFrame>
#include <QList>

class QVBoxLayout;

// The non-modal offer to restore unsent drafts, above a form: one line per draft (its name and when it was
// last edited) with Restore and Discard, and a button that hides the offer. Nothing happens unless the user
// asks.
//
// Children: "draftsText", per draft n (from 0) "restoreDraft_n" and "discardDraft_n", and "dismissDrafts".
class DraftsBar : public QFrame
{
    Q_OBJECT

public:
    static constexpr int maxListed = 5;

    explicit DraftsBar(QWidget *parent = nullptr);

    // Shows the bar listing drafts (at most maxListed, the newest); hides it when there are none.
    void setDrafts(const QList<Draft> &drafts, const QString &untitled);
    const QList<Draft> &drafts() const { return m_drafts; }
    // Takes one draft off the list (restored or discarded); hides the bar after the last.
    void removeDraft(const QString &id);

signals:
    void restoreRequested(const Draft &draft);
    void discardRequested(const QString &id);

private:
    void rebuild();

    QList<Draft> m_drafts;
    QString m_untitled;
    QVBoxLayout *m_rows;
};
