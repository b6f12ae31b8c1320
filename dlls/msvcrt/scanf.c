/* scanf.c: the narrow scanf family over dllrt's scanf engine (docs in dlls/dllrt/scanf.c).
 * Strings end at their NUL (_snscanf also after length chars); streams are read with fgetc and
 * given back with ungetc, under the stream's lock for the whole call. Floats convert through our
 * strtod. The wide family is in scanf_wide.c. */
#include "msvcrt.h"
#include "scan_sources.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

#undef strtod   /* mingw-w64's stdlib.h renames it to its own __strtod */
double __cdecl strtod(const char *str, char **end);

double msvcrt_scan_to_double(const char *text, void *ctx)
{
    return strtod(text, NULL);
}

static const struct scan_hooks msvcrt_scan_hooks = { msvcrt_scan_to_double, NULL, 0 };
static const struct scan_hooks secure_scan_hooks = { msvcrt_scan_to_double, NULL, SCAN_SECURE };

static int string_get(struct scan_source *src)
{
    struct msvcrt_string_input *in = src->ctx;

    if (in->p == in->end || !*in->p)
        return EOF;
    return *in->p++;
}

static void string_unget(struct scan_source *src, int c)
{
    struct msvcrt_string_input *in = src->ctx;
    in->p--;
}

static int stream_get(struct scan_source *src)
{
    return fgetc(src->ctx);
}

static void stream_unget(struct scan_source *src, int c)
{
    ungetc(c, src->ctx);
}

void msvcrt_string_source(struct scan_source *src, struct msvcrt_string_input *in,
                          const char *str, size_t length)
{
    in->p = (const unsigned char *)str;
    in->end = in->p + length;
    if (length == (size_t)-1 || in->end < in->p)
        in->end = (const unsigned char *)UINTPTR_MAX;
    src->get = string_get;
    src->unget = string_unget;
    src->ctx = in;
}

void msvcrt_stream_source(struct scan_source *src, FILE *f)
{
    src->get = stream_get;
    src->unget = stream_unget;
    src->ctx = f;
}

static int string_scan_hooks(const char *str, size_t length, const char *format, va_list args,
                             const struct scan_hooks *hooks)
{
    struct msvcrt_string_input in;
    struct scan_source src;

    if (crt_null(str) || crt_null(format)) {
        errno = EINVAL;
        return EOF;
    }
    msvcrt_string_source(&src, &in, str, length);
    return scan_vformat_a(&src, format, args, hooks);
}

static int string_scan(const char *str, size_t length, const char *format, va_list args)
{
    return string_scan_hooks(str, length, format, args, &msvcrt_scan_hooks);
}

static int stream_scan_hooks(FILE *f, const char *format, va_list args,
                             const struct scan_hooks *hooks)
{
    struct scan_source src;
    int ret;

    if (!msvcrt_stream_valid(f) || crt_null(format)) {
        errno = EINVAL;
        return EOF;
    }
    msvcrt_stream_source(&src, f);
    msvcrt_stream_lock(f);
    ret = scan_vformat_a(&src, format, args, hooks);
    msvcrt_stream_unlock(f);
    return ret;
}

static int stream_scan(FILE *f, const char *format, va_list args)
{
    return stream_scan_hooks(f, format, args, &msvcrt_scan_hooks);
}

/*********************************************************************
 *      sscanf (MSVCRT.@)
 */
int __cdecl sscanf(const char *str, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = string_scan(str, SIZE_MAX, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      _snscanf (MSVCRT.@)
 *
 * As sscanf, reading at most length chars of str.
 */
int __cdecl _snscanf(const char *str, size_t length, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = string_scan(str, length, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      fscanf (MSVCRT.@)
 */
int __cdecl fscanf(FILE *f, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = stream_scan(f, format, args);
    va_end(args);
    return ret;
}

/*********************************************************************
 *      scanf (MSVCRT.@)
 */
int __cdecl scanf(const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = stream_scan(msvcrt_stdin, format, args);
    va_end(args);
    return ret;
}

/* The _s and _l forms: the _s ones take a buffer size after each %c, %s, %[ pointer; the
 * locale of the _l ones is ignored (only the "C" locale exists). */
#define SCAN_STR(name, hooks, params, last, str, len) \
    int __cdecl name params \
    { \
        va_list args; \
        int ret; \
        va_start(args, last); \
        ret = string_scan_hooks(str, len, format, args, &hooks); \
        va_end(args); \
        return ret; \
    }

#define SCAN_STREAM(name, hooks, params, last, f) \
    int __cdecl name params \
    { \
        va_list args; \
        int ret; \
        va_start(args, last); \
        ret = stream_scan_hooks(f, format, args, &hooks); \
        va_end(args); \
        return ret; \
    }

/*********************************************************************
 *      _sscanf_l, sscanf_s, _sscanf_s_l, _snscanf_l, _snscanf_s, _snscanf_s_l (MSVCRT.@)
 */
SCAN_STR(_sscanf_l, msvcrt_scan_hooks, (const char *str, const char *format, _locale_t loc, ...),
         loc,
         str, SIZE_MAX)
SCAN_STR(sscanf_s, secure_scan_hooks, (const char *str, const char *format, ...),
         format, str, SIZE_MAX)
SCAN_STR(_sscanf_s_l, secure_scan_hooks,
         (const char *str, const char *format, _locale_t loc, ...), loc, str, SIZE_MAX)
SCAN_STR(_snscanf_l, msvcrt_scan_hooks,
         (const char *str, size_t len, const char *format, _locale_t loc, ...), loc, str, len)
SCAN_STR(_snscanf_s, secure_scan_hooks,
         (const char *str, size_t len, const char *format, ...), format, str, len)
SCAN_STR(_snscanf_s_l, secure_scan_hooks,
         (const char *str, size_t len, const char *format, _locale_t loc, ...), loc, str, len)

/*********************************************************************
 *      _fscanf_l, fscanf_s, _fscanf_s_l, _scanf_l, scanf_s, _scanf_s_l (MSVCRT.@)
 */
SCAN_STREAM(_fscanf_l, msvcrt_scan_hooks, (FILE *f, const char *format, _locale_t loc, ...), loc, f)
SCAN_STREAM(fscanf_s, secure_scan_hooks, (FILE *f, const char *format, ...), format, f)
SCAN_STREAM(_fscanf_s_l, secure_scan_hooks, (FILE *f, const char *format, _locale_t loc, ...),
            loc, f)
SCAN_STREAM(_scanf_l, msvcrt_scan_hooks, (const char *format, _locale_t loc, ...),
            loc, msvcrt_stdin)
SCAN_STREAM(scanf_s, secure_scan_hooks, (const char *format, ...), format, msvcrt_stdin)
SCAN_STREAM(_scanf_s_l, secure_scan_hooks, (const char *format, _locale_t loc, ...),
            loc, msvcrt_stdin)
