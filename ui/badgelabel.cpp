#include "ui/badgelabel.h"

using namespace Qt::StringLiterals;

namespace {

constexpr double lightBackgroundLuminance = 0.55;

} // namespace

BadgeLabel::BadgeLabel(const QString &text, const QColor &background, QWidget *parent)
    : QLabel(text, parent)
{
    setAlignment(Qt::AlignCenter);
    QFont font = this->font();
    font.setBold(true);
    setFont(font);
    setBackground(background.isValid() ? background : palette().color(QPalette::Highlight));
}

void BadgeLabel::setBackground(const QColor &background)
{
    m_background = background;
    const double luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    const QColor text = luminance > lightBackgroundLuminance ? QColor(Qt::black) : QColor(Qt::white);
    setStyleSheet(u"QLabel { background-color: %1; color: %2; border-radius: 4px; padding: 1px 6px; }"_s.arg(
        background.name(), text.name()));
}
