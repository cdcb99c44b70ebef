#include "ui/connection/connectiondialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString kindText(ProfileSummary::CredentialKind kind)
{
    switch (kind) {
    case ProfileSummary::CredentialKind::None:
        return ConnectionDialog::tr("settings only");
    case ProfileSummary::CredentialKind::Keys:
        return ConnectionDialog::tr("access keys");
    case ProfileSummary::CredentialKind::Process:
        return ConnectionDialog::tr("credential_process");
    case ProfileSummary::CredentialKind::Unsupported:
        return ConnectionDialog::tr("role or SSO, not supported");
    }
    return QString();
}

QString profileLabel(const ProfileSummary &profile)
{
    QStringList details { kindText(profile.credentialKind) };
    if (!profile.region.isEmpty())
        details << profile.region;
    return u"%1  (%2)"_s.arg(profile.name, details.join(u", "_s));
}

} // namespace

ConnectionDialog::ConnectionDialog(const QList<ProfileSummary> &profiles, const QString &profilesError,
    bool sandboxAvailable, QWidget *parent)
    : QDialog(parent)
    , m_awsChoice(new QRadioButton(tr("&AWS account")))
    , m_sandboxChoice(new QRadioButton(tr("&Local sandbox (moto_server on this computer)")))
    , m_profile(new QComboBox)
    , m_region(new QComboBox)
    , m_endpoint(new QLineEdit)
    , m_test(new QPushButton(tr("&Test connection")))
    , m_result(new QLabel)
{
    setObjectName(u"connectionDialog"_s);
    setWindowTitle(tr("Connect"));

    m_awsChoice->setObjectName(u"awsChoice"_s);
    m_sandboxChoice->setObjectName(u"sandboxChoice"_s);
    m_sandboxChoice->setEnabled(sandboxAvailable);
    if (!sandboxAvailable)
        m_sandboxChoice->setToolTip(
            tr("moto_server is not on PATH: install moto[server] to use the sandbox."));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_awsChoice);
    choices->addButton(m_sandboxChoice);
    m_awsChoice->setChecked(true);

    m_profile->setObjectName(u"profileCombo"_s);
    m_profile->addItem(tr("(environment, AWS_PROFILE or default)"), QString());
    for (const ProfileSummary &profile : profiles)
        m_profile->addItem(profileLabel(profile), profile.name);

    m_region->setObjectName(u"regionCombo"_s);
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->addItem(QString());
    m_region->addItems(commonRegions());
    m_region->lineEdit()->setPlaceholderText(tr("from the profile or AWS_REGION"));

    m_endpoint->setObjectName(u"endpointEdit"_s);
    m_endpoint->setPlaceholderText(tr("optional, e.g. https://vpce-…amazonaws.com or http://127.0.0.1:5000"));
    m_endpoint->setClearButtonEnabled(true);

    auto *awsBox = new QGroupBox;
    auto *form = new QFormLayout(awsBox);
    form->addRow(tr("&Profile:"), m_profile);
    form->addRow(tr("&Region:"), m_region);
    form->addRow(tr("&Endpoint override:"), m_endpoint);
    if (!profilesError.isEmpty()) {
        auto *error = new QLabel(profilesError);
        error->setObjectName(u"profilesError"_s);
        error->setWordWrap(true);
        error->setStyleSheet(u"color: #c62828"_s);
        form->insertRow(0, error);
    }
    auto *note = new QLabel(tr("Only profile names are read here: keys stay in your AWS files."));
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(note);

    m_test->setObjectName(u"testConnectionButton"_s);
    m_result->setObjectName(u"testResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setMinimumHeight(m_result->fontMetrics().lineSpacing() * 3);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_result, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_awsChoice);
    layout->addWidget(awsBox);
    layout->addWidget(m_sandboxChoice);
    layout->addSpacing(8);
    layout->addLayout(testRow);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(m_awsChoice, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    connect(m_test, &QPushButton::clicked, this, [this] { emit testRequested(settings()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateEnabled();
}

QStringList ConnectionDialog::commonRegions()
{
    return { u"us-east-1"_s, u"us-east-2"_s, u"us-west-1"_s, u"us-west-2"_s, u"ca-central-1"_s,
        u"sa-east-1"_s, u"eu-west-1"_s, u"eu-west-2"_s, u"eu-west-3"_s, u"eu-central-1"_s, u"eu-central-2"_s,
        u"eu-north-1"_s, u"eu-south-1"_s, u"ap-south-1"_s, u"ap-northeast-1"_s, u"ap-northeast-2"_s,
        u"ap-northeast-3"_s, u"ap-southeast-1"_s, u"ap-southeast-2"_s, u"ap-southeast-3"_s, u"ap-east-1"_s,
        u"me-south-1"_s, u"me-central-1"_s, u"af-south-1"_s, u"il-central-1"_s };
}

void ConnectionDialog::setSettings(const ConnectionSettings &settings)
{
    (settings.sandbox && m_sandboxChoice->isEnabled() ? m_sandboxChoice : m_awsChoice)->setChecked(true);
    int profileIndex = m_profile->findData(settings.profile);
    if (profileIndex < 0) { // a profile that is no longer in the files: keep it visible rather than drop it
        m_profile->addItem(tr("%1  (not found in the AWS files)").arg(settings.profile), settings.profile);
        profileIndex = m_profile->count() - 1;
    }
    m_profile->setCurrentIndex(profileIndex);
    m_region->setCurrentText(settings.region);
    m_endpoint->setText(settings.endpointUrl);
    updateEnabled();
}

ConnectionSettings ConnectionDialog::settings() const
{
    return ConnectionSettings {
        .profile = m_profile->currentData().toString(),
        .region = m_region->currentText().trimmed(),
        .endpointUrl = m_endpoint->text().trimmed(),
        .sandbox = m_sandboxChoice->isChecked(),
    };
}

void ConnectionDialog::showTestRunning()
{
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Testing…"));
}

void ConnectionDialog::showTestResult(bool success, const QString &text)
{
    m_test->setEnabled(true);
    m_result->setStyleSheet(success ? u"color: #2e7d32"_s : u"color: #c62828"_s);
    m_result->setText(text);
}

void ConnectionDialog::updateEnabled()
{
    const bool aws = m_awsChoice->isChecked();
    m_profile->setEnabled(aws);
    m_region->setEnabled(aws);
    m_endpoint->setEnabled(aws);
}
