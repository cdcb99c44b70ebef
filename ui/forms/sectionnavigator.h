#pragma once

#include "core/api/diagnostic.h"

#include <QListWidget>

class QScrollArea;

// The list of a long form's sections beside it: activating one scrolls the form to it and focuses its first
// field; scrolling the form highlights the section in view. Sections with problems carry the worst
// problem's icon and a count.
class SectionNavigator : public QListWidget
{
    Q_OBJECT

public:
    explicit SectionNavigator(QScrollArea *scrollArea, QWidget *parent = nullptr);

    // section: a widget inside the scroll area's widget; first: what gets focus when the user jumps to it.
    void addSection(const QString &title, QWidget *section, QWidget *first);
    int sectionCount() const { return int(m_sections.size()); }
    QWidget *section(int index) const { return m_sections.value(index).widget; }
    // Diagnostics per section, in section order.
    void setProblems(const QList<Diagnostics> &perSection);
    // Scrolls the form so the section's heading is at the top.
    void scrollTo(int index);

    QSize sizeHint() const override;

private:
    void jumpTo(int index);
    void followScroll();

    struct Section
    {
        QString title;
        QWidget *widget = nullptr;
        QWidget *first = nullptr;
    };
    QScrollArea *m_scrollArea;
    QList<Section> m_sections;
    bool m_scrolling = false;
};
