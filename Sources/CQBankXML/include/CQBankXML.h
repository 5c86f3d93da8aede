#ifndef CQBANKXML_H
#define CQBANKXML_H

// The C door to libxml2 for qbank. This header never mentions libxml2 types:
// Debian's libxml2 headers pull in ICU, which clashes with Foundation's ICU module
// when Swift imports both. Nodes and documents are opaque handles.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled XSD, shared read-only by every thread.
typedef struct cqbx_schema cqbx_schema;
/// A parsed (and possibly validated) document with its findings.
typedef struct cqbx_doc cqbx_doc;
/// An element of a document; valid as long as its document.
typedef const void *cqbx_node;

/// Where a finding comes from.
enum {
    CQBX_PHASE_PARSE = 0,   ///< not well-formed, not UTF-8, DOCTYPE, too deep, ...
    CQBX_PHASE_SCHEMA = 1,  ///< XSD validation
};

/// One finding of the parser or the validator. `message` is libxml2's text, or
/// qbank's own for refusals (`code` < 0).
typedef struct cqbx_issue {
    int phase;
    int code;
    /// Byte offset in the input of the problem, -1 when unknown.
    long offset;
    /// libxml2's line and column, 0 when unknown.
    long line;
    long column;
    /// The element the finding is about (schema findings), or NULL.
    cqbx_node node;
    const char *message;
} cqbx_issue;

/// qbank's own refusal codes (negative so they never collide with libxml2's).
enum {
    CQBX_REFUSED_DOCTYPE = -1,
    CQBX_TOO_LARGE = -2,
};

/// Initialises libxml2 once (idempotent, thread-safe) and installs the entity
/// loader that refuses every external resource while qbank reads a bank file.
void cqbx_init(void);

/// Compiles an XSD held in memory. On failure returns NULL and, if `error` is not
/// NULL, a message to free with `cqbx_free`.
cqbx_schema *cqbx_schema_compile(const char *xsd, size_t length, char **error);
void cqbx_schema_free(cqbx_schema *schema);

/// Compiles an XSD from a file, resolving its `xs:import`/`xs:include` against local
/// files only: any http/https/ftp location is refused, so third-party schemas (QTI,
/// IMS CP) compile offline or not at all.
cqbx_schema *cqbx_schema_compile_file(const char *path, char **error);

/// Parses `bytes` safely (no network, no entities, no DOCTYPE) and, when it is
/// well-formed and `schema` is not NULL, validates it. Never returns NULL except
/// when out of memory.
cqbx_doc *cqbx_read(const unsigned char *bytes, size_t length, const cqbx_schema *schema);
void cqbx_doc_free(cqbx_doc *doc);

/// Called by `cqbx_stream` with each child element of the root as soon as its end tag is parsed;
/// the element (and its subtree) is freed when the call returns.
typedef void (*cqbx_element_handler)(cqbx_node element, void *context);

/// Parses and validates `bytes` like `cqbx_read` (same parser, options and refusals) in one pass,
/// the schema checking each element as it is parsed, and hands every child element of the root to
/// `handler` once it is complete, then frees it: the whole tree never exists at once. Returns 1 when
/// the document is well-formed, valid and nothing at all was reported; 0 otherwise (a parse or schema
/// finding, a refusal, no root, no memory), after which the caller discards what `handler` built and
/// reads the bytes again with `cqbx_read`, whose findings are the ones to report.
int cqbx_stream(const unsigned char *bytes, size_t length, const cqbx_schema *schema,
                cqbx_element_handler handler, void *context);

/// Like `cqbx_read`, with the same refusals, but keeps white-space-only text so
/// mixed content (HTML inside QTI or Moodle text) keeps the spaces between words.
cqbx_doc *cqbx_read_mixed(const unsigned char *bytes, size_t length, const cqbx_schema *schema);

/// Parses an HTML fragment with libxml2's HTML parser (lenient, as browsers are; no network):
/// the root is `html`, the fragment's nodes are under `body` (or `head`). Never NULL except out of memory.
cqbx_doc *cqbx_read_html(const unsigned char *bytes, size_t length);

/// The code point of an HTML named entity (without `&` and `;`), or 0 when libxml2 does not know it.
unsigned int cqbx_html_entity(const char *name);

/// True when the document is well-formed and has a root element.
int cqbx_doc_well_formed(const cqbx_doc *doc);
cqbx_node cqbx_doc_root(const cqbx_doc *doc);
size_t cqbx_doc_issue_count(const cqbx_doc *doc);
const cqbx_issue *cqbx_doc_issue(const cqbx_doc *doc, size_t index);

/// First element child, next element sibling, parent element (NULL at the ends).
cqbx_node cqbx_first_element(cqbx_node node);
cqbx_node cqbx_next_element(cqbx_node node);
cqbx_node cqbx_parent_element(cqbx_node node);
/// Unlinks an element from its document and frees it with its subtree: a reader that has built
/// what it needs from an element gives its memory back before the next one is built.
void cqbx_free_element(cqbx_node node);
/// Local name of an element (UTF-8, owned by the document).
const char *cqbx_name(cqbx_node node);
/// Namespace URI of an element, or NULL.
const char *cqbx_namespace(cqbx_node node);
/// Byte offset of the element's `<` in the input, -1 when unknown.
long cqbx_offset(cqbx_node node);
/// libxml2's line number of the element (big lines supported).
long cqbx_line(cqbx_node node);

/// Value of an attribute without namespace, or NULL when absent. When `*owned` is
/// set to 1, free the result with `cqbx_free`; otherwise it belongs to the document.
const char *cqbx_attribute(cqbx_node node, const char *name, int *owned);
/// The text content of an element (text and CDATA children), same ownership rule.
const char *cqbx_text(cqbx_node node, int *owned);

/// Every child node in document order, elements and text alike (NULL at the end).
cqbx_node cqbx_first_child(cqbx_node node);
cqbx_node cqbx_next_sibling(cqbx_node node);
/// The kind of a node.
enum { CQBX_NODE_ELEMENT = 1, CQBX_NODE_TEXT = 3, CQBX_NODE_OTHER = 0 };
int cqbx_node_kind(cqbx_node node);
/// The characters of a text or CDATA node (owned by the document), "" otherwise.
const char *cqbx_node_content(cqbx_node node);
/// The element's attributes in document order: name, namespace (or NULL) and value.
size_t cqbx_attribute_count(cqbx_node node);
const char *cqbx_attribute_name_at(cqbx_node node, size_t index);
const char *cqbx_attribute_namespace_at(cqbx_node node, size_t index);
/// Same ownership rule as `cqbx_attribute`.
const char *cqbx_attribute_value_at(cqbx_node node, size_t index, int *owned);

/// Frees a string libxml2 allocated (xmlFree is a global function pointer that
/// Swift 6 refuses to touch).
void cqbx_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
