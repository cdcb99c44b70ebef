#include "ui/forms/sectionnavigator.h"

#include "ui/widgets/fieldmark.h"

#include <QScrollArea>
#include <QScrollBar>

using namespace Qt::StringLiterals;

namespace {

constexpr int headingMargin = 12;

} // namespace

SectionNavigator::SectionNavigator(QScrollArea *scrollArea, QWidget *parent)
    : QListWidget(parent)
    , m_scrollArea(scrollArea)
{
    setObjectName(u"sectionNavigator"_s);
    setAccessibleName(tr("Sections"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    QPalette colours = palette();
    colours.setColor(QPalette::Base, colours.color(QPalette::Window));
    setPalette(colours);

    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { jumpTo(row(item)); });
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { jumpTo(row(item)); });
    connect(
        m_scrollArea->verticalScrollBar(), &QScrollBar::valueChanged, this, &SectionNavigator::followScroll);
}

void SectionNavigator::addSection(const QString &title, QWidget *section, QWidget *first)
{
    m_sections.append({ title, section, first });
    auto *item = new QListWidgetItem(FieldMark::blankIcon(), title, this);
    item->setSizeHint(QSize(0, fontMetrics().height() + 10));
    if (count() == 1)
        setCurrentRow(0);
}

void SectionNavigator::setProblems(const QList<Diagnostics> &perSection)
{
    for (int i = 0; i < m_sections.size(); ++i) {
        QListWidgetItem *it = item(i);
        const Diagnostics problems = perSection.value(i);
        if (problems.isEmpty()) {
            it->setIcon(FieldMark::blankIcon());
            it->setText(m_sections.at(i).title);
            it->setToolTip(QString());
            continue;
        }
        it->setIcon(FieldMark::icon(FieldMark::worst(problems)));
        it->setText(u"%1 (%2)"_s.arg(m_sections.at(i).title).arg(problems.size()));
        it->setToolTip(FieldMark::messageText(problems));
    }
}

void SectionNavigator::scrollTo(int index)
{
    QWidget *section = m_sections.value(index).widget;
    if (!section)
        return;
    m_scrolling = true;
    const QPoint top = section->mapTo(m_scrollArea->widget(), QPoint(0, 0));
    m_scrollArea->verticalScrollBar()->setValue(qMax(0, top.y() - headingMargin));
    m_scrolling = false;
    setCurrentRow(index);
}

QSize SectionNavigator::sizeHint() const
{
    int width = 0;
    for (int i = 0; i < count(); ++i)
        width = qMax(width, fontMetrics().horizontalAdvance(item(i)->text() + u" (99)"_s));
    return { width + 16 + 3 * 8, QListWidget::sizeHint().height() };
}

void SectionNavigator::jumpTo(int index)
{
    scrollTo(index);
    if (QWidget *first = m_sections.value(index).first; first && first->isEnabled())
        first->setFocus(Qt::OtherFocusReason);
    // Focus moving into a scroll area scrolls it to the field; the heading stays in view.
    scrollTo(index);
}

void SectionNavigator::followScroll()
{
    if (m_scrolling || m_sections.isEmpty())
        return;
    const int value = m_scrollArea->verticalScrollBar()->value();
    const bool atBottom = value >= m_scrollArea->verticalScrollBar()->maximum() && value > 0;
    int current = 0;
    for (int i = 0; i < m_sections.size(); ++i) {
        const QPoint top = m_sections.at(i).widget->mapTo(m_scrollArea->widget(), QPoint(0, 0));
        if (top.y() - headingMargin <= value + 1)
            current = i;
    }
    // The last sections may never reach the top; at the bottom the last one is what the user looks at.
    if (atBottom)
        current = int(m_sections.size()) - 1;
    const QSignalBlocker blocker(this);
    setCurrentRow(current);
}
