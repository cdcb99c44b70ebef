#include "core/aws/awsconfigfile.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

bool startsIndented(QByteArrayView line)
{
    return !line.isEmpty() && (line.front() == ' ' || line.front() == '\t');
}

} // namespace

AwsConfigFile AwsConfigFile::load(const QString &path, Kind kind, const QString &displayPath)
{
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        AwsConfigFile missing;
        missing.m_kind = kind;
        missing.m_displayPath = displayPath;
        if (QFileInfo::exists(path))
            missing.m_error = tr("%1 is not a file").arg(displayPath);
        return missing;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        AwsConfigFile unreadable;
        unreadable.m_kind = kind;
        unreadable.m_displayPath = displayPath;
        unreadable.m_exists = true;
        unreadable.m_error = tr("cannot read %1: %2").arg(displayPath, file.errorString());
        return unreadable;
    }
    return parse(file.readAll(), kind, displayPath);
}

AwsConfigFile AwsConfigFile::parse(const QByteArray &text, Kind kind, const QString &displayPath)
{
    AwsConfigFile result;
    result.m_kind = kind;
    result.m_displayPath = displayPath;
    result.m_exists = true;

    Settings *section = nullptr; // null before the first header and inside an ignored section
    bool inSection = false;
    QString lastKey;
    const auto fail = [&result](int lineNumber, const QString &what) {
        result.m_error = tr("%1 line %2: %3").arg(result.m_displayPath).arg(lineNumber).arg(what);
        result.m_profiles.clear();
        result.m_services.clear();
        result.m_ignored.clear();
        return result;
    };

    QByteArrayView rest(text);
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    int lineNumber = 0;
    while (!rest.isEmpty()) {
        ++lineNumber;
        qsizetype end = rest.indexOf('\n');
        QByteArrayView line = end < 0 ? rest : rest.first(end);
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#') || trimmed.startsWith(';'))
            continue;

        if (startsIndented(line) && !lastKey.isEmpty()) {
            if (section)
                (*section)[lastKey] += u'\n' + QString::fromUtf8(trimmed);
            continue;
        }

        if (trimmed.startsWith('[')) {
            if (!trimmed.endsWith(']'))
                return fail(lineNumber, tr("a section header must end with ']'"));
            const QString header = QString::fromUtf8(trimmed.sliced(1, trimmed.size() - 2)).trimmed();
            const QString name = header.section(u' ', 1).trimmed();
            const QString prefix = header.section(u' ', 0, 0);
            inSection = true;
            lastKey.clear();
            section = nullptr;
            if (header.isEmpty())
                return fail(lineNumber, tr("empty section name"));
            if (kind == Kind::Credentials) {
                section = &result.m_profiles[header];
            } else if (header == "default"_L1) {
                section = &result.m_profiles[header];
            } else if (prefix == "profile"_L1 || prefix == "services"_L1) {
                if (name.isEmpty())
                    return fail(lineNumber, tr("a [%1] section needs a name").arg(prefix));
                section = prefix == "profile"_L1 ? &result.m_profiles[name] : &result.m_services[name];
            } else {
                result.m_ignored.append(header);
            }
            continue;
        }

        if (startsIndented(line) && lastKey.isEmpty())
            return fail(lineNumber, tr("an indented line must follow a setting"));
        if (!inSection)
            return fail(lineNumber, tr("setting outside a [section]"));
        const qsizetype equals = trimmed.indexOf('=');
        const qsizetype colon = trimmed.indexOf(':');
        qsizetype delimiter = equals;
        if (delimiter < 0 || (colon >= 0 && colon < delimiter))
            delimiter = colon;
        if (delimiter < 0)
            return fail(lineNumber, tr("expected 'key = value'"));
        const QString key = QString::fromUtf8(trimmed.first(delimiter)).trimmed().toLower();
        if (key.isEmpty())
            return fail(lineNumber, tr("a setting needs a name before '='"));
        lastKey = key;
        if (section)
            (*section)[key] = QString::fromUtf8(trimmed.sliced(delimiter + 1)).trimmed();
    }
    return result;
}

AwsConfigFile::Settings AwsConfigFile::subProperties(const QString &value)
{
    Settings settings;
    const QStringList lines = value.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            continue;
        settings.insert(line.first(equals).trimmed().toLower(), line.sliced(equals + 1).trimmed());
    }
    return settings;
}
