#include "ui/widgets/fieldmark.h"

#include <QAction>
#include <QLineEdit>
#include <QPalette>
#include <QPixmap>
#include <QVariant>
#include <QWidget>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr char baseToolTipProperty[] = "sagedeskBaseToolTip";
constexpr char markedProperty[] = "sagedeskMarked";
const QString markActionName = u"fieldMarkAction"_s;

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
        float(base.greenF() * (1 - amount) + tint.greenF() * amount),
        float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QColor tintColor(Diagnostic::Severity severity)
{
    return severity == Diagnostic::Severity::Error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xe8, 0xa2, 0x00);
}

} // namespace

namespace FieldMark {

QIcon icon(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return QIcon(u":/sagedesk/icons/error.svg"_s);
    case Diagnostic::Severity::Warning:
        return QIcon(u":/sagedesk/icons/warning.svg"_s);
    case Diagnostic::Severity::Info:
        break;
    }
    return QIcon(u":/sagedesk/icons/info.svg"_s);
}

QIcon blankIcon()
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    return QIcon(pixmap);
}

QColor textColor(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return QColor(0xb7, 0x1c, 0x1c);
    case Diagnostic::Severity::Warning:
        return QColor(0x8a, 0x5a, 0x00);
    case Diagnostic::Severity::Info:
        break;
    }
    return {};
}

Diagnostic::Severity worst(const Diagnostics &diagnostics)
{
    Diagnostic::Severity result = Diagnostic::Severity::Info;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return d.severity;
        if (d.severity == Diagnostic::Severity::Warning)
            result = d.severity;
    }
    return result;
}

QString sentence(const QString &message)
{
    return message.isEmpty() ? message : message.at(0).toUpper() + message.mid(1);
}

QString messageText(const Diagnostics &diagnostics)
{
    Diagnostics sorted = diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return int(a.severity) < int(b.severity); });
    QStringList lines;
    for (const Diagnostic &d : std::as_const(sorted))
        if (!lines.contains(sentence(d.message)))
            lines << sentence(d.message);
    return lines.join(u'\n');
}

QString annotatedHtml(const QString &text, const Diagnostics &diagnostics)
{
    QString html = text.toHtmlEscaped();
    if (diagnostics.isEmpty())
        return html;
    const QString color = textColor(worst(diagnostics)).name();
    const QString messages = messageText(diagnostics).toHtmlEscaped().replace(u'\n', u"<br>"_s);
    return html + (html.isEmpty() ? QString() : u" &mdash; "_s)
        + u"<span style=\"color:%1\">%2</span>"_s.arg(color, messages);
}

QString problemListHtml(const QList<std::pair<QString, Diagnostic>> &problems)
{
    QStringList lines;
    for (const auto &[where, d] : problems) {
        const QString iconName = d.severity == Diagnostic::Severity::Error ? u"error"_s
            : d.severity == Diagnostic::Severity::Warning                  ? u"warning"_s
                                                                           : u"info"_s;
        QString line = u"<img src=\":/sagedesk/icons/%1.svg\" width=\"12\" height=\"12\"> "_s.arg(iconName);
        if (!where.isEmpty())
            line += u"<b>%1:</b> "_s.arg(where.toHtmlEscaped());
        line += sentence(d.message).toHtmlEscaped();
        if (!lines.contains(line))
            lines << line;
    }
    return lines.join(u"<br>"_s);
}

void mark(QWidget *field, const Diagnostics &diagnostics)
{
    if (diagnostics.isEmpty()) {
        clear(field);
        return;
    }
    if (!field->property(markedProperty).toBool())
        field->setProperty(baseToolTipProperty, field->toolTip());
    field->setProperty(markedProperty, true);

    const Diagnostic::Severity severity = worst(diagnostics);
    const QString messages = messageText(diagnostics);
    const QString base = field->property(baseToolTipProperty).toString();
    field->setToolTip(base.isEmpty() ? messages : messages + u"\n\n"_s + base);

    QPalette palette = field->palette();
    if (severity != Diagnostic::Severity::Info) {
        for (QPalette::ColorRole role : { QPalette::Base, QPalette::Button }) {
            const QColor base = QPalette().color(QPalette::Active, role);
            palette.setColor(role, blend(base, tintColor(severity), 0.18));
        }
    }
    field->setPalette(palette);

    if (auto *lineEdit = qobject_cast<QLineEdit *>(field)) {
        QAction *action = lineEdit->findChild<QAction *>(markActionName);
        if (!action) {
            action = lineEdit->addAction(QIcon(), QLineEdit::TrailingPosition);
            action->setObjectName(markActionName);
        }
        action->setIcon(icon(severity));
        action->setToolTip(messages);
    }
}

void clear(QWidget *field)
{
    if (!field->property(markedProperty).toBool())
        return;
    field->setToolTip(field->property(baseToolTipProperty).toString());
    field->setProperty(markedProperty, false);
    field->setPalette(QPalette());
    if (auto *lineEdit = qobject_cast<QLineEdit *>(field))
        delete lineEdit->findChild<QAction *>(markActionName);
}

bool isMarked(const QWidget *field)
{
    return field->property(markedProperty).toBool();
}

} // namespace FieldMark
