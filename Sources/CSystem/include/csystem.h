#ifndef OICP_ETL_CSYSTEM_H
#define OICP_ETL_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int oicp_rename_exchange(const char *from, const char *to);

/// Starts writing a file's dirty pages in [offset, offset + length) to disk without waiting
/// for it (Linux sync_file_range with SYNC_FILE_RANGE_WRITE), so that a later fsync finds
/// little left to do. Returns 0, or -1 with errno set (ENOSYS where unsupported); a failure
/// loses nothing: fsync still writes everything.
int oicp_start_writeback(int fd, long long offset, long long length);

/// Opens a file for writing that bypasses the page cache (Linux O_DIRECT added to `flags`):
/// writes then go from the caller's buffer to the disk, which must be aligned (see FileSink).
/// Returns the descriptor, or -1 with errno set (EINVAL where the file system cannot, such as
/// tmpfs; ENOSYS where the system has no such mode).
int oicp_open_direct(const char *path, int flags, int mode);

/// Turns O_DIRECT on or off for an open descriptor. Returns 0, or -1 with errno set.
int oicp_set_direct(int fd, int on);

/// Asks the processor to fetch the cache line at `address` ahead of a read (a hint: never faults).
static inline void oicp_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
