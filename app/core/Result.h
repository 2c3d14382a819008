#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace rmsam {

// What went wrong, in terms the command line maps to exit codes and the GUI to states.
enum class ErrorCode
{
    InvalidInput,
    NotFound,
    Conflict,
    InvalidState,
    TokenMissing,
    TokenRejected,
    TokenLacksRights,
    Unreachable,
    Timeout,
    ServerError,
    ProtocolError,
    KeychainUnavailable,
    KeychainError,
    StorageError,
    // Another Roadmunk SAM process holds what this one needs (the database's write lock, a
    // profile's run lock) for now; trying again later can succeed.
    Busy,
    // The member's team role does not allow it: the client refused, or the database server did.
    NotPermitted,
    InvalidFile,
    Cancelled,
};

// A failure: a translated message for the user (what happened and what to do next) and a
// technical detail for logs and "Details…" boxes. Neither may ever contain a token.
struct Error
{
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
    QString detail;
};

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(Error error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    // By value, so `for (auto& x : f().value())` does not dangle.
    T value() && { return std::get<T>(std::move(m_state)); }
    const Error& error() const { return std::get<Error>(m_state); }
    const Error* failure() const { return ok() ? nullptr : &error(); } // for checking several at once
    T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }
    const Error* failure() const { return ok() ? nullptr : &m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace rmsam
