// libFuzzer target for the shared config/credentials file parser (STYLE.md: config parsers are fuzzed).
// Built only with -DSAGEDESK_FUZZ=ON and clang; CI does not run it. The parser's source is compiled into
// this target so it is instrumented. Run, from a clang build directory:
//   tests/aws/fuzz_awsconfigfile -max_total_time=60 corpus-dir $SRC/tests/aws/fuzz_corpus/awsconfigfile
#include "core/aws/awsconfigfile.h"

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const auto kind : { AwsConfigFile::Kind::Config, AwsConfigFile::Kind::Credentials }) {
        const AwsConfigFile file = AwsConfigFile::parse(text, kind, u"f"_s);
        // A file is either valid or has one error that names its line, with no profile left behind.
        if (!file.isValid() && (!file.error().startsWith(u"f line "_s) || !file.profileNames().isEmpty()))
            std::abort();
        for (const QString &name : file.profileNames()) {
            const AwsConfigFile::Settings settings = file.profile(name);
            for (const QString &value : settings)
                AwsConfigFile::subProperties(value);
            const AwsConfigFile::Settings services = file.servicesSection(settings.value(u"services"_s));
            for (const QString &value : services)
                AwsConfigFile::subProperties(value);
        }
    }
    return 0;
}
