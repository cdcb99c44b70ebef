#pragma once

#include <QWidget>

class QAbstractItemView;
class QAbstractProxyModel;
class QLabel;
class QPushButton;

// A hint in the middle of an item view that shows no rows, instead of a blank box: either there is nothing
// yet (the empty text: where rows come from), or the view's filter hides every row (the filtered text, with
// a "Clear filter" button). It follows the view's model, a filtering proxy whose source tells the two
// apart, and hides itself as soon as a row shows.
//
// Children: "emptyHintText", "clearFilterButton".
class EmptyViewHint : public QWidget
{
    Q_OBJECT

public:
    enum class State { Hidden, Empty, Filtered };

    // Sits on view's viewport. model is what the view shows; both must outlive the hint (the view owns it).
    EmptyViewHint(QAbstractItemView *view, QAbstractProxyModel *model);

    void setTexts(const QString &emptyText, const QString &filteredText);
    State state() const { return m_state; }
    QString text() const;

signals:
    // The user asked to see every row again.
    void clearFilterRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void place();

    QAbstractProxyModel *m_model;
    QLabel *m_text;
    QPushButton *m_clear;
    QString m_emptyText;
    QString m_filteredText;
    State m_state = State::Hidden;
};
