/* lowio.c: the low-level fd table over Win32 handles: _open, _read, _write (text mode
 * translation lives here), _lseek, _close, _setmode and the handle conversions. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

#define CTRL_Z 0x1a

static struct ioinfo fd_table[MSVCRT_MAX_FILES];

static void fd_init_lock(struct ioinfo *info)
{
    if (!info->lock_ready) {
        InitializeCriticalSection(&info->lock);
        info->lock_ready = true;
    }
}

/* FD_DEV / FD_PIPE from the handle's type; false if the handle is not usable. */
static bool handle_type_flags(HANDLE handle, unsigned char *flags)
{
    DWORD type;

    SetLastError(NO_ERROR);
    type = GetFileType(handle);
    if (type == FILE_TYPE_UNKNOWN && GetLastError() != NO_ERROR)
        return false;
    if (type == FILE_TYPE_CHAR)
        *flags |= FD_DEV;
    else if (type == FILE_TYPE_PIPE)
        *flags |= FD_PIPE;
    return true;
}

/* fds 0, 1, 2 are the standard handles, in text mode. A missing standard handle leaves its
 * fd closed, so writes to it fail with EBADF. */
void msvcrt_init_fds(void)
{
    static const DWORD std_ids[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };

    for (int fd = 0; fd < 3; fd++) {
        struct ioinfo *info = &fd_table[fd];
        HANDLE handle = GetStdHandle(std_ids[fd]);
        unsigned char flags = FD_OPEN | FD_TEXT;

        fd_init_lock(info);
        info->handle = INVALID_HANDLE_VALUE;
        if (!handle || handle == INVALID_HANDLE_VALUE || !handle_type_flags(handle, &flags))
            continue;
        info->handle = handle;
        info->flags = flags;
        TRACE("fd %d: handle %p flags %#x\n", fd, handle, flags);
    }
}

struct ioinfo *msvcrt_fd_info(int fd)
{
    if (fd < 0 || fd >= MSVCRT_MAX_FILES || !(fd_table[fd].flags & FD_OPEN)) {
        struct thread_data *data = msvcrt_thread_data();
        data->errno_value = EBADF;
        data->doserrno_value = 0;
        return NULL;
    }
    return &fd_table[fd];
}

void msvcrt_fd_lock(int fd)
{
    if (fd >= 0 && fd < MSVCRT_MAX_FILES && fd_table[fd].lock_ready)
        EnterCriticalSection(&fd_table[fd].lock);
}

void msvcrt_fd_unlock(int fd)
{
    if (fd >= 0 && fd < MSVCRT_MAX_FILES && fd_table[fd].lock_ready)
        LeaveCriticalSection(&fd_table[fd].lock);
}

/* The lowest free fd, now holding handle; -1 with EMFILE when the table is full. */
int msvcrt_fd_alloc(HANDLE handle, unsigned char flags)
{
    int fd;

    _lock(LOCK_FDS);
    for (fd = 0; fd < MSVCRT_MAX_FILES; fd++)
        if (!(fd_table[fd].flags & FD_OPEN))
            break;
    if (fd == MSVCRT_MAX_FILES) {
        _unlock(LOCK_FDS);
        errno = EMFILE;
        *__doserrno() = 0;
        return -1;
    }
    fd_init_lock(&fd_table[fd]);
    fd_table[fd].handle = handle;
    fd_table[fd].has_peek = false;
    fd_table[fd].unicode = 0;
    fd_table[fd].pending_high = 0;
    fd_table[fd].flags = flags | FD_OPEN;
    _unlock(LOCK_FDS);
    TRACE("fd %d: handle %p flags %#x\n", fd, handle, flags | FD_OPEN);
    return fd;
}

/* CreateFile parameters for _open's flags. */
struct open_params {
    DWORD access, creation, attributes, share;
    unsigned char fd_flags;
};

static bool open_flags_to_params(int oflag, int pmode, struct open_params *p)
{
    static const DWORD access[3] = { GENERIC_READ, GENERIC_WRITE, GENERIC_READ | GENERIC_WRITE };

    if ((oflag & ~_O_VALID_OPEN) || (oflag & _O_ACCMODE) == _O_ACCMODE ||
        ((oflag & _O_TEXT) && (oflag & _O_BINARY)))
        return false;
    if (oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT)) {
        int modes = oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT);
        if ((modes & (modes - 1)) || (oflag & _O_BINARY))
            return false;   /* one Unicode mode, and not with _O_BINARY */
    }
    p->access = access[oflag & _O_ACCMODE];
    p->share = FILE_SHARE_READ | FILE_SHARE_WRITE;
    if ((oflag & (_O_CREAT | _O_EXCL)) == (_O_CREAT | _O_EXCL))
        p->creation = CREATE_NEW;
    else if ((oflag & (_O_CREAT | _O_TRUNC)) == (_O_CREAT | _O_TRUNC))
        p->creation = CREATE_ALWAYS;
    else if (oflag & _O_CREAT)
        p->creation = OPEN_ALWAYS;
    else if (oflag & _O_TRUNC)
        p->creation = TRUNCATE_EXISTING;
    else
        p->creation = OPEN_EXISTING;
    p->attributes = FILE_ATTRIBUTE_NORMAL;
    if ((oflag & _O_CREAT) && !(pmode & _S_IWRITE))
        p->attributes = FILE_ATTRIBUTE_READONLY;
    if (oflag & _O_TEMPORARY) {
        p->attributes |= FILE_FLAG_DELETE_ON_CLOSE;
        p->access |= DELETE;
        p->share |= FILE_SHARE_DELETE;
    }
    if (oflag & _O_SHORT_LIVED)
        p->attributes |= FILE_ATTRIBUTE_TEMPORARY;
    if (oflag & _O_SEQUENTIAL)
        p->attributes |= FILE_FLAG_SEQUENTIAL_SCAN;
    else if (oflag & _O_RANDOM)
        p->attributes |= FILE_FLAG_RANDOM_ACCESS;
    p->fd_flags = 0;
    if ((oflag & _O_TEXT) || (!(oflag & _O_BINARY) && _fmode != _O_BINARY))
        p->fd_flags |= FD_TEXT;
    if (oflag & _O_APPEND)
        p->fd_flags |= FD_APPEND;
    if (oflag & _O_NOINHERIT)
        p->fd_flags |= FD_NOINHERIT;
    return true;
}

/* _sopen's sharing flag as CreateFile's share mode; false for an unknown one. */
static bool share_mode(int shflag, DWORD *share)
{
    switch (shflag) {
    case _SH_DENYRW: *share = 0; return true;
    case _SH_DENYWR: *share = FILE_SHARE_READ; return true;
    case _SH_DENYRD: *share = FILE_SHARE_WRITE; return true;
    case _SH_DENYNO: *share = FILE_SHARE_READ | FILE_SHARE_WRITE; return true;
    default: return false;
    }
}

/* _open, _sopen and the wide forms: exactly one of patha, pathw is set. */
static int open_common(const char *patha, const wchar_t *pathw, int oflag, int shflag, int pmode)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, !(oflag & _O_NOINHERIT) };
    struct open_params p;
    HANDLE handle;
    DWORD share;
    int fd;

    if ((!patha && !pathw) || !open_flags_to_params(oflag, pmode, &p) ||
        !share_mode(shflag, &share)) {
        errno = EINVAL;
        return -1;
    }
    p.share = (p.share & FILE_SHARE_DELETE) | share;
    if (patha)
        handle = CreateFileA(patha, p.access, p.share, &sa, p.creation, p.attributes, NULL);
    else
        handle = CreateFileW(pathw, p.access, p.share, &sa, p.creation, p.attributes, NULL);
    if (handle == INVALID_HANDLE_VALUE) {
        msvcrt_dosmaperr(GetLastError());
        return -1;
    }
    if (!handle_type_flags(handle, &p.fd_flags)) {
        msvcrt_dosmaperr(GetLastError());
        CloseHandle(handle);
        return -1;
    }
    if ((fd = msvcrt_fd_alloc(handle, p.fd_flags)) < 0) {
        CloseHandle(handle);
        return -1;
    }
    if ((oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT)) &&
        msvcrt_fd_set_unicode(fd, oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT), oflag) < 0) {
        _close(fd);
        return -1;
    }
    return fd;
}

/*********************************************************************
 *      _open (MSVCRT.@)
 *
 * The third argument (permission mode) is read only with _O_CREAT.
 */
int __cdecl _open(const char *path, int oflag, ...)
{
    int pmode = 0, fd;

    if (oflag & _O_CREAT) {
        va_list args;
        va_start(args, oflag);
        pmode = va_arg(args, int);
        va_end(args);
    }
    fd = open_common(path, NULL, oflag, _SH_DENYNO, pmode);
    TRACE("(%s, %#x, %#o) -> %d\n", debugstr_a(path), oflag, pmode, fd);
    return fd;
}

/*********************************************************************
 *      _wopen (MSVCRT.@)
 */
int __cdecl _wopen(const wchar_t *path, int oflag, ...)
{
    int pmode = 0, fd;

    if (oflag & _O_CREAT) {
        va_list args;
        va_start(args, oflag);
        pmode = va_arg(args, int);
        va_end(args);
    }
    fd = open_common(NULL, path, oflag, _SH_DENYNO, pmode);
    TRACE("(%s, %#x, %#o) -> %d\n", debugstr_w(path), oflag, pmode, fd);
    return fd;
}

/*********************************************************************
 *      _sopen (MSVCRT.@)
 *
 * _open with a sharing flag (_SH_DENYRW, _SH_DENYWR, _SH_DENYRD, _SH_DENYNO).
 */
int __cdecl _sopen(const char *path, int oflag, int shflag, ...)
{
    int pmode = 0;

    if (oflag & _O_CREAT) {
        va_list args;
        va_start(args, shflag);
        pmode = va_arg(args, int);
        va_end(args);
    }
    return open_common(path, NULL, oflag, shflag, pmode);
}

/*********************************************************************
 *      _wsopen (MSVCRT.@)
 */
int __cdecl _wsopen(const wchar_t *path, int oflag, int shflag, ...)
{
    int pmode = 0;

    if (oflag & _O_CREAT) {
        va_list args;
        va_start(args, shflag);
        pmode = va_arg(args, int);
        va_end(args);
    }
    return open_common(NULL, path, oflag, shflag, pmode);
}

/*********************************************************************
 *      _creat (MSVCRT.@)
 */
int __cdecl _creat(const char *path, int pmode)
{
    return _open(path, _O_CREAT | _O_TRUNC | _O_RDWR, pmode);
}

/* fds 1 and 2 often share one handle: closing one must not close the other's handle. */
static bool handle_shared_by_std_fd(int fd, HANDLE handle)
{
    int other = fd == 1 ? 2 : fd == 2 ? 1 : -1;

    return other >= 0 && (fd_table[other].flags & FD_OPEN) && fd_table[other].handle == handle;
}

/*********************************************************************
 *      _close (MSVCRT.@)
 */
int __cdecl _close(int fd)
{
    struct ioinfo *info;
    HANDLE handle;
    bool ok = true;

    TRACE("(%d)\n", fd);
    msvcrt_fd_lock(fd);
    if (!(info = msvcrt_fd_info(fd))) {
        msvcrt_fd_unlock(fd);
        return -1;
    }
    handle = info->handle;
    _lock(LOCK_FDS);
    if (!handle_shared_by_std_fd(fd, handle))
        ok = CloseHandle(handle);
    info->handle = INVALID_HANDLE_VALUE;
    info->flags = 0;
    info->has_peek = false;
    info->unicode = 0;
    _unlock(LOCK_FDS);
    if (!ok)
        msvcrt_dosmaperr(GetLastError());
    msvcrt_fd_unlock(fd);
    return ok ? 0 : -1;
}

/* A failed ReadFile/WriteFile: msvcrt reports ERROR_ACCESS_DENIED (wrong direction) as EBADF. */
static void io_error(DWORD winerr)
{
    msvcrt_dosmaperr(winerr);
    if (winerr == ERROR_ACCESS_DENIED)
        errno = EBADF;
}

/* Puts back the byte read after a final CR: files seek back, pipes and devices keep it. */
static void unread_byte(struct ioinfo *info, char c)
{
    LARGE_INTEGER back = { .QuadPart = -1 };

    if (info->flags & (FD_DEV | FD_PIPE)) {
        info->has_peek = true;
        info->peek = c;
    } else {
        SetFilePointerEx(info->handle, back, NULL, FILE_CURRENT);
    }
}

/* Text-mode input: CR LF -> LF, Ctrl-Z ends the data (and, except on devices, the file). */
int msvcrt_text_input(struct ioinfo *info, char *buf, int n)
{
    int out = 0;

    for (int i = 0; i < n; i++) {
        char c = buf[i], next;
        DWORD got;

        if (c == CTRL_Z) {
            if (!(info->flags & FD_DEV))
                info->flags |= FD_EOF;
            break;
        }
        if (c != '\r') {
            buf[out++] = c;
        } else if (i + 1 < n) {
            if (buf[i + 1] == '\n')
                i++;
            buf[out++] = buf[i];
        } else if (ReadFile(info->handle, &next, 1, &got, NULL) && got == 1) {
            buf[out++] = next == '\n' ? '\n' : '\r';
            if (next != '\n')
                unread_byte(info, next);
        } else {
            buf[out++] = '\r';
        }
    }
    return out;
}

/* Up to count (> 0) bytes as they are in the file (after a byte kept back by text input);
 * 0 at end of file (also a pipe whose writer went away), -1 with errno on error. */
int msvcrt_read_raw(struct ioinfo *info, char *p, unsigned int count)
{
    DWORD got = 0;
    int n = 0;

    if (info->has_peek) {
        p[n++] = info->peek;
        info->has_peek = false;
    }
    if ((unsigned)n < count && !ReadFile(info->handle, p + n, count - n, &got, NULL)) {
        DWORD err = GetLastError();
        if (err != ERROR_BROKEN_PIPE) {
            io_error(err);
            return -1;
        }
        got = 0;    /* the writer went away: end of file */
    }
    return n + got;
}

static int read_nolock(int fd, void *buf, unsigned int count)
{
    struct ioinfo *info = msvcrt_fd_info(fd);
    int n;

    if (!info)
        return -1;
    if (!count || (info->flags & FD_EOF))
        return 0;
    if (!buf || count > INT_MAX) {
        errno = EINVAL;
        return -1;
    }
    if (info->unicode)
        return msvcrt_unicode_read(info, buf, count);
    if ((n = msvcrt_read_raw(info, buf, count)) < 0)
        return -1;
    if (info->flags & FD_TEXT)
        n = msvcrt_text_input(info, buf, n);
    return n;
}

/*********************************************************************
 *      _read (MSVCRT.@)
 */
int __cdecl _read(int fd, void *buf, unsigned int count)
{
    int ret;

    msvcrt_fd_lock(fd);
    ret = read_nolock(fd, buf, count);
    msvcrt_fd_unlock(fd);
    TRACE("(%d, %p, %u) -> %d\n", fd, buf, count, ret);
    return ret;
}

/* One WriteFile; returns the bytes written or -1 with errno set. */
int msvcrt_write_raw(struct ioinfo *info, const char *buf, DWORD len)
{
    DWORD written;

    if (!WriteFile(info->handle, buf, len, &written, NULL)) {
        io_error(GetLastError());
        return -1;
    }
    return written;
}

/* Text-mode output: LF -> CR LF. Returns the caller's bytes written. The chunk holds a whole
 * stream buffer even when every char is a LF, so one flush is one WriteFile; the text between
 * LFs is found with memchr and copied with memcpy. */
static int text_output(struct ioinfo *info, const char *buf, unsigned int count)
{
    char chunk[2 * STREAM_BUFSIZ + 2];
    unsigned int done = 0;

    while (done < count) {
        unsigned int len = 0, start = done;
        int written;

        while (done < count && len < sizeof(chunk) - 1) {
            unsigned int room = sizeof(chunk) - 1 - len;
            unsigned int n = count - done < room ? count - done : room;
            const char *nl = memchr(buf + done, '\n', n);
            unsigned int span = nl ? (unsigned int)(nl - (buf + done)) : n;

            memcpy(chunk + len, buf + done, span);
            len += span;
            done += span;
            if (nl) {   /* span < room, so CR LF fits */
                chunk[len++] = '\r';
                chunk[len++] = '\n';
                done++;
            }
        }
        if ((written = msvcrt_write_raw(info, chunk, len)) < 0)
            return start ? (int)start : -1;
        if ((unsigned)written < len) {
            /* A short write: count the caller's bytes that made it. An inserted CR is the one
             * right before a LF (a CR of the caller's before its LF is followed by ours). */
            for (int i = 0; i < written; i++)
                if (!(chunk[i] == '\r' && (unsigned)i + 1 < len && chunk[i + 1] == '\n'))
                    start++;
            return start;
        }
    }
    return done;
}

int msvcrt_write_nolock(int fd, const void *buf, unsigned int count)
{
    struct ioinfo *info = msvcrt_fd_info(fd);
    LARGE_INTEGER zero = { .QuadPart = 0 };
    int ret;

    if (!info)
        return -1;
    if (!count)
        return 0;
    if (!buf || count > INT_MAX) {
        errno = EINVAL;
        return -1;
    }
    if (info->flags & FD_APPEND)
        SetFilePointerEx(info->handle, zero, NULL, FILE_END);
    if (info->unicode)
        return msvcrt_unicode_write(info, buf, count);
    if (info->flags & FD_TEXT)
        ret = text_output(info, buf, count);
    else
        ret = msvcrt_write_raw(info, buf, count);
    if (ret == 0) {
        /* Nothing written, no error: a device stopped at Ctrl-Z, or the disk is full. */
        if ((info->flags & FD_DEV) && *(const char *)buf == CTRL_Z)
            return 0;
        errno = ENOSPC;
        *__doserrno() = 0;
        return -1;
    }
    return ret;
}

/*********************************************************************
 *      _write (MSVCRT.@)
 */
int __cdecl _write(int fd, const void *buf, unsigned int count)
{
    int ret;

    msvcrt_fd_lock(fd);
    ret = msvcrt_write_nolock(fd, buf, count);
    msvcrt_fd_unlock(fd);
    TRACE("(%d, %p, %u) -> %d\n", fd, buf, count, ret);
    return ret;
}

static int64_t lseek_nolock(int fd, int64_t offset, int whence)
{
    struct ioinfo *info = msvcrt_fd_info(fd);
    LARGE_INTEGER dist = { .QuadPart = offset }, pos;

    if (!info)
        return -1;
    if (whence < SEEK_SET || whence > SEEK_END) {
        errno = EINVAL;
        return -1;
    }
    /* SEEK_SET, SEEK_CUR, SEEK_END are FILE_BEGIN, FILE_CURRENT, FILE_END. */
    if (!SetFilePointerEx(info->handle, dist, &pos, whence)) {
        msvcrt_dosmaperr(GetLastError());
        return -1;
    }
    info->flags &= ~FD_EOF;
    info->has_peek = false;
    return pos.QuadPart;
}

/*********************************************************************
 *      _lseeki64 (MSVCRT.@)
 */
int64_t __cdecl _lseeki64(int fd, int64_t offset, int whence)
{
    int64_t ret;

    msvcrt_fd_lock(fd);
    ret = lseek_nolock(fd, offset, whence);
    msvcrt_fd_unlock(fd);
    TRACE("(%d, %I64d, %d) -> %I64d\n", fd, offset, whence, ret);
    return ret;
}

/*********************************************************************
 *      _lseek (MSVCRT.@)
 *
 * A position beyond LONG_MAX cannot be returned: -1 with EINVAL (the pointer has moved).
 */
long __cdecl _lseek(int fd, long offset, int whence)
{
    int64_t ret = _lseeki64(fd, offset, whence);

    if (ret > LONG_MAX) {
        errno = EINVAL;
        return -1;
    }
    return ret;
}

/*********************************************************************
 *      _isatty (MSVCRT.@)
 *
 * Non-zero for a character device (console, NUL, serial port).
 */
int __cdecl _isatty(int fd)
{
    struct ioinfo *info = msvcrt_fd_info(fd);

    return info ? info->flags & FD_DEV : 0;
}

/*********************************************************************
 *      _setmode (MSVCRT.@)
 *
 * Returns the previous mode: _O_TEXT, _O_BINARY, or _O_WTEXT for any of the Unicode modes
 * (as the CRT does: it keeps no more than "Unicode"; Wine agrees). The Unicode modes take wide
 * chars (UTF-16 units) from the stream layer; see lowio_unicode.c.
 */
int __cdecl _setmode(int fd, int mode)
{
    struct ioinfo *info;
    int old;

    TRACE("(%d, %#x)\n", fd, mode);
    msvcrt_fd_lock(fd);
    if (!(info = msvcrt_fd_info(fd))) {
        msvcrt_fd_unlock(fd);
        return -1;
    }
    old = info->unicode ? _O_WTEXT : (info->flags & FD_TEXT) ? _O_TEXT : _O_BINARY;
    if (mode == _O_TEXT || mode == _O_U16TEXT || mode == _O_U8TEXT || mode == _O_WTEXT) {
        info->flags |= FD_TEXT;
        info->unicode = mode == _O_TEXT ? 0 : mode;
        info->pending_high = 0;
    } else if (mode == _O_BINARY) {
        info->flags &= ~FD_TEXT;
        info->unicode = 0;
    } else {
        msvcrt_fd_unlock(fd);
        CRT_CHECK(false, EINVAL, -1);
    }
    msvcrt_fd_unlock(fd);
    return old;
}

/*********************************************************************
 *      _get_osfhandle (MSVCRT.@)
 */
intptr_t __cdecl _get_osfhandle(int fd)
{
    struct ioinfo *info = msvcrt_fd_info(fd);

    return info ? (intptr_t)info->handle : (intptr_t)INVALID_HANDLE_VALUE;
}

/*********************************************************************
 *      _open_osfhandle (MSVCRT.@)
 *
 * Binary unless flags has _O_TEXT. The fd owns the handle from now on.
 */
int __cdecl _open_osfhandle(intptr_t osfhandle, int flags)
{
    HANDLE handle = (HANDLE)osfhandle;
    unsigned char fd_flags = 0;
    int fd;

    if (flags & ~(_O_APPEND | _O_RDONLY | _O_WRONLY | _O_RDWR | _O_TEXT | _O_BINARY | _O_NOINHERIT)) {
        errno = EINVAL;
        return -1;
    }
    if (!handle || handle == INVALID_HANDLE_VALUE || !handle_type_flags(handle, &fd_flags)) {
        msvcrt_dosmaperr(handle && handle != INVALID_HANDLE_VALUE ? GetLastError()
                                                                  : ERROR_INVALID_HANDLE);
        errno = EBADF;
        return -1;
    }
    if (flags & _O_TEXT)
        fd_flags |= FD_TEXT;
    if (flags & _O_APPEND)
        fd_flags |= FD_APPEND;
    if (flags & _O_NOINHERIT)
        fd_flags |= FD_NOINHERIT;
    fd = msvcrt_fd_alloc(handle, fd_flags);
    TRACE("(%p, %#x) -> %d\n", handle, flags, fd);
    return fd;
}

/*********************************************************************
 *      _commit (MSVCRT.@)
 */
int __cdecl _commit(int fd)
{
    struct ioinfo *info;
    int ret = 0;

    msvcrt_fd_lock(fd);
    if (!(info = msvcrt_fd_info(fd))) {
        ret = -1;
    } else if (!FlushFileBuffers(info->handle)) {
        DWORD err = GetLastError();
        /* Consoles and pipes have nothing to commit. */
        if (err != ERROR_INVALID_HANDLE && err != ERROR_INVALID_FUNCTION) {
            msvcrt_dosmaperr(err);
            ret = -1;
        }
    }
    msvcrt_fd_unlock(fd);
    return ret;
}
