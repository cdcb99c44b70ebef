#pragma once

#include "core/aws/connectionsettings.h"
#include "core/aws/profilesummary.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Connection > Connect…: an AWS profile (from the config and credentials files; names and kinds only, never
// a key), a region and an endpoint override, or the local sandbox. "Test connection" emits testRequested()
// with what is entered; whoever opened the dialog runs the test and answers with showTestResult(). The
// dialog itself calls no service.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    // profilesError: why the files could not be read (shown above the list), or empty.
    ConnectionDialog(const QList<ProfileSummary> &profiles, const QString &profilesError,
        bool sandboxAvailable, QWidget *parent = nullptr);

    void setSettings(const ConnectionSettings &settings);
    ConnectionSettings settings() const;

    // The SageMaker regions the region picker offers (any other can be typed).
    static QStringList commonRegions();

    void showTestRunning();
    void showTestResult(bool success, const QString &text);

signals:
    void testRequested(const ConnectionSettings &settings);

private:
    void updateEnabled();

    QRadioButton *m_awsChoice;
    QRadioButton *m_sandboxChoice;
    QComboBox *m_profile;
    QComboBox *m_region;
    QLineEdit *m_endpoint;
    QPushButton *m_test;
    QLabel *m_result;
};
