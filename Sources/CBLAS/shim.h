#ifndef DUIJIE_CBLAS_SHIM_H
#define DUIJIE_CBLAS_SHIM_H
// The C interfaces Duijie's vector code calls: BLAS through cblas.h (OpenBLAS) and LAPACK
// through lapacke.h. Only DuijieVectors imports this module.
#include <cblas.h>
#include <lapacke.h>

// lapack_int is a macro, which Swift does not import; this typedef carries it over.
typedef lapack_int duijie_lapack_int;
#endif
