/* stdio_wide.c: wide-char stream I/O (fputwc, fgetwc, fputws, fgetws, ungetwc...) and the
 * wide printf family of msvcrt.dll on streams and buffers.
 *
 * How a wide char reaches the file depends on the fd's mode, as in the Microsoft CRTs
 * ("fputwc", "_setmode" pages): a binary stream stores the UTF-16 unit as two bytes; a text
 * (ANSI) stream converts it to the locale's multibyte code page (in the "C" locale chars
 * below 256 are stored as one byte and others fail with EILSEQ, as wctomb does there); a stream
 * in a Unicode text mode (_O_U16TEXT, _O_U8TEXT, _O_WTEXT, ccs=) passes the UTF-16 unit to the
 * fd layer, which writes UTF-16LE, UTF-8 or to the console. */
#include "msvcrt.h"
#include "printf.h"

DEFAULT_DEBUG_CHANNEL(file);

/* Streams that move wide chars as two-byte units: binary ones, and the Unicode text modes
 * (whose fd layer converts the units, lowio_unicode.c). */
static bool binary_stream(FILE *f)
{
    struct ioinfo *info = msvcrt_fd_info(f->_file);
    return info && (!(info->flags & FD_TEXT) || info->unicode);
}

/* One wide char to the current code page: the byte count, or -1 (not representable). */
static int wc_to_mb(char *out, wchar_t wc)
{
    unsigned int cp = ___lc_codepage_func();
    BOOL lossy = FALSE;
    int n;

    if (!cp) {
        if (wc >= 256)
            return -1;
        *out = (char)wc;
        return 1;
    }
    n = WideCharToMultiByte(cp, WC_NO_BEST_FIT_CHARS, &wc, 1, out, MB_LEN_MAX, NULL, &lossy);
    return n > 0 && !lossy ? n : -1;
}

/* fputwc without the lock: WEOF on error (errno EILSEQ for an unconvertible char). */
wint_t msvcrt_fputwc_nolock(wchar_t wc, FILE *f)
{
    char mb[MB_LEN_MAX];
    int n;

    if (binary_stream(f))
        return msvcrt_fwrite_nolock(&wc, sizeof(wc), 1, f) == 1 ? wc : WEOF;
    if ((n = wc_to_mb(mb, wc)) < 0) {
        errno = EILSEQ;
        return WEOF;
    }
    return msvcrt_fwrite_nolock(mb, 1, n, f) == (size_t)n ? wc : WEOF;
}

/*********************************************************************
 *      fputwc (MSVCRT.@)
 */
wint_t __cdecl fputwc(wchar_t wc, FILE *f)
{
    wint_t ret;
    bool tmp;

    if (!msvcrt_stream_valid(f))
        return WEOF;
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = msvcrt_fputwc_nolock(wc, f);
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      putwc (MSVCRT.@)
 */
wint_t __cdecl putwc_impl(wchar_t wc, FILE *f)
{
    return fputwc(wc, f);
}

/*********************************************************************
 *      _fputwchar (MSVCRT.@)
 */
wint_t __cdecl _fputwchar(wchar_t wc)
{
    return fputwc(wc, msvcrt_stdout);
}

/*********************************************************************
 *      putwchar (MSVCRT.@)
 */
wint_t __cdecl putwchar_impl(wchar_t wc)
{
    return fputwc(wc, msvcrt_stdout);
}

static int fputws_nolock(const wchar_t *s, FILE *f)
{
    for (; *s; s++)
        if (msvcrt_fputwc_nolock(*s, f) == WEOF)
            return EOF;
    return 0;
}

/*********************************************************************
 *      fputws (MSVCRT.@)
 */
int __cdecl fputws(const wchar_t *s, FILE *f)
{
    bool tmp;
    int ret;

    if (crt_null(s) || !msvcrt_stream_valid(f)) {
        errno = EINVAL;
        return EOF;
    }
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = fputws_nolock(s, f);
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      _putws (MSVCRT.@)
 *
 * The string and a newline on stdout: 0, or EOF on error.
 */
int __cdecl _putws(const wchar_t *s)
{
    FILE *f = msvcrt_stdout;
    bool tmp;
    int ret;

    if (crt_null(s)) {
        errno = EINVAL;
        return EOF;
    }
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = fputws_nolock(s, f);
    if (!ret && msvcrt_fputwc_nolock(L'\n', f) == WEOF)
        ret = EOF;
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret;
}

/* fgetwc without the lock. Text streams read one multibyte char (one byte in the "C" locale
 * and single-byte code pages; a lead byte takes its trail byte in DBCS code pages). */
static wint_t fgetwc_nolock(FILE *f)
{
    unsigned char bytes[2];
    wchar_t wc;
    int c, n = 1;

    if ((c = --f->_cnt >= 0 ? (unsigned char)*f->_ptr++ : _filbuf(f)) == EOF)
        return WEOF;
    bytes[0] = c;
    if (binary_stream(f) || (___lc_codepage_func() && IsDBCSLeadByteEx(___lc_codepage_func(), c))) {
        if ((c = --f->_cnt >= 0 ? (unsigned char)*f->_ptr++ : _filbuf(f)) == EOF)
            return WEOF;
        bytes[1] = c;
        n = 2;
        if (binary_stream(f))
            return bytes[0] | bytes[1] << 8;
    }
    if (!___lc_codepage_func())
        return bytes[0];
    if (MultiByteToWideChar(___lc_codepage_func(), MB_ERR_INVALID_CHARS, (char *)bytes, n, &wc, 1) != 1) {
        errno = EILSEQ;
        return WEOF;
    }
    return wc;
}

/*********************************************************************
 *      fgetwc (MSVCRT.@)
 */
wint_t __cdecl fgetwc(FILE *f)
{
    wint_t ret;

    if (!msvcrt_stream_valid(f))
        return WEOF;
    msvcrt_stream_lock(f);
    ret = fgetwc_nolock(f);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      getwc (MSVCRT.@)
 */
wint_t __cdecl getwc_impl(FILE *f)
{
    return fgetwc(f);
}

/*********************************************************************
 *      _fgetwchar (MSVCRT.@)
 */
wint_t __cdecl _fgetwchar(void)
{
    return fgetwc(msvcrt_stdin);
}

/*********************************************************************
 *      getwchar (MSVCRT.@)
 */
wint_t __cdecl getwchar_impl(void)
{
    return fgetwc(msvcrt_stdin);
}

/*********************************************************************
 *      fgetws (MSVCRT.@)
 *
 * Reads up to count - 1 chars, through the first newline (kept). NULL if nothing was read.
 */
wchar_t *__cdecl fgetws(wchar_t *buf, int count, FILE *f)
{
    int i = 0;
    wint_t c = 0;

    if (crt_null(buf) || count <= 0 || !msvcrt_stream_valid(f)) {
        errno = EINVAL;
        return NULL;
    }
    msvcrt_stream_lock(f);
    while (i < count - 1 && c != L'\n' && (c = fgetwc_nolock(f)) != WEOF)
        buf[i++] = c;
    msvcrt_stream_unlock(f);
    if (!i)
        return NULL;
    buf[i] = 0;
    return buf;
}

/*********************************************************************
 *      ungetwc (MSVCRT.@)
 *
 * Pushes back the bytes the char was read from (two for binary streams).
 */
wint_t __cdecl ungetwc(wint_t wc, FILE *f)
{
    char mb[MB_LEN_MAX];
    int n;

    if (wc == WEOF || !msvcrt_stream_valid(f))
        return WEOF;
    if (binary_stream(f)) {
        mb[0] = wc & 0xff;
        mb[1] = wc >> 8;
        n = 2;
    } else if ((n = wc_to_mb(mb, wc)) < 0) {
        return WEOF;
    }
    while (n--)
        if (ungetc((unsigned char)mb[n], f) == EOF)
            return WEOF;
    return wc;
}

/* ---- the wide printf family of msvcrt.dll (msvcrt semantics: flags 0) ---- */

static bool wstream_sink_write(struct fmt_sink *sink, const void *data, size_t count)
{
    const fmt_wchar *p = data;

    for (size_t i = 0; i < count; i++)
        if (msvcrt_fputwc_nolock(p[i], sink->ctx) == WEOF)
            return false;
    return true;
}

/* Formats onto a stream under its lock; flags are the engine's (fmt_flags). */
int msvcrt_vfwprintf_flags(FILE *f, unsigned flags, const wchar_t *format, va_list args)
{
    struct fmt_sink sink = { wstream_sink_write, f, FMT_OK };
    bool tmp;
    int ret;

    if (!msvcrt_stream_valid(f) || crt_null(format)) {
        errno = EINVAL;
        return -1;
    }
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = fmt_vformat_w(&sink, flags, NULL, (const fmt_wchar *)format, args);
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    if (ret < 0 && sink.error != FMT_ESINK)
        errno = sink.error == FMT_EILSEQ ? EILSEQ : sink.error == FMT_EOVERFLOW ? ERANGE : EINVAL;
    return ret;
}

/*********************************************************************
 *      vfwprintf (MSVCRT.@)
 */
int __cdecl vfwprintf(FILE *f, const wchar_t *format, va_list args)
{
    return msvcrt_vfwprintf_flags(f, 0, format, args);
}

/*********************************************************************
 *      fwprintf (MSVCRT.@)
 */
int __cdecl fwprintf(FILE *f, const wchar_t *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = msvcrt_vfwprintf_flags(f, 0, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      vwprintf (MSVCRT.@)
 */
int __cdecl vwprintf(const wchar_t *format, va_list args)
{
    return msvcrt_vfwprintf_flags(msvcrt_stdout, 0, format, args);
}

/*********************************************************************
 *      wprintf (MSVCRT.@)
 */
int __cdecl wprintf(const wchar_t *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = msvcrt_vfwprintf_flags(msvcrt_stdout, 0, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      vswprintf (MSVCRT.@)
 *
 * msvcrt.dll's own form, without a count: (buffer, format, args), unbounded.
 */
int __cdecl msvcrt_vswprintf(wchar_t *buf, const wchar_t *format, va_list args)
{
    if (crt_null(buf)) {
        errno = EINVAL;
        return -1;
    }
    return _vsnwprintf(buf, INT_MAX, format, args);
}

/*********************************************************************
 *      swprintf (MSVCRT.@)
 */
int __cdecl msvcrt_swprintf(wchar_t *buf, const wchar_t *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = msvcrt_vswprintf(buf, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      _scwprintf (MSVCRT.@)
 */
int __cdecl _scwprintf(const wchar_t *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = _vscwprintf(format, args);
    va_end(args);
    return ret;
}
