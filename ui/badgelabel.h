#pragma once

#include <QLabel>

// A short word on a coloured pill ("Local sandbox", "Throttled", a job status), readable on light and dark
// palettes: the text colour is picked for contrast with the background.
class BadgeLabel : public QLabel
{
    Q_OBJECT

public:
    explicit BadgeLabel(
        const QString &text = QString(), const QColor &background = QColor(), QWidget *parent = nullptr);

    void setBackground(const QColor &background);
    QColor background() const { return m_background; }

private:
    QColor m_background;
};
