#define _GNU_SOURCE
#include "csystem.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

/// jemalloc's options, read at its start by the program that links it (oicp-etl; other programs
/// linking this module use another allocator and ignore the name). Freed pages are kept for
/// reuse rather than given back to the system on a timer: a conversion's memory is mostly the
/// same few megabytes freed and taken again (batches, records), and giving them back made the
/// kernel zero them and map them again — at 4M rows 0.7 s of system time, 13 % of the wall
/// time; the peak resident memory is the same within 4 MB (docs/performance.md).
const char *malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1";

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int oicp_rename_exchange(const char *from, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int oicp_start_writeback(int fd, long long offset, long long length) {
#if defined(__linux__)
    return sync_file_range(fd, (off64_t)offset, (off64_t)length, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd; (void)offset; (void)length;
    errno = ENOSYS;
    return -1;
#endif
}

int oicp_open_direct(const char *path, int flags, int mode) {
#if defined(__linux__) && defined(O_DIRECT)
    return open(path, flags | O_DIRECT, mode);
#else
    (void)path; (void)flags; (void)mode;
    errno = ENOSYS;
    return -1;
#endif
}

int oicp_set_direct(int fd, int on) {
#if defined(__linux__) && defined(O_DIRECT)
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    return fcntl(fd, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT));
#else
    (void)fd;
    if (!on) return 0;
    errno = ENOSYS;
    return -1;
#endif
}
