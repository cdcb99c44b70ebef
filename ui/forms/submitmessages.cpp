#include "ui/forms/submitmessages.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace SubmitMessages {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SubmitMessages", text);
}

} // namespace

QString created(SpecKind kind, const QString &name, const QString &arn)
{
    QString what = SpecKinds::displayName(kind);
    if (!what.isEmpty())
        what[0] = what.at(0).toUpper();
    return tr("<b>%1 %2 created.</b><br><tt>%3</tt>").arg(what, name.toHtmlEscaped(), arn.toHtmlEscaped());
}

QString cancelled(SpecKind kind, const QString &name)
{
    return tr("<b>Cancelled.</b> SageMaker may have received the request already: look for the %1 %2 on the "
              "dashboard before you submit it again.")
        .arg(SpecKinds::displayName(kind), name.toHtmlEscaped());
}

QString failed(SpecKind kind, const QString &name, const AwsError &error, bool outcomeUnknown)
{
    const QString what = SpecKinds::displayName(kind);
    QString text = outcomeUnknown ? tr("<b>No answer: the %1 %2 may or may not have been created.</b> Look "
                                       "for it on the dashboard before "
                                       "you submit again.")
                                        .arg(what, name.toHtmlEscaped())
                                  : tr("<b>SageMaker did not create the %1.</b>").arg(what);
    text += u"<br>"_s + tr("Error code: <tt>%1</tt>").arg(error.code.toHtmlEscaped());
    if (!error.message.isEmpty())
        text += u"<br>"_s + error.message.toHtmlEscaped();
    if (!error.requestId.isEmpty())
        text += u"<br>"_s + tr("Request id: <tt>%1</tt>").arg(error.requestId.toHtmlEscaped());
    return text;
}

} // namespace SubmitMessages
