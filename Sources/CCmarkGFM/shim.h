// cmark-gfm, the CommonMark parser GitHub uses, with its GFM extensions (tables).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
