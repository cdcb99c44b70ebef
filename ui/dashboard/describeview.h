#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTreeWidget>

struct Shape;

// One group of a describe answer's top-level members, titled the way the create form titles its section.
struct DescribeSection
{
    QString title;
    QStringList members;
};

// A describe answer (DescribeTrainingJob, DescribeModel) read-only, as a two-column tree: Field | Value,
// one expanded branch per section. Nothing is left out: members no section names go to "Other", so fields
// of a newer API show too. Values are written for people: times in local time (UTC in the tooltip),
// seconds with their duration in words, booleans as Yes/No; structures and lists become branches, maps and
// tag lists become key/value rows. The output shape supplies member order and value types where it knows
// them. Ctrl+C or the context menu copies a value.
class DescribeView : public QTreeWidget
{
    Q_OBJECT

public:
    explicit DescribeView(QWidget *parent = nullptr);

    // outputShape may be nullptr (types are then guessed: numbers in members named …Time are times).
    // hidden members are shown elsewhere (the transitions table) and left out here.
    void setSections(
        const QList<DescribeSection> &sections, const ::Shape *outputShape, const QStringList &hidden = {});
    void setDocument(const QJsonObject &document);
    QJsonObject document() const { return m_document; }
    void clearDocument();

    // The value shown for a path of member names and list indexes or entry keys separated by dots:
    // "ResourceConfig.InstanceType", "InputDataConfig.train.DataSource.S3DataSource.S3Uri" (a list entry
    // by its name), "HyperParameters.epochs". Empty when there is no such row.
    QString valueText(const QString &path) const;
    QStringList sectionTitles() const;
    // The item of a path (see valueText), or nullptr.
    QTreeWidgetItem *itemAt(const QString &path) const;

    // The section and member lists of DescribeTrainingJob and DescribeModel, grouped like the forms.
    static QList<DescribeSection> trainingJobSections();
    static QList<DescribeSection> modelSections();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void addValue(QTreeWidgetItem *parent, const QString &label, const QString &key, const QJsonValue &value,
        const ::Shape *shape);
    void addObject(
        QTreeWidgetItem *item, const QString &key, const QJsonObject &object, const ::Shape *shape);
    void addStructure(QTreeWidgetItem *parent, const QJsonObject &object, const ::Shape *shape);
    void addList(QTreeWidgetItem *parent, const QJsonArray &list, const ::Shape *shape);
    QTreeWidgetItem *newItem(QTreeWidgetItem *parent, const QString &label, const QString &key);
    void copyCurrent();
    void showContextMenu(const QPoint &pos);

    QList<DescribeSection> m_sections;
    const ::Shape *m_shape = nullptr;
    QStringList m_hidden;
    QJsonObject m_document;
};
