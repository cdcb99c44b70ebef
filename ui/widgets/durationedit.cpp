#include "ui/widgets/durationedit.h"

#include "ui/widgets/fieldmark.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Unit
{
    QStringList names;
    qint64 seconds;
};

const QList<Unit> &units()
{
    static const QList<Unit> all {
        { { u"d"_s, u"day"_s, u"days"_s }, 86400 },
        { { u"h"_s, u"hr"_s, u"hrs"_s, u"hour"_s, u"hours"_s }, 3600 },
        { { u"m"_s, u"min"_s, u"mins"_s, u"minute"_s, u"minutes"_s }, 60 },
        { { u"s"_s, u"sec"_s, u"secs"_s, u"second"_s, u"seconds"_s }, 1 },
    };
    return all;
}

} // namespace

DurationEdit::DurationEdit(const QString &pathPrefix, QWidget *parent)
    : SpecFieldEditor(pathPrefix, parent)
    , m_input(new QLineEdit(this))
    , m_words(new QLabel(this))
{
    m_input->setObjectName(u"durationInput"_s);
    m_input->setPlaceholderText(tr("e.g. 6h or 90m"));
    m_input->setToolTip(tr("A duration: 90m, 6h, 2d, 1h30m, 1.5h, or a number of seconds."));
    m_input->setClearButtonEnabled(true);
    // The same width in every row of a form, wide enough for "2d 12h 30m" and the mark icon.
    m_input->setFixedWidth(m_input->fontMetrics().horizontalAdvance(u"0000000000000000000"_s));

    m_words->setObjectName(u"durationWords"_s);
    m_words->setTextFormat(Qt::RichText);
    m_words->setWordWrap(true);
    m_words->setBuddy(m_input);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_input);
    layout->addWidget(m_words, 1);
    setFocusProxy(m_input);

    connect(m_input, &QLineEdit::textChanged, this, &DurationEdit::updateFeedback);
    connect(m_input, &QLineEdit::textEdited, this, &DurationEdit::changed);
    updateFeedback();
}

std::optional<int> DurationEdit::seconds() const
{
    return parse(m_input->text());
}

void DurationEdit::setSeconds(std::optional<int> seconds)
{
    m_input->setText(seconds ? toText(*seconds) : QString());
    m_input->setModified(false);
}

bool DurationEdit::hasAcceptableInput() const
{
    return m_input->text().trimmed().isEmpty() || seconds().has_value();
}

std::optional<int> DurationEdit::parse(const QString &text)
{
    static const QRegularExpression part(u"(\\d+(?:\\.\\d+)?)\\s*([a-z]*)"_s);
    const QString input = text.trimmed().toLower();
    if (input.isEmpty())
        return std::nullopt;

    qsizetype position = 0;
    int nextUnit = 0;
    double total = 0;
    int parts = 0;
    bool bareNumber = false;
    while (position < input.size()) {
        const QRegularExpressionMatch match = part.match(
            input, position, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const double value = match.captured(1).toDouble();
        const QString unitName = match.captured(2);
        ++parts;
        if (unitName.isEmpty()) {
            bareNumber = true;
            total += value;
        } else {
            int u = nextUnit;
            while (u < units().size() && !units().at(u).names.contains(unitName))
                ++u;
            if (u == units().size())
                return std::nullopt; // unknown unit, or units out of order / repeated
            total += value * double(units().at(u).seconds);
            nextUnit = u + 1;
        }
        position = match.capturedEnd();
        while (position < input.size() && input.at(position).isSpace())
            ++position;
    }
    // "1h 30" is ambiguous (30 minutes? seconds?): a bare number stands only on its own.
    if (bareNumber && parts > 1)
        return std::nullopt;
    if (total > double(INT_MAX) || std::abs(total - std::round(total)) > 1e-6)
        return std::nullopt;
    return int(std::llround(total));
}

QString DurationEdit::toText(int seconds)
{
    if (seconds == 0)
        return u"0"_s;
    QString text;
    qint64 rest = seconds;
    for (const Unit &unit : units()) {
        if (rest >= unit.seconds) {
            text += QString::number(rest / unit.seconds) + unit.names.first();
            rest %= unit.seconds;
        }
    }
    return text;
}

QString DurationEdit::toWords(int seconds)
{
    const qint64 parts[] = { seconds / 86400, seconds % 86400 / 3600, seconds % 3600 / 60, seconds % 60 };
    const auto word = [](int index, qint64 n) {
        switch (index) {
        case 0:
            return n == 1 ? tr("1 day") : tr("%1 days").arg(n);
        case 1:
            return n == 1 ? tr("1 hour") : tr("%1 hours").arg(n);
        case 2:
            return n == 1 ? tr("1 minute") : tr("%1 minutes").arg(n);
        default:
            return n == 1 ? tr("1 second") : tr("%1 seconds").arg(n);
        }
    };
    QStringList words;
    for (int i = 0; i < 4; ++i)
        if (parts[i] != 0)
            words << word(i, parts[i]);
    return words.isEmpty() ? word(3, 0) : words.join(u' ');
}

QJsonValue DurationEdit::toJson() const
{
    const std::optional<int> value = seconds();
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Undefined);
}

void DurationEdit::setJson(const QJsonValue &value)
{
    if (value.isDouble() && value.toDouble() >= 0 && value.toDouble() <= INT_MAX
        && value.toDouble() == std::floor(value.toDouble()))
        setSeconds(value.toInt());
    else if (value.isUndefined() || value.isNull())
        setSeconds(std::nullopt);
    else
        m_input->setText(value.toVariant().toString()); // keep what came in, marked as not a duration
}

void DurationEdit::showDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnosticsAt(diagnostics);
    updateFeedback();
}

bool DurationEdit::focusPath(const QString &path)
{
    if (path != pathPrefix())
        return false;
    m_input->setFocus(Qt::OtherFocusReason);
    m_input->selectAll();
    return true;
}

Diagnostics DurationEdit::inputDiagnostics() const
{
    if (hasAcceptableInput())
        return {};
    return { Diagnostic { pathPrefix(), Diagnostic::Severity::Error, u"durationSyntax"_s,
        tr("\"%1\" is not a duration: use e.g. 90m, 6h, 2d, 1h30m or a number of seconds.")
            .arg(m_input->text().trimmed()) } };
}

void DurationEdit::updateFeedback()
{
    Diagnostics marks = inputDiagnostics() + m_diagnostics;
    FieldMark::mark(m_input, marks);

    const std::optional<int> value = seconds();
    const QString html = FieldMark::annotatedHtml(value ? toWords(*value) : QString(), marks);
    m_words->setText(html);
}
