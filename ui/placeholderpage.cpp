#include "ui/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

PlaceholderPage::PlaceholderPage(const QString &heading, const QString &description, QWidget *parent)
    : QWidget(parent)
{
    auto *title = new QLabel(heading);
    title->setObjectName(u"pageHeading"_s);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    title->setFont(font);

    auto *text = new QLabel(description);
    text->setObjectName(u"pageDescription"_s);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // After the flags, which reset it: focusable so Tab reaches the page while it holds no input field.
    text->setFocusPolicy(Qt::StrongFocus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addStretch();
}
