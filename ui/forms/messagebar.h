#pragma once

#include <QFrame>
#include <QList>

class QAction;
class QHBoxLayout;
class QLayout;
class QLabel;
class QToolButton;

// A message inside the page, above the form (an import that failed, a job that was created, a store that
// was repaired): an icon, selectable text, a button per action and a close button. It never takes the
// focus away from what the user is doing.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Success, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows text (rich text allowed) with a button for each action (the bar does not own them).
    void showMessage(Kind kind, const QString &text, const QList<QAction *> &actions = {});
    Kind kind() const { return m_kind; }
    QString text() const;

    // The bar look (background, text colour, frame) of kind, for other bars above a page.
    static void paint(QFrame *bar, Kind kind);
    // Empties layout (and the layouts in it); its widgets go later, since one may be the button whose
    // click led here.
    static void clearLater(QLayout *layout);

public slots:
    void dismiss();

signals:
    void dismissed();

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};
