#include "ui/aboutdialog.h"

#include "core/aws/opensslversion.h"
#include "core/version.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int iconSize = 64;
constexpr auto licenceUrl = "https://www.apache.org/licenses/LICENSE-2.0"_L1;

QLabel *selectableLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *linkLabel(const QString &url, const QString &text, const QString &objectName)
{
    auto *label = new QLabel(u"<a href=\"%1\">%2</a>"_s.arg(url, text.toHtmlEscaped()));
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About SageDesk"));

    auto *icon = new QLabel;
    icon->setObjectName(u"appIcon"_s);
    icon->setPixmap(QIcon(u":/sagedesk/icons/sagedesk.svg"_s).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(u"SageDesk"_s);
    name->setObjectName(u"appName"_s);
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    name->setFont(nameFont);

    auto *summary = new QLabel(tr("A desktop job manager for Amazon SageMaker: create models and training "
                                  "jobs, watch them run, export their specs for the AWS CLI."));
    summary->setWordWrap(true);

    auto *details = new QFormLayout;
    details->addRow(tr("Version:"), selectableLabel(QStringLiteral(SAGEDESK_VERSION), u"appVersion"_s));
    details->addRow(tr("Qt:"), selectableLabel(qtVersionText(), u"qtVersion"_s));
    details->addRow(tr("OpenSSL:"), selectableLabel(openSslVersion(), u"openSslVersion"_s));
    details->addRow(tr("Licence:"), linkLabel(licenceUrl, tr("Apache License 2.0"), u"licence"_s));
    details->addRow(tr("Website:"),
        linkLabel(
            QStringLiteral(SAGEDESK_HOMEPAGE_URL), QStringLiteral(SAGEDESK_HOMEPAGE_URL), u"projectLink"_s));

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(summary);
    text->addSpacing(8);
    text->addLayout(details);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("&Copy Version Info"), QDialogButtonBox::ActionRole);
    copy->setObjectName(u"copyVersionInfo"_s);
    connect(copy, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(versionReport()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

QString AboutDialog::versionReport() const
{
    return u"SageDesk "_s + QStringLiteral(SAGEDESK_VERSION) + u"\nQt "_s + qtVersionText() + u'\n'
        + openSslVersion() + u'\n';
}

QString AboutDialog::qtVersionText() const
{
    const QString runtime = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    if (runtime == built)
        return runtime;
    return tr("%1 (built with %2)").arg(runtime, built);
}
