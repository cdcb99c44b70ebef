#pragma once

#include <QList>

class QWidget;

// The Tab order of a form in reading order, whenever its widgets were created. The form names its blocks
// (fields, buttons, whole editor widgets) in reading order; inside a block Qt's focus chain decides, so
// the editor widgets keep the order they set for themselves, rows they add later included. Qt's own chain
// cannot be trusted across blocks: a widget created later (a new table row) is appended to the window's
// chain, and setTabOrder() on compound widgets moves whole blocks.
class FormTabOrder
{
public:
    // root: the form (Tab leaves it for the window's next widget outside it).
    explicit FormTabOrder(QWidget *root);

    void append(QWidget *block);
    void append(const QList<QWidget *> &blocks);

    // The widgets Tab stops at now (visible, enabled, taking Tab focus), in order.
    QList<QWidget *> stops() const;
    // Where Tab (forward) or Shift+Tab goes from current; nullptr when current is not in the form.
    QWidget *next(QWidget *current, bool forward) const;

    static bool isStop(const QWidget *widget);

private:
    QWidget *m_root;
    QList<QWidget *> m_blocks;
};
