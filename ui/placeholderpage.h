#pragma once

#include <QWidget>

// Stands in for a page of the main window until its real widget is plugged in with
// MainWindow::setPageWidget(): a heading and one sentence saying what will be there.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &heading, const QString &description, QWidget *parent = nullptr);
};
