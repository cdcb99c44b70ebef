#pragma once

#include <QDialog>

// Help > About: what this build is (version, the Qt and OpenSSL it runs with), its licence and where the
// project lives. "Copy" puts the version lines on the clipboard for bug reports.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The lines "Copy" puts on the clipboard, one component and its version per line.
    QString versionReport() const;

private:
    QString qtVersionText() const;
};
