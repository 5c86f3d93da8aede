// The part of HiGHS's C API (highs_c_api.h, MIT) that qbank uses, declared by hand:
// the library comes from PyPI's highspy wheel (Scripts/setup.sh), which ships no headers.
// HighsInt is 32-bit in that build (Highs_getSizeofHighsInt() == 4); the adapter checks it.
#ifndef QBANK_CHIGHS_SHIM_H
#define QBANK_CHIGHS_SHIM_H
#include <stdint.h>

typedef int32_t HighsInt;

void *Highs_create(void);
void Highs_destroy(void *highs);
HighsInt Highs_getSizeofHighsInt(const void *highs);
const char *Highs_version(void);
HighsInt Highs_versionMajor(void);
HighsInt Highs_versionMinor(void);
HighsInt Highs_versionPatch(void);

HighsInt Highs_setBoolOptionValue(void *highs, const char *option, const HighsInt value);
HighsInt Highs_setIntOptionValue(void *highs, const char *option, const HighsInt value);
HighsInt Highs_setDoubleOptionValue(void *highs, const char *option, const double value);
HighsInt Highs_setStringOptionValue(void *highs, const char *option, const char *value);

HighsInt Highs_passMip(void *highs, const HighsInt num_col, const HighsInt num_row, const HighsInt num_nz,
                       const HighsInt a_format, const HighsInt sense, const double offset,
                       const double *col_cost, const double *col_lower, const double *col_upper,
                       const double *row_lower, const double *row_upper,
                       const HighsInt *a_start, const HighsInt *a_index, const double *a_value,
                       const HighsInt *integrality);
HighsInt Highs_setSolution(void *highs, const double *col_value, const double *row_value,
                           const double *col_dual, const double *row_dual);
HighsInt Highs_run(void *highs);
HighsInt Highs_getModelStatus(const void *highs);
HighsInt Highs_getSolution(const void *highs, double *col_value, double *col_dual, double *row_value, double *row_dual);
HighsInt Highs_getDoubleInfoValue(const void *highs, const char *info, double *value);
HighsInt Highs_getIntInfoValue(const void *highs, const char *info, HighsInt *value);
HighsInt Highs_getInt64InfoValue(const void *highs, const char *info, int64_t *value);
double Highs_getInfinity(const void *highs);
double Highs_getRunTime(const void *highs);

#endif
