#include "core/api/jsonpath.h"

using namespace Qt::StringLiterals;

namespace {
bool isPlainKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key)
        if (c == u'.' || c == u'[' || c == u']' || c == u'"' || c == u'\\' || c.isSpace())
            return false;
    return true;
}
} // namespace

QString JsonPath::member(const QString &path, const QString &name)
{
    return path.isEmpty() ? name : path % u'.' % name;
}

QString JsonPath::index(const QString &path, qsizetype index)
{
    return path % u'[' % QString::number(index) % u']';
}

QString JsonPath::key(const QString &path, const QString &key)
{
    if (isPlainKey(key))
        return member(path, key);
    QString escaped = key;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return path % u"[\""_s % escaped % u"\"]"_s;
}

bool JsonPath::parse(QStringView path, QList<Segment> *segments)
{
    QList<Segment> out;
    qsizetype i = 0;
    const qsizetype n = path.size();
    bool expectName = true; // at the start or after '.'
    while (i < n) {
        const QChar c = path[i];
        if (c == u'[') {
            if (i + 1 < n && path[i + 1] == u'"') {
                QString key;
                qsizetype j = i + 2;
                bool closed = false;
                for (; j < n; ++j) {
                    if (path[j] == u'\\' && j + 1 < n) {
                        key.append(path[++j]);
                    } else if (path[j] == u'"') {
                        closed = true;
                        break;
                    } else {
                        key.append(path[j]);
                    }
                }
                if (!closed || j + 1 >= n || path[j + 1] != u']')
                    return false;
                out.append({ Segment::Kind::Key, key, -1 });
                i = j + 2;
            } else {
                const qsizetype close = path.indexOf(u']', i);
                if (close < 0)
                    return false;
                bool ok = false;
                const qsizetype index = path.mid(i + 1, close - i - 1).toLongLong(&ok);
                if (!ok || index < 0)
                    return false;
                out.append({ Segment::Kind::Index, QString(), index });
                i = close + 1;
            }
            expectName = false;
        } else if (c == u'.') {
            if (expectName)
                return false;
            expectName = true;
            ++i;
        } else {
            if (!expectName && !out.isEmpty())
                return false;
            qsizetype j = i;
            while (j < n && path[j] != u'.' && path[j] != u'[')
                ++j;
            out.append({ Segment::Kind::Member, path.mid(i, j - i).toString(), -1 });
            i = j;
            expectName = false;
        }
    }
    if (expectName && !out.isEmpty())
        return false; // trailing '.'
    *segments = out;
    return true;
}
