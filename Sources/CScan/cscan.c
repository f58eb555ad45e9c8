#include "cscan.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Whether `b` is trimmed from the ends of a field: a space, or a tab unless tabs delimit.
static inline int is_space(uint8_t b, int tab_is_space) { return b == 0x20 || (tab_is_space && b == 0x09); }

/// One field's bounds, trimmed. Most fields start and end with a byte above 0x20, which is
/// tested first; only then are spaces looked for. `CLOSE_FIELD_UNCHECKED` is for a field whose
/// room in `out` was made sure of before (a block's delimiters counted at once).
#define CLOSE_FIELD(end_)                                                                      \
    do {                                                                                       \
        if (k + 2 > capacity) return OICP_SPLIT_FULL;                                          \
        CLOSE_FIELD_UNCHECKED(end_);                                                           \
    } while (0)

#define CLOSE_FIELD_UNCHECKED(end_)                                                            \
    do {                                                                                       \
        long a = start, b = (end_);                                                            \
        if (a < b && (line[a] <= 0x20 || line[b - 1] <= 0x20)) {                               \
            while (a < b && is_space(line[a], tab_is_space)) a++;                              \
            while (b > a && is_space(line[b - 1], tab_is_space)) b--;                          \
        }                                                                                      \
        text |= b > a;                                                                         \
        if (b - a > largest) largest = b - a;                                                  \
        out[k] = (int32_t)(offset + a);                                                        \
        out[k + 1] = (int32_t)(offset + b);                                                    \
        k += 2;                                                                                \
    } while (0)

#if defined(__SSE2__)
/// The bytes of `x` that make a line not plain (the quote, a carriage return, a line feed), as a
/// 16-bit mask.
static inline unsigned not_plain_mask(__m128i x, __m128i vq) {
    const __m128i s = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vq), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x0D))),
                                   _mm_cmpeq_epi8(x, _mm_set1_epi8(0x0A)));
    return (unsigned)_mm_movemask_epi8(s);
}
#endif

long oicp_split_plain(const uint8_t *line, long length, long offset, uint8_t delimiter, uint8_t quote,
                      int32_t *out, long capacity, int *any_text, int *is_ascii, long *largest_field) {
    const int tab_is_space = delimiter != 0x09;
    long k = 0, start = 0, i = 0, largest = 0;
    int text = 0;
    unsigned high = 0;
#if defined(__SSE2__)
    const __m128i vd = _mm_set1_epi8((char)delimiter);
    const __m128i vq = _mm_set1_epi8((char)quote);
    // 64 bytes at a time: the delimiters, the bytes that make a line not plain and the bytes
    // above 0x7F each gathered into one 64-bit mask.
    for (; i + 64 <= length; i += 64) {
        uint64_t delims = 0, special = 0, upper = 0;
        for (int j = 0; j < 4; j++) {
            const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(line + i + 16 * j));
            special |= (uint64_t)not_plain_mask(x, vq) << (16 * j);
            upper |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << (16 * j);
            delims |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd)) << (16 * j);
        }
        if (special != 0) return OICP_SPLIT_NOT_PLAIN;
        if (upper != 0) high = 0x80;
        if (k + 2 * (long)__builtin_popcountll(delims) > capacity) return OICP_SPLIT_FULL;
        while (delims != 0) {
            const long at = i + __builtin_ctzll(delims);
            CLOSE_FIELD_UNCHECKED(at);
            start = at + 1;
            delims &= delims - 1;
        }
    }
    for (; i + 16 <= length; i += 16) {
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(line + i));
        if (not_plain_mask(x, vq) != 0) return OICP_SPLIT_NOT_PLAIN;
        if (_mm_movemask_epi8(x) != 0) high = 0x80;
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd));
        while (m != 0) {
            const long at = i + __builtin_ctz(m);
            CLOSE_FIELD(at);
            start = at + 1;
            m &= m - 1;
        }
    }
    if (i < length && length >= 16) {
        // The last bytes (fewer than sixteen): the sixteen that end the line, those looked at
        // already masked off, instead of one byte at a time.
        const long base = length - 16;
        const unsigned fresh = (0xFFFFu << (unsigned)(i - base)) & 0xFFFFu;
        const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(line + base));
        if ((not_plain_mask(x, vq) & fresh) != 0) return OICP_SPLIT_NOT_PLAIN;
        if (((unsigned)_mm_movemask_epi8(x) & fresh) != 0) high = 0x80;
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, vd)) & fresh;
        while (m != 0) {
            const long at = base + __builtin_ctz(m);
            CLOSE_FIELD(at);
            start = at + 1;
            m &= m - 1;
        }
        i = length;
    }
#endif
    for (; i < length; i++) {
        const uint8_t b = line[i];
        if (b == quote || b == 0x0D || b == 0x0A) return OICP_SPLIT_NOT_PLAIN;
        high |= b;
        if (b == delimiter) {
            CLOSE_FIELD(i);
            start = i + 1;
        }
    }
    CLOSE_FIELD(length);
    *any_text = text;
    *is_ascii = (high & 0x80) == 0;
    *largest_field = largest;
    return k;
}
