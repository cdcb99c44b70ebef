#include "core/aws/sigv4signer.h"

#include <QDate>
#include <QTime>
#include <algorithm>
#include <array>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <vector>

namespace {

constexpr int kSha256Size = 32;
using Digest = std::array<unsigned char, kSha256Size>;

// OpenSSL 3 looks up algorithms by name on every "fetch"; doing that per HMAC would cost more than the HMAC
// itself. Each thread keeps one fetched SHA-256 and one HMAC context that is re-keyed per use.
struct CryptoContexts
{
    CryptoContexts()
    {
        sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        mdContext = EVP_MD_CTX_new();
        EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        hmac = EVP_MAC_CTX_new(mac);
        EVP_MAC_free(mac); // the context keeps its own reference
        char digestName[] = "SHA256";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digestName, 0),
            OSSL_PARAM_construct_end(),
        };
        EVP_MAC_CTX_set_params(hmac, params);
    }
    ~CryptoContexts()
    {
        EVP_MAC_CTX_free(hmac);
        EVP_MD_CTX_free(mdContext);
        EVP_MD_free(sha256);
    }
    CryptoContexts(const CryptoContexts &) = delete;
    CryptoContexts &operator=(const CryptoContexts &) = delete;

    EVP_MD *sha256 = nullptr;
    EVP_MD_CTX *mdContext = nullptr;
    EVP_MAC_CTX *hmac = nullptr;
};

CryptoContexts &crypto()
{
    thread_local CryptoContexts contexts;
    return contexts;
}

Digest sha256(const char *data, qsizetype size)
{
    CryptoContexts &c = crypto();
    Digest out {};
    unsigned int length = 0;
    EVP_DigestInit_ex2(c.mdContext, c.sha256, nullptr);
    EVP_DigestUpdate(c.mdContext, data, size_t(size));
    EVP_DigestFinal_ex(c.mdContext, out.data(), &length);
    return out;
}

Digest hmacSha256(const unsigned char *key, size_t keySize, const char *data, qsizetype size)
{
    CryptoContexts &c = crypto();
    Digest out {};
    size_t length = 0;
    EVP_MAC_init(c.hmac, key, keySize, nullptr);
    EVP_MAC_update(c.hmac, reinterpret_cast<const unsigned char *>(data), size_t(size));
    EVP_MAC_final(c.hmac, out.data(), &length, out.size());
    return out;
}

Digest hmacSha256(const Digest &key, const QByteArray &data)
{
    return hmacSha256(key.data(), key.size(), data.constData(), data.size());
}

QByteArray toHex(const Digest &digest)
{
    static constexpr char digits[] = "0123456789abcdef";
    QByteArray hex(kSha256Size * 2, Qt::Uninitialized);
    char *out = hex.data();
    for (unsigned char byte : digest) {
        *out++ = digits[byte >> 4];
        *out++ = digits[byte & 0x0f];
    }
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

QByteArray canonicalUri(QByteArrayView path, bool normalize)
{
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    QByteArray out;
    out.reserve(path.size() + 8);
    if (normalize)
        appendUriEncoded(out, normalizedPath(path), true);
    else
        appendUriEncoded(out, path, true);
    return out;
}

QByteArray canonicalQuery(QByteArrayView query)
{
    if (query.isEmpty())
        return {};
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
    QByteArray out;
    for (const auto &[key, value] : pairs) {
        if (!out.isEmpty())
            out += '&';
        out += key;
        out += '=';
        out += value;
    }
    return out;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Trimmed, with every inner run of whitespace (folded lines included) turned into one space.
void appendCanonicalValue(QByteArray &out, QByteArrayView value)
{
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
    : m_credentials(std::move(credentials))
    , m_secret("AWS4" + m_credentials.secretAccessKey.toUtf8())
    , m_region(region.toUtf8())
    , m_service(service.toUtf8())
    , m_options(options)
{ }

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char buffer[17];
    const auto put = [&buffer](int offset, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buffer[offset + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, date.year(), 4);
    put(4, date.month(), 2);
    put(6, date.day(), 2);
    buffer[8] = 'T';
    put(9, clock.hour(), 2);
    put(11, clock.minute(), 2);
    put(13, clock.second(), 2);
    buffer[15] = 'Z';
    buffer[16] = '\0';
    return QByteArray(buffer, 16);
}

void SigV4Signer::addSigningHeaders(SignableRequest &request, const QDateTime &time) const
{
    auto &headers = request.headers;
    headers.removeIf([this](const std::pair<QByteArray, QByteArray> &header) {
        return isSigningHeader(header.first, m_options.addContentSha256Header);
    });
    headers.emplace_back(QByteArrayLiteral("X-Amz-Date"), amzDate(time));
    if (!m_credentials.sessionToken.isEmpty())
        headers.emplace_back(QByteArrayLiteral("X-Amz-Security-Token"), m_credentials.sessionToken.toUtf8());
    if (m_options.addContentSha256Header) {
        const Digest hash = sha256(request.body.constData(), request.body.size());
        headers.emplace_back(QByteArrayLiteral("x-amz-content-sha256"), toHex(hash));
    }
}

QByteArray SigV4Signer::canonicalRequest(const SignableRequest &request) const
{
    QByteArray signedHeaders;
    return canonicalRequest(request, &signedHeaders);
}

QByteArray SigV4Signer::canonicalRequest(const SignableRequest &request, QByteArray *signedHeaders) const
{
    struct Header
    {
        QByteArray name;
        QByteArrayView value;
    };
    std::vector<Header> headers;
    headers.reserve(size_t(request.headers.size()));
    QByteArrayView payloadHash;
    for (const auto &[name, value] : request.headers) {
        headers.push_back({ name.toLower(), value });
        if (headers.back().name == "x-amz-content-sha256")
            payloadHash = value;
    }
    // Stable, so values of a repeated header keep their order when they are joined.
    std::stable_sort(
        headers.begin(), headers.end(), [](const Header &a, const Header &b) { return a.name < b.name; });

    QByteArray out;
    out.reserve(512);
    out += request.method;
    out += '\n';
    out += canonicalUri(request.path, m_options.normalizePath);
    out += '\n';
    out += canonicalQuery(request.query);
    out += '\n';
    signedHeaders->clear();
    for (size_t i = 0; i < headers.size(); ++i) {
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
        out += toHex(sha256(request.body.constData(), request.body.size()));
    else
        out += payloadHash;
    return out;
}

QByteArray SigV4Signer::credentialScope(const QByteArray &date) const
{
    return date.first(8) + '/' + m_region + '/' + m_service + "/aws4_request";
}

QByteArray SigV4Signer::stringToSign(const QByteArray &canonicalRequest, const QDateTime &time) const
{
    const QByteArray date = amzDate(time);
    return "AWS4-HMAC-SHA256\n" + date + '\n' + credentialScope(date) + '\n'
        + toHex(sha256(canonicalRequest.constData(), canonicalRequest.size()));
}

QByteArray SigV4Signer::signature(const QByteArray &stringToSign, const QDateTime &time) const
{
    const QByteArray day = amzDate(time).first(8);
    const Digest dateKey = hmacSha256(reinterpret_cast<const unsigned char *>(m_secret.constData()),
        size_t(m_secret.size()), day.constData(), day.size());
    const Digest regionKey = hmacSha256(dateKey, m_region);
    const Digest serviceKey = hmacSha256(regionKey, m_service);
    const Digest signingKey = hmacSha256(serviceKey, QByteArrayLiteral("aws4_request"));
    return toHex(hmacSha256(signingKey, stringToSign));
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
    return "AWS4-HMAC-SHA256 Credential=" + m_credentials.accessKeyId.toUtf8() + '/' + credentialScope(date)
        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
}

void SigV4Signer::sign(SignableRequest &request, const QDateTime &time) const
{
    addSigningHeaders(request, time);
    QByteArray signedHeaders;
    const QByteArray canonical = canonicalRequest(request, &signedHeaders);
    const QByteArray sig = signature(stringToSign(canonical, time), time);
    request.headers.emplace_back(
        QByteArrayLiteral("Authorization"), authorizationHeader(signedHeaders, sig, amzDate(time)));
}
