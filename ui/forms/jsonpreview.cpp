#include "ui/forms/jsonpreview.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

JsonPreview::JsonPreview(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(QIcon(u":/sagedesk/icons/edit-copy.svg"_s), tr("Cop&y JSON"), this))
    , m_note(new QLabel(this))
    , m_copied(new QLabel(this))
{
    m_text->setObjectName(u"jsonText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Request JSON"));
    // Read-only text still takes focus, so the keyboard can scroll and select it.
    m_text->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    m_copy->setObjectName(u"copyJson"_s);
    m_copy->setToolTip(tr("Copy the whole request to the clipboard"));
    m_note->setObjectName(u"jsonNote"_s);
    m_note->setWordWrap(true);
    m_copied->setObjectName(u"jsonCopied"_s);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_note, 1);
    bar->addWidget(m_copied);
    bar->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addLayout(bar);

    connect(m_copy, &QPushButton::clicked, this, &JsonPreview::copyToClipboard);
}

void JsonPreview::setJson(const QByteArray &json)
{
    const QString text = QString::fromUtf8(json);
    if (text == m_text->toPlainText())
        return;
    const int vertical = m_text->verticalScrollBar()->value();
    const int horizontal = m_text->horizontalScrollBar()->value();
    m_text->setPlainText(text);
    m_text->verticalScrollBar()->setValue(vertical);
    m_text->horizontalScrollBar()->setValue(horizontal);
}

QString JsonPreview::text() const
{
    return m_text->toPlainText();
}

void JsonPreview::setNote(const QString &note)
{
    m_note->setText(note);
}

void JsonPreview::copyToClipboard()
{
    QApplication::clipboard()->setText(m_text->toPlainText());
    m_copied->setText(tr("Copied"));
    QTimer::singleShot(2000, m_copied, &QLabel::clear);
}
