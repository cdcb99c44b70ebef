#include "ui/forms/diagnosticslist.h"

#include "ui/forms/formfields.h"
#include "ui/widgets/fieldmark.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int pathRole = Qt::UserRole + 1;

} // namespace

DiagnosticsList::DiagnosticsList(std::function<QString(const QString &)> describe, QWidget *parent)
    : QWidget(parent)
    , m_describe(std::move(describe))
    , m_count(new QLabel(this))
    , m_list(new QListWidget(this))
{
    m_count->setObjectName(u"problemCount"_s);
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    m_count->setBuddy(m_list);

    m_list->setObjectName(u"problemList"_s);
    m_list->setAccessibleName(tr("Problems"));
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideNone);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSpacing(2);
    m_list->setToolTip(tr("Enter or double click shows the field (F8: next problem)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_count);
    layout->addWidget(m_list, 1);
    layout->addStretch(0);
    setFocusProxy(m_list);

    connect(m_list, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { emit pathActivated(item->data(pathRole).toString()); });
    setDiagnostics({});
}

void DiagnosticsList::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    const int current = m_list->currentRow();
    m_list->clear();
    // Errors before warnings, each in document order.
    Diagnostics sorted = diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return int(a.severity) < int(b.severity); });
    for (const Diagnostic &d : std::as_const(sorted)) {
        const QString place = m_describe(d.path);
        auto *item = new QListWidgetItem(
            FieldMark::icon(d.severity), u"%1\n%2"_s.arg(place, FormFields::sentence(d)), m_list);
        item->setData(pathRole, d.path);
        item->setToolTip(d.path.isEmpty() ? FormFields::sentence(d) : d.path);
    }
    if (current >= 0 && current < m_list->count())
        m_list->setCurrentRow(current);
    m_count->setText(countText(errorCount(), warningCount()));
    // Without problems the heading stays at the top; the list's room goes to the stretch below it.
    m_list->setVisible(!diagnostics.isEmpty());
    auto *box = static_cast<QVBoxLayout *>(layout());
    box->setStretch(1, diagnostics.isEmpty() ? 0 : 1);
    box->setStretch(2, diagnostics.isEmpty() ? 1 : 0);
}

int DiagnosticsList::errorCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; }));
}

int DiagnosticsList::warningCount() const
{
    return int(std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Warning; }));
}

QString DiagnosticsList::countText(int errors, int warnings)
{
    if (errors == 0 && warnings == 0)
        return tr("No problems");
    QStringList parts;
    if (errors > 0)
        parts << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    if (warnings > 0)
        parts << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    return parts.join(u", "_s);
}

void DiagnosticsList::activateNext(bool forward)
{
    const int n = m_list->count();
    if (n == 0)
        return;
    const int current = m_list->currentRow();
    const int next = current < 0 ? (forward ? 0 : n - 1) : (current + (forward ? 1 : n - 1)) % n;
    m_list->setCurrentRow(next);
    emit pathActivated(m_list->item(next)->data(pathRole).toString());
}
