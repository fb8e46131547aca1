#ifndef INGESTD_CMODEST_SHIM_H
#define INGESTD_CMODEST_SHIM_H
/* MyHTML (Debian's libmodest): an HTML5 parser that builds the tree by the WHATWG
   tree-construction rules (implied end tags, scopes, the adoption agency, foster parenting),
   so broken markup nests the way browsers nest it. This shim parses a page and walks the
   tree once, handing each element, end and text run to callbacks, in document order. */
#include <myhtml/api.h>
#include <myencoding/encoding.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    void *context;
    /* `attributes`: NULL, or name/value pairs ending in NULL; every string NUL-terminated. */
    void (*start)(void *context, const unsigned char *name, const unsigned char **attributes);
    void (*end)(void *context, const unsigned char *name);
    void (*text)(void *context, const unsigned char *bytes, int length);
    /* Set non-zero from a callback to stop the walk. */
    int stop;
} ingestd_html5_events;

/* One MyHTML instance per thread: it holds only configuration, and trees are per parse. */
static inline myhtml_t *ingestd_html5_instance(void) {
    static __thread myhtml_t *instance = NULL;
    if (instance == NULL) {
        myhtml_t *made = myhtml_create();
        if (made == NULL) return NULL;
        if (myhtml_init(made, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != MyHTML_STATUS_OK) {
            myhtml_destroy(made);
            return NULL;
        }
        instance = made;
    }
    return instance;
}

/* Pairs of NUL-terminated attribute names and values, in a buffer reused across elements. */
typedef struct {
    const unsigned char **pointers;
    size_t pointerCapacity;
    unsigned char *bytes;
    size_t byteCapacity;
} ingestd_html5_scratch;

static inline int ingestd_html5_attributes(myhtml_tree_node_t *node, ingestd_html5_scratch *s) {
    size_t count = 0, bytes = 0;
    for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(node); a; a = myhtml_attribute_next(a)) {
        size_t kl = 0, vl = 0;
        myhtml_attribute_key(a, &kl);
        myhtml_attribute_value(a, &vl);
        count += 1;
        bytes += kl + vl + 2;
    }
    if (count == 0) return 0;
    if (2 * count + 1 > s->pointerCapacity) {
        size_t capacity = 2 * count + 1;
        const unsigned char **grown = realloc(s->pointers, capacity * sizeof(*grown));
        if (grown == NULL) return -1;
        s->pointers = grown;
        s->pointerCapacity = capacity;
    }
    if (bytes > s->byteCapacity) {
        unsigned char *grown = realloc(s->bytes, bytes);
        if (grown == NULL) return -1;
        s->bytes = grown;
        s->byteCapacity = bytes;
    }
    size_t p = 0, b = 0;
    for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(node); a; a = myhtml_attribute_next(a)) {
        size_t kl = 0, vl = 0;
        const char *key = myhtml_attribute_key(a, &kl);
        const char *value = myhtml_attribute_value(a, &vl);
        if (kl) memcpy(s->bytes + b, key, kl);
        s->bytes[b + kl] = 0;
        s->pointers[p++] = s->bytes + b;
        b += kl + 1;
        if (vl) memcpy(s->bytes + b, value, vl);
        s->bytes[b + vl] = 0;
        s->pointers[p++] = s->bytes + b;
        b += vl + 1;
    }
    s->pointers[p] = NULL;
    return 1;
}

/* Parses `buffer` in `encoding` (a WHATWG label; unknown labels read as UTF-8) and walks the
   tree without recursion, so depth costs no stack. Comments, doctypes and <template>
   contents are not reported. Returns 0, or -1 when the parser could not be made or memory ran out. */
static inline int ingestd_html5_stream(const char *buffer, size_t size, const char *encoding,
                                       ingestd_html5_events *events) {
    myhtml_t *instance = ingestd_html5_instance();
    if (instance == NULL) return -1;
    myencoding_t charset = MyENCODING_UTF_8;
    if (encoding == NULL || !myencoding_by_name(encoding, strlen(encoding), &charset)) charset = MyENCODING_UTF_8;
    myhtml_tree_t *tree = myhtml_tree_create();
    if (tree == NULL) return -1;
    if (myhtml_tree_init(tree, instance) != MyHTML_STATUS_OK) { myhtml_tree_destroy(tree); return -1; }
    int status = 0;
    if (myhtml_parse(tree, charset, buffer, size) != MyHTML_STATUS_OK) status = -1;
    ingestd_html5_scratch scratch = {0};
    myhtml_tree_node_t *root = myhtml_tree_get_document(tree);
    myhtml_tree_node_t *node = status == 0 && root ? myhtml_node_child(root) : NULL;
    while (node != NULL && !events->stop) {
        myhtml_tag_id_t tag = myhtml_node_tag_id(node);
        int descend = 0;
        if (tag == MyHTML_TAG__TEXT) {
            size_t length = 0;
            const char *text = myhtml_node_text(node, &length);
            if (text && length) events->text(events->context, (const unsigned char *)text, (int)length);
        } else if (tag != MyHTML_TAG__COMMENT && tag != MyHTML_TAG__DOCTYPE && tag != MyHTML_TAG__UNDEF) {
            const char *name = myhtml_tag_name_by_id(tree, tag, NULL);
            int has = ingestd_html5_attributes(node, &scratch);
            if (has < 0) { status = -1; break; }
            events->start(events->context, (const unsigned char *)name, has ? scratch.pointers : NULL);
            if (tag != MyHTML_TAG_TEMPLATE && myhtml_node_child(node)) {
                descend = 1;
            } else {
                events->end(events->context, (const unsigned char *)name);
            }
        }
        if (descend) { node = myhtml_node_child(node); continue; }
        /* Climb until a next sibling, closing each element left on the way up. */
        while (node != NULL && myhtml_node_next(node) == NULL) {
            node = myhtml_node_parent(node);
            if (node == NULL || node == root) { node = NULL; break; }
            events->end(events->context, (const unsigned char *)myhtml_tag_name_by_id(tree, myhtml_node_tag_id(node), NULL));
        }
        if (node != NULL) node = myhtml_node_next(node);
    }
    free(scratch.pointers);
    free(scratch.bytes);
    myhtml_tree_destroy(tree);
    return status;
}
#endif
