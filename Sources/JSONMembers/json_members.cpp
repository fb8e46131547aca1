#include "json_members.h"

#include <deque>
#include <new>
#include <string>
#include <vector>

#include <simdjson.h>

struct ingestd_json_reader {
    simdjson::dom::parser parser;
    std::vector<ingestd_json_member> members;
    /* The dotted keys of nested members; a deque, so that their bytes never move. */
    std::deque<std::string> paths;
    /* For raw members: a padded copy of the last object, which raw values point into. */
    simdjson::ondemand::parser raw_parser;
    simdjson::padded_string raw_copy;
};

/* Objects nested deeper than this are reported as OTHER, not walked. */
static const int max_depth = 8;

static void add_members(ingestd_json_reader *reader, simdjson::dom::object object, const std::string *prefix, int depth) {
    for (auto field : object) {
        ingestd_json_member m{field.key.data(), field.key.size(), INGESTD_JSON_OTHER, nullptr, 0, 0};
        const std::string *path = nullptr;
        if (prefix != nullptr) {
            reader->paths.emplace_back(*prefix + "." + std::string(field.key));
            path = &reader->paths.back();
            m.key = path->data();
            m.key_length = path->size();
        }
        switch (field.value.type()) {
        case simdjson::dom::element_type::STRING: {
            std::string_view s = field.value.get_string().value_unsafe();
            m.kind = INGESTD_JSON_STRING;
            m.text = s.data();
            m.text_length = s.size();
            break;
        }
        case simdjson::dom::element_type::INT64:
            m.kind = INGESTD_JSON_INTEGER;
            m.integer = field.value.get_int64().value_unsafe();
            break;
        case simdjson::dom::element_type::NULL_VALUE:
            m.kind = INGESTD_JSON_NULL;
            break;
        default:
            break;
        }
        reader->members.push_back(m);
        if (field.value.type() == simdjson::dom::element_type::OBJECT && depth < max_depth) {
            if (path == nullptr) {
                reader->paths.emplace_back(field.key);
                path = &reader->paths.back();
            }
            add_members(reader, field.value.get_object().value_unsafe(), path, depth + 1);
        }
    }
}

extern "C" ingestd_json_reader *ingestd_json_reader_create(void) {
    return new (std::nothrow) ingestd_json_reader();
}

extern "C" void ingestd_json_reader_destroy(ingestd_json_reader *reader) { delete reader; }

extern "C" long ingestd_json_object_members(ingestd_json_reader *reader, const char *json, size_t length,
                                            const ingestd_json_member **members, const char **error) {
    simdjson::dom::object object;
    // Copies the bytes into the parser's own padded buffer (reused), so `json` needs no padding.
    auto code = reader->parser.parse(json, length, true).get(object);
    if (code != simdjson::SUCCESS) {
        *error = code == simdjson::INCORRECT_TYPE ? "not a JSON object" : simdjson::error_message(code);
        return -1;
    }
    reader->members.clear();
    reader->paths.clear();
    add_members(reader, object, nullptr, 1);
    *members = reader->members.data();
    return static_cast<long>(reader->members.size());
}

/* A value's bytes as written: objects and arrays whole, scalars as their one token. */
static simdjson::error_code raw_value(simdjson::ondemand::value value, std::string_view &raw) {
    simdjson::ondemand::json_type type;
    if (auto code = value.type().get(type)) return code;
    if (type == simdjson::ondemand::json_type::object) {
        simdjson::ondemand::object o;
        if (auto code = value.get_object().get(o)) return code;
        return o.raw_json().get(raw);
    }
    if (type == simdjson::ondemand::json_type::array) {
        simdjson::ondemand::array a;
        if (auto code = value.get_array().get(a)) return code;
        return a.raw_json().get(raw);
    }
    raw = value.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\n' || raw.back() == '\r')) raw.remove_suffix(1);
    return simdjson::SUCCESS;
}

extern "C" int ingestd_json_raw_member(ingestd_json_reader *reader, const char *json, size_t length, const char *key,
                                       size_t key_length, const char **start, size_t *value_length, const char **error) {
    // The DOM parse validates everything (the on-demand one checks only what it visits).
    simdjson::dom::object object;
    auto code = reader->parser.parse(json, length, true).get(object);
    if (code != simdjson::SUCCESS) {
        *error = code == simdjson::INCORRECT_TYPE ? "not a JSON object" : simdjson::error_message(code);
        return -1;
    }
    reader->raw_copy = simdjson::padded_string(json, length);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object top;
    if (reader->raw_parser.iterate(reader->raw_copy).get(doc) != simdjson::SUCCESS || doc.get_object().get(top) != simdjson::SUCCESS) {
        *error = "not a JSON object";
        return -1;
    }
    std::string_view wanted(key, key_length);
    int found = 0;
    // The last member of that name counts, as for `ingestd_json_object_members`.
    for (auto field : top) {
        std::string_view name;
        if (field.unescaped_key().get(name) != simdjson::SUCCESS) break;
        std::string_view raw;
        simdjson::ondemand::value value;
        if (field.value().get(value) != simdjson::SUCCESS || raw_value(value, raw) != simdjson::SUCCESS) break;
        if (name == wanted) {
            *start = raw.data();
            *value_length = raw.size();
            found = 1;
        }
    }
    return found;
}
