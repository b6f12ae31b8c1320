/* stdio_state.c: stream positioning (fseek/ftell), buffering modes (setvbuf) and the
 * state accessors (feof, ferror, clearerr, _fileno, __iob_func). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

static bool in_use(FILE *f)
{
    return f->_flag & (_IOREAD | _IOWRT | _IORW);
}

static bool text_mode(int fd)
{
    struct ioinfo *info = msvcrt_fd_info(fd);
    return info && (info->flags & FD_TEXT);
}

static int64_t count_newlines(const char *p, int n)
{
    int64_t count = 0;

    for (int i = 0; i < n; i++)
        count += p[i] == '\n';
    return count;
}

/* The stream position: the fd position corrected by what sits in the buffer. In text mode
 * every buffered '\n' stands for "\r\n" in the file. */
static int64_t ftell_nolock(FILE *f)
{
    int64_t pos;

    if (!in_use(f)) {
        errno = EINVAL;
        return -1;
    }
    if ((pos = _lseeki64(f->_file, 0, SEEK_CUR)) < 0)
        return -1;
    if (!f->_base || (f->_flag & _IONBF))
        return pos;
    if (f->_flag & _IOWRT) {
        int pending = f->_ptr - f->_base;
        pos += pending;
        if (text_mode(f->_file))
            pos += count_newlines(f->_base, pending);
    } else if ((f->_flag & _IOREAD) && f->_cnt > 0) {
        pos -= f->_cnt;
        if (text_mode(f->_file))
            pos -= count_newlines(f->_ptr, f->_cnt);
    }
    return pos < 0 ? 0 : pos;
}

static int fseek_nolock(FILE *f, int64_t offset, int whence)
{
    if (!in_use(f) || whence < SEEK_SET || whence > SEEK_END) {
        errno = EINVAL;
        return -1;
    }
    f->_flag &= ~_IOEOF;
    if (whence == SEEK_CUR) {
        int64_t here = ftell_nolock(f);
        if (here < 0)
            return -1;
        offset += here;
        whence = SEEK_SET;
    }
    msvcrt_flush_nolock(f);
    if (f->_flag & _IORW)
        f->_flag &= ~(_IOWRT | _IOREAD);
    return _lseeki64(f->_file, offset, whence) < 0 ? -1 : 0;
}

/*********************************************************************
 *      _fseeki64 (MSVCRT.@)
 */
int __cdecl _fseeki64(FILE *f, int64_t offset, int whence)
{
    int ret;

    TRACE("(%p, %I64d, %d)\n", f, offset, whence);
    if (!msvcrt_stream_valid(f))
        return -1;
    msvcrt_stream_lock(f);
    ret = fseek_nolock(f, offset, whence);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      fseek (MSVCRT.@)
 */
int __cdecl fseek(FILE *f, long offset, int whence)
{
    return _fseeki64(f, offset, whence);
}

/*********************************************************************
 *      _ftelli64 (MSVCRT.@)
 */
int64_t __cdecl _ftelli64(FILE *f)
{
    int64_t ret;

    if (!msvcrt_stream_valid(f))
        return -1;
    msvcrt_stream_lock(f);
    ret = ftell_nolock(f);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      ftell (MSVCRT.@)
 *
 * A position beyond LONG_MAX cannot be returned: -1 with EINVAL.
 */
long __cdecl ftell(FILE *f)
{
    int64_t ret = _ftelli64(f);

    if (ret > LONG_MAX) {
        errno = EINVAL;
        return -1;
    }
    return ret;
}

/*********************************************************************
 *      rewind (MSVCRT.@)
 */
void __cdecl rewind(FILE *f)
{
    if (!msvcrt_stream_valid(f))
        return;
    msvcrt_stream_lock(f);
    fseek_nolock(f, 0, SEEK_SET);
    f->_flag &= ~(_IOERR | _IOEOF);
    msvcrt_stream_unlock(f);
}

/* fgetpos/fsetpos: fpos_t is a 64-bit offset in msvcrt. */
int __cdecl fgetpos(FILE *f, int64_t *pos)
{
    if (!pos) {
        errno = EINVAL;
        return -1;
    }
    *pos = _ftelli64(f);
    return *pos < 0 ? -1 : 0;
}

int __cdecl fsetpos(FILE *f, const int64_t *pos)
{
    if (!pos) {
        errno = EINVAL;
        return -1;
    }
    return _fseeki64(f, *pos, SEEK_SET);
}

/*********************************************************************
 *      setvbuf (MSVCRT.@)
 *
 * _IOLBF is full buffering on Windows (documented). Sizes must be 2..INT_MAX; msvcrt rounds
 * them down to even.
 */
int __cdecl setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (!msvcrt_stream_valid(f))
        return -1;
    if ((mode != _IOFBF && mode != _IOLBF && mode != _IONBF) ||
        (mode != _IONBF && (size < 2 || size > INT_MAX))) {
        errno = EINVAL;
        return -1;
    }
    msvcrt_stream_lock(f);
    msvcrt_flush_nolock(f);
    if (f->_flag & _IOMYBUF)
        free(f->_base);
    f->_flag &= ~(_IOMYBUF | IO_USERBUF | _IONBF | IO_TMPBUF);
    f->_base = NULL;
    if (mode == _IONBF) {
        f->_flag |= _IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 1;
    } else {
        size &= ~(size_t)1;
        if (buf) {
            f->_flag |= IO_USERBUF;
        } else if ((buf = malloc(size))) {
            f->_flag |= _IOMYBUF;
        } else {
            msvcrt_stream_unlock(f);
            return -1;
        }
        f->_base = buf;
        f->_bufsiz = size;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
    msvcrt_stream_unlock(f);
    return 0;
}

/*********************************************************************
 *      setbuf (MSVCRT.@)
 */
void __cdecl setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

/*********************************************************************
 *      feof (MSVCRT.@)
 */
int __cdecl feof(FILE *f)
{
    if (!msvcrt_stream_valid(f))
        return 0;
    return f->_flag & _IOEOF;
}

/*********************************************************************
 *      ferror (MSVCRT.@)
 */
int __cdecl ferror(FILE *f)
{
    if (!msvcrt_stream_valid(f))
        return 0;
    return f->_flag & _IOERR;
}

/*********************************************************************
 *      clearerr (MSVCRT.@)
 *
 * Also clears the fd's end-of-file state (set by a text-mode Ctrl-Z).
 */
void __cdecl clearerr(FILE *f)
{
    struct ioinfo *info;

    if (!msvcrt_stream_valid(f))
        return;
    msvcrt_stream_lock(f);
    f->_flag &= ~(_IOERR | _IOEOF);
    if ((info = msvcrt_fd_info(f->_file)))
        info->flags &= ~FD_EOF;
    msvcrt_stream_unlock(f);
}

/*********************************************************************
 *      _fileno (MSVCRT.@)
 */
int __cdecl _fileno(FILE *f)
{
    if (!msvcrt_stream_valid(f))
        return -1;
    return f->_file;
}

/*********************************************************************
 *      __iob_func (MSVCRT.@)
 */
FILE *__cdecl __iob_func(void)
{
    return _iob;
}
