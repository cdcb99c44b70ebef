#include "ui/forms/formtaborder.h"

#include <QWidget>

namespace {

// More than any window has; a broken chain must not hang the program.
constexpr int chainLimit = 20000;

} // namespace

FormTabOrder::FormTabOrder(QWidget *root)
    : m_root(root)
{ }

void FormTabOrder::append(QWidget *block)
{
    m_blocks << block;
}

void FormTabOrder::append(const QList<QWidget *> &blocks)
{
    m_blocks << blocks;
}

bool FormTabOrder::isStop(const QWidget *widget)
{
    return widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
        && !widget->focusProxy();
}

QList<QWidget *> FormTabOrder::stops() const
{
    QList<QWidget *> chain;
    QWidget *top = m_root->window();
    for (QWidget *w = top->nextInFocusChain(); w && w != top && chain.size() < chainLimit;
         w = w->nextInFocusChain())
        if (isStop(w))
            chain << w;
    QList<QWidget *> stops;
    for (QWidget *block : m_blocks)
        for (QWidget *w : std::as_const(chain))
            if ((w == block || block->isAncestorOf(w)) && !stops.contains(w))
                stops << w;
    return stops;
}

QWidget *FormTabOrder::next(QWidget *current, bool forward) const
{
    const QList<QWidget *> stops = this->stops();
    qsizetype at = stops.indexOf(current);
    for (qsizetype i = 0; at < 0 && current && i < stops.size(); ++i)
        if (stops.at(i)->isAncestorOf(current))
            at = i;
    if (at < 0)
        return nullptr;
    const qsizetype to = at + (forward ? 1 : -1);
    if (to >= 0 && to < stops.size())
        return stops.at(to);
    // Out of the form: the next stop in Qt's chain that is not the form's.
    QWidget *w = forward ? stops.last() : stops.first();
    for (int guard = 0; guard < chainLimit; ++guard) {
        w = forward ? w->nextInFocusChain() : w->previousInFocusChain();
        if (!w || w == current)
            return nullptr;
        if (w != m_root && !m_root->isAncestorOf(w) && isStop(w))
            return w;
    }
    return nullptr;
}
