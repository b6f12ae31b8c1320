/* errno_map.c: Linux errno -> NTSTATUS, one table indexed by errno (see docs/errors.md). */
#include <errno.h>
#include <string.h>

#include "vinho/ntdefs.h"
#include "vinho/debug.h"
#include "ntcalls/errno_map.h"

DEFAULT_DEBUG_CHANNEL(ntdll);

/*
 * An errno that Linux defines but that means nothing on Windows: System V IPC, STREAMS, XENIX
 * names, the ISDN-era codes no current kernel path returns. They get the generic failure on
 * purpose, and errno_to_status() still WARNs, because reaching one is worth knowing about.
 */
#define NO_NT_MEANING STATUS_UNSUCCESSFUL

/*
 * Rows are in errno order; every errno Linux defines (1..EHWPOISON; 41 and 58 are unused) has
 * one. A row tagged XXX is lossy: the status is the closest Windows has, and a caller that knows
 * the context (non-blocking I/O, locks, sockets) should translate that errno itself first.
 */
static const NTSTATUS errno_table[] = {
    /* XXX: EPERM is "not permitted by policy" (immutable file, unlinking a directory,
     * CAP_* missing); Windows says access denied for all of these. */
    [EPERM]           = STATUS_ACCESS_DENIED,
    [ENOENT]          = STATUS_OBJECT_NAME_NOT_FOUND,
    [ESRCH]           = STATUS_INVALID_CID,
    /* XXX: EINTR is retried where it can happen; one that escapes says exactly "retry". */
    [EINTR]           = STATUS_RETRY,
    [EIO]             = STATUS_IO_DEVICE_ERROR,
    [ENXIO]           = STATUS_NO_SUCH_DEVICE,
    /* XXX: argument list or value too big (execve, setxattr); Windows has no such status. */
    [E2BIG]           = STATUS_INVALID_PARAMETER,
    [ENOEXEC]         = STATUS_INVALID_IMAGE_FORMAT,
    [EBADF]           = STATUS_INVALID_HANDLE,
    /* XXX: waiting for a process that is not a child; the closest is a bad client id. */
    [ECHILD]          = STATUS_INVALID_CID,
    /* XXX: EAGAIN is also "would block"; callers doing non-blocking I/O or locking turn that
     * into STATUS_PENDING, STATUS_PIPE_EMPTY or STATUS_LOCK_NOT_GRANTED themselves. What is left
     * is a resource limit (clone, mmap, mlock, RLIMIT_NPROC). */
    [EAGAIN]          = STATUS_INSUFFICIENT_RESOURCES,
    [ENOMEM]          = STATUS_NO_MEMORY,
    [EACCES]          = STATUS_ACCESS_DENIED,
    /* The kernel could not read or write the caller's buffer: what NT says when a probe fails. */
    [EFAULT]          = STATUS_ACCESS_VIOLATION,
    /* XXX: "block device required" (mount); Windows has no block-device notion for this. */
    [ENOTBLK]         = STATUS_INVALID_DEVICE_REQUEST,
    [EBUSY]           = STATUS_DEVICE_BUSY,
    [EEXIST]          = STATUS_OBJECT_NAME_COLLISION,
    [EXDEV]           = STATUS_NOT_SAME_DEVICE,
    [ENODEV]          = STATUS_NO_SUCH_DEVICE,
    /* A path component is not a directory: Windows says path not found. A caller that opened
     * with FILE_DIRECTORY_FILE wants STATUS_NOT_A_DIRECTORY and says so itself. */
    [ENOTDIR]         = STATUS_OBJECT_PATH_NOT_FOUND,
    [EISDIR]          = STATUS_FILE_IS_A_DIRECTORY,
    [EINVAL]          = STATUS_INVALID_PARAMETER,
    [ENFILE]          = STATUS_TOO_MANY_OPENED_FILES,
    [EMFILE]          = STATUS_TOO_MANY_OPENED_FILES,
    [ENOTTY]          = STATUS_INVALID_DEVICE_REQUEST,
    [ETXTBSY]         = STATUS_SHARING_VIOLATION,
    /* EFBIG: the file would pass the file system's (or RLIMIT_FSIZE's) size limit. That is
     * STATUS_FILE_TOO_LARGE, not DISK_FULL: the disk may have room, and a program that reacts to
     * a full disk by freeing space would loop. */
    [EFBIG]           = STATUS_FILE_TOO_LARGE,
    [ENOSPC]          = STATUS_DISK_FULL,
    /* XXX: seeking or positioned I/O on a pipe; Windows rejects an offset there as a bad
     * parameter. */
    [ESPIPE]          = STATUS_INVALID_PARAMETER,
    [EROFS]           = STATUS_MEDIA_WRITE_PROTECTED,
    [EMLINK]          = STATUS_TOO_MANY_LINKS,
    [EPIPE]           = STATUS_PIPE_BROKEN,
    /* XXX: a math-library domain error; no system call returns it. */
    [EDOM]            = STATUS_INVALID_PARAMETER,
    /* From system calls ERANGE means "result does not fit the buffer" (getcwd, getxattr). */
    [ERANGE]          = STATUS_BUFFER_TOO_SMALL,
    [EDEADLK]         = STATUS_POSSIBLE_DEADLOCK,
    [ENAMETOOLONG]    = STATUS_NAME_TOO_LONG,
    /* XXX: out of lock records (or no lock manager on NFS); the lock was not granted. */
    [ENOLCK]          = STATUS_LOCK_NOT_GRANTED,
    [ENOSYS]          = STATUS_NOT_IMPLEMENTED,
    [ENOTEMPTY]       = STATUS_DIRECTORY_NOT_EMPTY,
    /* Too many levels of symbolic links: Windows' reparse-point limit gives this status. */
    [ELOOP]           = STATUS_REPARSE_POINT_NOT_RESOLVED,
    /* 41 is unused (EWOULDBLOCK is EAGAIN). */
    [ENOMSG]          = NO_NT_MEANING,  /* XXX: System V message queues */
    [EIDRM]           = NO_NT_MEANING,  /* XXX: System V IPC identifier removed */
    [ECHRNG]          = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [EL2NSYNC]        = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [EL3HLT]          = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [EL3RST]          = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [ELNRNG]          = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [EUNATCH]         = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [ENOCSI]          = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [EL2HLT]          = NO_NT_MEANING,  /* XXX: legacy, unused by Linux */
    [EBADE]           = NO_NT_MEANING,  /* XXX: ISDN "invalid exchange" */
    [EBADR]           = NO_NT_MEANING,  /* XXX: ISDN "invalid request descriptor" */
    [EXFULL]          = NO_NT_MEANING,  /* XXX: ISDN "exchange full" */
    [ENOANO]          = NO_NT_MEANING,  /* XXX: ISDN "no anode" */
    [EBADRQC]         = NO_NT_MEANING,  /* XXX: ISDN "invalid request code" */
    [EBADSLT]         = NO_NT_MEANING,  /* XXX: ISDN "invalid slot" */
    /* 58 is unused (EDEADLOCK is EDEADLK). */
    [EBFONT]          = NO_NT_MEANING,  /* XXX: bad font file format, unused */
    [ENOSTR]          = NO_NT_MEANING,  /* XXX: STREAMS */
    /* XXX: ENODATA is mostly getxattr's "no such attribute"; an EA caller says
     * STATUS_NONEXISTENT_EA_ENTRY itself. */
    [ENODATA]         = STATUS_NOT_FOUND,
    [ETIME]           = STATUS_IO_TIMEOUT,
    [ENOSR]           = NO_NT_MEANING,  /* XXX: STREAMS */
    [ENONET]          = STATUS_NETWORK_UNREACHABLE,     /* XXX: "machine is not on the network" */
    [ENOPKG]          = STATUS_NOT_SUPPORTED,   /* XXX: kernel module (e.g. crypto) missing */
    [EREMOTE]         = NO_NT_MEANING,  /* XXX: "object is remote", unused */
    [ENOLINK]         = STATUS_CONNECTION_DISCONNECTED, /* XXX: "link has been severed" */
    [EADV]            = NO_NT_MEANING,  /* XXX: RFS, unused */
    [ESRMNT]          = NO_NT_MEANING,  /* XXX: RFS, unused */
    [ECOMM]           = STATUS_UNEXPECTED_NETWORK_ERROR, /* XXX: "communication error on send" */
    [EPROTO]          = STATUS_DEVICE_PROTOCOL_ERROR,   /* XXX: device or transport protocol */
    [EMULTIHOP]       = NO_NT_MEANING,  /* XXX: RFS, unused */
    [EDOTDOT]         = NO_NT_MEANING,  /* XXX: RFS, unused */
    /* File systems report checksum failures as EBADMSG: corrupt data, as STATUS_DATA_ERROR. */
    [EBADMSG]         = STATUS_DATA_ERROR,
    /* XXX: a value does not fit its type (32-bit offsets); the caller's request was bad. */
    [EOVERFLOW]       = STATUS_INVALID_PARAMETER,
    [ENOTUNIQ]        = STATUS_DUPLICATE_NAME,
    [EBADFD]          = STATUS_INVALID_HANDLE,
    [EREMCHG]         = NO_NT_MEANING,  /* XXX: "remote address changed", unused */
    [ELIBACC]         = STATUS_DLL_NOT_FOUND,   /* execve: the ELF interpreter is missing */
    [ELIBBAD]         = STATUS_INVALID_IMAGE_FORMAT,    /* execve: bad ELF interpreter */
    [ELIBSCN]         = STATUS_INVALID_IMAGE_FORMAT,    /* XXX: a.out .lib section */
    [ELIBMAX]         = NO_NT_MEANING,  /* XXX: a.out shared libraries, unused */
    [ELIBEXEC]        = STATUS_INVALID_IMAGE_FORMAT,    /* XXX: a.out, unused */
    /* EILSEQ from a file system: the name is not valid in its encoding. */
    [EILSEQ]          = STATUS_OBJECT_NAME_INVALID,
    /* XXX: kernel-internal restart; should never reach user space. */
    [ERESTART]        = STATUS_RETRY,
    [ESTRPIPE]        = NO_NT_MEANING,  /* XXX: STREAMS pipe (ALSA suspend) */
    [EUSERS]          = NO_NT_MEANING,  /* XXX: "too many users", unused */
    [ENOTSOCK]        = STATUS_OBJECT_TYPE_MISMATCH,
    [EDESTADDRREQ]    = STATUS_INVALID_PARAMETER,       /* XXX: no destination given */
    [EMSGSIZE]        = STATUS_INVALID_BUFFER_SIZE,
    [EPROTOTYPE]      = STATUS_NOT_SUPPORTED,   /* XXX: protocol wrong for socket type */
    [ENOPROTOOPT]     = STATUS_NOT_SUPPORTED,   /* XXX: unknown socket option */
    [EPROTONOSUPPORT] = STATUS_NOT_SUPPORTED,
    [ESOCKTNOSUPPORT] = STATUS_NOT_SUPPORTED,
    [EOPNOTSUPP]      = STATUS_NOT_SUPPORTED,
    [EPFNOSUPPORT]    = STATUS_NOT_SUPPORTED,
    [EAFNOSUPPORT]    = STATUS_NOT_SUPPORTED,
    [EADDRINUSE]      = STATUS_ADDRESS_ALREADY_EXISTS,
    [EADDRNOTAVAIL]   = STATUS_INVALID_ADDRESS_COMPONENT,
    [ENETDOWN]        = STATUS_NETWORK_UNREACHABLE,     /* XXX: NT has no "network down" */
    [ENETUNREACH]     = STATUS_NETWORK_UNREACHABLE,
    [ENETRESET]       = STATUS_CONNECTION_RESET,
    [ECONNABORTED]    = STATUS_CONNECTION_ABORTED,
    [ECONNRESET]      = STATUS_CONNECTION_RESET,
    [ENOBUFS]         = STATUS_INSUFFICIENT_RESOURCES,
    [EISCONN]         = STATUS_CONNECTION_ACTIVE,
    [ENOTCONN]        = STATUS_INVALID_CONNECTION,
    [ESHUTDOWN]       = STATUS_PIPE_DISCONNECTED,       /* XXX: send after shutdown */
    [ETOOMANYREFS]    = STATUS_INSUFFICIENT_RESOURCES,  /* XXX: SCM_RIGHTS nesting limit */
    [ETIMEDOUT]       = STATUS_IO_TIMEOUT,
    [ECONNREFUSED]    = STATUS_CONNECTION_REFUSED,
    [EHOSTDOWN]       = STATUS_HOST_UNREACHABLE,        /* XXX: NT has no "host down" */
    [EHOSTUNREACH]    = STATUS_HOST_UNREACHABLE,
    /* XXX: EALREADY and EINPROGRESS come from non-blocking connect(), whose caller maps them
     * (STATUS_PENDING); anywhere else, "an operation is already under way" is busy. */
    [EALREADY]        = STATUS_DEVICE_BUSY,
    [EINPROGRESS]     = STATUS_DEVICE_BUSY,
    /* A stale NFS handle: the file changed under us, Windows' "file is no longer valid". */
    [ESTALE]          = STATUS_FILE_INVALID,
    /* "Structure needs cleaning": the file system found corruption (EFSCORRUPTED). */
    [EUCLEAN]         = STATUS_FILE_CORRUPT_ERROR,
    [ENOTNAM]         = NO_NT_MEANING,  /* XXX: XENIX named files */
    [ENAVAIL]         = NO_NT_MEANING,  /* XXX: XENIX semaphores */
    [EISNAM]          = NO_NT_MEANING,  /* XXX: XENIX named files */
    [EREMOTEIO]       = STATUS_IO_DEVICE_ERROR,         /* XXX: remote I/O error */
    /* XXX: over the disk quota. Windows programs know "disk full" and nothing finer. */
    [EDQUOT]          = STATUS_DISK_FULL,
    [ENOMEDIUM]       = STATUS_NO_MEDIA_IN_DEVICE,
    [EMEDIUMTYPE]     = STATUS_UNRECOGNIZED_MEDIA,
    [ECANCELED]       = STATUS_CANCELLED,
    /* fscrypt: the file's key is not loaded. Windows' EFS says no user keys. */
    [ENOKEY]          = STATUS_NO_USER_KEYS,
    [EKEYEXPIRED]     = STATUS_ACCESS_DENIED,   /* XXX: keyring key refused */
    [EKEYREVOKED]     = STATUS_ACCESS_DENIED,   /* XXX: keyring key refused */
    [EKEYREJECTED]    = STATUS_ACCESS_DENIED,   /* XXX: keyring key refused */
    /* A robust mutex whose owner died: the caller now owns it, which NT reports with the
     * success code STATUS_ABANDONED (STATUS_ABANDONED_WAIT_0). */
    [EOWNERDEAD]      = STATUS_ABANDONED,
    /* XXX: a robust mutex left inconsistent; only a vinho bug gets here. */
    [ENOTRECOVERABLE] = STATUS_INTERNAL_ERROR,
    [ERFKILL]         = STATUS_DEVICE_NOT_READY,        /* XXX: radio switched off */
    [EHWPOISON]       = STATUS_IO_DEVICE_ERROR,         /* XXX: memory page has a hardware error */
};

#define ERRNO_TABLE_SIZE (sizeof(errno_table) / sizeof(errno_table[0]))

/*
 * Linux has added no errno since EHWPOISON (2.6.32). If one appears, these fail; the unit test
 * also asks the C library for names above EHWPOISON, so a new errno breaks `make check` even
 * when its number does not move EHWPOISON.
 */
_Static_assert(EHWPOISON == 133, "Linux errno numbering changed: review ntcalls/errno_map.c");
_Static_assert(ERRNO_TABLE_SIZE == EHWPOISON + 1, "errno_table must end at EHWPOISON");

NTSTATUS errno_map_entry(int err)
{
    if (err <= 0 || (size_t)err >= ERRNO_TABLE_SIZE)
        return STATUS_SUCCESS;
    return errno_table[err];
}

NTSTATUS errno_to_status(int err)
{
    /* One flag per errno, plus one for everything outside the table. */
    static unsigned char warned[ERRNO_TABLE_SIZE + 1];
    NTSTATUS status = errno_map_entry(err);
    size_t slot;

    if (status != STATUS_SUCCESS && status != NO_NT_MEANING)
        return status;

    slot = (err > 0 && (size_t)err < ERRNO_TABLE_SIZE) ? (size_t)err : ERRNO_TABLE_SIZE;
    if (vinho_dbg_on(__vinho_dbch, DBL_WARN)
        && !__atomic_exchange_n(&warned[slot], 1, __ATOMIC_RELAXED)) {
        const char *name = strerrorname_np(err);
        WARN("errno %d (%s) has no NTSTATUS equivalent, using STATUS_UNSUCCESSFUL\n",
             err, name ? name : "unknown");
    }
    return STATUS_UNSUCCESSFUL;
}
