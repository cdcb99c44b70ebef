#pragma once

#include "core/api/diagnostic.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

// The fields of one input channel (one element of InputDataConfig), shown on the right of ChannelBuilder.
// Edits go into the channel's JSON object, so members the form does not show (ShuffleConfig, AttributeNames,
// members of a newer API) stay as they were. Options the rules forbid are disabled and say why: Gzip
// compression and RecordIO wrapping need Pipe input mode (the channel's own, else the algorithm's).
//
// Children: "channelName", "s3Uri", "s3DataType", "s3DataDistributionType", "contentType",
// "channelInputMode", "compressionType", "recordWrapperType", "pipeNote", "dataSourceNote",
// "channelProblems".
class ChannelEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ChannelEditor(QWidget *parent = nullptr);

    // Does not emit edited().
    void setChannel(const QJsonObject &channel);
    QJsonObject channel() const;

    // The algorithm's TrainingInputMode, which a channel without InputMode reads in ("" counts as File).
    void setInheritedInputMode(const QString &mode);
    QString effectiveInputMode() const;

    // Diagnostics with paths relative to the channel: "ChannelName", "DataSource.S3DataSource.S3Uri", "".
    void showDiagnostics(const Diagnostics &diagnostics);
    // The channel's rule breaks the widget shows itself (codes pipeOnlyCompression, pipeOnlyRecordWrapper),
    // paths relative to the channel.
    Diagnostics localProblems() const;
    // Focuses the field a channel-relative path names; false when no field shows it.
    bool focusField(const QString &relativePath);
    void focusName();

    QWidget *firstInTabOrder() const;
    QWidget *lastInTabOrder() const;

signals:
    void edited();

private:
    QJsonObject s3DataSource() const;
    bool hasOtherDataSource() const;
    QWidget *fieldFor(const QString &relativePath) const;
    void writeBack();
    void refresh();

    QJsonObject m_channel;
    QString m_inheritedMode;
    Diagnostics m_diagnostics;
    bool m_loading = false;

    QFormLayout *m_form;
    QLineEdit *m_name;
    QLabel *m_dataSourceNote;
    QLineEdit *m_s3Uri;
    QComboBox *m_s3DataType;
    QComboBox *m_distribution;
    QComboBox *m_contentType;
    QComboBox *m_inputMode;
    QComboBox *m_compression;
    QComboBox *m_recordWrapper;
    QLabel *m_pipeNote;
    QLabel *m_problems;
};
