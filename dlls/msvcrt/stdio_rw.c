/* stdio_rw.c: reading and writing streams: fgetc/fputc and friends, fgets/fputs/puts,
 * fread/fwrite, ungetc. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

/* The getc/putc macros of msvcrt's stdio.h, as functions. */
static int getc_nolock(FILE *f)
{
    return --f->_cnt >= 0 ? *f->_ptr++ & 0xff : _filbuf(f);
}

static int putc_nolock(int c, FILE *f)
{
    return --f->_cnt >= 0 ? (*f->_ptr++ = (char)c) & 0xff : _flsbuf(c, f);
}

static bool buffered(FILE *f)
{
    return f->_flag & (_IOMYBUF | IO_USERBUF | IO_TMPBUF);
}

/*********************************************************************
 *      fgetc (MSVCRT.@)
 */
int __cdecl fgetc(FILE *f)
{
    int c;

    if (!msvcrt_stream_valid(f))
        return EOF;
    msvcrt_stream_lock(f);
    c = getc_nolock(f);
    msvcrt_stream_unlock(f);
    return c;
}

/*********************************************************************
 *      getc (MSVCRT.@)
 */
int __cdecl getc(FILE *f)
{
    return fgetc(f);
}

/*********************************************************************
 *      getchar (MSVCRT.@)
 */
int __cdecl getchar(void)
{
    return fgetc(msvcrt_stdin);
}

/*********************************************************************
 *      _fgetchar (MSVCRT.@)
 */
int __cdecl _fgetchar(void)
{
    return fgetc(msvcrt_stdin);
}

/*********************************************************************
 *      fputc (MSVCRT.@)
 */
int __cdecl fputc(int c, FILE *f)
{
    int ret;

    if (!msvcrt_stream_valid(f))
        return EOF;
    msvcrt_stream_lock(f);
    ret = putc_nolock(c, f);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      putc (MSVCRT.@)
 */
int __cdecl putc(int c, FILE *f)
{
    return fputc(c, f);
}

/*********************************************************************
 *      putchar (MSVCRT.@)
 */
int __cdecl putchar(int c)
{
    return fputc(c, msvcrt_stdout);
}

/*********************************************************************
 *      _fputchar (MSVCRT.@)
 */
int __cdecl _fputchar(int c)
{
    return fputc(c, msvcrt_stdout);
}

/* Writes count bytes; returns how many were written (short only on error). Unbuffered
 * streams already in write mode get one _write for the whole block; a stream whose buffer is
 * not set up yet goes through _flsbuf, which sets it up. */
static size_t write_bytes(const char *p, size_t count, FILE *f)
{
    size_t left = count;

    while (left) {
        if (buffered(f) && f->_cnt > 0) {
            size_t n = left < (size_t)f->_cnt ? left : (size_t)f->_cnt;
            memcpy(f->_ptr, p, n);
            f->_ptr += n;
            f->_cnt -= n;
            p += n;
            left -= n;
        } else if ((f->_flag & _IOWRT) && (buffered(f) ? left >= (size_t)f->_bufsiz
                                                      : left > 1 && msvcrt_stream_unbuffered(f))) {
            /* A block of whole buffers, or anything on an unbuffered stream: straight out. */
            size_t n = buffered(f) ? left - left % f->_bufsiz : left;
            int written;
            if (n > INT_MAX)
                n = INT_MAX - INT_MAX % (buffered(f) ? f->_bufsiz : 1);
            if (buffered(f) && f->_ptr > f->_base && msvcrt_flush_nolock(f))
                break;
            written = _write(f->_file, p, n);
            if (written > 0) {
                p += written;
                left -= written;
            }
            if (written != (int)n) {
                f->_flag |= _IOERR;
                break;
            }
        } else {
            /* Sets up the buffer and the write mode, or writes one byte unbuffered. */
            if (_flsbuf(*p, f) == EOF)
                break;
            p++;
            left--;
        }
    }
    return count - left;
}

size_t msvcrt_fwrite_nolock(const void *ptr, size_t size, size_t count, FILE *f)
{
    size_t total;

    if (!size || !count)
        return 0;
    if (crt_null(ptr) || __builtin_mul_overflow(size, count, &total)) {
        errno = EINVAL;
        return 0;
    }
    return write_bytes(ptr, total, f) / size;
}

/*********************************************************************
 *      fwrite (MSVCRT.@)
 */
size_t __cdecl fwrite(const void *ptr, size_t size, size_t count, FILE *f)
{
    size_t ret;
    bool tmp;

    if (!msvcrt_stream_valid(f))
        return 0;
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = msvcrt_fwrite_nolock(ptr, size, count, f);
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      fputs (MSVCRT.@)
 */
int __cdecl fputs(const char *s, FILE *f)
{
    size_t len;
    bool tmp;
    int ret;

    if (crt_null(s) || !msvcrt_stream_valid(f)) {
        errno = EINVAL;
        return EOF;
    }
    len = strlen(s);
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = write_bytes(s, len, f) == len ? 0 : EOF;
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      puts (MSVCRT.@)
 *
 * The string and a newline on stdout; 0 on success.
 */
int __cdecl puts(const char *s)
{
    FILE *f = msvcrt_stdout;
    size_t len;
    bool tmp;
    int ret;

    if (crt_null(s)) {
        errno = EINVAL;
        return EOF;
    }
    len = strlen(s);
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = write_bytes(s, len, f) == len && putc_nolock('\n', f) != EOF ? 0 : EOF;
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret;
}

/* Reads up to count bytes; stops at end of file or error. Large reads bypass the buffer. */
static size_t read_bytes(char *p, size_t count, FILE *f)
{
    size_t left = count;

    while (left) {
        if (f->_cnt > 0) {
            size_t n = left < (size_t)f->_cnt ? left : (size_t)f->_cnt;
            memcpy(p, f->_ptr, n);
            f->_ptr += n;
            f->_cnt -= n;
            p += n;
            left -= n;
        } else if ((f->_flag & _IOREAD) && (buffered(f) || (f->_flag & _IONBF)) &&
                   left >= (size_t)f->_bufsiz) {
            size_t n = left - left % f->_bufsiz;
            int got;
            if (n > INT_MAX)
                n = INT_MAX - INT_MAX % f->_bufsiz;
            got = _read(f->_file, p, n);
            if (got <= 0) {
                f->_flag |= got ? _IOERR : _IOEOF;
                break;
            }
            p += got;
            left -= got;
        } else {
            int c = _filbuf(f);
            if (c == EOF)
                break;
            *p++ = (char)c;
            left--;
        }
    }
    return count - left;
}

/*********************************************************************
 *      fread (MSVCRT.@)
 */
size_t __cdecl fread(void *ptr, size_t size, size_t count, FILE *f)
{
    size_t total, ret;

    if (!size || !count)
        return 0;
    if (crt_null(ptr) || !msvcrt_stream_valid(f) || __builtin_mul_overflow(size, count, &total)) {
        errno = EINVAL;
        return 0;
    }
    msvcrt_stream_lock(f);
    ret = read_bytes(ptr, total, f) / size;
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      fgets (MSVCRT.@)
 *
 * Reads up to n - 1 chars, through the first '\n'. NULL if nothing was read before end of
 * file, or on error.
 */
char *__cdecl fgets(char *s, int n, FILE *f)
{
    char *p = s;
    int c = 0;

    if (crt_null(s) || n <= 0 || !msvcrt_stream_valid(f)) {
        errno = EINVAL;
        return NULL;
    }
    msvcrt_stream_lock(f);
    while (--n > 0 && (c = getc_nolock(f)) != EOF) {
        *p++ = (char)c;
        if (c == '\n')
            break;
    }
    msvcrt_stream_unlock(f);
    if (c == EOF && (p == s || (f->_flag & _IOERR)))
        return NULL;
    *p = 0;
    return s;
}

/*********************************************************************
 *      ungetc (MSVCRT.@)
 *
 * One char goes back into the buffer (more only where the buffer has room before _ptr).
 */
int __cdecl ungetc(int c, FILE *f)
{
    int ret = EOF;

    if (c == EOF || !msvcrt_stream_valid(f))
        return EOF;
    msvcrt_stream_lock(f);
    if ((f->_flag & _IOREAD) || ((f->_flag & _IORW) && !(f->_flag & _IOWRT))) {
        if (!f->_base)
            msvcrt_stream_getbuf(f);
        if (f->_cnt < 0)
            f->_cnt = 0;
        if (f->_ptr == f->_base && !f->_cnt)
            f->_ptr++;      /* an empty buffer: the char goes to its start */
        if (f->_ptr > f->_base) {
            *--f->_ptr = (char)c;
            f->_cnt++;
            f->_flag = (f->_flag & ~_IOEOF) | _IOREAD;
            ret = c & 0xff;
        }
    }
    msvcrt_stream_unlock(f);
    return ret;
}
