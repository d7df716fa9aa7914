// OpenBLAS exposes CBLAS through cblas.h; its LAPACK routines are exported
// under their Fortran names with no C header on Debian (lapacke.h is not
// installed). Fortran ABI: every argument by pointer, column-major storage,
// INTEGER is 32-bit, and each CHARACTER argument adds a hidden trailing
// `size_t` length argument (always 1 here).
#ifndef CLAPACK_SHIM_H
#define CLAPACK_SHIM_H

#include <stddef.h>
#include <cblas.h>

/// Least squares / minimum norm by QR or LQ (full-rank A).
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs,
            double *a, const int *lda, double *b, const int *ldb,
            double *work, const int *lwork, int *info, size_t trans_len);

/// QR with column pivoting, used to measure numerical rank.
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);

/// Cholesky factorisation of a symmetric positive-definite matrix.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len);

/// Solve with a Cholesky factor from dpotrf_.
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a,
             const int *lda, double *b, const int *ldb, int *info, size_t uplo_len);

/// Inverse from a Cholesky factor from dpotrf_.
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len);

#endif
