#ifndef OICP_ETL_CSYSTEM_H
#define OICP_ETL_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int oicp_rename_exchange(const char *from, const char *to);

#endif
