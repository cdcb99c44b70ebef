#pragma once

#include "core/api/jsonfields.h"

// One entry of a training job's InputDataConfig (a Channel in the API), read and edited field by field;
// members it has no accessor for (FileSystemDataSource, AttributeNames, ...) are kept as they are.
class TrainingChannel : public JsonFields
{
public:
    using JsonFields::JsonFields;

    QString name() const { return string(u"ChannelName"); }
    void setName(const QString &v) { setString(u"ChannelName", v); }

    // DataSource.S3DataSource
    QString s3DataType() const { return string(u"DataSource.S3DataSource.S3DataType"); }
    void setS3DataType(const QString &v) { setString(u"DataSource.S3DataSource.S3DataType", v); }
    QString s3Uri() const { return string(u"DataSource.S3DataSource.S3Uri"); }
    void setS3Uri(const QString &v) { setString(u"DataSource.S3DataSource.S3Uri", v); }
    QString s3DataDistributionType() const
    {
        return string(u"DataSource.S3DataSource.S3DataDistributionType");
    }
    void setS3DataDistributionType(const QString &v)
    {
        setString(u"DataSource.S3DataSource.S3DataDistributionType", v);
    }

    QString contentType() const { return string(u"ContentType"); }
    void setContentType(const QString &v) { setString(u"ContentType", v); }
    QString compressionType() const { return string(u"CompressionType"); }
    void setCompressionType(const QString &v) { setString(u"CompressionType", v); }
    QString recordWrapperType() const { return string(u"RecordWrapperType"); }
    void setRecordWrapperType(const QString &v) { setString(u"RecordWrapperType", v); }
    // The channel's own input mode; empty means the algorithm's TrainingInputMode applies.
    QString inputMode() const { return string(u"InputMode"); }
    void setInputMode(const QString &v) { setString(u"InputMode", v); }
    std::optional<qint64> shuffleSeed() const { return integer(u"ShuffleConfig.Seed"); }
    void setShuffleSeed(std::optional<qint64> v) { setInteger(u"ShuffleConfig.Seed", v); }
};
