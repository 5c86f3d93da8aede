// Reading the elements of a document CQBankXML.c parsed: names, attributes, text, siblings. With that
// file, the only one in qbank that includes libxml2's headers.
//
// Debian's libxml2 is built with ICU; its headers then clash with Foundation's own
// ICU module. qbank never uses libxml2's ICU bits, so switch them off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/globals.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "CQBankXML.h"

// MARK: - Nodes

static cqbx_node element_from(xmlNodePtr node) {
    while (node != NULL && node->type != XML_ELEMENT_NODE) node = node->next;
    return node;
}

cqbx_node cqbx_first_element(cqbx_node node) {
    return node != NULL ? element_from(((xmlNodePtr)node)->children) : NULL;
}

void cqbx_free_element(cqbx_node node) {
    if (node == NULL) return;
    xmlUnlinkNode((xmlNodePtr)node);
    xmlFreeNode((xmlNodePtr)node);
}

cqbx_node cqbx_next_element(cqbx_node node) {
    return node != NULL ? element_from(((xmlNodePtr)node)->next) : NULL;
}

cqbx_node cqbx_parent_element(cqbx_node node) {
    if (node == NULL) return NULL;
    xmlNodePtr parent = ((xmlNodePtr)node)->parent;
    return parent != NULL && parent->type == XML_ELEMENT_NODE ? parent : NULL;
}

const char *cqbx_name(cqbx_node node) {
    return node != NULL ? (const char *)((xmlNodePtr)node)->name : "";
}

const char *cqbx_namespace(cqbx_node node) {
    xmlNodePtr n = (xmlNodePtr)node;
    return n != NULL && n->ns != NULL ? (const char *)n->ns->href : NULL;
}

long cqbx_offset(cqbx_node node) {
    return node != NULL ? (long)(intptr_t)((xmlNodePtr)node)->_private - 1 : -1;
}

long cqbx_line(cqbx_node node) { return node != NULL ? xmlGetLineNo((xmlNodePtr)node) : 0; }

const char *cqbx_attribute(cqbx_node node, const char *name, int *owned) {
    *owned = 0;
    if (node == NULL) return NULL;
    for (xmlAttrPtr attr = ((xmlNodePtr)node)->properties; attr != NULL; attr = attr->next) {
        if (attr->ns != NULL || strcmp((const char *)attr->name, name) != 0) continue;
        xmlNodePtr value = attr->children;
        if (value == NULL) return "";
        if (value->next == NULL && value->type == XML_TEXT_NODE)
            return value->content != NULL ? (const char *)value->content : "";
        xmlChar *joined = xmlNodeListGetString(((xmlNodePtr)node)->doc, value, 1);
        if (joined == NULL) return "";
        *owned = 1;
        return (const char *)joined;
    }
    return NULL;
}

const char *cqbx_text(cqbx_node node, int *owned) {
    *owned = 0;
    if (node == NULL) return "";
    xmlNodePtr first = ((xmlNodePtr)node)->children;
    if (first == NULL) return "";
    int is_text = first->type == XML_TEXT_NODE || first->type == XML_CDATA_SECTION_NODE;
    if (first->next == NULL && is_text) return first->content != NULL ? (const char *)first->content : "";
    // Text split by comments or CDATA: join the text pieces, nothing else.
    size_t total = 0;
    for (xmlNodePtr c = first; c != NULL; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
            total += strlen((const char *)c->content);
    }
    char *joined = (char *)xmlMalloc(total + 1);
    if (joined == NULL) return "";
    size_t at = 0;
    for (xmlNodePtr c = first; c != NULL; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL) {
            size_t n = strlen((const char *)c->content);
            memcpy(joined + at, c->content, n);
            at += n;
        }
    }
    joined[at] = 0;
    *owned = 1;
    return joined;
}

// MARK: - Mixed content and attributes

cqbx_node cqbx_first_child(cqbx_node node) { return node != NULL ? ((xmlNodePtr)node)->children : NULL; }
cqbx_node cqbx_next_sibling(cqbx_node node) { return node != NULL ? ((xmlNodePtr)node)->next : NULL; }

int cqbx_node_kind(cqbx_node node) {
    if (node == NULL) return CQBX_NODE_OTHER;
    switch (((xmlNodePtr)node)->type) {
    case XML_ELEMENT_NODE: return CQBX_NODE_ELEMENT;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: return CQBX_NODE_TEXT;
    default: return CQBX_NODE_OTHER;
    }
}

const char *cqbx_node_content(cqbx_node node) {
    if (cqbx_node_kind(node) != CQBX_NODE_TEXT) return "";
    const xmlChar *content = ((xmlNodePtr)node)->content;
    return content != NULL ? (const char *)content : "";
}

static xmlAttrPtr attribute_at(cqbx_node node, size_t index) {
    if (node == NULL || ((xmlNodePtr)node)->type != XML_ELEMENT_NODE) return NULL;
    xmlAttrPtr attr = ((xmlNodePtr)node)->properties;
    for (size_t i = 0; attr != NULL && i < index; i++) attr = attr->next;
    return attr;
}

size_t cqbx_attribute_count(cqbx_node node) {
    size_t count = 0;
    for (xmlAttrPtr attr = attribute_at(node, 0); attr != NULL; attr = attr->next) count++;
    return count;
}

const char *cqbx_attribute_name_at(cqbx_node node, size_t index) {
    xmlAttrPtr attr = attribute_at(node, index);
    return attr != NULL ? (const char *)attr->name : "";
}

const char *cqbx_attribute_namespace_at(cqbx_node node, size_t index) {
    xmlAttrPtr attr = attribute_at(node, index);
    return attr != NULL && attr->ns != NULL ? (const char *)attr->ns->href : NULL;
}

const char *cqbx_attribute_value_at(cqbx_node node, size_t index, int *owned) {
    *owned = 0;
    xmlAttrPtr attr = attribute_at(node, index);
    if (attr == NULL || attr->children == NULL) return "";
    xmlNodePtr value = attr->children;
    if (value->next == NULL && value->type == XML_TEXT_NODE) return value->content != NULL ? (const char *)value->content : "";
    xmlChar *joined = xmlNodeListGetString(((xmlNodePtr)node)->doc, value, 1);
    if (joined == NULL) return "";
    *owned = 1;
    return (const char *)joined;
}
