#pragma once

#include <QFrame>

class QLabel;
class QToolButton;
struct AwsError;

// A dismissible message strip above a page's content: an AWS error with its code, message and request id
// (selectable, so it can be pasted into a support case), a warning, or the outcome of an action ("Saved
// to …"). Hidden until a show…() call; the close button or dismiss() hides it.
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Error, Warning, Information };

    explicit MessageBanner(QWidget *parent = nullptr);

    // "What failed" in bold, then the error's code and message, then its request id and HTTP status.
    void showError(const QString &what, const AwsError &error);
    void showMessage(Kind kind, const QString &text);
    void dismiss();

    Kind kind() const { return m_kind; }
    // The banner's text as plain text (for tests and the clipboard).
    QString text() const;

private:
    void setKind(Kind kind);

    QLabel *m_text;
    QToolButton *m_close;
    Kind m_kind = Kind::Information;
    QString m_plain;
};
