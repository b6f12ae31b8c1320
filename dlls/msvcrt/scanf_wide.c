/* scanf_wide.c: the wide scanf family (swscanf, _snwscanf, fwscanf, wscanf, their _s and _l
 * forms) and the _s / _l forms of the narrow one, over dllrt's engine (scan_vformat_w). Wide
 * strings end at their NUL (_snwscanf also after length chars); streams are read with fgetwc
 * and given back with ungetwc, under the stream's lock. In these functions %c, %s and %[ store
 * wide chars unless written %hc, %hs, %h[ or %C, %S (Microsoft's meaning, "scanf Type Field
 * Characters"). The locale argument of the _l forms is ignored: only the "C" locale exists. */
#include "msvcrt.h"
#include "scan_sources.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

static const struct scan_hooks plain_hooks = { msvcrt_scan_to_double, NULL, 0 };
static const struct scan_hooks secure_hooks = { msvcrt_scan_to_double, NULL, SCAN_SECURE };

struct wstring_input {
    const wchar_t *p, *end;
};

static int wstring_get(struct scan_source *src)
{
    struct wstring_input *in = src->ctx;

    if (in->p == in->end || !*in->p)
        return -1;
    return *in->p++;
}

static void wstring_unget(struct scan_source *src, int c)
{
    ((struct wstring_input *)src->ctx)->p--;
}

static int wstream_get(struct scan_source *src)
{
    wint_t c = fgetwc(src->ctx);
    return c == WEOF ? -1 : (int)c;
}

static void wstream_unget(struct scan_source *src, int c)
{
    ungetwc((wchar_t)c, src->ctx);
}

/* length: how many chars of str to read at most ((size_t)-1: up to the NUL). */
static int wstring_scan(const wchar_t *str, size_t length, const wchar_t *format, va_list args,
                        const struct scan_hooks *hooks)
{
    struct wstring_input in;
    struct scan_source src = { wstring_get, wstring_unget, &in };

    CRT_CHECK(!crt_null(str) && !crt_null(format), EINVAL, EOF);
    in.p = str;
    in.end = str + length;
    if (length == (size_t)-1 || in.end < in.p)
        in.end = (const wchar_t *)(UINTPTR_MAX & ~(uintptr_t)1);
    return scan_vformat_w(&src, (const uint16_t *)format, args, hooks);
}

static int wstream_scan(FILE *f, const wchar_t *format, va_list args,
                        const struct scan_hooks *hooks)
{
    struct scan_source src = { wstream_get, wstream_unget, f };
    int ret;

    CRT_CHECK(!crt_null(f) && !crt_null(format), EINVAL, EOF);
    msvcrt_stream_lock(f);
    ret = scan_vformat_w(&src, (const uint16_t *)format, args, hooks);
    msvcrt_stream_unlock(f);
    return ret;
}

/* Exported wrappers: one per name; the locale parameter of _l forms is ignored. */
#define WSCAN_STR(name, hooks, params, last, str, len) \
    int __cdecl name params \
    { \
        va_list args; \
        int ret; \
        va_start(args, last); \
        ret = wstring_scan(str, len, format, args, &hooks); \
        va_end(args); \
        return ret; \
    }

#define WSCAN_STREAM(name, hooks, params, last, f) \
    int __cdecl name params \
    { \
        va_list args; \
        int ret; \
        va_start(args, last); \
        ret = wstream_scan(f, format, args, &hooks); \
        va_end(args); \
        return ret; \
    }

/*********************************************************************
 *      swscanf, _swscanf_l, swscanf_s, _swscanf_s_l, _snwscanf & co. (MSVCRT.@)
 */
WSCAN_STR(swscanf, plain_hooks, (const wchar_t *str, const wchar_t *format, ...),
          format, str, (size_t)-1)
WSCAN_STR(_swscanf_l, plain_hooks, (const wchar_t *str, const wchar_t *format, _locale_t loc, ...),
          loc,
          str, (size_t)-1)
WSCAN_STR(swscanf_s, secure_hooks, (const wchar_t *str, const wchar_t *format, ...),
          format, str, (size_t)-1)
WSCAN_STR(_swscanf_s_l, secure_hooks,
          (const wchar_t *str, const wchar_t *format, _locale_t loc, ...), loc, str, (size_t)-1)
WSCAN_STR(_snwscanf, plain_hooks, (const wchar_t *str, size_t len, const wchar_t *format, ...),
          format,
          str, len)
WSCAN_STR(_snwscanf_l, plain_hooks,
          (const wchar_t *str, size_t len, const wchar_t *format, _locale_t loc, ...),
          loc, str, len)
WSCAN_STR(_snwscanf_s, secure_hooks,
          (const wchar_t *str, size_t len, const wchar_t *format, ...), format, str, len)
WSCAN_STR(_snwscanf_s_l, secure_hooks,
          (const wchar_t *str, size_t len, const wchar_t *format, _locale_t loc, ...),
          loc, str, len)

/*********************************************************************
 *      fwscanf, wscanf and their _l, _s forms (MSVCRT.@)
 */
WSCAN_STREAM(fwscanf, plain_hooks, (FILE *f, const wchar_t *format, ...), format, f)
WSCAN_STREAM(_fwscanf_l, plain_hooks, (FILE *f, const wchar_t *format, _locale_t loc, ...), loc, f)
WSCAN_STREAM(fwscanf_s, secure_hooks, (FILE *f, const wchar_t *format, ...), format, f)
WSCAN_STREAM(_fwscanf_s_l, secure_hooks, (FILE *f, const wchar_t *format, _locale_t loc, ...),
             loc, f)
WSCAN_STREAM(wscanf, plain_hooks, (const wchar_t *format, ...), format, msvcrt_stdin)
WSCAN_STREAM(_wscanf_l, plain_hooks, (const wchar_t *format, _locale_t loc, ...), loc, msvcrt_stdin)
WSCAN_STREAM(wscanf_s, secure_hooks, (const wchar_t *format, ...), format, msvcrt_stdin)
WSCAN_STREAM(_wscanf_s_l, secure_hooks, (const wchar_t *format, _locale_t loc, ...),
             loc, msvcrt_stdin)

/* ---- the UCRT's entry points ---- */

#ifdef VINHO_UCRT
#define SCANF_SECURECRT 0x1ULL
#define SCANF_LEGACY_WIDE 0x2ULL
#define SCANF_LEGACY_MSVCRT 0x4ULL

/* The hooks for the option bits, or false (invalid parameter) for unknown ones. */
static bool ucrt_wide_hooks(uint64_t options, struct scan_hooks *hooks)
{
    if (options & ~(SCANF_SECURECRT | SCANF_LEGACY_WIDE | SCANF_LEGACY_MSVCRT)) {
        FIXME("unknown scanf options %#llx\n", (unsigned long long)options);
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return false;
    }
    hooks->to_double = msvcrt_scan_to_double;
    hooks->ctx = NULL;
    hooks->flags = ((options & SCANF_SECURECRT) ? SCAN_SECURE : 0) |
                   ((options & SCANF_LEGACY_WIDE) ? 0 : SCAN_ISO_WIDE);
    return true;
}

/*********************************************************************
 *      __stdio_common_vswscanf (UCRTBASE.@)
 *
 * count: the length of the input, or (size_t)-1 for up to its NUL.
 */
int __cdecl __stdio_common_vswscanf(uint64_t options, const wchar_t *str, size_t count,
                                    const wchar_t *format, _locale_t locale, va_list args)
{
    struct scan_hooks hooks;

    if (!ucrt_wide_hooks(options, &hooks))
        return EOF;
    return wstring_scan(str, count, format, args, &hooks);
}

/*********************************************************************
 *      __stdio_common_vfwscanf (UCRTBASE.@)
 */
int __cdecl __stdio_common_vfwscanf(uint64_t options, FILE *f, const wchar_t *format,
                                    _locale_t locale, va_list args)
{
    struct scan_hooks hooks;

    if (!ucrt_wide_hooks(options, &hooks))
        return EOF;
    return wstream_scan(f, format, args, &hooks);
}
#endif
