// zlib, for reading zip entries without trusting the archive library's loops (issue #12).
#include <zlib.h>
