/* printf.c: the printf family over dllrt's formatting engine (msvcrt semantics: no FMT_UCRT
 * flag, so %n is allowed, three-digit exponents, legacy _snprintf termination). */
#include "msvcrt.h"
#include "printf.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* msvcrt's sprintf/vsprintf have no bound; it formats into a pseudo-stream of INT_MAX chars. */
#define UNBOUNDED INT_MAX

static bool stream_sink_write(struct fmt_sink *sink, const void *data, size_t count)
{
    FILE *f = sink->ctx;
    return msvcrt_fwrite_nolock(data, 1, count, f) == count;
}

/* errno for a failed engine call (sink errors already set errno in _write). */
static int format_failed(enum fmt_error error)
{
    switch (error) {
    case FMT_EINVAL: errno = EINVAL; break;
    case FMT_EILSEQ: errno = EILSEQ; break;
    case FMT_EOVERFLOW: errno = ERANGE; break;
    default: break;
    }
    return -1;
}

/*********************************************************************
 *      vfprintf (MSVCRT.@)
 */
int __cdecl vfprintf(FILE *f, const char *format, va_list args)
{
    struct fmt_sink sink = { stream_sink_write, f, FMT_OK };
    bool tmp;
    int ret;

    if (!msvcrt_stream_valid(f) || crt_null(format)) {
        errno = EINVAL;
        return -1;
    }
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = fmt_vformat_a(&sink, 0, NULL, format, args);
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret < 0 ? format_failed(sink.error) : ret;
}

/*********************************************************************
 *      fprintf (MSVCRT.@)
 */
int __cdecl fprintf(FILE *f, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = vfprintf(f, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      vprintf (MSVCRT.@)
 */
int __cdecl vprintf(const char *format, va_list args)
{
    return vfprintf(msvcrt_stdout, format, args);
}

/*********************************************************************
 *      printf (MSVCRT.@)
 */
int __cdecl printf(const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = vfprintf(msvcrt_stdout, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      _vsnprintf (MSVCRT.@)
 *
 * Stores at most count chars; a NUL only if it fits. Returns -1 if the text did not fit.
 */
int __cdecl _vsnprintf(char *buf, size_t count, const char *format, va_list args)
{
    enum fmt_error error;
    int ret;

    if (crt_null(format) || (crt_null(buf) && count)) {
        errno = EINVAL;
        return -1;
    }
    ret = fmt_vsnprintf_a(buf, count, FMT_BUFFER_LEGACY, 0, NULL, &error, format, args);
    if (ret < 0 && error != FMT_ETRUNC)
        return format_failed(error);
    return ret;
}

/*********************************************************************
 *      _snprintf (MSVCRT.@)
 */
int __cdecl _snprintf(char *buf, size_t count, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = _vsnprintf(buf, count, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      vsprintf (MSVCRT.@)
 */
int __cdecl vsprintf(char *buf, const char *format, va_list args)
{
    if (crt_null(buf)) {
        errno = EINVAL;
        return -1;
    }
    return _vsnprintf(buf, UNBOUNDED, format, args);
}

/*********************************************************************
 *      sprintf (MSVCRT.@)
 */
int __cdecl sprintf(char *buf, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = vsprintf(buf, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      _vscprintf (MSVCRT.@)
 *
 * The length the text would have, without storing it.
 */
int __cdecl _vscprintf(const char *format, va_list args)
{
    enum fmt_error error;
    int ret;

    if (crt_null(format)) {
        errno = EINVAL;
        return -1;
    }
    ret = fmt_vsnprintf_a(NULL, 0, FMT_BUFFER_LEGACY, 0, NULL, &error, format, args);
    return ret < 0 ? format_failed(error) : ret;
}

/*********************************************************************
 *      _scprintf (MSVCRT.@)
 */
int __cdecl _scprintf(const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = _vscprintf(format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      _vsnwprintf (MSVCRT.@)
 */
int __cdecl _vsnwprintf(wchar_t *buf, size_t count, const wchar_t *format, va_list args)
{
    enum fmt_error error;
    int ret;

    if (crt_null(format) || (crt_null(buf) && count)) {
        errno = EINVAL;
        return -1;
    }
    ret = fmt_vsnprintf_w((fmt_wchar *)buf, count, FMT_BUFFER_LEGACY, 0, NULL, &error,
                          (const fmt_wchar *)format, args);
    if (ret < 0 && error != FMT_ETRUNC)
        return format_failed(error);
    return ret;
}

/*********************************************************************
 *      _snwprintf (MSVCRT.@)
 */
int __cdecl _snwprintf(wchar_t *buf, size_t count, const wchar_t *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = _vsnwprintf(buf, count, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      _vscwprintf (MSVCRT.@)
 */
int __cdecl _vscwprintf(const wchar_t *format, va_list args)
{
    enum fmt_error error;
    int ret;

    if (crt_null(format)) {
        errno = EINVAL;
        return -1;
    }
    ret = fmt_vsnprintf_w(NULL, 0, FMT_BUFFER_LEGACY, 0, NULL, &error,
                          (const fmt_wchar *)format, args);
    return ret < 0 ? format_failed(error) : ret;
}
