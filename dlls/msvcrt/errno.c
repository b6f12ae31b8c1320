/* errno.c: per-thread errno and _doserrno, the Win32 error -> errno table, strerror. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

static DWORD tls_index = TLS_OUT_OF_INDEXES;
/* Used only when a thread's data cannot be allocated (msvcrt would end the process with
 * _amsg_exit(_RT_THREAD); we keep going with shared storage and say so). */
static struct thread_data fallback_data = { .rand_seed = 1 };

bool msvcrt_init_tls(void)
{
    tls_index = TlsAlloc();
    if (tls_index == TLS_OUT_OF_INDEXES) {
        ERR("TlsAlloc failed (%lu)\n", GetLastError());
        return false;
    }
    return true;
}

void msvcrt_free_tls(void)
{
    if (tls_index != TLS_OUT_OF_INDEXES)
        TlsFree(tls_index);
    tls_index = TLS_OUT_OF_INDEXES;
}

/* The calling thread's data, allocated on first use. Preserves the Win32 last error, since
 * errno is often read right after a call whose GetLastError the program will also look at. */
struct thread_data *msvcrt_thread_data(void)
{
    DWORD saved = GetLastError();
    struct thread_data *data;

    if (tls_index == TLS_OUT_OF_INDEXES)
        return &fallback_data;
    data = TlsGetValue(tls_index);
    if (!data) {
        data = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*data));
        if (!data || !TlsSetValue(tls_index, data)) {
            ERR("cannot allocate the thread's CRT data; using shared storage\n");
            if (data)
                HeapFree(GetProcessHeap(), 0, data);
            data = &fallback_data;
        } else {
            data->rand_seed = 1;
        }
    }
    SetLastError(saved);
    return data;
}

void msvcrt_free_thread_data(void)
{
    struct thread_data *data;

    if (tls_index == TLS_OUT_OF_INDEXES)
        return;
    data = TlsGetValue(tls_index);
    if (data && data != &fallback_data)
        HeapFree(GetProcessHeap(), 0, data);
    TlsSetValue(tls_index, NULL);
}

/*********************************************************************
 *      _errno (MSVCRT.@)
 */
int *__cdecl _errno(void)
{
    return &msvcrt_thread_data()->errno_value;
}

/*********************************************************************
 *      __doserrno (MSVCRT.@)
 */
unsigned long *__cdecl __doserrno(void)
{
    return &msvcrt_thread_data()->doserrno_value;
}

/*********************************************************************
 *      _get_errno / _set_errno / _get_doserrno / _set_doserrno (MSVCRT.@)
 *
 * The calling thread's errno and _doserrno. A NULL pointer goes to the invalid-parameter
 * handler and returns EINVAL (the pages of _get_errno and _get_doserrno).
 */
errno_t __cdecl _get_errno(int *value)
{
    CRT_CHECK(!crt_null(value), EINVAL, EINVAL);
    *value = errno;
    return 0;
}

errno_t __cdecl _set_errno(int value)
{
    errno = value;
    return 0;
}

errno_t __cdecl _get_doserrno(unsigned long *value)
{
    CRT_CHECK(!crt_null(value), EINVAL, EINVAL);
    *value = *__doserrno();
    return 0;
}

errno_t __cdecl _set_doserrno(unsigned long value)
{
    *__doserrno() = value;
    return 0;
}

/* Win32 error -> errno, the mapping msvcrt applies after a failed Win32 call. Errors not listed
 * map to EINVAL, except the two ranges handled in msvcrt_dosmaperr. */
static const struct { unsigned short win32; unsigned char err; } dos_errors[] = {
    { ERROR_INVALID_FUNCTION, EINVAL },
    { ERROR_FILE_NOT_FOUND, ENOENT },
    { ERROR_PATH_NOT_FOUND, ENOENT },
    { ERROR_TOO_MANY_OPEN_FILES, EMFILE },
    { ERROR_ACCESS_DENIED, EACCES },
    { ERROR_INVALID_HANDLE, EBADF },
    { ERROR_ARENA_TRASHED, ENOMEM },
    { ERROR_NOT_ENOUGH_MEMORY, ENOMEM },
    { ERROR_INVALID_BLOCK, ENOMEM },
    { ERROR_BAD_ENVIRONMENT, E2BIG },
    { ERROR_BAD_FORMAT, ENOEXEC },
    { ERROR_INVALID_ACCESS, EINVAL },
    { ERROR_INVALID_DATA, EINVAL },
    { ERROR_INVALID_DRIVE, ENOENT },
    { ERROR_CURRENT_DIRECTORY, EACCES },
    { ERROR_NOT_SAME_DEVICE, EXDEV },
    { ERROR_NO_MORE_FILES, ENOENT },
    { ERROR_LOCK_VIOLATION, EACCES },
    { ERROR_BAD_NETPATH, ENOENT },
    { ERROR_NETWORK_ACCESS_DENIED, EACCES },
    { ERROR_BAD_NET_NAME, ENOENT },
    { ERROR_FILE_EXISTS, EEXIST },
    { ERROR_CANNOT_MAKE, EACCES },
    { ERROR_FAIL_I24, EACCES },
    { ERROR_INVALID_PARAMETER, EINVAL },
    { ERROR_NO_PROC_SLOTS, EAGAIN },
    { ERROR_DRIVE_LOCKED, EACCES },
    { ERROR_BROKEN_PIPE, EPIPE },
    { ERROR_DISK_FULL, ENOSPC },
    { ERROR_INVALID_TARGET_HANDLE, EBADF },
    { ERROR_WAIT_NO_CHILDREN, ECHILD },
    { ERROR_CHILD_NOT_COMPLETE, ECHILD },
    { ERROR_DIRECT_ACCESS_HANDLE, EBADF },
    { ERROR_NEGATIVE_SEEK, EINVAL },
    { ERROR_SEEK_ON_DEVICE, EACCES },
    { ERROR_DIR_NOT_EMPTY, ENOTEMPTY },
    { ERROR_NOT_LOCKED, EACCES },
    { ERROR_BAD_PATHNAME, ENOENT },
    { ERROR_MAX_THRDS_REACHED, EAGAIN },
    { ERROR_LOCK_FAILED, EACCES },
    { ERROR_ALREADY_EXISTS, EEXIST },
    { ERROR_FILENAME_EXCED_RANGE, ENOENT },
    { ERROR_NESTING_NOT_ALLOWED, EAGAIN },
    { ERROR_NOT_ENOUGH_QUOTA, ENOMEM },
};

static int dos_to_errno(DWORD winerr)
{
    for (size_t i = 0; i < ARRAYSIZE(dos_errors); i++)
        if (dos_errors[i].win32 == winerr)
            return dos_errors[i].err;
    if (winerr >= ERROR_WRITE_PROTECT && winerr <= ERROR_SHARING_BUFFER_EXCEEDED)
        return EACCES;
    if (winerr >= ERROR_INVALID_STARTING_CODESEG && winerr <= ERROR_INFLOOP_IN_RELOC_CHAIN)
        return ENOEXEC;
    return EINVAL;
}

void msvcrt_dosmaperr(DWORD winerr)
{
    struct thread_data *data = msvcrt_thread_data();
    data->doserrno_value = winerr;
    data->errno_value = dos_to_errno(winerr);
}

/* msvcrt's messages, indexed by errno; exported as data (programs index _sys_errlist[]). */
char *_sys_errlist[MSVCRT_NERR + 1] = {
    [0] = "No error",
    [EPERM] = "Operation not permitted",
    [ENOENT] = "No such file or directory",
    [ESRCH] = "No such process",
    [EINTR] = "Interrupted function call",
    [EIO] = "Input/output error",
    [ENXIO] = "No such device or address",
    [E2BIG] = "Arg list too long",
    [ENOEXEC] = "Exec format error",
    [EBADF] = "Bad file descriptor",
    [ECHILD] = "No child processes",
    [EAGAIN] = "Resource temporarily unavailable",
    [ENOMEM] = "Not enough space",
    [EACCES] = "Permission denied",
    [EFAULT] = "Bad address",
    [15] = "Unknown error",
    [EBUSY] = "Resource device",
    [EEXIST] = "File exists",
    [EXDEV] = "Improper link",
    [ENODEV] = "No such device",
    [ENOTDIR] = "Not a directory",
    [EISDIR] = "Is a directory",
    [EINVAL] = "Invalid argument",
    [ENFILE] = "Too many open files in system",
    [EMFILE] = "Too many open files",
    [ENOTTY] = "Inappropriate I/O control operation",
    [26] = "Unknown error",
    [EFBIG] = "File too large",
    [ENOSPC] = "No space left on device",
    [ESPIPE] = "Invalid seek",
    [EROFS] = "Read-only file system",
    [EMLINK] = "Too many links",
    [EPIPE] = "Broken pipe",
    [EDOM] = "Domain error",
    [ERANGE] = "Result too large",
    [35] = "Unknown error",
    [EDEADLK] = "Resource deadlock avoided",
    [37] = "Unknown error",
    [ENAMETOOLONG] = "Filename too long",
    [ENOLCK] = "No locks available",
    [ENOSYS] = "Function not implemented",
    [ENOTEMPTY] = "Directory not empty",
    [EILSEQ] = "Illegal byte sequence",
    [MSVCRT_NERR] = "Unknown error",
};

int _sys_nerr = MSVCRT_NERR;

static const char *errno_message(int err)
{
    if (err < 0 || err > MSVCRT_NERR)
        err = MSVCRT_NERR;
    return _sys_errlist[err];
}

/*********************************************************************
 *      strerror (MSVCRT.@)
 *
 * Returns a per-thread copy, as msvcrt does: callers may write to it.
 */
char *__cdecl strerror(int err)
{
    struct thread_data *data = msvcrt_thread_data();
    const char *msg = errno_message(err);
    size_t len = strlen(msg);

    if (len >= sizeof(data->strerror_buf))
        len = sizeof(data->strerror_buf) - 1;
    memcpy(data->strerror_buf, msg, len);
    data->strerror_buf[len] = 0;
    return data->strerror_buf;
}

/*********************************************************************
 *      perror (MSVCRT.@)
 *
 * "prefix: message\n" straight to fd 2 (not through the stderr stream), as msvcrt does.
 */
void __cdecl perror(const char *prefix)
{
    const char *msg = errno_message(errno);

    msvcrt_fd_lock(2);
    if (prefix && *prefix) {
        msvcrt_write_nolock(2, prefix, strlen(prefix));
        msvcrt_write_nolock(2, ": ", 2);
    }
    msvcrt_write_nolock(2, msg, strlen(msg));
    msvcrt_write_nolock(2, "\n", 1);
    msvcrt_fd_unlock(2);
}
