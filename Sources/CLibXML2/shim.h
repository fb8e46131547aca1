#ifndef INGESTD_CLIBXML2_SHIM_H
#define INGESTD_CLIBXML2_SHIM_H
/* libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set, and that ICU
   clashes with Foundation's ("'UErrorCode' has different definitions"). We never call
   libxml2's ICU API, so the flag is dropped before the parser headers are read. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <string.h>

/* xmlFree is a global function-pointer variable, which Swift 6 treats as shared mutable
   state; this wrapper is the one call site. */
static inline void ingestd_xml_free(void *p) { xmlFree(p); }

/* Streams an HTML page as events instead of building a tree: libxml2's HTML tokenizer with
   its implied-element and auto-close rules, but none of the tree building and freeing that
   cost more than the tokenizing. `context` is passed back to every callback; script and style
   bodies arrive through `text` too. Returns 0, or -1 when no parser could be made. */
typedef struct {
    void *context;
    startElementSAXFunc start;
    endElementSAXFunc end;
    charactersSAXFunc text;
    /* Set to the parser while it runs, so a callback can stop it (xmlStopParser). */
    void *parser;
} ingestd_html_events;

static inline int ingestd_html_stream(const char *buffer, int size, const char *encoding, int options,
                                      ingestd_html_events *events) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL || ctxt->sax == NULL) { if (ctxt) htmlFreeParserCtxt(ctxt); return -1; }
    events->parser = ctxt;
    memset(ctxt->sax, 0, sizeof(htmlSAXHandler));
    ctxt->sax->startElement = events->start;
    ctxt->sax->endElement = events->end;
    ctxt->sax->characters = events->text;
    ctxt->sax->cdataBlock = events->text;
    ctxt->sax->ignorableWhitespace = events->text;
    ctxt->userData = events->context;
    htmlCtxtUseOptions(ctxt, options);
    if (encoding != NULL) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler != NULL) xmlSwitchToEncoding(ctxt, handler);
    }
    htmlParseDocument(ctxt);
    events->parser = NULL;
    htmlFreeParserCtxt(ctxt);
    return 0;
}
#endif
