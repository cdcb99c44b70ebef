#include "ui/widgets/channeleditor.h"

#include "ui/widgets/fieldmark.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QString nameMember = u"ChannelName"_s;
const QString dataSourceMember = u"DataSource"_s;
const QString s3DataSourceMember = u"S3DataSource"_s;
const QString s3UriPath = u"DataSource.S3DataSource.S3Uri"_s;
const QString s3DataTypePath = u"DataSource.S3DataSource.S3DataType"_s;
const QString distributionPath = u"DataSource.S3DataSource.S3DataDistributionType"_s;
const QString contentTypeMember = u"ContentType"_s;
const QString inputModeMember = u"InputMode"_s;
const QString compressionMember = u"CompressionType"_s;
const QString recordWrapperMember = u"RecordWrapperType"_s;
const QString pipeMode = u"Pipe"_s;

struct Choice
{
    QString value; // "" for "not set": the member is left out
    QString text;
    QString toolTip;
};

QComboBox *choiceCombo(QWidget *parent, const QString &objectName, const QList<Choice> &choices)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    for (const Choice &choice : choices) {
        combo->addItem(choice.text, choice.value);
        combo->setItemData(combo->count() - 1, choice.toolTip, Qt::ToolTipRole);
    }
    return combo;
}

QString valueOf(const QComboBox *combo)
{
    return combo->currentData().toString();
}

// A value the combo does not offer (from a newer API) is added, so loading and saving keep it.
void selectValue(QComboBox *combo, const QString &value)
{
    int index = combo->findData(value);
    if (index < 0) {
        combo->addItem(value, value);
        index = combo->count() - 1;
        combo->setItemData(
            index, ChannelEditor::tr("A value SageDesk does not know; kept as it is."), Qt::ToolTipRole);
    }
    combo->setCurrentIndex(index);
}

void setChoiceEnabled(QComboBox *combo, const QString &value, bool enabled, const QString &toolTip)
{
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    const int index = combo->findData(value);
    if (!model || index < 0)
        return;
    model->item(index)->setEnabled(enabled);
    model->item(index)->setToolTip(toolTip);
}

void setOrRemove(QJsonObject &object, const QString &member, const QString &value)
{
    if (value.isEmpty())
        object.remove(member);
    else
        object.insert(member, value);
}

} // namespace

ChannelEditor::ChannelEditor(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_name(new QLineEdit(this))
    , m_dataSourceNote(new QLabel(this))
    , m_s3Uri(new QLineEdit(this))
    , m_s3DataType(choiceCombo(this, u"s3DataType"_s,
          { { u"S3Prefix"_s, u"S3Prefix"_s, tr("Every object under the URI, which is a prefix") },
              { u"ManifestFile"_s, u"ManifestFile"_s, tr("The URI names a manifest that lists the objects") },
              { u"AugmentedManifestFile"_s, u"AugmentedManifestFile"_s,
                  tr("The URI names a JSON Lines manifest with labels, e.g. Ground Truth output") },
              { u"Converse"_s, u"Converse"_s, tr("Conversation data, for model customization jobs") } }))
    , m_distribution(choiceCombo(this, u"s3DataDistributionType"_s,
          { { QString(), tr("Not set (FullyReplicated)"),
                tr("Leave it to SageMaker: every instance gets all data") },
              { u"FullyReplicated"_s, u"FullyReplicated"_s,
                  tr("Every instance gets a full copy of the data") },
              { u"ShardedByS3Key"_s, u"ShardedByS3Key"_s,
                  tr("Each instance gets a share of the objects; useful with more than one instance") } }))
    , m_contentType(new QComboBox(this))
    , m_inputMode(choiceCombo(this, u"channelInputMode"_s,
          { { QString(), QString(), tr("Read this channel the way the algorithm's input mode says") },
              { pipeMode, pipeMode,
                  tr("Stream the data into the container through a pipe; needed for Gzip and RecordIO") },
              { u"File"_s, u"File"_s,
                  tr("Copy the whole channel to the instance's disk before training starts") },
              { u"FastFile"_s, u"FastFile"_s, tr("Read from S3 on demand through a file system view") } }))
    , m_compression(choiceCombo(this, u"compressionType"_s,
          { { QString(), tr("Not set (None)"), tr("The data is not compressed") },
              { u"None"_s, u"None"_s, tr("The data is not compressed") },
              { u"Gzip"_s, u"Gzip"_s, tr("The objects are gzip-compressed; SageMaker decompresses them") } }))
    , m_recordWrapper(choiceCombo(this, u"recordWrapperType"_s,
          { { QString(), tr("Not set (None)"), tr("The data is passed as it is") },
              { u"None"_s, u"None"_s, tr("The data is passed as it is") },
              { u"RecordIO"_s, u"RecordIO"_s, tr("SageMaker wraps each record in RecordIO framing") } }))
    , m_pipeNote(new QLabel(this))
    , m_problems(new QLabel(this))
{
    m_name->setObjectName(u"channelName"_s);
    m_name->setPlaceholderText(tr("e.g. train"));
    m_name->setToolTip(tr("The name the algorithm reads the channel by, e.g. train or validation: letters, "
                          "digits, . - and _"));
    m_dataSourceNote->setObjectName(u"dataSourceNote"_s);
    m_dataSourceNote->setWordWrap(true);
    m_s3Uri->setObjectName(u"s3Uri"_s);
    m_s3Uri->setPlaceholderText(tr("s3://bucket/prefix/"));
    m_s3Uri->setToolTip(tr("Where the channel's data is: s3://bucket/prefix/ or a manifest's URI"));
    m_contentType->setObjectName(u"contentType"_s);
    m_contentType->setEditable(true);
    m_contentType->setInsertPolicy(QComboBox::NoInsert);
    m_contentType->addItems({ QString(), u"text/csv"_s, u"application/x-recordio-protobuf"_s,
        u"application/jsonlines"_s, u"application/json"_s, u"application/x-parquet"_s,
        u"application/x-image"_s, u"image/jpeg"_s, u"image/png"_s });
    m_contentType->lineEdit()->setPlaceholderText(tr("optional, e.g. text/csv"));
    m_contentType->setToolTip(tr("The MIME type of the data, if the algorithm needs it"));
    m_pipeNote->setObjectName(u"pipeNote"_s);
    m_pipeNote->setWordWrap(true);
    m_pipeNote->setEnabled(false);
    for (QLabel *note : { m_pipeNote, m_dataSourceNote })
        note->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_problems->setObjectName(u"channelProblems"_s);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);

    m_form->addRow(tr("Channel name:"), m_name);
    m_form->addRow(QString(), m_dataSourceNote);
    m_form->addRow(tr("S3 URI:"), m_s3Uri);
    m_form->addRow(tr("S3 data type:"), m_s3DataType);
    m_form->addRow(tr("Distribution:"), m_distribution);
    m_form->addRow(tr("Content type:"), m_contentType);
    m_form->addRow(tr("Input mode:"), m_inputMode);
    m_form->addRow(tr("Compression:"), m_compression);
    m_form->addRow(tr("Record wrapper:"), m_recordWrapper);
    m_form->addRow(QString(), m_pipeNote);
    // Text fields take the width; the choices stay as wide as their longest entry.
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problems);
    layout->addLayout(m_form);
    layout->addStretch(1);
    setFocusProxy(m_name);

    connect(m_name, &QLineEdit::textEdited, this, &ChannelEditor::writeBack);
    connect(m_s3Uri, &QLineEdit::textEdited, this, &ChannelEditor::writeBack);
    connect(m_contentType, &QComboBox::editTextChanged, this, &ChannelEditor::writeBack);
    for (QComboBox *combo : { m_s3DataType, m_distribution, m_inputMode, m_compression, m_recordWrapper })
        connect(combo, &QComboBox::activated, this, &ChannelEditor::writeBack);
    refresh();
}

void ChannelEditor::setChannel(const QJsonObject &channel)
{
    m_loading = true;
    m_channel = channel;
    m_diagnostics.clear();
    const QJsonObject s3 = s3DataSource();
    m_name->setText(channel.value(nameMember).toString());
    m_s3Uri->setText(s3.value("S3Uri"_L1).toString());
    selectValue(m_s3DataType, s3.value("S3DataType"_L1).toString(u"S3Prefix"_s));
    selectValue(m_distribution, s3.value("S3DataDistributionType"_L1).toString());
    m_contentType->setEditText(channel.value(contentTypeMember).toString());
    selectValue(m_inputMode, channel.value(inputModeMember).toString());
    selectValue(m_compression, channel.value(compressionMember).toString());
    selectValue(m_recordWrapper, channel.value(recordWrapperMember).toString());
    m_loading = false;
    refresh();
}

QJsonObject ChannelEditor::channel() const
{
    return m_channel;
}

void ChannelEditor::setInheritedInputMode(const QString &mode)
{
    m_inheritedMode = mode;
    refresh();
}

QString ChannelEditor::effectiveInputMode() const
{
    const QString own = valueOf(m_inputMode);
    if (!own.isEmpty())
        return own;
    return m_inheritedMode.isEmpty() ? u"File"_s : m_inheritedMode;
}

void ChannelEditor::showDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    refresh();
}

Diagnostics ChannelEditor::localProblems() const
{
    Diagnostics problems;
    const QString mode = effectiveInputMode();
    if (mode == pipeMode)
        return problems;
    if (valueOf(m_compression) == "Gzip"_L1)
        problems << Diagnostic { compressionMember, Diagnostic::Severity::Error, u"pipeOnlyCompression"_s,
            tr("Gzip compression needs Pipe input mode; this channel reads in %1 mode.").arg(mode) };
    if (valueOf(m_recordWrapper) == "RecordIO"_L1)
        problems << Diagnostic { recordWrapperMember, Diagnostic::Severity::Error, u"pipeOnlyRecordWrapper"_s,
            tr("RecordIO wrapping needs Pipe input mode; this channel reads in %1 mode.").arg(mode) };
    return problems;
}

bool ChannelEditor::focusField(const QString &relativePath)
{
    QWidget *field = fieldFor(relativePath);
    if (!field)
        return false;
    field->setFocus(Qt::OtherFocusReason);
    if (auto *lineEdit = qobject_cast<QLineEdit *>(field))
        lineEdit->selectAll();
    return true;
}

void ChannelEditor::focusName()
{
    m_name->setFocus(Qt::OtherFocusReason);
    m_name->selectAll();
}

QWidget *ChannelEditor::firstInTabOrder() const
{
    return m_name;
}

QWidget *ChannelEditor::lastInTabOrder() const
{
    return m_recordWrapper;
}

QJsonObject ChannelEditor::s3DataSource() const
{
    return m_channel.value(dataSourceMember).toObject().value(s3DataSourceMember).toObject();
}

bool ChannelEditor::hasOtherDataSource() const
{
    const QJsonObject dataSource = m_channel.value(dataSourceMember).toObject();
    return !dataSource.isEmpty() && !dataSource.contains(s3DataSourceMember);
}

QWidget *ChannelEditor::fieldFor(const QString &relativePath) const
{
    const QList<std::pair<QString, QWidget *>> fields { { nameMember, m_name }, { s3UriPath, m_s3Uri },
        { s3DataTypePath, m_s3DataType }, { distributionPath, m_distribution },
        { contentTypeMember, m_contentType }, { inputModeMember, m_inputMode },
        { compressionMember, m_compression }, { recordWrapperMember, m_recordWrapper } };
    for (const auto &[path, widget] : fields)
        if (path == relativePath)
            return widget;
    return nullptr;
}

void ChannelEditor::writeBack()
{
    if (m_loading)
        return;
    QJsonObject channel = m_channel;
    channel.insert(nameMember, m_name->text());
    if (!hasOtherDataSource()) {
        QJsonObject dataSource = channel.value(dataSourceMember).toObject();
        QJsonObject s3 = dataSource.value(s3DataSourceMember).toObject();
        s3.insert(u"S3Uri"_s, m_s3Uri->text().trimmed());
        setOrRemove(s3, u"S3DataType"_s, valueOf(m_s3DataType));
        setOrRemove(s3, u"S3DataDistributionType"_s, valueOf(m_distribution));
        dataSource.insert(s3DataSourceMember, s3);
        channel.insert(dataSourceMember, dataSource);
    }
    setOrRemove(channel, contentTypeMember, m_contentType->currentText().trimmed());
    setOrRemove(channel, inputModeMember, valueOf(m_inputMode));
    setOrRemove(channel, compressionMember, valueOf(m_compression));
    setOrRemove(channel, recordWrapperMember, valueOf(m_recordWrapper));
    m_channel = channel;
    refresh();
    emit edited();
}

void ChannelEditor::refresh()
{
    const QString inherited = m_inheritedMode.isEmpty() ? u"File"_s : m_inheritedMode;
    m_inputMode->setItemText(
        m_inputMode->findData(QString()), tr("Inherit from the algorithm (%1)").arg(inherited));

    const QString mode = effectiveInputMode();
    const bool isPipe = mode == pipeMode;
    const QString whyNot
        = tr("Needs Pipe input mode: set this channel's input mode, or the algorithm's, to Pipe.");
    setChoiceEnabled(m_compression, u"Gzip"_s, isPipe,
        isPipe ? tr("The objects are gzip-compressed; SageMaker decompresses them") : whyNot);
    setChoiceEnabled(m_recordWrapper, u"RecordIO"_s, isPipe,
        isPipe ? tr("SageMaker wraps each record in RecordIO framing") : whyNot);
    m_pipeNote->setText(valueOf(m_inputMode).isEmpty()
            ? tr("Gzip and RecordIO need Pipe input mode; this channel reads in %1 mode, inherited from the "
                 "algorithm.")
                  .arg(mode)
            : tr("Gzip and RecordIO need Pipe input mode; this channel reads in %1 mode.").arg(mode));
    m_pipeNote->setVisible(!isPipe);

    const bool otherSource = hasOtherDataSource();
    for (QWidget *field : { static_cast<QWidget *>(m_s3Uri), static_cast<QWidget *>(m_s3DataType),
             static_cast<QWidget *>(m_distribution) })
        field->setEnabled(!otherSource);
    m_dataSourceNote->setText(
        tr("This channel reads from %1, which SageDesk shows only in the JSON; it is kept as it is.")
            .arg(m_channel.value(dataSourceMember).toObject().keys().join(u", "_s)));
    m_dataSourceNote->setVisible(otherSource);

    const Diagnostics local = localProblems();
    QHash<QWidget *, Diagnostics> marks;
    for (const Diagnostic &d : local)
        marks[fieldFor(d.path)] << d;
    QList<std::pair<QString, Diagnostic>> listed; // listed above the fields
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        QWidget *field = fieldFor(d.path);
        if (!field) {
            listed.append({ d.path, d });
            continue;
        }
        const Diagnostics &own = marks.value(field);
        if (std::none_of(own.cbegin(), own.cend(), [&d](const Diagnostic &m) { return m.code == d.code; }))
            marks[field] << d;
    }
    for (QWidget *field : { static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_s3Uri),
             static_cast<QWidget *>(m_s3DataType), static_cast<QWidget *>(m_distribution),
             static_cast<QWidget *>(m_contentType), static_cast<QWidget *>(m_inputMode),
             static_cast<QWidget *>(m_compression), static_cast<QWidget *>(m_recordWrapper) }) {
        FieldMark::mark(field, marks.value(field));
        // Every message also in the list above the fields, named by the field's label.
        const auto *label = qobject_cast<QLabel *>(m_form->labelForField(field));
        const QString where = label ? label->text().remove(u':') : QString();
        for (const Diagnostic &d : marks.value(field))
            listed.append({ where, d });
    }
    m_problems->setText(FieldMark::problemListHtml(listed));
    m_problems->setVisible(!listed.isEmpty());
}
