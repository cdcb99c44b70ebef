#include "ui/forms/formsection.h"

#include "ui/forms/formfields.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *hintLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(palette);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    return label;
}

} // namespace

FormSection::FormSection(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title))
    , m_form(new QFormLayout)
{
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setObjectName(u"sectionTitle"_s);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setHorizontalSpacing(14);
    m_form->setVerticalSpacing(10);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    if (!description.isEmpty())
        layout->addWidget(hintLabel(description));
    layout->addSpacing(4);
    layout->addLayout(m_form);
}

QString FormSection::title() const
{
    return m_title->text();
}

QLabel *FormSection::addRow(const QString &label, QWidget *field, const QString &hint, QWidget *focus)
{
    auto *cell = new QWidget;
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(3);
    // A field that should not grow (a number) keeps its size at the left of its cell.
    const QSizePolicy::Policy policy = field->sizePolicy().horizontalPolicy();
    const bool grows = policy & QSizePolicy::GrowFlag;
    column->addWidget(field, 0, grows ? Qt::Alignment() : Qt::AlignLeft);
    if (!hint.isEmpty())
        column->addWidget(hintLabel(hint));
    QLabel *message = FormFields::messageLabel();
    message->setObjectName((focus ? focus : field)->objectName() + u"Message"_s);
    column->addWidget(message);

    auto *text = new QLabel(label);
    text->setBuddy(focus ? focus : field);
    // Lines the label up with the field's text rather than the top of its frame.
    text->setMinimumHeight(field->sizeHint().height());
    text->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->addRow(text, cell);
    m_rowLabels << text;
    return message;
}

void FormSection::setRowVisible(QWidget *field, bool visible)
{
    // addRow() put the field into a cell of its own, with its hint and messages.
    m_form->setRowVisible(field->parentWidget(), visible);
}

void FormSection::addWideRow(QWidget *widget, const QString &label)
{
    if (!label.isEmpty()) {
        auto *text = new QLabel(label);
        text->setBuddy(widget);
        m_form->addRow(text);
    }
    m_form->addRow(widget);
}
