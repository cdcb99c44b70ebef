#include "ui/charts/chartpanel.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QImageWriter>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal preferredExportScale = 2.0;
// Keeps a saved fleet of thousands of jobs a file image viewers open: at most this many pixels a side.
constexpr int maxExportSide = 16000;

} // namespace

ChartPanel::ChartPanel(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_header(new QHBoxLayout)
    , m_title(new QLabel(title, this))
    , m_saveAction(new QAction(tr("Save as PNG…"), this))
{
    m_title->setObjectName(u"chartTitle"_s);
    QFont font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);

    m_saveAction->setObjectName(u"saveChartAsPng"_s);
    m_saveAction->setToolTip(tr("Save this chart as a PNG image"));
    connect(m_saveAction, &QAction::triggered, this, &ChartPanel::saveAsPng);
    auto *saveButton = new QToolButton(this);
    saveButton->setObjectName(u"saveChartButton"_s);
    saveButton->setDefaultAction(m_saveAction);
    saveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_header->addWidget(m_title);
    m_header->addStretch(1);
    m_header->addWidget(saveButton);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(m_header);
}

QString ChartPanel::title() const
{
    return m_title->text();
}

void ChartPanel::setTitle(const QString &title)
{
    m_title->setText(title);
}

void ChartPanel::addHeaderWidget(QWidget *widget)
{
    m_header->insertWidget(m_header->count() - 1, widget);
}

void ChartPanel::setBody(QWidget *body)
{
    body->addAction(m_saveAction);
    body->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_layout->addWidget(body, 1);
}

int ChartPanel::titleBandHeight() const
{
    return m_title->fontMetrics().height() * 2;
}

qreal ChartPanel::exportScale() const
{
    const QSize size = imageSize() + QSize(0, titleBandHeight());
    const int longest = std::max({ size.width(), size.height(), 1 });
    return std::min(preferredExportScale, qreal(maxExportSide) / longest);
}

QSize ChartPanel::exportSize() const
{
    const qreal scale = exportScale();
    const QSize chart = imageSize();
    return QSize(
        qRound(chart.width() * scale), qRound(chart.height() * scale) + qRound(titleBandHeight() * scale));
}

QImage ChartPanel::exportImage() const
{
    const qreal scale = exportScale();
    const QImage chart = toImage(scale);
    if (chart.isNull())
        return {};
    const int band = qRound(titleBandHeight() * scale);
    QImage image(chart.width(), chart.height() + band, QImage::Format_ARGB32_Premultiplied);
    // The title sits on the chart's own background (white for QtCharts, the palette's for the fleet), in
    // black or white, whichever reads on it.
    const QColor background = chart.pixelColor(0, chart.height() - 1);
    image.fill(background);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font = m_title->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    else
        font.setPixelSize(qRound(font.pixelSize() * scale));
    painter.setFont(font);
    painter.setPen(background.lightnessF() > 0.5 ? Qt::black : Qt::white);
    const int indent = qRound(m_title->fontMetrics().averageCharWidth() * scale);
    painter.drawText(QRect(indent, 0, image.width() - 2 * indent, band), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(font).elidedText(title(), Qt::ElideRight, image.width() - 2 * indent));
    painter.drawImage(0, band, chart);
    return image;
}

bool ChartPanel::savePng(const QString &path, QString *error) const
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    const QImage image = exportImage();
    if (image.isNull())
        return fail(tr("The chart has nothing to draw."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        return fail(writer.errorString());
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

void ChartPanel::saveAsPng()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Chart as PNG"), QDir(folder).filePath(suggestedFileName()), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".png"_s;
    QString error;
    if (!savePng(path, &error))
        QMessageBox::warning(this, tr("Save as PNG"),
            tr("The chart could not be saved to %1:\n%2").arg(QDir::toNativeSeparators(path), error));
}
