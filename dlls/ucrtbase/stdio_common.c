/* stdio_common.c: the UCRT's formatted I/O entry points, __stdio_common_v*printf* and
 * __stdio_common_v*scanf, which the inline printf family of the UCRT headers calls with option
 * bits (corecrt_stdio_config.h). Formatting is dllrt's engine (docs/printf.md); the locale
 * argument is ignored (only the "C" locale exists). */
#include "msvcrt.h"
#include "printf.h"
#include "scan_sources.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

#define PRINTF_OPTION_BITS 0x3fULL
#define SCANF_SECURECRT 0x1ULL
#define SCANF_LEGACY_WIDE 0x2ULL
#define SCANF_LEGACY_MSVCRT 0x4ULL

static int count_output;    /* _set_printf_count_output: %n allowed */

/*********************************************************************
 *      _set_printf_count_output (UCRTBASE.@)
 *
 * Returns the previous setting.
 */
int __cdecl _set_printf_count_output(int enable)
{
    return InterlockedExchange((LONG *)&count_output, !!enable);
}

/*********************************************************************
 *      _get_printf_count_output (UCRTBASE.@)
 */
int __cdecl _get_printf_count_output(void)
{
    return count_output;
}

/* The engine flags of a call: false (invalid parameter, EINVAL) for unknown option bits. */
static bool printf_flags(uint64_t options, unsigned extra, unsigned *flags,
                         enum fmt_buffer_mode *mode)
{
    if (!fmt_ucrt_options(options, flags, mode)) {
        FIXME("unknown printf options %#llx\n", (unsigned long long)options);
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return false;
    }
    *flags |= extra | (count_output ? FMT_COUNT_OUTPUT : 0);
    return true;
}

/* A failed engine call: the invalid-parameter handler for malformed formats (the UCRT
 * validates every format), errno for the others. Returns -1. */
static int format_failed(enum fmt_error error)
{
    switch (error) {
    case FMT_EINVAL: errno = EINVAL; _invalid_parameter_noinfo(); break;
    case FMT_EILSEQ: errno = EILSEQ; break;
    case FMT_EOVERFLOW: errno = ERANGE; break;
    default: break;
    }
    return -1;
}

static bool stream_sink_write(struct fmt_sink *sink, const void *data, size_t count)
{
    return msvcrt_fwrite_nolock(data, 1, count, sink->ctx) == count;
}

static int vfprintf_common(uint64_t options, unsigned extra, FILE *f, const char *format,
                           va_list args)
{
    struct fmt_sink sink = { stream_sink_write, f, FMT_OK };
    enum fmt_buffer_mode mode;
    unsigned flags;
    bool tmp;
    int ret;

    if (!msvcrt_stream_valid(f) || crt_null(format)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (!printf_flags(options, extra, &flags, &mode))
        return -1;
    msvcrt_stream_lock(f);
    tmp = msvcrt_tmpbuf_begin(f);
    ret = fmt_vformat_a(&sink, flags, NULL, format, args);
    msvcrt_tmpbuf_end(f, tmp);
    msvcrt_stream_unlock(f);
    return ret < 0 ? format_failed(sink.error) : ret;
}

/*********************************************************************
 *      __stdio_common_vfprintf (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfprintf(uint64_t options, FILE *f, const char *format,
                                    _locale_t locale, va_list args)
{
    return vfprintf_common(options, 0, f, format, args);
}

/*********************************************************************
 *      __stdio_common_vfprintf_s (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfprintf_s(uint64_t options, FILE *f, const char *format,
                                      _locale_t locale, va_list args)
{
    return vfprintf_common(options, FMT_VALIDATE, f, format, args);
}

/*********************************************************************
 *      __stdio_common_vfprintf_p (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfprintf_p(uint64_t options, FILE *f, const char *format,
                                      _locale_t locale, va_list args)
{
    return vfprintf_common(options, FMT_POSITIONAL, f, format, args);
}

static int vfwprintf_common(uint64_t options, unsigned extra, FILE *f, const wchar_t *format,
                            va_list args)
{
    enum fmt_buffer_mode mode;
    unsigned flags;
    int ret;

    if (!msvcrt_stream_valid(f) || crt_null(format)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (!printf_flags(options, extra, &flags, &mode))
        return -1;
    ret = msvcrt_vfwprintf_flags(f, flags, format, args);
    if (ret < 0 && errno == EINVAL)
        _invalid_parameter_noinfo();
    return ret;
}

/*********************************************************************
 *      __stdio_common_vfwprintf (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfwprintf(uint64_t options, FILE *f, const wchar_t *format,
                                     _locale_t locale, va_list args)
{
    return vfwprintf_common(options, 0, f, format, args);
}

/*********************************************************************
 *      __stdio_common_vfwprintf_s (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfwprintf_s(uint64_t options, FILE *f, const wchar_t *format,
                                       _locale_t locale, va_list args)
{
    return vfwprintf_common(options, FMT_VALIDATE, f, format, args);
}

/*********************************************************************
 *      __stdio_common_vfwprintf_p (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfwprintf_p(uint64_t options, FILE *f, const wchar_t *format,
                                       _locale_t locale, va_list args)
{
    return vfwprintf_common(options, FMT_POSITIONAL, f, format, args);
}

/* One buffer call of either width. */
static int vsnprintf_any(bool wide, void *buf, size_t count, enum fmt_buffer_mode mode,
                         unsigned flags, enum fmt_error *error, const void *format, va_list args)
{
    return wide ? fmt_vsnprintf_w(buf, count, mode, flags, NULL, error, format, args)
                : fmt_vsnprintf_a(buf, count, mode, flags, NULL, error, format, args);
}

static void terminate_at(bool wide, void *buf, size_t i)
{
    if (wide)
        ((fmt_wchar *)buf)[i] = 0;
    else
        ((char *)buf)[i] = 0;
}

/* __stdio_common_vsprintf and _p: the buffer mode from the options. */
static int vsprintf_common(bool wide, uint64_t options, unsigned extra, void *buf, size_t count,
                           const void *format, va_list args)
{
    enum fmt_buffer_mode mode;
    enum fmt_error error;
    unsigned flags;
    int ret;

    if (crt_null(format) || (crt_null(buf) && count)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (!printf_flags(options, extra, &flags, &mode))
        return -1;
    ret = vsnprintf_any(wide, buf, count, mode, flags, &error, format, args);
    if (ret == -1 && error != FMT_ETRUNC)
        return format_failed(error);
    return ret;
}

/* __stdio_common_vsprintf_s: the text must fit with its NUL; otherwise the buffer is emptied
 * and the handler runs with ERANGE (documented for sprintf_s). */
static int vsprintf_s_common(bool wide, uint64_t options, void *buf, size_t count,
                             const void *format, va_list args)
{
    enum fmt_buffer_mode mode;
    enum fmt_error error;
    unsigned flags;
    int ret;

    if (crt_null(format) || crt_null(buf) || !count) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (!printf_flags(options, FMT_VALIDATE, &flags, &mode))
        return -1;
    ret = vsnprintf_any(wide, buf, count, FMT_BUFFER_UCRT, flags, &error, format, args);
    if (ret == -2 || (ret == -1 && error == FMT_ETRUNC)) {
        terminate_at(wide, buf, 0);
        errno = ERANGE;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (ret < 0) {
        terminate_at(wide, buf, 0);
        return format_failed(error);
    }
    return ret;
}

/* __stdio_common_vsnprintf_s: at most max_count chars (_TRUNCATE: as many as fit), -1 when cut;
 * the handler with ERANGE only when the buffer, not max_count, was the limit. */
static int vsnprintf_s_common(bool wide, uint64_t options, void *buf, size_t size,
                              size_t max_count, const void *format, va_list args)
{
    enum fmt_buffer_mode mode;
    enum fmt_error error;
    unsigned flags;
    size_t limit = size;
    int ret;

    if (crt_null(format) || crt_null(buf) || !size) {
        if (!crt_null(buf) && size)
            terminate_at(wide, buf, 0);
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (!printf_flags(options, FMT_VALIDATE, &flags, &mode))
        return -1;
    if (max_count != _TRUNCATE && max_count < size)
        limit = max_count + 1;
    ret = vsnprintf_any(wide, buf, limit, FMT_BUFFER_UCRT, flags, &error, format, args);
    if (ret == -2 || (ret == -1 && error == FMT_ETRUNC)) {
        if (max_count == _TRUNCATE || max_count < size)
            return -1;
        terminate_at(wide, buf, 0);
        errno = ERANGE;
        _invalid_parameter_noinfo();
        return -1;
    }
    if (ret < 0) {
        terminate_at(wide, buf, 0);
        return format_failed(error);
    }
    return ret;
}

/*********************************************************************
 *      __stdio_common_vsprintf (UCRTBASE.@)
 */
int __cdecl __stdio_common_vsprintf(uint64_t options, char *buf, size_t count, const char *format,
                                    _locale_t locale, va_list args)
{
    return vsprintf_common(false, options, 0, buf, count, format, args);
}

/*********************************************************************
 *      __stdio_common_vsprintf_p (UCRTBASE.@)
 */
int __cdecl __stdio_common_vsprintf_p(uint64_t options, char *buf, size_t count,
                                      const char *format, _locale_t locale, va_list args)
{
    return vsprintf_common(false, options, FMT_POSITIONAL, buf, count, format, args);
}

/*********************************************************************
 *      __stdio_common_vsprintf_s (UCRTBASE.@)
 */
int __cdecl __stdio_common_vsprintf_s(uint64_t options, char *buf, size_t count,
                                      const char *format, _locale_t locale, va_list args)
{
    return vsprintf_s_common(false, options, buf, count, format, args);
}

/*********************************************************************
 *      __stdio_common_vsnprintf_s (UCRTBASE.@)
 */
int __cdecl __stdio_common_vsnprintf_s(uint64_t options, char *buf, size_t size, size_t max_count,
                                       const char *format, _locale_t locale, va_list args)
{
    return vsnprintf_s_common(false, options, buf, size, max_count, format, args);
}

/*********************************************************************
 *      __stdio_common_vswprintf (UCRTBASE.@)
 */
int __cdecl __stdio_common_vswprintf(uint64_t options, wchar_t *buf, size_t count,
                                     const wchar_t *format, _locale_t locale, va_list args)
{
    return vsprintf_common(true, options, 0, buf, count, format, args);
}

/*********************************************************************
 *      __stdio_common_vswprintf_p (UCRTBASE.@)
 */
int __cdecl __stdio_common_vswprintf_p(uint64_t options, wchar_t *buf, size_t count,
                                       const wchar_t *format, _locale_t locale, va_list args)
{
    return vsprintf_common(true, options, FMT_POSITIONAL, buf, count, format, args);
}

/*********************************************************************
 *      __stdio_common_vswprintf_s (UCRTBASE.@)
 */
int __cdecl __stdio_common_vswprintf_s(uint64_t options, wchar_t *buf, size_t count,
                                       const wchar_t *format, _locale_t locale, va_list args)
{
    return vsprintf_s_common(true, options, buf, count, format, args);
}

/*********************************************************************
 *      __stdio_common_vsnwprintf_s (UCRTBASE.@)
 */
int __cdecl __stdio_common_vsnwprintf_s(uint64_t options, wchar_t *buf, size_t size,
                                        size_t max_count, const wchar_t *format, _locale_t locale,
                                        va_list args)
{
    return vsnprintf_s_common(true, options, buf, size, max_count, format, args);
}

/* ---- scanf ---- */

/* The hooks of a call, or false (FIXME, EINVAL) for options the engine lacks. */
static bool scanf_hooks(uint64_t options, struct scan_hooks *hooks)
{
    if (options & ~(SCANF_SECURECRT | SCANF_LEGACY_WIDE | SCANF_LEGACY_MSVCRT)) {
        FIXME("unknown scanf options %#llx\n", (unsigned long long)options);
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return false;
    }
    hooks->to_double = msvcrt_scan_to_double;
    hooks->ctx = NULL;
    hooks->flags = (options & SCANF_SECURECRT) ? SCAN_SECURE : 0;
    return true;
}

/*********************************************************************
 *      __stdio_common_vsscanf (UCRTBASE.@)
 *
 * count: the length of the input, or (size_t)-1 for up to its NUL.
 */
int __cdecl __stdio_common_vsscanf(uint64_t options, const char *str, size_t count,
                                   const char *format, _locale_t locale, va_list args)
{
    struct msvcrt_string_input in;
    struct scan_source src;
    struct scan_hooks hooks;

    if (crt_null(str) || crt_null(format)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return EOF;
    }
    if (!scanf_hooks(options, &hooks))
        return EOF;
    msvcrt_string_source(&src, &in, str, count);
    return scan_vformat_a(&src, format, args, &hooks);
}

/*********************************************************************
 *      __stdio_common_vfscanf (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfscanf(uint64_t options, FILE *f, const char *format,
                                   _locale_t locale, va_list args)
{
    struct scan_source src;
    struct scan_hooks hooks;
    int ret;

    if (!msvcrt_stream_valid(f) || crt_null(format)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return EOF;
    }
    if (!scanf_hooks(options, &hooks))
        return EOF;
    msvcrt_stream_source(&src, f);
    msvcrt_stream_lock(f);
    ret = scan_vformat_a(&src, format, args, &hooks);
    msvcrt_stream_unlock(f);
    return ret;
}
