/* strsafe_w.c: the wide instance of strsafe_tmpl.h (wcscpy_s, wcstok_s, _wcsset...), plus the
 * wide-only functions whose narrow twins predate the template (string.c, stdlib.c): wcsspn,
 * wcscspn, wcspbrk, wcsncat, wcstok, _wcsrev, _wcslwr, _wcsupr, wcstol & co., _itow & co. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

#define CH wchar_t
#define SETCH wchar_t
#define NAME(narrow, wide) wide
#include "strsafe_tmpl.h"

/*********************************************************************
 *      wcsspn (MSVCRT.@)
 */
size_t __cdecl wcsspn(const wchar_t *s, const wchar_t *set)
{
    size_t n = 0;
    while (s[n] && in_set_w(s[n], set))
        n++;
    return n;
}

/*********************************************************************
 *      wcscspn (MSVCRT.@)
 */
size_t __cdecl wcscspn(const wchar_t *s, const wchar_t *set)
{
    size_t n = 0;
    while (s[n] && !in_set_w(s[n], set))
        n++;
    return n;
}

/*********************************************************************
 *      wcspbrk (MSVCRT.@)
 */
wchar_t *__cdecl wcspbrk(const wchar_t *s, const wchar_t *set)
{
    for (; *s; s++)
        if (in_set_w(*s, set))
            return (wchar_t *)s;
    return NULL;
}

/*********************************************************************
 *      wcsncat (MSVCRT.@)
 */
wchar_t *__cdecl wcsncat(wchar_t *dst, const wchar_t *src, size_t n)
{
    wchar_t *p = dst + wcs_len(dst);

    while (n-- && *src)
        *p++ = *src++;
    *p = 0;
    return dst;
}

/*********************************************************************
 *      wcstok (MSVCRT.@)
 *
 * msvcrt.dll's form has two arguments and a per-thread position; the UCRT's is C95's, with the
 * position in a third argument (NULL: the per-thread one, as the UCRT's _wcstok).
 */
#ifdef VINHO_UCRT
wchar_t *__cdecl crt_wcstok(wchar_t *str, const wchar_t *delim, wchar_t **context)
#else
wchar_t *__cdecl crt_wcstok(wchar_t *str, const wchar_t *delim)
#endif
{
    struct thread_data *td = msvcrt_thread_data();
#ifdef VINHO_UCRT
    if (context)
        return wcstok_s(str, delim, context);
#endif
    if (!td)
        return NULL;
    return wcstok_s(str, delim, &td->wcstok_next);
}

/*********************************************************************
 *      _wcsrev (MSVCRT.@)
 */
wchar_t *__cdecl _wcsrev(wchar_t *s)
{
    size_t n = wcs_len(s);

    for (size_t i = 0; i < n / 2; i++) {
        wchar_t t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}

/*********************************************************************
 *      _wcslwr (MSVCRT.@)
 *
 * Through towlower (the "C" locale: ASCII letters only, docs/msvcrt.md).
 */
wchar_t *__cdecl _wcslwr(wchar_t *s)
{
    for (wchar_t *p = s; *p; p++)
        *p = towlower(*p);
    return s;
}

/*********************************************************************
 *      _wcsupr (MSVCRT.@)
 */
wchar_t *__cdecl _wcsupr(wchar_t *s)
{
    for (wchar_t *p = s; *p; p++)
        *p = towupper(*p);
    return s;
}

/* ---- integer conversions: the wide text is narrowed and parsed by the narrow functions ---- */

/* The number part of a wide string (after white space) as narrow ASCII: *skip gets the
 * white-space length. Returns a heap string (NULL when out of memory). */
static char *narrow_number(const wchar_t *s, size_t *skip)
{
    size_t i = 0, n = 0;
    char *out;

    while (iswspace(s[i]))
        i++;
    while (s[i + n] && s[i + n] < 128 && (iswalnum(s[i + n]) || s[i + n] == '+' || s[i + n] == '-'))
        n++;
    if (!(out = malloc(n + 1)))
        return NULL;
    for (size_t k = 0; k < n; k++)
        out[k] = (char)s[i + k];
    out[n] = 0;
    *skip = i;
    return out;
}

#define WIDE_STRTO(name, type, narrow_fn)                                        \
    type __cdecl name(const wchar_t *s, wchar_t **end, int base)                 \
    {                                                                            \
        char *text, *nend;                                                       \
        size_t skip;                                                             \
        type v;                                                                  \
        if (crt_null(s)) {                                                       \
            errno = EINVAL;                                                      \
            if (end)                                                             \
                *end = NULL;                                                     \
            return 0;                                                            \
        }                                                                        \
        if (!(text = narrow_number(s, &skip))) {                                 \
            errno = ENOMEM;                                                      \
            return 0;                                                            \
        }                                                                        \
        v = narrow_fn(text, &nend, base);                                        \
        if (end)                                                                 \
            *end = (wchar_t *)(nend == text ? s : s + skip + (nend - text));     \
        free(text);                                                              \
        return v;                                                                \
    }

/*********************************************************************
 *      wcstol, wcstoul, _wcstoi64, _wcstoui64 (MSVCRT.@)
 *
 * As strtol & co. (saturation with ERANGE, endptr at the start when nothing converts).
 */
WIDE_STRTO(wcstol, long, strtol)
WIDE_STRTO(wcstoul, unsigned long, strtoul)
WIDE_STRTO(_wcstoi64, __int64, _strtoi64)
WIDE_STRTO(_wcstoui64, unsigned __int64, _strtoui64)

/*********************************************************************
 *      _wtoi, _wtol, _wtoi64 (MSVCRT.@)
 */
int __cdecl _wtoi(const wchar_t *s)
{
    long v = wcstol(s, NULL, 10);
    if (v > INT_MAX || v < INT_MIN)
        errno = ERANGE;
    return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}

long __cdecl _wtol(const wchar_t *s)
{
    return wcstol(s, NULL, 10);
}

__int64 __cdecl _wtoi64(const wchar_t *s)
{
    return _wcstoi64(s, NULL, 10);
}

static wchar_t *widen(const char *text, wchar_t *buf)
{
    size_t i = 0;

    if (!buf)
        return NULL;
    for (; text[i]; i++)
        buf[i] = (unsigned char)text[i];
    buf[i] = 0;
    return buf;
}

/*********************************************************************
 *      _itow, _ltow, _ultow, _i64tow, _ui64tow (MSVCRT.@)
 */
wchar_t *__cdecl _itow(int v, wchar_t *buf, int base)
{
    char text[72];
    return widen(_itoa(v, text, base), buf);
}

wchar_t *__cdecl _ltow(long v, wchar_t *buf, int base)
{
    char text[72];
    return widen(_ltoa(v, text, base), buf);
}

wchar_t *__cdecl _ultow(unsigned long v, wchar_t *buf, int base)
{
    char text[72];
    return widen(_ultoa(v, text, base), buf);
}

wchar_t *__cdecl _i64tow(__int64 v, wchar_t *buf, int base)
{
    char text[72];
    return widen(_i64toa(v, text, base), buf);
}

wchar_t *__cdecl _ui64tow(unsigned __int64 v, wchar_t *buf, int base)
{
    char text[72];
    return widen(_ui64toa(v, text, base), buf);
}
