#include "ui/widgets/keyvalueconfig.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KeyValueConfig", text);
}

} // namespace

KeyValueConfig KeyValueConfig::hyperParameters()
{
    KeyValueConfig c;
    c.maxEntries = 100;
    c.maxKeyLength = 256;
    c.maxValueLength = 2500;
    c.valueTypes = true;
    c.noun = tr("hyperparameters");
    c.keyPlaceholder = tr("e.g. learning_rate");
    c.valuePlaceholder = tr("e.g. 0.001");
    return c;
}

KeyValueConfig KeyValueConfig::trainingEnvironment()
{
    KeyValueConfig c;
    c.maxEntries = 100;
    c.maxKeyLength = 512;
    c.maxValueLength = 512;
    c.keyPattern = u"[a-zA-Z_][a-zA-Z0-9_]*"_s;
    c.keyPatternHint = tr("A variable name starts with a letter or _ and has only letters, digits and _.");
    c.noun = tr("variables");
    c.keyPlaceholder = tr("e.g. NCCL_DEBUG");
    c.valuePlaceholder = tr("value");
    return c;
}

KeyValueConfig KeyValueConfig::containerEnvironment()
{
    KeyValueConfig c = trainingEnvironment();
    c.maxKeyLength = 1024;
    c.maxValueLength = 1024;
    c.keyPlaceholder = tr("e.g. SAGEMAKER_PROGRAM");
    return c;
}

KeyValueConfig KeyValueConfig::tags()
{
    KeyValueConfig c;
    c.shape = Shape::TagList;
    c.maxEntries = 50;
    c.minKeyLength = 1;
    c.maxKeyLength = 128;
    c.maxValueLength = 256;
    c.keyPattern = u"[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"_s;
    c.keyPatternHint = tr("Tags may contain letters, digits, spaces and _ . : / = + - @.");
    c.valuePattern = c.keyPattern;
    c.valuePatternHint = c.keyPatternHint;
    c.noun = tr("tags");
    c.keyPlaceholder = tr("e.g. team");
    c.valuePlaceholder = tr("e.g. vision");
    return c;
}
