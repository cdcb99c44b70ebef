#include "ui/forms/messagebar.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

struct Colours
{
    QColor background;
    QColor text;
    const char *icon;
};

Colours coloursOf(MessageBar::Kind kind)
{
    switch (kind) {
    case MessageBar::Kind::Success:
        return { QColor(0xe8, 0xf5, 0xe9), QColor(0x1b, 0x3d, 0x1e), ":/sagedesk/icons/info.svg" };
    case MessageBar::Kind::Warning:
        return { QColor(0xff, 0xf8, 0xe1), QColor(0x4a, 0x36, 0x00), ":/sagedesk/icons/warning.svg" };
    case MessageBar::Kind::Error:
        return { QColor(0xfd, 0xec, 0xea), QColor(0x5f, 0x12, 0x12), ":/sagedesk/icons/error.svg" };
    case MessageBar::Kind::Information:
        break;
    }
    return { QColor(0xe3, 0xf2, 0xfd), QColor(0x0d, 0x2b, 0x45), ":/sagedesk/icons/info.svg" };
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    paint(this, m_kind);
    m_text->setObjectName(u"messageText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_icon->setAlignment(Qt::AlignTop);
    m_close->setObjectName(u"dismissMessage"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QList<QAction *> &actions)
{
    m_kind = kind;
    paint(this, kind);
    m_icon->setPixmap(QIcon(QLatin1String(coloursOf(kind).icon)).pixmap(20, 20));
    m_text->setText(text);

    clearLater(m_buttons);
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->text(), this);
        button->setObjectName(action->objectName() + u"Button"_s);
        button->setToolTip(action->toolTip());
        button->setEnabled(action->isEnabled());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_buttons->addWidget(button);
    }
    show();
}

void MessageBar::paint(QFrame *bar, Kind kind)
{
    const Colours colours = coloursOf(kind);
    bar->setFrameShape(QFrame::StyledPanel);
    bar->setAutoFillBackground(true);
    QPalette palette = bar->palette();
    palette.setColor(QPalette::Window, colours.background);
    palette.setColor(QPalette::WindowText, colours.text);
    bar->setPalette(palette);
}

void MessageBar::clearLater(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->setObjectName(QString());
            widget->deleteLater();
        } else if (QLayout *inner = item->layout()) {
            clearLater(inner);
        }
        delete item;
    }
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::dismiss()
{
    hide();
    emit dismissed();
}
