#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

// An XML document as a small tree, read with QXmlStreamReader: elements by local name (namespaces and
// prefixes are ignored, as EC2 answers in the "http://ec2.amazonaws.com/doc/2016-11-15/" namespace and
// proxies or other versions may differ), their text, their children. Unknown elements are simply there;
// readers pick what they know. Attributes, comments and processing instructions are dropped.
class Ec2XmlElement
{
public:
    // The document's root element; nullopt with *error set ("line 3, column 7: ...") when the text is not
    // well-formed XML.
    static std::optional<Ec2XmlElement> parse(const QByteArray &xml, QString *error = nullptr);

    const QString &name() const { return m_name; }
    // The element's own character data, trimmed.
    const QString &text() const { return m_text; }
    const QList<Ec2XmlElement> &children() const { return m_children; }

    // The first child with this name, or nullptr.
    const Ec2XmlElement *child(QStringView name) const;
    // The text of the first child with this name; empty when there is none.
    QString childText(QStringView name) const;
    // "true" / "false" of a child; fallback when absent or neither.
    bool childBool(QStringView name, bool fallback = false) const;
    // An integer child; nullopt when absent or not a number.
    std::optional<int> childInt(QStringView name) const;
    // The <item> children of the child named setName ("vpcSet", "tagSet"): EC2's way of writing a list.
    QList<const Ec2XmlElement *> items(QStringView setName) const;
    // The texts of those items (lists of strings: "routeTableIdSet").
    QStringList itemTexts(QStringView setName) const;

private:
    QString m_name;
    QString m_text;
    QList<Ec2XmlElement> m_children;
};
