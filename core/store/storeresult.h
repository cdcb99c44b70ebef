#pragma once

#include <QString>
#include <utility>

// What every LocalStore call returns: a value, or a readable message saying why there is none. A store
// error is never swallowed; the caller decides whether to show it, log it or retry.
template<typename T = void>
class [[nodiscard]] StoreResult
{
public:
    StoreResult(T value)
        : m_value(std::move(value))
    { }

    static StoreResult failure(QString message)
    {
        StoreResult result;
        result.m_error = std::move(message);
        result.m_failed = true;
        return result;
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

    // On a temporary result these return the value itself, not a reference into the dying result, so
    // `for (const auto &x : *store.list())` is safe.
    const T &value() const & { return m_value; }
    T value() && { return std::move(m_value); }
    const T &operator*() const & { return m_value; }
    T operator*() && { return std::move(m_value); }
    const T *operator->() const { return &m_value; }
    T valueOr(T fallback) const { return m_failed ? std::move(fallback) : m_value; }

    // The value passed through f, or this failure.
    template<typename F>
    auto map(F f) const -> StoreResult<decltype(f(std::declval<const T &>()))>
    {
        using Mapped = StoreResult<decltype(f(std::declval<const T &>()))>;
        return m_failed ? Mapped::failure(m_error) : Mapped(f(m_value));
    }

private:
    StoreResult() = default;

    T m_value {};
    QString m_error;
    bool m_failed = false;
};

template<>
class [[nodiscard]] StoreResult<void>
{
public:
    StoreResult() = default;

    static StoreResult failure(QString message)
    {
        StoreResult result;
        result.m_error = std::move(message);
        result.m_failed = true;
        return result;
    }

    // Carries a failure of another call on, whatever its value type was.
    template<typename U>
    static StoreResult from(const StoreResult<U> &other)
    {
        return other.ok() ? StoreResult() : failure(other.error());
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};
