#include "core/aws/sigv4signer.h"

// See Sha256 below for why the low-level SHA-256 functions.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <QVarLengthArray>
#include <algorithm>
#include <array>
#include <memory>
#include <openssl/sha.h>
#include <vector>

namespace {

using Digest = std::array<unsigned char, SHA256_DIGEST_LENGTH>;

// SHA-256 through OpenSSL's SHA256_* functions. They are deprecated in OpenSSL 3 in favour of EVP, but EVP
// frees, cleanses and reallocates a provider context on every digest and cannot copy a context without
// allocating; for the dozen short hashes of a signature that was a third of the signer's time. The
// low-level functions use the same SHA-NI/AVX2 code, and a SHA256_CTX is a plain struct, so HMAC below
// precomputes its keyed states once and copies them.
class Sha256
{
public:
    Sha256() { SHA256_Init(&m_context); }
    void update(QByteArrayView data) { SHA256_Update(&m_context, data.data(), size_t(data.size())); }
    void update(const Digest &data) { SHA256_Update(&m_context, data.data(), data.size()); }
    Digest final()
    {
        Digest out;
        SHA256_Final(out.data(), &m_context);
        return out;
    }

private:
    SHA256_CTX m_context;
};

Digest sha256(QByteArrayView data)
{
    Sha256 hash;
    hash.update(data);
    return hash.final();
}

QByteArrayView view(const Digest &digest)
{
    return QByteArrayView(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()));
}

// HMAC-SHA256 (RFC 2104) with the inner and outer states keyed once, so each MAC costs only the data's
// blocks and one more.
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key)
    {
        constexpr size_t kBlock = SHA256_CBLOCK;
        Digest hashedKey;
        if (size_t(key.size()) > kBlock) {
            hashedKey = sha256(key);
            key = view(hashedKey);
        }
        std::array<unsigned char, kBlock> inner;
        std::array<unsigned char, kBlock> outer;
        inner.fill(0x36);
        outer.fill(0x5c);
        for (qsizetype i = 0; i < key.size(); ++i) {
            inner[size_t(i)] ^= static_cast<unsigned char>(key[i]);
            outer[size_t(i)] ^= static_cast<unsigned char>(key[i]);
        }
        m_inner.update(QByteArrayView(reinterpret_cast<const char *>(inner.data()), kBlock));
        m_outer.update(QByteArrayView(reinterpret_cast<const char *>(outer.data()), kBlock));
    }

    Digest mac(QByteArrayView data) const
    {
        Sha256 inner = m_inner;
        inner.update(data);
        Sha256 outer = m_outer;
        outer.update(inner.final());
        return outer.final();
    }

private:
    Sha256 m_inner;
    Sha256 m_outer;
};

// The signing key depends only on the secret, the day, the region and the service, so each thread keeps the
// last one it derived: four HMACs saved on every request of the day, whichever signer object signs it.
const HmacSha256 &signingKey(
    const QByteArray &secret, QByteArrayView day, const QByteArray &region, const QByteArray &service)
{
    struct Cached
    {
        QByteArray secret;
        QByteArray day;
        QByteArray region;
        QByteArray service;
        HmacSha256 key { QByteArrayView() };
    };
    thread_local Cached cached;
    if (cached.day != day || cached.secret != secret || cached.region != region
        || cached.service != service) {
        const Digest dateKey = HmacSha256(secret).mac(day);
        const Digest regionKey = HmacSha256(view(dateKey)).mac(region);
        const Digest serviceKey = HmacSha256(view(regionKey)).mac(service);
        const Digest key = HmacSha256(view(serviceKey)).mac("aws4_request");
        cached = { secret, day.toByteArray(), region, service, HmacSha256(view(key)) };
    }
    return cached.key;
}

void appendHex(QByteArray &out, const Digest &digest)
{
    static constexpr char digits[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + 2 * qsizetype(digest.size()));
    char *hex = out.data() + start;
    for (unsigned char byte : digest) {
        *hex++ = digits[byte >> 4];
        *hex++ = digits[byte & 0x0f];
    }
}

QByteArray toHex(const Digest &digest)
{
    QByteArray hex;
    hex.reserve(2 * qsizetype(digest.size()));
    appendHex(hex, digest);
    return hex;
}

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

// RFC 3986 percent-encoding of everything but the unreserved set (and '/' when keepSlash), upper-case hex.
void appendUriEncoded(QByteArray &out, QByteArrayView in, bool keepSlash)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    for (char c : in) {
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += digits[byte >> 4];
            out += digits[byte & 0x0f];
        }
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Decodes %XX sequences only; a '%' not followed by two hex digits stays as it is.
QByteArray percentDecoded(QByteArrayView in)
{
    if (!in.contains('%'))
        return in.toByteArray();
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        if (in[i] == '%' && i + 2 < in.size()) {
            const int high = hexValue(in[i + 1]);
            const int low = hexValue(in[i + 2]);
            if (high >= 0 && low >= 0) {
                out += char(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += in[i];
    }
    return out;
}

// Calls fn with each piece of text between separators, empty pieces included.
template<typename Fn>
void forEachPart(QByteArrayView text, char separator, Fn fn)
{
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf(separator, start);
        if (end < 0)
            end = text.size();
        fn(text.sliced(start, end - start));
        start = end + 1;
    }
}

// Removes "." and ".." segments and empty segments; keeps a trailing slash when there is a segment left.
QByteArray normalizedPath(QByteArrayView path)
{
    std::vector<QByteArrayView> segments;
    forEachPart(path, '/', [&segments](QByteArrayView segment) {
        if (segment == "..") {
            if (!segments.empty())
                segments.pop_back();
        } else if (!segment.isEmpty() && segment != ".") {
            segments.push_back(segment);
        }
    });
    QByteArray out = "/";
    for (size_t i = 0; i < segments.size(); ++i) {
        if (i > 0)
            out += '/';
        out += segments[i];
    }
    if (!segments.empty() && path.endsWith('/'))
        out += '/';
    return out;
}

void appendCanonicalUri(QByteArray &out, QByteArrayView path, bool normalize)
{
    if (path.isEmpty() || path == "/")
        out += '/';
    else if (normalize)
        appendUriEncoded(out, normalizedPath(path), true);
    else
        appendUriEncoded(out, path, true);
}

void appendCanonicalQuery(QByteArray &out, QByteArrayView query)
{
    if (query.isEmpty())
        return;
    std::vector<std::pair<QByteArray, QByteArray>> pairs;
    forEachPart(query, '&', [&pairs](QByteArrayView part) {
        if (part.isEmpty())
            return;
        const qsizetype equals = part.indexOf('=');
        const QByteArrayView key = equals < 0 ? part : part.first(equals);
        const QByteArrayView value = equals < 0 ? QByteArrayView() : part.sliced(equals + 1);
        std::pair<QByteArray, QByteArray> encoded;
        appendUriEncoded(encoded.first, percentDecoded(key), false);
        appendUriEncoded(encoded.second, percentDecoded(value), false);
        pairs.push_back(std::move(encoded));
    });
    std::sort(pairs.begin(), pairs.end());
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (i > 0)
            out += '&';
        out += pairs[i].first;
        out += '=';
        out += pairs[i].second;
    }
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Trimmed, with every inner run of whitespace (folded lines included) turned into one space.
void appendCanonicalValue(QByteArray &out, QByteArrayView value)
{
    // Most values need nothing: no whitespace at either end and only single spaces inside.
    bool clean = value.isEmpty() || (!isSpace(value.front()) && !isSpace(value.back()));
    for (qsizetype i = 0; clean && i < value.size(); ++i)
        clean = !isSpace(value[i]) || (value[i] == ' ' && !isSpace(value[i + 1]));
    if (clean) {
        out += value;
        return;
    }
    bool pendingSpace = false;
    bool any = false;
    for (char c : value) {
        if (isSpace(c)) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        any = true;
        out += c;
    }
}

bool isSigningHeader(QByteArrayView name, bool includeContentSha256)
{
    return name.compare("x-amz-date", Qt::CaseInsensitive) == 0
        || name.compare("x-amz-security-token", Qt::CaseInsensitive) == 0
        || name.compare("authorization", Qt::CaseInsensitive) == 0
        || (includeContentSha256 && name.compare("x-amz-content-sha256", Qt::CaseInsensitive) == 0);
}

} // namespace

SigV4Signer::SigV4Signer(AwsCredentials credentials, QString region, QString service, SigV4Options options)
    : m_accessKeyId(credentials.accessKeyId.toUtf8())
    , m_secret("AWS4" + credentials.secretAccessKey.toUtf8())
    , m_sessionToken(credentials.sessionToken.toUtf8())
    , m_region(region.toUtf8())
    , m_service(service.toUtf8())
    , m_options(options)
{ }

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    // From seconds since the epoch with Howard Hinnant's days-to-civil algorithm: QDateTime's own calendar
    // arithmetic costs more than the rest of the string to sign.
    const qint64 seconds = time.toSecsSinceEpoch();
    qint64 days = seconds / 86400;
    qint64 secondOfDay = seconds % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
    const qint64 month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    QByteArray out(16, Qt::Uninitialized);
    char *buffer = out.data();
    const auto put = [buffer](int offset, qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buffer[offset + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, year, 4);
    put(4, month, 2);
    put(6, day, 2);
    buffer[8] = 'T';
    put(9, secondOfDay / 3600, 2);
    put(11, secondOfDay / 60 % 60, 2);
    put(13, secondOfDay % 60, 2);
    buffer[15] = 'Z';
    return out;
}

void SigV4Signer::addSigningHeaders(SignableRequest &request, const QDateTime &time) const
{
    addSigningHeaders(request, amzDate(time));
}

void SigV4Signer::addSigningHeaders(SignableRequest &request, const QByteArray &date) const
{
    auto &headers = request.headers;
    headers.removeIf([this](const std::pair<QByteArray, QByteArray> &header) {
        return isSigningHeader(header.first, m_options.addContentSha256Header);
    });
    headers.reserve(headers.size() + 4);
    headers.emplace_back(QByteArrayLiteral("X-Amz-Date"), date);
    if (!m_sessionToken.isEmpty())
        headers.emplace_back(QByteArrayLiteral("X-Amz-Security-Token"), m_sessionToken);
    if (m_options.addContentSha256Header)
        headers.emplace_back(QByteArrayLiteral("x-amz-content-sha256"), toHex(sha256(request.body)));
}

QByteArray SigV4Signer::canonicalRequest(const SignableRequest &request) const
{
    QByteArray signedHeaders;
    return canonicalRequest(request, &signedHeaders);
}

QByteArray SigV4Signer::canonicalRequest(const SignableRequest &request, QByteArray *signedHeaders) const
{
    // Lower-cased names go into one stack buffer, sized first so views into it stay valid: no allocation per
    // header on the common path.
    qsizetype namesSize = 0;
    for (const auto &header : request.headers)
        namesSize += header.first.size();
    QVarLengthArray<char, 512> names(namesSize);
    struct Header
    {
        QByteArrayView name;
        QByteArrayView value;
    };
    QVarLengthArray<Header, 16> headers;
    QByteArrayView payloadHash;
    qsizetype offset = 0;
    for (const auto &[name, value] : request.headers) {
        char *lower = names.data() + offset;
        for (qsizetype i = 0; i < name.size(); ++i)
            lower[i] = (name[i] >= 'A' && name[i] <= 'Z') ? char(name[i] + ('a' - 'A')) : name[i];
        headers.append({ QByteArrayView(lower, name.size()), value });
        offset += name.size();
        if (headers.back().name == "x-amz-content-sha256")
            payloadHash = value;
    }
    // Insertion sort: stable, so values of a repeated header keep their order when joined, and for a dozen
    // headers faster than std::stable_sort, which allocates.
    for (qsizetype i = 1; i < headers.size(); ++i) {
        const Header current = headers[i];
        qsizetype j = i;
        for (; j > 0 && current.name < headers[j - 1].name; --j)
            headers[j] = headers[j - 1];
        headers[j] = current;
    }

    QByteArray out;
    out.reserve(256 + 2 * namesSize + request.path.size() + request.query.size());
    out += request.method;
    out += '\n';
    appendCanonicalUri(out, request.path, m_options.normalizePath);
    out += '\n';
    appendCanonicalQuery(out, request.query);
    out += '\n';
    signedHeaders->clear();
    signedHeaders->reserve(namesSize + headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const bool repeated = i > 0 && headers[i].name == headers[i - 1].name;
        if (repeated) {
            out += ',';
        } else {
            if (i > 0) {
                out += '\n';
                *signedHeaders += ';';
            }
            out += headers[i].name;
            out += ':';
            *signedHeaders += headers[i].name;
        }
        appendCanonicalValue(out, headers[i].value);
    }
    out += "\n\n";
    out += *signedHeaders;
    out += '\n';
    if (payloadHash.isEmpty())
        appendHex(out, sha256(request.body));
    else
        out += payloadHash;
    return out;
}

void SigV4Signer::appendCredentialScope(QByteArray &out, QByteArrayView date) const
{
    out += date.first(8);
    out += '/';
    out += m_region;
    out += '/';
    out += m_service;
    out += "/aws4_request";
}

QByteArray SigV4Signer::stringToSign(const QByteArray &canonicalRequest, const QDateTime &time) const
{
    return stringToSign(canonicalRequest, amzDate(time));
}

QByteArray SigV4Signer::stringToSign(const QByteArray &canonicalRequest, const QByteArray &date) const
{
    QByteArray out;
    out.reserve(160);
    out += "AWS4-HMAC-SHA256\n";
    out += date;
    out += '\n';
    appendCredentialScope(out, date);
    out += '\n';
    appendHex(out, sha256(canonicalRequest));
    return out;
}

QByteArray SigV4Signer::signature(const QByteArray &stringToSign, const QDateTime &time) const
{
    return signature(stringToSign, amzDate(time));
}

QByteArray SigV4Signer::signature(const QByteArray &stringToSign, const QByteArray &date) const
{
    return toHex(signingKey(m_secret, date.first(8), m_region, m_service).mac(stringToSign));
}

QByteArray SigV4Signer::authorizationHeader(
    const SignableRequest &request, const QByteArray &signature, const QDateTime &time) const
{
    QByteArray signedHeaders;
    canonicalRequest(request, &signedHeaders);
    return authorizationHeader(signedHeaders, signature, amzDate(time));
}

QByteArray SigV4Signer::authorizationHeader(
    const QByteArray &signedHeaders, const QByteArray &signature, const QByteArray &date) const
{
    QByteArray out;
    out.reserve(200 + signedHeaders.size());
    out += "AWS4-HMAC-SHA256 Credential=";
    out += m_accessKeyId;
    out += '/';
    appendCredentialScope(out, date);
    out += ", SignedHeaders=";
    out += signedHeaders;
    out += ", Signature=";
    out += signature;
    return out;
}

void SigV4Signer::sign(SignableRequest &request, const QDateTime &time) const
{
    const QByteArray date = amzDate(time);
    addSigningHeaders(request, date);
    QByteArray signedHeaders;
    const QByteArray canonical = canonicalRequest(request, &signedHeaders);
    const QByteArray sig = signature(stringToSign(canonical, date), date);
    request.headers.emplace_back(
        QByteArrayLiteral("Authorization"), authorizationHeader(signedHeaders, sig, date));
}
