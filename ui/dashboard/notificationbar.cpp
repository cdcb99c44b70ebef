#include "ui/dashboard/notificationbar.h"

#include "ui/dashboard/jobstatusstyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr char textProperty[] = "notificationText";

} // namespace

NotificationBar::NotificationBar(QWidget *parent)
    : QFrame(parent)
    , m_entries(new QVBoxLayout(this))
{
    setObjectName(u"notificationBar"_s);
    m_entries->setContentsMargins(0, 0, 0, 4);
    m_entries->setSpacing(2);
    hide();
}

void NotificationBar::add(
    const QString &jobName, const QString &status, const QString &title, const QString &text)
{
    auto *entry = new QFrame;
    entry->setObjectName(u"notification"_s);
    entry->setProperty(textProperty, QString(title + u": "_s + text));
    entry->setStyleSheet(
        u"QFrame#notification { background: #f4f6f8; border-left: 4px solid %1; } "
        "QFrame#notification QLabel { color: #1a1a1a; }"_s.arg(JobStatusStyle::statusColor(status).name()));
    auto *label = new QLabel(u"<b>%1</b> %2"_s.arg(title.toHtmlEscaped(), text.toHtmlEscaped()));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *open = new QPushButton(tr("Open"));
    open->setObjectName(u"openNotifiedJob"_s);
    open->setToolTip(tr("Select %1 on the dashboard").arg(jobName));
    auto *close = new QToolButton;
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(entry);
    layout->setContentsMargins(10, 4, 4, 4);
    layout->addWidget(label, 1);
    layout->addWidget(open);
    layout->addWidget(close);
    connect(open, &QPushButton::clicked, this, [this, jobName] { emit openJobRequested(jobName); });
    connect(close, &QToolButton::clicked, this, [this, entry] {
        m_entries->removeWidget(entry);
        entry->deleteLater();
        setVisible(count() > 0);
    });

    m_entries->insertWidget(0, entry);
    while (m_entries->count() > maxEntries) {
        QWidget *oldest = m_entries->itemAt(m_entries->count() - 1)->widget();
        m_entries->removeWidget(oldest);
        delete oldest;
    }
    show();
}

void NotificationBar::clear()
{
    while (m_entries->count() > 0) {
        QWidget *entry = m_entries->itemAt(0)->widget();
        m_entries->removeWidget(entry);
        delete entry;
    }
    hide();
}

int NotificationBar::count() const
{
    return m_entries->count();
}

QStringList NotificationBar::texts() const
{
    QStringList texts;
    for (int i = 0; i < m_entries->count(); ++i)
        texts << m_entries->itemAt(i)->widget()->property(textProperty).toString();
    return texts;
}
