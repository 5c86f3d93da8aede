// Debian's libxml2 is built with ICU; its headers then clash with Foundation's own
// ICU module. qbank never uses libxml2's ICU bits, so switch them off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
