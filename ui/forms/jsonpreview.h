#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// The exact request document a form would send, read-only and monospaced, with a button that copies it.
// Children: "jsonText", "copyJson", "jsonNote".
class JsonPreview : public QWidget
{
    Q_OBJECT

public:
    explicit JsonPreview(QWidget *parent = nullptr);

    // Keeps the scroll position when the text changes (the user may be reading further down).
    void setJson(const QByteArray &json);
    QString text() const;
    // A line under the text ("What `aws sagemaker create-training-job --cli-input-json` accepts").
    void setNote(const QString &note);

public slots:
    void copyToClipboard();

private:
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
    QLabel *m_note;
    QLabel *m_copied;
};
