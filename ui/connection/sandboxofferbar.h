#pragma once

#include <QFrame>

class QLabel;

// The info bar above the pages that offers the local sandbox when no AWS credentials are configured. Not a
// dialog: the window stays usable, and the offer can be dismissed.
class SandboxOfferBar : public QFrame
{
    Q_OBJECT

public:
    explicit SandboxOfferBar(QWidget *parent = nullptr);

signals:
    void startSandboxRequested();
    void connectRequested();

private:
    QLabel *m_text;
};
