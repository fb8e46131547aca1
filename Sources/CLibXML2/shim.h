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
#endif
