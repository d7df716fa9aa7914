#ifndef PROJECTION_KERNEL_H
#define PROJECTION_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

/// The integer projection's element step for four draws at once in one 256-bit AVX register,
/// for CPUs that have AVX (the Swift build targets SSE2, where the same four lanes take two
/// instructions each). Bit for bit the Swift lanes' arithmetic: IEEE add, multiply, divide,
/// min, max and floor give the same doubles at any vector width, and nothing is fused
/// (the kernel is compiled for AVX without FMA).

/// Whether this CPU (and its operating system) runs AVX instructions.
bool projection_kernel_has_avx(void);

/// One projected year of one district, four draws in lanes.
///
/// - latent: 4 doubles per element slot (components' slots contiguous), moved in place.
/// - component_start: component k's slots are [component_start[k], component_start[k + 1]).
/// - move: 4 doubles per component, this year's move of every latent in it.
/// - bottom, top: the latent's bounds; lowest, unit: the scale's first level and spacing;
///   inverse = 1 / unit; top_index: the highest level's index.
/// - sums: 4 doubles per component, written: the sum of its elements' ratings (the caller
///   divides by the element count for the score; IEEE division gives the same double anywhere).
void projection_kernel_year_avx(double *latent, const ptrdiff_t *component_start, ptrdiff_t component_count,
                                const double *move, double bottom, double top, double lowest, double unit,
                                double inverse, double top_index, double *sums);

#endif
