#include "ui/dashboard/jobfilterbar.h"

#include "ui/dashboard/jobstatusstyle.h"
#include "ui/dashboard/trainingjobfilterproxy.h"
#include "ui/dashboard/trainingjobtablemodel.h"
#include "ui/widgets/rowcounttext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int typingDelayMs = 150;
constexpr int maxDays = 3650;

} // namespace

JobFilterBar::JobFilterBar(TrainingJobFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_status(new QComboBox)
    , m_name(new QLineEdit)
    , m_days(new QSpinBox)
    , m_count(new QLabel)
    , m_typing(new QTimer(this))
{
    m_status->setObjectName(u"statusFilter"_s);
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("All statuses"), QString());
    for (const QString &status : JobStatusStyle::statuses())
        m_status->addItem(JobStatusStyle::statusText(status), status);
    m_name->setObjectName(u"nameFilter"_s);
    m_name->setPlaceholderText(tr("Name contains…"));
    m_name->setClearButtonEnabled(true);
    m_name->setAccessibleName(tr("Name contains"));
    m_days->setObjectName(u"daysFilter"_s);
    m_days->setRange(0, maxDays);
    m_days->setSpecialValueText(tr("any time"));
    m_days->setPrefix(tr("last "));
    m_days->setSuffix(tr(" days"));
    m_days->setAccessibleName(tr("Created in the last days"));
    m_count->setObjectName(u"jobCount"_s);
    m_typing->setSingleShot(true);
    m_typing->setInterval(typingDelayMs);

    auto *statusLabel = new QLabel(tr("S&tatus:"));
    statusLabel->setBuddy(m_status);
    auto *daysLabel = new QLabel(tr("C&reated:"));
    daysLabel->setBuddy(m_days);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(statusLabel);
    layout->addWidget(m_status);
    layout->addWidget(m_name, 1);
    layout->addWidget(daysLabel);
    layout->addWidget(m_days);
    layout->addSpacing(12);
    layout->addWidget(m_count);

    connect(m_status, &QComboBox::currentIndexChanged, this, &JobFilterBar::apply);
    connect(m_days, &QSpinBox::valueChanged, this, &JobFilterBar::apply);
    connect(m_name, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &JobFilterBar::apply);
    const auto recount = [this] { updateCount(); };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, recount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, recount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, recount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, recount);
    updateCount();
}

void JobFilterBar::apply()
{
    m_typing->stop();
    m_proxy->setStatusFilter(m_status->currentData().toString());
    m_proxy->setNameFilter(m_name->text());
    m_proxy->setCreatedWithinDays(m_days->value());
    updateCount();
}

void JobFilterBar::reset()
{
    const QSignalBlocker statusBlocker(m_status);
    const QSignalBlocker nameBlocker(m_name);
    const QSignalBlocker daysBlocker(m_days);
    m_status->setCurrentIndex(0);
    m_name->clear();
    m_days->setValue(0);
    apply();
}

void JobFilterBar::updateCount()
{
    const TrainingJobTableModel *jobs = m_proxy->jobs();
    const int all = jobs ? jobs->rowCount() : 0;
    const int shown = m_proxy->rowCount();
    QString text = rowCountText(shown, all, tr("job"), tr("jobs"));
    if (jobs && jobs->activeCount() > 0)
        text += tr(" · %1 in progress").arg(QLocale().toString(jobs->activeCount()));
    m_count->setText(text);
}
