#include "ui/connection/sandboxofferbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

SandboxOfferBar::SandboxOfferBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
{
    setObjectName(u"sandboxOfferBar"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xe3, 0xf2, 0xfd));
    colours.setColor(QPalette::WindowText, QColor(0x0d, 0x2b, 0x45));
    setPalette(colours);

    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24, 24));

    m_text->setObjectName(u"sandboxOfferText"_s);
    m_text->setWordWrap(true);
    m_text->setText(tr("<b>No AWS credentials are configured.</b> Try SageDesk against a local SageMaker "
                       "emulator (moto_server) on this computer, or set up a connection to your account."));

    auto *start = new QPushButton(tr("&Start local sandbox"));
    start->setObjectName(u"startSandboxButton"_s);
    auto *connectButton = new QPushButton(tr("Connect to &AWS…"));
    connectButton->setObjectName(u"offerConnectButton"_s);
    auto *dismiss = new QToolButton;
    dismiss->setObjectName(u"dismissSandboxOffer"_s);
    dismiss->setAutoRaise(true);
    dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(start);
    layout->addWidget(connectButton);
    layout->addWidget(dismiss);

    connect(start, &QPushButton::clicked, this, &SandboxOfferBar::startSandboxRequested);
    connect(connectButton, &QPushButton::clicked, this, &SandboxOfferBar::connectRequested);
    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);
}
