#pragma once

#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QVBoxLayout;

// The frame every dashboard chart sits in: a title row (with room for the chart's own controls) and a
// "Save as PNG…" action, offered as a button and in the chart's context menu. A subclass supplies the body
// and draws the image that is saved.
class ChartPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChartPanel(const QString &title, QWidget *parent = nullptr);

    QString title() const;
    void setTitle(const QString &title);

    // The whole chart as drawn now, also what is scrolled out of view, at scale times its size on screen.
    virtual QImage toImage(qreal scale) const = 0;
    // The scale a saved PNG is drawn at: twice the screen size, less when that would be too big an image.
    qreal exportScale() const;
    // The size of a saved PNG: the chart under a line with the title (so the file says what it shows), at
    // exportScale().
    QSize exportSize() const;
    // The image savePng() writes.
    QImage exportImage() const;
    // Writes exportImage() to path as PNG, replacing the file only once it is complete. On failure returns
    // false and, when error is given, says why.
    bool savePng(const QString &path, QString *error = nullptr) const;

    QAction *saveAction() const { return m_saveAction; }
    // The file name the save dialog offers.
    virtual QString suggestedFileName() const = 0;

public slots:
    // Asks where to save, saves, and says so when it could not.
    void saveAsPng();

protected:
    // The size toImage(1.0) has.
    virtual QSize imageSize() const = 0;
    // Puts widget in the title row, before the save button.
    void addHeaderWidget(QWidget *widget);
    // The chart itself; it gets the context menu with the save action.
    void setBody(QWidget *body);

private:
    int titleBandHeight() const;

    QVBoxLayout *m_layout;
    QHBoxLayout *m_header;
    QLabel *m_title;
    QAction *m_saveAction;
};
