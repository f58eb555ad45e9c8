#include "cscan.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline int is_space(uint8_t b, int tab_is_space) { return b == 0x20 || (tab_is_space && b == 0x09); }

/// Writes the bounds of the field from `start` to `end`, trimmed; 0 when `out` is full.
static inline int close_field(const uint8_t *line, long start, long end, long offset, int tab_is_space,
                              int32_t *out, long capacity, long *k, int *text, long *largest) {
    if (*k + 2 > capacity) return 0;
    while (start < end && is_space(line[start], tab_is_space)) start++;
    while (end > start && is_space(line[end - 1], tab_is_space)) end--;
    if (end > start) *text = 1;
    if (end - start > *largest) *largest = end - start;
    out[*k] = (int32_t)(offset + start);
    out[*k + 1] = (int32_t)(offset + end);
    *k += 2;
    return 1;
}

long oicp_split_plain(const uint8_t *line, long length, long offset, uint8_t delimiter, uint8_t quote,
                      int32_t *out, long capacity, int *any_text, int *is_ascii, long *largest_field) {
    const int tab_is_space = delimiter != 0x09;
    long k = 0, start = 0, i = 0, largest = 0;
    int text = 0;
    unsigned high = 0;
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8((char)delimiter);
    const __m128i vq = _mm_set1_epi8((char)quote);
    const __m128i vcr = _mm_set1_epi8(0x0D);
    const __m128i vlf = _mm_set1_epi8(0x0A);
    for (; i + 16 <= length; i += 16) {
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(line + i));
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vq), _mm_cmpeq_epi8(x, vcr)), _mm_cmpeq_epi8(x, vlf));
        if (_mm_movemask_epi8(special) != 0) return OICP_SPLIT_NOT_PLAIN;
        if (_mm_movemask_epi8(x) != 0) high = 0x80;
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd));
        while (m != 0) {
            const long at = i + __builtin_ctz(m);
            if (!close_field(line, start, at, offset, tab_is_space, out, capacity, &k, &text, &largest)) return OICP_SPLIT_FULL;
            start = at + 1;
            m &= m - 1;
        }
    }
#endif
    for (; i < length; i++) {
        const uint8_t b = line[i];
        if (b == quote || b == 0x0D || b == 0x0A) return OICP_SPLIT_NOT_PLAIN;
        high |= b;
        if (b == delimiter) {
            if (!close_field(line, start, i, offset, tab_is_space, out, capacity, &k, &text, &largest)) return OICP_SPLIT_FULL;
            start = i + 1;
        }
    }
    if (!close_field(line, start, length, offset, tab_is_space, out, capacity, &k, &text, &largest)) return OICP_SPLIT_FULL;
    *any_text = text;
    *is_ascii = (high & 0x80) == 0;
    *largest_field = largest;
    return k;
}
