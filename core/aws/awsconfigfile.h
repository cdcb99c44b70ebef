#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

// One AWS shared config file (~/.aws/config) or shared credentials file (~/.aws/credentials), parsed the
// way botocore parses them (an INI dialect):
// - "[section]" headers; in the config file a profile is "[profile NAME]" or "[default]", and
//   "[services NAME]" holds per-service settings; in the credentials file every section is a profile.
// - "key = value" (or "key: value"); keys are case-insensitive (stored lower-case); values are trimmed.
// - Whole-line comments start with '#' or ';'. No inline comments (botocore has none: a value may hold
//   '#').
// - An indented line continues the value above it: "key =" followed by indented "sub = value" lines is a
//   nested setting (subProperties()).
// - A repeated section or key: the later value wins (botocore refuses such a file; the other SDKs merge).
// A file that does not exist is empty, not an error. Error messages name the file and the line, never the
// line's text, which may hold a secret.
class AwsConfigFile
{
    Q_DECLARE_TR_FUNCTIONS(AwsConfigFile)

public:
    enum class Kind { Config, Credentials };
    using Settings = QMap<QString, QString>;

    AwsConfigFile() = default;

    // displayPath is how messages name the file ("~/.aws/config").
    static AwsConfigFile load(const QString &path, Kind kind, const QString &displayPath);
    static AwsConfigFile parse(const QByteArray &text, Kind kind, const QString &displayPath);

    bool exists() const { return m_exists; }
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // "~/.aws/config line 3: expected 'key = value'"
    QString displayPath() const { return m_displayPath; }

    QStringList profileNames() const { return m_profiles.keys(); }
    bool hasProfile(const QString &name) const { return m_profiles.contains(name); }
    Settings profile(const QString &name) const { return m_profiles.value(name); }
    // A "[services NAME]" section of the config file.
    Settings servicesSection(const QString &name) const { return m_services.value(name); }
    // Sections that are neither profiles nor services sections, such as "[dev]" in the config file, where
    // a profile must be written "[profile dev]": messages point at this common mistake.
    QStringList ignoredSections() const { return m_ignored; }

    // "\n  endpoint_url = http://x\n  max_attempts = 2" → {endpoint_url: http://x, max_attempts: 2}
    static Settings subProperties(const QString &value);

private:
    bool m_exists = false;
    Kind m_kind = Kind::Config;
    QString m_displayPath;
    QString m_error;
    QMap<QString, Settings> m_profiles;
    QMap<QString, Settings> m_services;
    QStringList m_ignored;
};
