#include "http/api_error.hpp"

namespace waymark::http {

api_error::api_error(status code, std::string error, std::optional<std::string> field, const std::string &message)
    : std::runtime_error(message), status_(code), error_(std::move(error)), field_(std::move(field)) {}

api_error bad_request(const std::string &message) {
    return {status::HTTP_BAD_REQUEST, "bad_request", std::nullopt, message};
}

api_error invalid(const std::string &field, const std::string &message) {
    return {status::HTTP_UNPROCESSABLE_ENTITY, "invalid", field, message};
}

api_error not_found(std::optional<std::string> field, const std::string &message) {
    return {status::HTTP_NOT_FOUND, "not_found", std::move(field), message};
}

api_error conflict(std::optional<std::string> field, const std::string &message) {
    return {status::HTTP_CONFLICT, "conflict", std::move(field), message};
}

}  // namespace waymark::http
