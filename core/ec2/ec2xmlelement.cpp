#include "core/ec2/ec2xmlelement.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
// Deeper than any EC2 answer; a guard against a hostile or broken body exhausting the stack.
constexpr int maxDepth = 64;
} // namespace

std::optional<Ec2XmlElement> Ec2XmlElement::parse(const QByteArray &xml, QString *error)
{
    QXmlStreamReader reader(xml);
    // The path from the root to the element being read; a finished element moves into its parent.
    QList<Ec2XmlElement> open;
    std::optional<Ec2XmlElement> root;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (root) {
                reader.raiseError(u"content after the root element"_s);
                break;
            }
            if (open.size() >= maxDepth) {
                reader.raiseError(u"elements nested more than %1 deep"_s.arg(maxDepth));
                break;
            }
            open.append(Ec2XmlElement());
            open.last().m_name = reader.name().toString();
            break;
        case QXmlStreamReader::Characters:
            if (!open.isEmpty())
                open.last().m_text += reader.text();
            break;
        case QXmlStreamReader::EndElement: {
            Ec2XmlElement done = open.takeLast();
            done.m_text = done.m_text.trimmed();
            if (open.isEmpty())
                root = std::move(done);
            else
                open.last().m_children.append(std::move(done));
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError() || !root) {
        if (error) {
            const QString why = reader.hasError() ? reader.errorString() : u"no root element"_s;
            *error = u"line %1, column %2: %3"_s.arg(reader.lineNumber()).arg(reader.columnNumber()).arg(why);
        }
        return std::nullopt;
    }
    return root;
}

const Ec2XmlElement *Ec2XmlElement::child(QStringView name) const
{
    for (const Ec2XmlElement &c : m_children)
        if (c.m_name == name)
            return &c;
    return nullptr;
}

QString Ec2XmlElement::childText(QStringView name) const
{
    const Ec2XmlElement *c = child(name);
    return c ? c->m_text : QString();
}

bool Ec2XmlElement::childBool(QStringView name, bool fallback) const
{
    const QString text = childText(name);
    if (text.compare("true"_L1, Qt::CaseInsensitive) == 0)
        return true;
    if (text.compare("false"_L1, Qt::CaseInsensitive) == 0)
        return false;
    return fallback;
}

std::optional<int> Ec2XmlElement::childInt(QStringView name) const
{
    bool ok = false;
    const int value = childText(name).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

QList<const Ec2XmlElement *> Ec2XmlElement::items(QStringView setName) const
{
    QList<const Ec2XmlElement *> result;
    if (const Ec2XmlElement *set = child(setName))
        for (const Ec2XmlElement &c : set->m_children)
            if (c.m_name == "item"_L1)
                result.append(&c);
    return result;
}

QStringList Ec2XmlElement::itemTexts(QStringView setName) const
{
    QStringList result;
    for (const Ec2XmlElement *item : items(setName))
        result.append(item->m_text);
    return result;
}
