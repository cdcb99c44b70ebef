#include "ui/widgets/keyvaluetable.h"

#include "ui/widgets/fieldmark.h"
#include "ui/widgets/specpath.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using KeyValueText::ValueType;

namespace {

constexpr int keyStretch = 2;
constexpr int valueStretch = 3;

bool wholeMatch(const QString &pattern, const QString &text)
{
    if (pattern.isEmpty())
        return true;
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(text).hasMatch();
}

Diagnostic problem(const QString &code, const QString &message)
{
    return Diagnostic { QString(), Diagnostic::Severity::Error, code, message };
}

bool containsCode(const Diagnostics &diagnostics, const QString &code)
{
    return std::any_of(
        diagnostics.cbegin(), diagnostics.cend(), [&code](const Diagnostic &d) { return d.code == code; });
}

// Checks the widget makes itself; the validator's reports of the same kind on the same field add nothing.
const QStringList locallyCheckedCodes { u"minLength"_s, u"maxLength"_s, u"pattern"_s, u"maxCount"_s };

} // namespace

KeyValueTable::KeyValueTable(const Config &config, const QString &pathPrefix, QWidget *parent)
    : SpecFieldEditor(pathPrefix, parent)
    , m_config(config)
    , m_header(new QWidget(this))
    , m_rowsLayout(new QVBoxLayout)
    , m_emptyLabel(new QLabel(this))
    , m_addButton(new QPushButton(QIcon(u":/sagedesk/icons/list-add.svg"_s), tr("Add"), this))
    , m_pasteButton(new QPushButton(QIcon(u":/sagedesk/icons/edit-paste.svg"_s), tr("Paste"), this))
    , m_count(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_pasteStatus(new QLabel(this))
{
    // The header's columns line up with the rows': same stretch, same fixed widths.
    auto *headerLayout = new QHBoxLayout(m_header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    const Row sample = createRow();
    headerLayout->addWidget(new QLabel(tr("Key"), m_header), keyStretch);
    if (m_config.valueTypes) {
        auto *typeLabel = new QLabel(tr("Type"), m_header);
        typeLabel->setFixedWidth(sample.type->sizeHint().width());
        headerLayout->addWidget(typeLabel);
    }
    headerLayout->addWidget(new QLabel(tr("Value"), m_header), valueStretch);
    headerLayout->addSpacing(sample.remove->sizeHint().width());
    delete sample.container;

    m_emptyLabel->setObjectName(u"emptyHint"_s);
    m_emptyLabel->setText(
        tr("No %1 yet. Add one, or paste key=value lines or a JSON object.").arg(m_config.noun));
    m_emptyLabel->setEnabled(false);
    m_emptyLabel->setWordWrap(true);

    m_addButton->setObjectName(u"addEntry"_s);
    m_addButton->setToolTip(tr("Add an empty row (Enter in the last value does the same)"));
    m_pasteButton->setObjectName(u"pasteEntries"_s);
    m_pasteButton->setToolTip(tr("Fill the table from the clipboard: key=value lines or a JSON object. "
                                 "Keys already in the table get the pasted value."));
    m_count->setObjectName(u"entryCount"_s);
    m_count->setEnabled(false);
    m_pasteStatus->setObjectName(u"pasteStatus"_s);
    m_pasteStatus->setWordWrap(true);
    m_problems->setObjectName(u"tableProblems"_s);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_pasteButton);
    buttons->addWidget(m_count);
    buttons->addStretch(1);

    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_emptyLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_pasteStatus);
    layout->addWidget(m_problems);

    connect(m_addButton, &QPushButton::clicked, this, [this] {
        addRow();
        emit changed();
    });
    connect(m_pasteButton, &QPushButton::clicked, this, &KeyValueTable::pasteFromClipboard);
    setFocusProxy(m_addButton);
    refresh();
}

KeyValueTable::Row KeyValueTable::createRow()
{
    Row row;
    row.container = new QWidget(this);
    auto *layout = new QHBoxLayout(row.container);
    layout->setContentsMargins(0, 0, 0, 0);

    row.key = new QLineEdit(row.container);
    row.key->setPlaceholderText(m_config.keyPlaceholder);
    row.key->setToolTip(tr("Key, up to %n characters", nullptr, m_config.maxKeyLength));
    layout->addWidget(row.key, keyStretch);
    if (m_config.valueTypes) {
        row.type = new QComboBox(row.container);
        for (ValueType type : KeyValueText::valueTypes())
            row.type->addItem(KeyValueText::typeName(type), int(type));
        row.type->setToolTip(tr("What the value must be; the API receives it as a string either way"));
        layout->addWidget(row.type);
    }
    row.value = new QLineEdit(row.container);
    row.value->setPlaceholderText(m_config.valuePlaceholder);
    row.value->setToolTip(tr("Value, up to %n characters", nullptr, m_config.maxValueLength));
    layout->addWidget(row.value, valueStretch);
    row.remove = new QToolButton(row.container);
    row.remove->setIcon(QIcon(u":/sagedesk/icons/list-remove.svg"_s));
    row.remove->setToolTip(tr("Remove this entry"));
    row.remove->setAutoRaise(true);
    layout->addWidget(row.remove);
    return row;
}

QString KeyValueTable::key(int row) const
{
    return m_rows.at(row).key->text().trimmed();
}

QString KeyValueTable::value(int row) const
{
    return m_rows.at(row).value->text();
}

ValueType KeyValueTable::valueType(int row) const
{
    const QComboBox *type = m_rows.at(row).type;
    return type ? ValueType(type->currentData().toInt()) : ValueType::String;
}

void KeyValueTable::appendRow(const QString &key, const QString &value, std::optional<ValueType> type)
{
    Row row = createRow();
    row.key->setText(key);
    row.value->setText(value);
    if (row.type) {
        const ValueType chosen = type.value_or(KeyValueText::guessType(value));
        row.type->setCurrentIndex(row.type->findData(int(chosen)));
    }
    QWidget *container = row.container;
    row.key->installEventFilter(this);
    connect(row.key, &QLineEdit::textEdited, this, &KeyValueTable::userEdited);
    connect(row.value, &QLineEdit::textEdited, this, &KeyValueTable::userEdited);
    if (row.type)
        connect(row.type, &QComboBox::activated, this, &KeyValueTable::userEdited);
    connect(row.remove, &QToolButton::clicked, this, [this, container] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).container == container) {
                removeRow(i);
                emit changed();
                return;
            }
        }
    });
    connect(row.key, &QLineEdit::returnPressed, row.value, [value = row.value] { value->setFocus(); });
    connect(row.value, &QLineEdit::returnPressed, this, [this, container] {
        const int last = int(m_rows.size()) - 1;
        if (m_rows.at(last).container == container) {
            addRow();
            emit changed();
            return;
        }
        for (int i = 0; i < last; ++i)
            if (m_rows.at(i).container == container)
                m_rows.at(i + 1).key->setFocus();
    });
    m_rows << row;
    m_rowsLayout->addWidget(container);
    renumberRows();
    updateTabOrder();
    refresh();
}

void KeyValueTable::addRow()
{
    appendRow(QString(), QString(), ValueType::String);
    m_rows.last().key->setFocus(Qt::OtherFocusReason);
}

void KeyValueTable::removeRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const bool hadFocus = m_rows.at(row).container->isAncestorOf(QApplication::focusWidget());
    delete m_rows.takeAt(row).container;
    renumberRows();
    updateTabOrder();
    refresh();
    if (hadFocus) {
        if (row < m_rows.size())
            m_rows.at(row).key->setFocus(Qt::OtherFocusReason);
        else
            m_addButton->setFocus(Qt::OtherFocusReason);
    }
}

void KeyValueTable::clearRows()
{
    for (const Row &row : std::as_const(m_rows))
        delete row.container;
    m_rows.clear();
}

int KeyValueTable::pasteText(const QString &text)
{
    const KeyValueText::Parsed parsed = KeyValueText::parse(text);
    if (!parsed.error.isEmpty()) {
        m_pasteStatus->setText(tr("Nothing pasted. %1").arg(parsed.error));
        return 0;
    }
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (isBlank(i))
            removeRow(i);
    int added = 0;
    int updated = 0;
    for (const KeyValueText::Entry &entry : parsed.entries) {
        const QList<int> existing = rowsWithKey(entry.key);
        if (existing.isEmpty()) {
            appendRow(entry.key, entry.value, m_config.valueTypes ? std::optional(entry.type) : std::nullopt);
            ++added;
            continue;
        }
        const Row &row = m_rows.at(existing.first());
        row.value->setText(entry.value);
        if (row.type)
            row.type->setCurrentIndex(row.type->findData(int(entry.type)));
        ++updated;
    }
    QString status = tr("Pasted: %n added", nullptr, added);
    if (updated > 0)
        status += tr(", %n updated", nullptr, updated);
    if (!parsed.skippedLines.isEmpty())
        status += tr("; skipped %1").arg(parsed.skippedLines.join(u"; "_s));
    m_pasteStatus->setText(status + u'.');
    refresh();
    if (added + updated > 0)
        emit changed();
    return added + updated;
}

bool KeyValueTable::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        const QString text = QApplication::clipboard()->text();
        const QString trimmed = text.trimmed();
        if (trimmed.contains(u'\n') || trimmed.startsWith(u'{') || trimmed.startsWith(u'[')) {
            if (pasteText(text) > 0 && !m_rows.isEmpty())
                m_rows.last().value->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
    }
    return SpecFieldEditor::eventFilter(watched, event);
}

void KeyValueTable::pasteFromClipboard()
{
    pasteText(QApplication::clipboard()->text());
}

bool KeyValueTable::isBlank(int row) const
{
    return key(row).isEmpty() && value(row).isEmpty();
}

QList<int> KeyValueTable::entryRows() const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i)
        if (!isBlank(i))
            rows << i;
    return rows;
}

int KeyValueTable::rowOfEntry(int entry) const
{
    const QList<int> rows = entryRows();
    return entry >= 0 && entry < rows.size() ? rows.at(entry) : -1;
}

QList<int> KeyValueTable::rowsWithKey(const QString &key) const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i)
        if (this->key(i) == key && !isBlank(i))
            rows << i;
    return rows;
}

KeyValueText::Checked KeyValueTable::checkedValue(int row) const
{
    return KeyValueText::check(valueType(row), value(row));
}

QJsonValue KeyValueTable::toJson() const
{
    const QList<int> rows = entryRows();
    if (rows.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    if (m_config.shape == Shape::TagList) {
        QJsonArray tags;
        for (int row : rows)
            tags.append(QJsonObject { { u"Key"_s, key(row) }, { u"Value"_s, checkedValue(row).wire } });
        return tags;
    }
    QJsonObject map;
    for (int row : rows)
        map.insert(key(row), checkedValue(row).wire);
    return map;
}

void KeyValueTable::setJson(const QJsonValue &value)
{
    clearRows();
    m_diagnostics.clear();
    m_pasteStatus->clear();
    // A value of the wrong JSON type (a number where the API wants a string) is kept as its JSON text.
    const auto append = [this](const QString &key, const QJsonValue &value) {
        appendRow(key, KeyValueText::jsonText(value));
    };
    if (m_config.shape == Shape::TagList) {
        const QJsonArray tags = value.toArray();
        for (const QJsonValue &tag : tags)
            append(tag.toObject().value("Key"_L1).toString(), tag.toObject().value("Value"_L1));
    } else {
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            append(it.key(), it.value());
    }
    refresh();
}

QList<KeyValueTable::RowMarks> KeyValueTable::localMarks() const
{
    QList<RowMarks> marks(m_rows.size());
    QHash<QString, int> firstRowOfKey;
    int entry = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (isBlank(i))
            continue;
        RowMarks &mark = marks[i];
        const QString k = key(i);
        if (k.isEmpty()) {
            mark.key << problem(u"emptyKey"_s, tr("Enter a key for this value."));
        } else {
            if (k.size() < m_config.minKeyLength)
                mark.key << problem(u"minLength"_s,
                    tr("A key needs at least %n character(s).", nullptr, m_config.minKeyLength));
            if (k.size() > m_config.maxKeyLength)
                mark.key << problem(u"maxLength"_s,
                    tr("Keys are at most %1 characters; this one has %2.")
                        .arg(m_config.maxKeyLength)
                        .arg(k.size()));
            if (!wholeMatch(m_config.keyPattern, k))
                mark.key << problem(u"pattern"_s, m_config.keyPatternHint);
            if (firstRowOfKey.contains(k))
                mark.key << problem(u"duplicateKey"_s,
                    tr("\"%1\" is already set in row %2; keys must be unique.")
                        .arg(k)
                        .arg(firstRowOfKey.value(k) + 1));
            else
                firstRowOfKey.insert(k, i);
        }
        if (entry >= m_config.maxEntries)
            mark.key << problem(u"maxCount"_s,
                tr("At most %1 %2 are allowed; this is number %3.")
                    .arg(m_config.maxEntries)
                    .arg(m_config.noun)
                    .arg(entry + 1));
        ++entry;

        const KeyValueText::Checked checked = checkedValue(i);
        if (!checked.ok)
            mark.value << problem(u"valueType"_s, checked.problem);
        if (checked.wire.size() > m_config.maxValueLength)
            mark.value << problem(u"maxLength"_s,
                tr("Values are at most %1 characters; this one has %2.")
                    .arg(m_config.maxValueLength)
                    .arg(checked.wire.size()));
        if (!wholeMatch(m_config.valuePattern, checked.wire))
            mark.value << problem(u"pattern"_s, m_config.valuePatternHint);
    }
    return marks;
}

Diagnostics KeyValueTable::inputDiagnostics() const
{
    static const QStringList widgetOnly { u"emptyKey"_s, u"duplicateKey"_s, u"valueType"_s };
    const QList<RowMarks> marks = localMarks();
    const QList<int> entries = entryRows();
    Diagnostics result;
    for (int e = 0; e < entries.size(); ++e) {
        const int row = entries.at(e);
        const bool tags = m_config.shape == Shape::TagList;
        const QString entryPath
            = tags ? JsonPath::index(pathPrefix(), e) : JsonPath::key(pathPrefix(), key(row));
        for (const auto &[field, list] :
            { std::pair { u"Key"_s, marks.at(row).key }, std::pair { u"Value"_s, marks.at(row).value } }) {
            for (Diagnostic d : list) {
                if (!widgetOnly.contains(d.code))
                    continue;
                d.path = tags ? JsonPath::member(entryPath, field) : entryPath;
                result << d;
            }
        }
    }
    return result;
}

void KeyValueTable::showDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnosticsBelow(diagnostics);
    refresh();
}

bool KeyValueTable::focusPath(const QString &path)
{
    const std::optional<QList<JsonPath::Segment>> segments = SpecPath::segmentsBelow(path, pathPrefix());
    if (!segments)
        return false;
    QLineEdit *target = nullptr;
    if (!segments->isEmpty()) {
        const JsonPath::Segment &first = segments->first();
        if (m_config.shape == Shape::TagList && first.kind == JsonPath::Segment::Kind::Index) {
            const int row = rowOfEntry(int(first.index));
            const bool aboutValue = segments->size() > 1 && SpecPath::nameOf(segments->at(1)) == "Value"_L1;
            if (row >= 0)
                target = aboutValue ? m_rows.at(row).value : m_rows.at(row).key;
        } else if (m_config.shape == Shape::Map && first.kind != JsonPath::Segment::Kind::Index) {
            const QList<int> rows = rowsWithKey(first.name);
            if (!rows.isEmpty())
                target = m_rows.at(rows.first()).value;
        }
    }
    if (!target && !m_rows.isEmpty())
        target = m_rows.first().key;
    if (target) {
        target->setFocus(Qt::OtherFocusReason);
        target->selectAll();
    } else {
        m_addButton->setFocus(Qt::OtherFocusReason);
    }
    return true;
}

void KeyValueTable::refresh()
{
    QList<RowMarks> marks = localMarks();
    Diagnostics general;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const QList<JsonPath::Segment> segments = SpecPath::segments(d.path);
        const bool entryLevel = !segments.isEmpty()
            && (m_config.shape == Shape::TagList)
                == (segments.first().kind == JsonPath::Segment::Kind::Index);
        if (!entryLevel) {
            general << d;
            continue;
        }
        if (m_config.shape == Shape::TagList) {
            const int row = rowOfEntry(int(segments.first().index));
            if (row < 0) {
                general << d;
                continue;
            }
            const bool aboutValue = segments.size() > 1 && SpecPath::nameOf(segments.at(1)) == "Value"_L1;
            Diagnostics &target = aboutValue ? marks[row].value : marks[row].key;
            if (!(locallyCheckedCodes.contains(d.code) && containsCode(target, d.code)))
                target << d;
            continue;
        }
        const QList<int> rows = rowsWithKey(segments.first().name);
        if (rows.isEmpty()) {
            general << d;
            continue;
        }
        // The validator reports a map key's problems and its value's at the same path; a key problem is one
        // the widget's own key checks found too.
        for (int row : rows) {
            const bool aboutKey = containsCode(marks[row].key, d.code);
            Diagnostics &target = aboutKey ? marks[row].key : marks[row].value;
            if (!(locallyCheckedCodes.contains(d.code) && (aboutKey || containsCode(target, d.code))))
                target << d;
        }
    }

    QList<std::pair<QString, Diagnostic>> listed;
    for (const Diagnostic &d : std::as_const(general))
        listed.append({ QString(), d });
    for (int i = 0; i < m_rows.size(); ++i) {
        FieldMark::mark(m_rows.at(i).key, marks.at(i).key);
        FieldMark::mark(m_rows.at(i).value, marks.at(i).value);
        for (const Diagnostic &d : marks.at(i).key + marks.at(i).value)
            listed.append({ tr("Row %1").arg(i + 1), d });
    }
    m_problems->setText(FieldMark::problemListHtml(listed));
    m_problems->setVisible(!listed.isEmpty());
    m_pasteStatus->setVisible(!m_pasteStatus->text().isEmpty());

    const int entries = int(entryRows().size());
    m_count->setText(tr("%1 of at most %2 %3").arg(entries).arg(m_config.maxEntries).arg(m_config.noun));
    m_header->setVisible(!m_rows.isEmpty());
    m_emptyLabel->setVisible(m_rows.isEmpty());
}

void KeyValueTable::renumberRows()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const QString n = QString::number(i);
        row.container->setObjectName(u"row_"_s + n);
        row.key->setObjectName(u"key_"_s + n);
        row.value->setObjectName(u"value_"_s + n);
        row.remove->setObjectName(u"remove_"_s + n);
        if (row.type)
            row.type->setObjectName(u"type_"_s + n);
    }
}

void KeyValueTable::updateTabOrder()
{
    QList<QWidget *> chain;
    for (const Row &row : std::as_const(m_rows)) {
        chain << row.key;
        if (row.type)
            chain << row.type;
        chain << row.value << row.remove;
    }
    chain << m_addButton << m_pasteButton;
    for (int i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain.at(i), chain.at(i + 1));
}

void KeyValueTable::userEdited()
{
    m_pasteStatus->clear();
    refresh();
    emit changed();
}
