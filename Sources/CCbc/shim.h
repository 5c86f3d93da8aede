// COIN-OR CBC's C interface (Debian's coinor-libcbc-dev; pkg-config "cbc" gives -I/usr/include/coin and the libraries).
#include <Cbc_C_Interface.h>
// Clp (COIN-OR's LP solver, under CBC): pure LPs go to it directly.
#include <Clp_C_Interface.h>
