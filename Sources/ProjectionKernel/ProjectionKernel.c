#include "ProjectionKernel.h"

#if defined(__x86_64__)
#include <immintrin.h>

bool projection_kernel_has_avx(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx");
}

__attribute__((target("avx")))
void projection_kernel_year_avx(double *latent, const ptrdiff_t *component_start, ptrdiff_t component_count,
                                const double *move, double bottom, double top, double lowest, double unit,
                                double inverse, double top_index, double *sums) {
    const __m256d lo = _mm256_set1_pd(bottom), hi = _mm256_set1_pd(top);
    const __m256d first_level = _mm256_set1_pd(lowest), step = _mm256_set1_pd(unit);
    const __m256d per_unit = _mm256_set1_pd(inverse), half = _mm256_set1_pd(0.5);
    const __m256d highest = _mm256_set1_pd(top_index);
    for (ptrdiff_t k = 0; k < component_count; k++) {
        const __m256d m = _mm256_loadu_pd(move + 4 * k);
        __m256d sum = _mm256_setzero_pd();
        for (ptrdiff_t j = component_start[k]; j < component_start[k + 1]; j++) {
            // min(max(latent + move, bottom), top): maxpd(a, b) is a > b ? a : b, minpd(a, b) is
            // a < b ? a : b — the Swift lanes' selects.
            __m256d y = _mm256_min_pd(_mm256_max_pd(_mm256_add_pd(_mm256_loadu_pd(latent + 4 * j), m), lo), hi);
            _mm256_storeu_pd(latent + 4 * j, y);
            // The level index min(⌊(y − lowest) · inverse + 0.5⌋, top index), then the level.
            __m256d v = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(y, first_level), per_unit), half);
            __m256d index = _mm256_min_pd(_mm256_floor_pd(v), highest);
            sum = _mm256_add_pd(sum, _mm256_add_pd(first_level, _mm256_mul_pd(step, index)));
        }
        _mm256_storeu_pd(sums + 4 * k, sum);
    }
}

#else

bool projection_kernel_has_avx(void) { return false; }

void projection_kernel_year_avx(double *latent, const ptrdiff_t *component_start, ptrdiff_t component_count,
                                const double *move, double bottom, double top, double lowest, double unit,
                                double inverse, double top_index, double *sums) {
    (void)latent; (void)component_start; (void)component_count; (void)move; (void)bottom; (void)top;
    (void)lowest; (void)unit; (void)inverse; (void)top_index; (void)sums;
    __builtin_trap();  // never called: projection_kernel_has_avx() is false here
}

#endif
