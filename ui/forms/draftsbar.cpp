#include "ui/forms/draftsbar.h"

#include "ui/forms/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DraftsBar::DraftsBar(QWidget *parent)
    : QFrame(parent)
    , m_rows(new QVBoxLayout)
{
    setObjectName(u"draftsBar"_s);
    MessageBar::paint(this, MessageBar::Kind::Information);

    auto *text = new QLabel(tr("<b>Unsent drafts.</b> SageDesk kept these forms when it last closed. "
                               "Restore one to go on where you left off."));
    text->setObjectName(u"draftsText"_s);
    text->setWordWrap(true);
    auto *dismiss = new QToolButton;
    dismiss->setObjectName(u"dismissDrafts"_s);
    dismiss->setAutoRaise(true);
    dismiss->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    dismiss->setToolTip(tr("Hide this list; the drafts stay saved"));
    dismiss->setAccessibleName(tr("Hide drafts"));

    auto *top = new QHBoxLayout;
    top->addWidget(text, 1);
    top->addWidget(dismiss, 0, Qt::AlignTop);
    m_rows->setSpacing(2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->addLayout(top);
    layout->addLayout(m_rows);

    connect(dismiss, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void DraftsBar::setDrafts(const QList<Draft> &drafts, const QString &untitled)
{
    m_drafts = drafts.mid(0, maxListed);
    m_untitled = untitled;
    rebuild();
}

void DraftsBar::removeDraft(const QString &id)
{
    m_drafts.removeIf([&id](const Draft &d) { return d.id == id; });
    rebuild();
}

void DraftsBar::rebuild()
{
    MessageBar::clearLater(m_rows);
    for (int i = 0; i < m_drafts.size(); ++i) {
        const Draft &draft = m_drafts.at(i);
        const QString title = draft.title.isEmpty() ? m_untitled : draft.title;
        const QString when = QLocale().toString(draft.updated.toLocalTime(), QLocale::ShortFormat);
        auto *label = new QLabel(draft.original.isEmpty()
                ? tr("%1 — edited %2").arg(title.toHtmlEscaped(), when)
                : tr("%1 (a clone of %2) — edited %3")
                      .arg(title.toHtmlEscaped(), draft.originalName.toHtmlEscaped(), when));
        label->setObjectName(u"draftLabel_%1"_s.arg(i));
        auto *restore = new QPushButton(tr("Restore"));
        restore->setObjectName(u"restoreDraft_%1"_s.arg(i));
        restore->setToolTip(tr("Fill the form with this draft"));
        auto *discard = new QPushButton(tr("Discard"));
        discard->setObjectName(u"discardDraft_%1"_s.arg(i));
        discard->setToolTip(tr("Delete this draft"));
        auto *row = new QHBoxLayout;
        row->addWidget(label, 1);
        row->addWidget(restore);
        row->addWidget(discard);
        m_rows->addLayout(row);
        connect(restore, &QPushButton::clicked, this, [this, draft] { emit restoreRequested(draft); });
        connect(discard, &QPushButton::clicked, this, [this, id = draft.id] { emit discardRequested(id); });
    }
    setVisible(!m_drafts.isEmpty());
}
