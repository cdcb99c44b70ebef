#include "ui/dashboard/visiblejobstracker.h"

#include "core/aws/clock.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QScrollBar>
#include <QTableView>

VisibleJobsTracker::VisibleJobsTracker(QTableView *view, int nameRole, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_nameRole(nameRole)
    , m_clock(clock)
{
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &VisibleJobsTracker::schedule);
    // A filter or sort change moves other rows into view without a scroll.
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, &VisibleJobsTracker::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &VisibleJobsTracker::schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, &VisibleJobsTracker::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &VisibleJobsTracker::schedule);
    view->installEventFilter(this);
    view->viewport()->installEventFilter(this);
}

QStringList VisibleJobsTracker::visibleJobs() const
{
    if (!m_view || !m_view->isVisible() || !m_view->model())
        return {};
    const QAbstractItemModel *model = m_view->model();
    const int first = m_view->rowAt(0);
    if (first < 0)
        return {};
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = model->rowCount() - 1;
    QStringList names;
    names.reserve(last - first + 1);
    for (int row = first; row <= last; ++row) {
        if (!m_view->isRowHidden(row))
            names.append(model->index(row, 0).data(m_nameRole).toString());
    }
    return names;
}

bool VisibleJobsTracker::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((watched == m_view && (type == QEvent::Show || type == QEvent::Hide))
        || (m_view && watched == m_view->viewport() && type == QEvent::Resize))
        schedule();
    return QObject::eventFilter(watched, event);
}

void VisibleJobsTracker::schedule()
{
    m_lastChange = m_clock->now();
    if (!m_settling) {
        m_settling = true;
        settle(settleDelay);
    }
}

void VisibleJobsTracker::settle(std::chrono::milliseconds wait)
{
    // One pending call however many scroll steps arrive: it waits again for what is left of the quiet time.
    m_clock->callAfter(wait, this, [this] {
        const auto quiet = std::chrono::milliseconds(m_lastChange.msecsTo(m_clock->now()));
        if (quiet < settleDelay) {
            settle(settleDelay - quiet);
            return;
        }
        m_settling = false;
        report();
    });
}

void VisibleJobsTracker::report()
{
    QStringList names = visibleJobs();
    if (names == m_reported)
        return;
    m_reported = std::move(names);
    emit visibleJobsChanged(m_reported);
}
