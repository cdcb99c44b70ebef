#include "ui/widgets/emptyviewhint.h"

#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxTextWidth = 440;
constexpr int sideMargin = 20;

} // namespace

EmptyViewHint::EmptyViewHint(QAbstractItemView *view, QAbstractProxyModel *model)
    : QWidget(view->viewport())
    , m_model(model)
    , m_text(new QLabel)
    , m_clear(new QPushButton(tr("C&lear filter")))
{
    m_text->setObjectName(u"emptyHintText"_s);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setForegroundRole(QPalette::PlaceholderText);
    QFont font = m_text->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_text->setFont(font);
    m_clear->setObjectName(u"clearFilterButton"_s);
    m_clear->setToolTip(tr("Show every row again"));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(6);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    layout->addStretch(1);

    view->viewport()->installEventFilter(this);
    place();
    connect(m_clear, &QPushButton::clicked, this, &EmptyViewHint::clearFilterRequested);
    // Every way rows come and go: a filter change removes and inserts rows, or resets.
    for (QAbstractItemModel *watched :
        { static_cast<QAbstractItemModel *>(m_model), m_model->sourceModel() }) {
        connect(watched, &QAbstractItemModel::rowsInserted, this, &EmptyViewHint::updateState);
        connect(watched, &QAbstractItemModel::rowsRemoved, this, &EmptyViewHint::updateState);
        connect(watched, &QAbstractItemModel::modelReset, this, &EmptyViewHint::updateState);
        connect(watched, &QAbstractItemModel::layoutChanged, this, &EmptyViewHint::updateState);
    }
    updateState();
}

void EmptyViewHint::setTexts(const QString &emptyText, const QString &filteredText)
{
    m_emptyText = emptyText;
    m_filteredText = filteredText;
    updateState();
}

QString EmptyViewHint::text() const
{
    return m_state == State::Hidden ? QString() : m_text->text();
}

bool EmptyViewHint::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

void EmptyViewHint::updateState()
{
    const QAbstractItemModel *source = m_model->sourceModel();
    m_state = m_model->rowCount() > 0      ? State::Hidden
        : source && source->rowCount() > 0 ? State::Filtered
                                           : State::Empty;
    m_text->setText(m_state == State::Filtered ? m_filteredText : m_emptyText);
    place();
    m_clear->setVisible(m_state == State::Filtered);
    setVisible(m_state != State::Hidden);
}

void EmptyViewHint::place()
{
    setGeometry(parentWidget()->rect());
    // A centred word-wrapping label gets its width's height only when both are set.
    const int width = qMax(1, qMin(maxTextWidth, parentWidget()->width() - 2 * sideMargin));
    // -1 (no height for width) while the label has no text yet.
    const int height = m_text->heightForWidth(width);
    m_text->setFixedSize(width, height >= 0 ? height : m_text->sizeHint().height());
}
