/* wcs.c: wide (UTF-16) string functions; case mapping is ASCII only for now. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(string);

static wchar_t lower_wascii(wchar_t c)
{
    return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

size_t __cdecl wcslen(const wchar_t *s)
{
    const wchar_t *p = s;

    while (*p)
        p++;
    return p - s;
}

size_t __cdecl wcsnlen(const wchar_t *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

int __cdecl wcscmp(const wchar_t *a, const wchar_t *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a < *b ? -1 : *a > *b;
}

int __cdecl wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    if (!n)
        return 0;
    while (--n && *a && *a == *b)
        a++, b++;
    return *a < *b ? -1 : *a > *b;
}

wchar_t *__cdecl wcscpy(wchar_t *dst, const wchar_t *src)
{
    wchar_t *d = dst;

    while ((*d++ = *src++))
        ;
    return dst;
}

wchar_t *__cdecl wcsncpy(wchar_t *dst, const wchar_t *src, size_t n)
{
    size_t i = 0;

    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

wchar_t *__cdecl wcscat(wchar_t *dst, const wchar_t *src)
{
    wcscpy(dst + wcslen(dst), src);
    return dst;
}

/* wcschr, wcsrchr, wcsstr are dllrt's (dlls/dllrt/strsearch.c, shared with vcruntime140). */

/*********************************************************************
 *      _wcsdup (MSVCRT.@)
 */
wchar_t *__cdecl _wcsdup(const wchar_t *s)
{
    size_t size;
    wchar_t *copy;

    if (crt_null(s))
        return NULL;
    size = (wcslen(s) + 1) * sizeof(wchar_t);
    if ((copy = malloc(size)))
        memcpy(copy, s, size);
    return copy;
}

/*********************************************************************
 *      _wcsnicmp (MSVCRT.@)
 *
 * Case folding covers ASCII only so far (see docs/msvcrt.md).
 */
int __cdecl _wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n)
{
    wchar_t x = 0, y = 0;

    if (crt_null(a) || crt_null(b)) {
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    while (n--) {
        x = lower_wascii(*a++);
        y = lower_wascii(*b++);
        if (x != y || !x)
            break;
    }
    return x - y;
}

/*********************************************************************
 *      _wcsicmp (MSVCRT.@)
 */
int __cdecl _wcsicmp(const wchar_t *a, const wchar_t *b)
{
    return _wcsnicmp(a, b, (size_t)-1);
}
