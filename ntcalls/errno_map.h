/* errno_map.h: Linux errno -> NTSTATUS, the ELF side's one translation of errno (errno_map.c). */
#ifndef VINHO_ERRNO_MAP_H
#define VINHO_ERRNO_MAP_H

#include "vinho/ntdefs.h"

/* The NTSTATUS for a Linux errno. An errno with no Windows meaning, or none known here, gives
 * STATUS_UNSUCCESSFUL and a WARN on the ntdll channel, once per errno. Never returns a status
 * for which NT_SUCCESS() is true, except STATUS_ABANDONED for EOWNERDEAD (see errno_map.c). */
NTSTATUS errno_to_status(int err);

/* The table's raw row for err: STATUS_SUCCESS (0) when it has none. For tests and diagnostics. */
NTSTATUS errno_map_entry(int err);

#endif
