#include "ui/forms/formeditpage.h"

#include "ui/forms/diagnosticslist.h"
#include "ui/forms/formsection.h"
#include "ui/forms/jsonpreview.h"
#include "ui/forms/sectionnavigator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int sideColumnWidth = 260;
constexpr int contentMaxWidth = 880;

} // namespace

FormEditPage::FormEditPage(
    SpecKind kind, std::function<QString(const QString &)> describePath, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget)
    , m_scroll(new QScrollArea)
    , m_content(new QWidget)
    , m_navigator(new SectionNavigator(m_scroll))
    , m_problems(new DiagnosticsList(std::move(describePath)))
    , m_json(new JsonPreview)
    , m_status(new QLabel)
    , m_reviewButton(new QPushButton(tr("&Review and submit…")))
    , m_saveTemplateButton(new QPushButton(tr("Save as &template…")))
    , m_fromTemplateButton(new QPushButton(tr("New from te&mplate…")))
    , m_manageTemplatesButton(new QPushButton(tr("Mana&ge templates…")))
    , m_startOverButton(new QPushButton(tr("St&art over")))
{
    m_content->setObjectName(u"formContent"_s);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(24, 18, 24, 24);
    contentLayout->setSpacing(30);
    m_content->setMaximumWidth(contentMaxWidth);
    auto *centering = new QWidget;
    auto *centeringLayout = new QHBoxLayout(centering);
    centeringLayout->setContentsMargins(0, 0, 0, 0);
    centeringLayout->addWidget(m_content, 1);
    centeringLayout->addStretch(0);
    m_scroll->setObjectName(u"formScroll"_s);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidget(centering);

    m_json->setObjectName(u"jsonPreview"_s);
    m_json->setNote(tr("The exact request. Export JSON (Ctrl+E) saves it for "
                       "<tt>aws sagemaker %1 --cli-input-json file://…</tt>")
                        .arg(kind == SpecKind::Model ? u"create-model"_s : u"create-training-job"_s));
    m_tabs->setObjectName(u"formTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_scroll, tr("Form"));
    m_tabs->addTab(m_json, tr("JSON"));

    auto *sectionsLabel = new QLabel(tr("<b>Sections</b>"));
    sectionsLabel->setBuddy(m_navigator);
    m_problems->setObjectName(u"problems"_s);
    auto *side = new QWidget;
    side->setFixedWidth(sideColumnWidth);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 10, 12, 0);
    sideLayout->addWidget(sectionsLabel);
    sideLayout->addWidget(m_navigator, 0);
    sideLayout->addSpacing(10);
    sideLayout->addWidget(m_problems, 1);

    auto *line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    body->addWidget(m_tabs, 1);
    body->addWidget(line);
    body->addWidget(side);

    m_status->setObjectName(u"formStatus"_s);
    m_reviewButton->setObjectName(u"review"_s);
    m_reviewButton->setDefault(false);
    m_saveTemplateButton->setObjectName(u"saveAsTemplateButton"_s);
    m_fromTemplateButton->setObjectName(u"newFromTemplateButton"_s);
    m_manageTemplatesButton->setObjectName(u"manageTemplatesButton"_s);
    m_startOverButton->setObjectName(u"startOverButton"_s);
    auto *footer = new QHBoxLayout;
    footer->setContentsMargins(12, 8, 12, 10);
    footer->addWidget(m_saveTemplateButton);
    footer->addWidget(m_fromTemplateButton);
    footer->addWidget(m_manageTemplatesButton);
    footer->addWidget(m_startOverButton);
    footer->addStretch(1);
    footer->addWidget(m_status);
    footer->addSpacing(8);
    footer->addWidget(m_reviewButton);

    auto *separator = new QFrame;
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(body, 1);
    layout->addWidget(separator);
    layout->addLayout(footer);
}

FormSection *FormEditPage::addSection(const QString &title, const QString &description)
{
    auto *section = new FormSection(title, description, m_content);
    section->setObjectName(u"section_%1"_s.arg(m_sections.size()));
    m_sections << section;
    static_cast<QVBoxLayout *>(m_content->layout())->addWidget(section);
    return section;
}

void FormEditPage::finish(const std::function<QWidget *(int)> &firstWidget)
{
    static_cast<QVBoxLayout *>(m_content->layout())->addStretch(1);
    int labelWidth = 0;
    for (const FormSection *section : std::as_const(m_sections))
        for (const QLabel *label : section->rowLabels())
            labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (const FormSection *section : std::as_const(m_sections))
        for (QLabel *label : section->rowLabels())
            label->setMinimumWidth(labelWidth);
    for (int s = 0; s < m_sections.size(); ++s)
        m_navigator->addSection(m_sections.at(s)->title(), m_sections.at(s), firstWidget(s));
    m_navigator->setFixedHeight(m_navigator->sizeHintForRow(0) * m_navigator->count() + 4);
}

void FormEditPage::showForm()
{
    m_tabs->setCurrentIndex(0);
}

void FormEditPage::showJson()
{
    m_tabs->setCurrentWidget(m_json);
    m_json->setFocus(Qt::OtherFocusReason);
}

void FormEditPage::toggleJson()
{
    m_tabs->setCurrentIndex(m_tabs->currentIndex() == 0 ? 1 : 0);
    m_tabs->currentWidget()->setFocus(Qt::ShortcutFocusReason);
}

void FormEditPage::ensureVisible(QWidget *widget, int xMargin, int yMargin)
{
    if (widget && m_scroll->widget()->isAncestorOf(widget))
        m_scroll->ensureWidgetVisible(widget, xMargin, yMargin);
}
