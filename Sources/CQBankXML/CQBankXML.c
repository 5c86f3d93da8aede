// Reading documents: the parser, the validator, the refusals. This file and CQBankXMLNodes.c (reading
// elements of a parsed document) are the only ones in qbank that include libxml2's headers.
//
// Debian's libxml2 is built with ICU; its headers then clash with Foundation's own
// ICU module. qbank never uses libxml2's ICU bits, so switch them off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>

#include <limits.h>
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "CQBankXML.h"

// MARK: - Initialisation and the entity loader

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static xmlExternalEntityLoader previous_loader = NULL;
/// Set while this thread reads a bank file: every external resource is refused then.
static __thread int reading_bank = 0;
/// Set while this thread compiles a schema from files: local files load, the network never does.
static __thread int local_only = 0;

static int is_remote(const char *url) {
    if (url == NULL) return 1;
    return strncmp(url, "http:", 5) == 0 || strncmp(url, "https:", 6) == 0 || strncmp(url, "ftp:", 4) == 0;
}

/// Second door behind the DOCTYPE refusal: nothing external is ever loaded while a
/// bank file is read. Other libxml2 users in the process (none today) keep the
/// loader they had.
static xmlParserInputPtr refusing_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    if (local_only) return previous_loader != NULL && !is_remote(url) ? previous_loader(url, id, ctxt) : NULL;
    if (reading_bank || previous_loader == NULL) return NULL;
    return previous_loader(url, id, ctxt);
}

static void init_once_body(void) {
    xmlInitParser();
    previous_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(refusing_loader);
}

void cqbx_init(void) { pthread_once(&init_once, init_once_body); }

/// libxml2 prints to stderr through this per-thread handler unless told otherwise.
static void silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

void cqbx_free(void *pointer) {
    if (pointer != NULL) xmlFree(pointer);
}

static char *dup_string(const char *s) {
    size_t n = strlen(s);
    char *copy = (char *)xmlMalloc(n + 1);
    if (copy != NULL) memcpy(copy, s, n + 1);
    return copy;
}

// MARK: - Schema

struct cqbx_schema { xmlSchemaPtr schema; };

static void collect_first_error(void *ctx, xmlErrorPtr error) {
    char **slot = (char **)ctx;
    if (*slot == NULL && error != NULL && error->message != NULL) *slot = dup_string(error->message);
}

/* Compiles the schema a parser context reads, with libxml2's generic errors silenced and the
   first structured error kept; `guard` (reading_bank or local_only) says what the entity loader
   may fetch while it runs. The context is freed here. */
static cqbx_schema *compile_schema(xmlSchemaParserCtxtPtr pctxt, int *guard, char **error) {
    char *first = NULL;
    void (*old_generic)(void *, const char *, ...) = xmlGenericError;
    void *old_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    *guard = 1;
    xmlSchemaPtr schema = NULL;
    if (pctxt != NULL) {
        xmlSchemaSetParserStructuredErrors(pctxt, collect_first_error, &first);
        schema = xmlSchemaParse(pctxt);
        xmlSchemaFreeParserCtxt(pctxt);
    }
    *guard = 0;
    xmlSetGenericErrorFunc(old_context, old_generic);
    if (schema == NULL) {
        if (error != NULL) *error = first != NULL ? first : dup_string("the schema could not be compiled");
        else cqbx_free(first);
        return NULL;
    }
    cqbx_free(first);
    cqbx_schema *result = (cqbx_schema *)calloc(1, sizeof *result);
    if (result == NULL) { xmlSchemaFree(schema); return NULL; }
    result->schema = schema;
    return result;
}

cqbx_schema *cqbx_schema_compile(const char *xsd, size_t length, char **error) {
    cqbx_init();
    /* The embedded schema: nothing may be loaded while it compiles. */
    return compile_schema(length <= INT_MAX ? xmlSchemaNewMemParserCtxt(xsd, (int)length) : NULL, &reading_bank, error);
}

cqbx_schema *cqbx_schema_compile_file(const char *path, char **error) {
    cqbx_init();
    /* A schema on disk (the QTI XSDs) may include local files, never remote ones. */
    return compile_schema(xmlSchemaNewParserCtxt(path), &local_only, error);
}

void cqbx_schema_free(cqbx_schema *schema) {
    if (schema == NULL) return;
    xmlSchemaFree(schema->schema);
    free(schema);
}

// MARK: - Documents

/// Findings beyond this many are dropped: a hostile file must not grow memory.
#define MAX_ISSUES 1000

struct cqbx_doc {
    xmlDocPtr doc;
    int well_formed;
    int refused;
    int parse_issues;
    cqbx_issue *issues;
    size_t count, capacity;
    const unsigned char *bytes;  // only during cqbx_read
    size_t length;
};

static void add_issue(cqbx_doc *d, int phase, int code, long offset, long line, long column,
                      cqbx_node node, const char *message) {
    if (d->count >= MAX_ISSUES) return;
    if (d->count == d->capacity) {
        size_t capacity = d->capacity ? d->capacity * 2 : 8;
        cqbx_issue *grown = (cqbx_issue *)realloc(d->issues, capacity * sizeof *grown);
        if (grown == NULL) return;
        d->issues = grown;
        d->capacity = capacity;
    }
    cqbx_issue *issue = &d->issues[d->count++];
    issue->phase = phase;
    issue->code = code;
    issue->offset = offset;
    issue->line = line;
    issue->column = column;
    issue->node = node;
    issue->message = dup_string(message != NULL ? message : "");
}

/// Byte offset of the parser's current position in the original input.
static long current_offset(xmlParserCtxtPtr ctxt) {
    if (ctxt->inputNr < 1 || ctxt->inputTab[0] == NULL) return -1;
    xmlParserInputPtr input = ctxt->inputTab[0];
    if (input->cur == NULL || input->base == NULL) return -1;
    return (long)input->consumed + (long)(input->cur - input->base);
}

/// The last `<` at or before `offset`: attribute values cannot contain a raw `<`,
/// so from inside a tag this is the tag's start.
static long tag_start(const cqbx_doc *d, long offset) {
    if (offset < 0 || d->bytes == NULL) return -1;
    if ((size_t)offset >= d->length) offset = (long)d->length - 1;
    for (long i = offset; i >= 0; i--) {
        if (d->bytes[i] == '<') return i;
    }
    return -1;
}

static void on_parse_error(void *user_data, xmlErrorPtr error) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)user_data;
    if (ctxt == NULL || error == NULL || error->level < XML_ERR_ERROR) return;
    cqbx_doc *d = (cqbx_doc *)ctxt->_private;
    if (d == NULL || d->parse_issues > 0) return;  // the first error is the one that matters
    d->parse_issues++;
    long offset = current_offset(ctxt);
    if (error->code == XML_ERR_TAG_NAME_MISMATCH && offset > 0) offset = tag_start(d, offset - 1);
    if (error->code == XML_ERR_UNDECLARED_ENTITY && offset > 0 && d->bytes != NULL) {
        // Point at the `&` of the reference, not past its `;`.
        long at = offset - 1 < (long)d->length ? offset - 1 : (long)d->length - 1;
        while (at > 0 && d->bytes[at] != '&' && offset - at < 256) at--;
        if (d->bytes[at] == '&') offset = at;
    }
    add_issue(d, CQBX_PHASE_PARSE, error->code, offset, error->line, error->int2, NULL, error->message);
}

/// Any DOCTYPE is refused before its internal subset or external DTD is looked at:
/// this is what keeps entity bombs, external entities and network DTDs out.
static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id) {
    (void)name; (void)external_id; (void)system_id;
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    cqbx_doc *d = (cqbx_doc *)ctxt->_private;
    long offset = current_offset(ctxt);
    if (d != NULL) {
        long start = -1;
        for (long i = offset < (long)d->length ? offset : (long)d->length - 1; i >= 0 && d->bytes != NULL; i--) {
            if (d->bytes[i] == '<' && (size_t)i + 2 < d->length && d->bytes[i + 1] == '!') { start = i; break; }
        }
        d->refused = 1;
        if (d->parse_issues == 0) {
            d->parse_issues++;
            add_issue(d, CQBX_PHASE_PARSE, CQBX_REFUSED_DOCTYPE, start, 0, 0, NULL,
                      "DOCTYPE declarations are not allowed in bank files; remove it");
        }
    }
    xmlStopParser(ctxt);
}

static void on_external_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
                               const xmlChar *system_id) {
    (void)ctx; (void)name; (void)external_id; (void)system_id;
}

/// Records where each element's start tag begins, in the node's `_private` slot
/// (libxml2 keeps only line numbers, and only up to 65535 there).
static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                             int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
                             int nb_defaulted, const xmlChar **attributes) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    xmlNodePtr parent = ctxt->node;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                          nb_defaulted, attributes);
    xmlNodePtr node = ctxt->node;
    cqbx_doc *d = (cqbx_doc *)ctxt->_private;
    if (node == NULL || node == parent || d == NULL) return;
    long start = tag_start(d, current_offset(ctxt));
    node->_private = (void *)(intptr_t)(start + 1);
}

static void on_schema_error(void *ctx, xmlErrorPtr error) {
    cqbx_doc *d = (cqbx_doc *)ctx;
    if (error == NULL || error->level < XML_ERR_ERROR) return;
    xmlNodePtr node = (xmlNodePtr)error->node;
    while (node != NULL && node->type != XML_ELEMENT_NODE) node = node->parent;
    long offset = node != NULL ? (long)(intptr_t)node->_private - 1 : -1;
    add_issue(d, CQBX_PHASE_SCHEMA, error->code, offset, error->line, 0, node, error->message);
}

enum {
    PARSE_OPTIONS = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                    XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING,
};

/// The options and handlers every bank read parses with: errors collected, DOCTYPE refused, nothing
/// resolved, each element's start offset recorded.
static void set_up(xmlParserCtxtPtr ctxt, cqbx_doc *d, int options) {
    xmlCtxtUseOptions(ctxt, options);
    ctxt->_private = d;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->externalSubset = on_external_subset;
    ctxt->sax->resolveEntity = NULL;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;
}

static void parse(cqbx_doc *d, const unsigned char *bytes, size_t length, int keep_blanks) {
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt((const char *)bytes, (int)length);
    if (ctxt == NULL) {
        add_issue(d, CQBX_PHASE_PARSE, XML_ERR_NO_MEMORY, 0, 1, 1, NULL, "the parser could not start");
        return;
    }
    set_up(ctxt, d, keep_blanks ? (PARSE_OPTIONS & ~XML_PARSE_NOBLANKS) : PARSE_OPTIONS);

    xmlParseDocument(ctxt);
    d->well_formed = ctxt->wellFormed && ctxt->nsWellFormed && !d->refused && ctxt->myDoc != NULL &&
                     xmlDocGetRootElement(ctxt->myDoc) != NULL;
    if (d->well_formed) {
        d->doc = ctxt->myDoc;
    } else {
        if (ctxt->myDoc != NULL) xmlFreeDoc(ctxt->myDoc);
        if (d->parse_issues == 0) {
            d->parse_issues++;
            add_issue(d, CQBX_PHASE_PARSE, XML_ERR_DOCUMENT_EMPTY, current_offset(ctxt), 0, 0, NULL,
                      "the file has no root element");
        }
    }
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
}

static cqbx_doc *read_document(const unsigned char *bytes, size_t length, const cqbx_schema *schema, int keep_blanks) {
    cqbx_init();
    cqbx_doc *d = (cqbx_doc *)calloc(1, sizeof *d);
    if (d == NULL) return NULL;
    if (length > INT_MAX) {
        add_issue(d, CQBX_PHASE_PARSE, CQBX_TOO_LARGE, 0, 1, 1, NULL, "the file is larger than 2 GB");
        return d;
    }
    d->bytes = bytes;
    d->length = length;
    void (*old_generic)(void *, const char *, ...) = xmlGenericError;
    void *old_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    reading_bank = 1;

    parse(d, bytes, length, keep_blanks);
    if (d->well_formed && schema != NULL) {
        xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema->schema);
        if (vctxt != NULL) {
            xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, d);
            xmlSchemaValidateDoc(vctxt, d->doc);
            xmlSchemaFreeValidCtxt(vctxt);
        }
    }

    reading_bank = 0;
    xmlSetGenericErrorFunc(old_context, old_generic);
    d->bytes = NULL;
    return d;
}

// MARK: - Streaming

/// What a streamed read needs in its SAX callbacks besides the document.
typedef struct {
    cqbx_element_handler handler;
    void *context;
    /// Set on any finding at all: the caller then reads the bytes again the usual way.
    int failed;
    /// Set when the root's end tag is parsed: a parse that stopped early without a word is no success.
    int root_closed;
} stream_state;

/// The streamed read of this thread. Once the validator is plugged in, the parser's own error callback
/// receives the plug's data instead of the parser context, so the state is found here instead.
static __thread stream_state *streaming = NULL;
static __thread xmlParserCtxtPtr streaming_parser = NULL;

/// Any parse error or warning fails the streamed read, and stops it (the usual read will tell it).
static void on_stream_parse_error(void *user_data, xmlErrorPtr error) {
    (void)user_data; (void)error;
    if (streaming != NULL) streaming->failed = 1;
    if (streaming_parser != NULL) xmlStopParser(streaming_parser);
}

static void on_stream_schema_error(void *ctx, xmlErrorPtr error) {
    (void)ctx; (void)error;
    if (streaming != NULL) streaming->failed = 1;
    if (streaming_parser != NULL) xmlStopParser(streaming_parser);
}

/// Builds the tree as usual; when a child of the root is complete, hands it over and frees it.
static void on_stream_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)ctx;
    xmlSAX2EndElementNs(ctx, localname, prefix, uri);
    if (ctxt->nodeNr == 0 && streaming != NULL) streaming->root_closed = 1;
    if (ctxt->nodeNr != 1 || ctxt->node == NULL || streaming == NULL) return;
    xmlNodePtr done = ctxt->node->last;
    if (done == NULL || done->type != XML_ELEMENT_NODE) return;
    if (!streaming->failed) streaming->handler(done, streaming->context);
    xmlUnlinkNode(done);
    xmlFreeNode(done);
}

/// The caller's bytes, handed to the parser a piece at a time.
typedef struct {
    const unsigned char *bytes;
    size_t length, at;
} memory_source;

static int read_memory(void *context, char *buffer, int length) {
    memory_source *source = (memory_source *)context;
    size_t left = source->length - source->at;
    size_t count = length > 0 && left > (size_t)length ? (size_t)length : left;
    memcpy(buffer, source->bytes + source->at, count);
    source->at += count;
    return (int)count;
}

int cqbx_stream(const unsigned char *bytes, size_t length, const cqbx_schema *schema,
                cqbx_element_handler handler, void *context) {
    cqbx_init();
    if (schema == NULL || handler == NULL || length > INT_MAX) return 0;
    cqbx_doc d;
    memset(&d, 0, sizeof d);
    d.bytes = bytes;
    d.length = length;
    stream_state state = {handler, context, 0, 0};
    // Read through a callback rather than as one memory block: libxml2 copies a memory block whole
    // (into a buffer grown by doubling: 67 MB for a 41 MB file) but keeps only a window of a callback's.
    memory_source source = {bytes, length, 0};
    xmlParserCtxtPtr ctxt = xmlCreateIOParserCtxt(NULL, NULL, read_memory, NULL, &source, XML_CHAR_ENCODING_NONE);
    if (ctxt == NULL) return 0;
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema->schema);
    if (vctxt == NULL) { xmlFreeParserCtxt(ctxt); return 0; }
    void (*old_generic)(void *, const char *, ...) = xmlGenericError;
    void *old_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    reading_bank = 1;
    streaming = &state;
    streaming_parser = ctxt;

    // The same options and handlers as `parse`, plus the end-element hook.
    set_up(ctxt, &d, PARSE_OPTIONS);
    ctxt->sax->endElementNs = on_stream_end_element;
    xmlSchemaSetValidStructuredErrors(vctxt, on_stream_schema_error, NULL);
    xmlSchemaSAXPlugPtr plug = xmlSchemaSAXPlug(vctxt, &ctxt->sax, &ctxt->userData);
    int ok = 0;
    if (plug != NULL) {
        // The plug's own handlers: parser errors would reach it with the plug's data, so they go to
        // the streaming handler; CDATA would reach the tree through `ignorableWhitespace` (dropped
        // under NOBLANKS), so it is left to `characters`, as XML_PARSE_NOCDATA means.
        ctxt->sax->serror = on_stream_parse_error;
        ctxt->sax->cdataBlock = NULL;
        xmlParseDocument(ctxt);
        ok = !state.failed && state.root_closed && source.at == source.length && d.count == 0 && !d.refused && ctxt->wellFormed && ctxt->nsWellFormed &&
             ctxt->errNo == XML_ERR_OK && ctxt->myDoc != NULL && xmlDocGetRootElement(ctxt->myDoc) != NULL &&
             xmlSchemaIsValid(vctxt) == 1;
        xmlSchemaSAXUnplug(plug);
    }
    if (ctxt->myDoc != NULL) xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    xmlSchemaFreeValidCtxt(vctxt);
    for (size_t i = 0; i < d.count; i++) cqbx_free((void *)d.issues[i].message);
    free(d.issues);

    streaming = NULL;
    streaming_parser = NULL;
    reading_bank = 0;
    xmlSetGenericErrorFunc(old_context, old_generic);
    return ok && !state.failed;
}

cqbx_doc *cqbx_read(const unsigned char *bytes, size_t length, const cqbx_schema *schema) {
    return read_document(bytes, length, schema, 0);
}

cqbx_doc *cqbx_read_mixed(const unsigned char *bytes, size_t length, const cqbx_schema *schema) {
    return read_document(bytes, length, schema, 1);
}

cqbx_doc *cqbx_read_html(const unsigned char *bytes, size_t length) {
    cqbx_init();
    cqbx_doc *d = (cqbx_doc *)calloc(1, sizeof *d);
    if (d == NULL || length > INT_MAX) return d;
    d->doc = htmlReadMemory((const char *)bytes, (int)length, NULL, "UTF-8",
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    d->well_formed = d->doc != NULL;
    return d;
}

unsigned int cqbx_html_entity(const char *name) {
    const htmlEntityDesc *entity = htmlEntityLookup((const xmlChar *)name);
    return entity != NULL ? entity->value : 0;
}

void cqbx_doc_free(cqbx_doc *d) {
    if (d == NULL) return;
    for (size_t i = 0; i < d->count; i++) cqbx_free((void *)d->issues[i].message);
    free(d->issues);
    if (d->doc != NULL) xmlFreeDoc(d->doc);
    free(d);
}

int cqbx_doc_well_formed(const cqbx_doc *d) { return d != NULL && d->well_formed; }
cqbx_node cqbx_doc_root(const cqbx_doc *d) {
    return d != NULL && d->doc != NULL ? xmlDocGetRootElement(d->doc) : NULL;
}
size_t cqbx_doc_issue_count(const cqbx_doc *d) { return d != NULL ? d->count : 0; }
const cqbx_issue *cqbx_doc_issue(const cqbx_doc *d, size_t index) {
    return d != NULL && index < d->count ? &d->issues[index] : NULL;
}
