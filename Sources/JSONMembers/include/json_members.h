#ifndef INGESTD_JSON_MEMBERS_H
#define INGESTD_JSON_MEMBERS_H
/*
 * The members of one JSON object, parsed by simdjson (the whole document is validated,
 * UTF-8 included, before any member is reported): the top-level ones, then, after each
 * member that is an object, its own members under dotted keys ("meta.id"), to a depth of
 * 8. A C API, so that Swift can use it without C++ interoperability.
 */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    INGESTD_JSON_STRING,  /* `text` holds the unescaped UTF-8 */
    INGESTD_JSON_INTEGER, /* `integer` holds the value (it fits an int64_t) */
    INGESTD_JSON_NULL,
    INGESTD_JSON_OTHER    /* a number that is not an int64, a boolean, an array or an object */
} ingestd_json_kind;

typedef struct {
    const char *key;
    size_t key_length;
    ingestd_json_kind kind;
    const char *text;
    size_t text_length;
    int64_t integer;
} ingestd_json_member;

typedef struct ingestd_json_reader ingestd_json_reader;

/* A reader reuses its buffers from one object to the next; NULL when out of memory. */
ingestd_json_reader *ingestd_json_reader_create(void);
void ingestd_json_reader_destroy(ingestd_json_reader *reader);

/*
 * Parses `length` bytes as one JSON object. Returns the number of members (>= 0), their
 * array in `*members`, valid until the next call on this reader; or -1 when the bytes are
 * not a JSON object, with the reason in `*error` (a static string).
 */
long ingestd_json_object_members(ingestd_json_reader *reader, const char *json, size_t length,
                                 const ingestd_json_member **members, const char **error);

/*
 * The bytes of the top-level member `key` exactly as they stand in `json` (an object, a
 * string with its quotes, a number as written), after the whole document has been
 * validated. Returns 1 and sets `*start` (into the reader's copy, valid until the next
 * call) and `*value_length`; 0 when the object has no such member; -1 when the bytes are
 * not a JSON object, with the reason in `*error`.
 */
int ingestd_json_raw_member(ingestd_json_reader *reader, const char *json, size_t length, const char *key,
                            size_t key_length, const char **start, size_t *value_length, const char **error);

#ifdef __cplusplus
}
#endif
#endif
