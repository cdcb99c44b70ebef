#include "ui/dashboard/messagebanner.h"

#include "core/aws/awserror.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel)
    , m_close(new QToolButton)
{
    setObjectName(u"messageBanner"_s);
    m_text->setObjectName(u"messageBannerText"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::RichText);
    m_close->setObjectName(u"messageBannerClose"_s);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss message"));
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 4, 6);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    setKind(Kind::Information);
    hide();
}

void MessageBanner::setKind(Kind kind)
{
    m_kind = kind;
    // Light tints with a strong left edge: readable in light and dark palettes alike, because the text
    // colour is set with them.
    const auto [edge, fill] = [kind]() -> std::pair<const char *, const char *> {
        switch (kind) {
        case Kind::Error:
            return { "#c62828", "#fdecea" };
        case Kind::Warning:
            return { "#e08a00", "#fff4e0" };
        case Kind::Information:
            break;
        }
        return { "#1f6fd1", "#e8f1fc" };
    }();
    setStyleSheet(u"MessageBanner { background: %1; border-left: 4px solid %2; } "
                  "MessageBanner QLabel { color: #1a1a1a; }"_s.arg(QLatin1String(fill), QLatin1String(edge)));
}

void MessageBanner::showError(const QString &what, const AwsError &error)
{
    setKind(Kind::Error);
    QString details = error.code.toHtmlEscaped();
    if (!error.message.isEmpty())
        details += u": "_s + error.message.toHtmlEscaped();
    QStringList facts;
    if (!error.requestId.isEmpty())
        facts << tr("request id %1").arg(error.requestId.toHtmlEscaped());
    if (error.httpStatus != 0)
        facts << tr("HTTP %1").arg(error.httpStatus);
    QString html = u"<b>%1</b><br>%2"_s.arg(what.toHtmlEscaped(), details);
    if (!facts.isEmpty())
        html += u"<br><small>%1</small>"_s.arg(facts.join(u" · "_s));
    m_text->setText(html);
    m_plain = what + u'\n' + error.toString();
    if (error.httpStatus != 0)
        m_plain += u" HTTP "_s + QString::number(error.httpStatus);
    show();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    setKind(kind);
    m_text->setText(text.toHtmlEscaped());
    m_plain = text;
    show();
}

void MessageBanner::dismiss()
{
    hide();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_plain;
}
