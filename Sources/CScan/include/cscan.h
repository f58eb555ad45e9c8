#ifndef OICP_ETL_CSCAN_H
#define OICP_ETL_CSCAN_H

#include <stdint.h>

/// Results of `oicp_split_plain` other than a count of bounds.
enum {
    /// A quote, carriage return or line feed in the line: it is not plain.
    OICP_SPLIT_NOT_PLAIN = -1,
    /// More fields than `out` holds.
    OICP_SPLIT_FULL = -2,
};

/// Splits one CSV line without its line break (`length` bytes at `line`) that holds no quote,
/// carriage return or line feed, sixty-four and then sixteen bytes at a time where the processor
/// allows (SSE2; the last bytes of a line of sixteen or more as the sixteen that end it).
///
/// Field i lies at `out[2 i] ..< out[2 i + 1]`, counted from `offset`, with spaces (and tabs,
/// unless the delimiter is a tab) trimmed at both ends. Returns the number of bounds written
/// (two per field) or one of the negative results above. On success `*any_text` says whether
/// a field has text after trimming, `*is_ascii` whether every byte is below 0x80, and
/// `*largest_field` the length of the longest field after trimming.
long oicp_split_plain(const uint8_t *line, long length, long offset, uint8_t delimiter, uint8_t quote,
                      int32_t *out, long capacity, int *any_text, int *is_ascii, long *largest_field);

#endif
