/* mbstr.c: the _mbs* string functions and _ismbblead, _getmbcp/_setmbcp. The multibyte code
 * page starts as the system's ANSI one; _setmbcp selects another single-byte one or none (0). Double-byte code pages (932, 936, 949, 950)
 * are not supported yet: _setmbcp refuses them, so every function here works on bytes and a
 * character is always one byte (_ismbblead is 0). */
#include "msvcrt.h"
#include <mbstring.h>
#include <mbctype.h>

DEFAULT_DEBUG_CHANNEL(msvcrt);

static int mb_codepage = -1;     /* -1: not chosen yet */

/*********************************************************************
 *      _getmbcp (MSVCRT.@)
 *
 * Until _setmbcp, the system's ANSI code page (as Wine reports too); 0 when that one is
 * double-byte, which is not supported yet.
 */
int __cdecl _getmbcp(void)
{
    if (mb_codepage == -1) {
        CPINFO info;
        UINT acp = GetACP();
        mb_codepage = GetCPInfo(acp, &info) && info.MaxCharSize == 1 ? (int)acp : 0;
    }
    return mb_codepage;
}

/*********************************************************************
 *      _setmbcp (MSVCRT.@)
 *
 * _MB_CP_SBCS (0) and single-byte code pages; _MB_CP_ANSI / _MB_CP_OEM / _MB_CP_LOCALE pick
 * the system's or the locale's. A code page that does not exist fails with EINVAL.
 */
int __cdecl _setmbcp(int cp)
{
    CPINFO info;

    if (cp == _MB_CP_ANSI)
        cp = GetACP();
    else if (cp == _MB_CP_OEM)
        cp = GetOEMCP();
    else if (cp == _MB_CP_LOCALE)
        cp = ___lc_codepage_func();
    if (cp == _MB_CP_SBCS) {
        mb_codepage = 0;
        return 0;
    }
    if (!GetCPInfo(cp, &info)) {
        errno = EINVAL;
        return -1;
    }
    if (info.MaxCharSize > 1) {
        FIXME("double-byte code page %d not supported\n", cp);
        errno = EINVAL;
        return -1;
    }
    mb_codepage = cp;
    return 0;
}

/*********************************************************************
 *      _ismbblead (MSVCRT.@)
 */
int __cdecl _ismbblead(unsigned int c)
{
    return 0;           /* single-byte code pages only */
}

/*********************************************************************
 *      _ismbbtrail (MSVCRT.@)
 */
int __cdecl _ismbbtrail(unsigned int c)
{
    return 0;
}

/*********************************************************************
 *      _mbslen (MSVCRT.@)
 */
size_t __cdecl _mbslen(const unsigned char *s)
{
    return strlen((const char *)s);
}

/*********************************************************************
 *      _mbschr (MSVCRT.@)
 */
unsigned char *__cdecl _mbschr(const unsigned char *s, unsigned int c)
{
    if (crt_null(s)) {
        errno = EINVAL;
        return NULL;
    }
    return (unsigned char *)strchr((const char *)s, (int)(c & 0xff));
}

/*********************************************************************
 *      _mbsrchr (MSVCRT.@)
 */
unsigned char *__cdecl _mbsrchr(const unsigned char *s, unsigned int c)
{
    if (crt_null(s)) {
        errno = EINVAL;
        return NULL;
    }
    return (unsigned char *)strrchr((const char *)s, (int)(c & 0xff));
}

/*********************************************************************
 *      _mbsstr (MSVCRT.@)
 */
unsigned char *__cdecl _mbsstr(const unsigned char *s, const unsigned char *sub)
{
    if (crt_null(s) || crt_null(sub)) {
        errno = EINVAL;
        return NULL;
    }
    return (unsigned char *)strstr((const char *)s, (const char *)sub);
}

/*********************************************************************
 *      _mbscmp (MSVCRT.@)
 *
 * _NLSCMPERROR with EINVAL for a NULL string.
 */
int __cdecl _mbscmp(const unsigned char *a, const unsigned char *b)
{
    int d;

    if (crt_null(a) || crt_null(b)) {
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    d = strcmp((const char *)a, (const char *)b);
    return d < 0 ? -1 : d > 0;
}

/*********************************************************************
 *      _mbsicmp (MSVCRT.@)
 */
int __cdecl _mbsicmp(const unsigned char *a, const unsigned char *b)
{
    int d;

    if (crt_null(a) || crt_null(b)) {
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    d = _stricmp((const char *)a, (const char *)b);
    return d < 0 ? -1 : d > 0;
}

/*********************************************************************
 *      _mbsinc (MSVCRT.@)
 */
unsigned char *__cdecl _mbsinc(const unsigned char *s)
{
    return (unsigned char *)s + 1;
}

/*********************************************************************
 *      _mbsnbcpy (MSVCRT.@)
 *
 * Copies at most count bytes and pads with NULs up to count, as strncpy.
 */
unsigned char *__cdecl _mbsnbcpy(unsigned char *dst, const unsigned char *src, size_t count)
{
    if (!count)
        return dst;
    if (crt_null(dst) || crt_null(src)) {
        errno = EINVAL;
        return NULL;
    }
    return (unsigned char *)strncpy((char *)dst, (const char *)src, count);
}

/*********************************************************************
 *      _mbstok (MSVCRT.@)
 *
 * strtok on characters; its position is kept per thread in msvcrt (here: per process, as
 * strtok's).
 */
unsigned char *__cdecl _mbstok(unsigned char *s, const unsigned char *delim)
{
    static unsigned char *next;
    unsigned char *start;

    if (crt_null(delim)) {
        errno = EINVAL;
        return NULL;
    }
    if (!s && !(s = next))
        return NULL;
    s += strspn((const char *)s, (const char *)delim);
    if (!*s) {
        next = NULL;
        return NULL;
    }
    start = s;
    s += strcspn((const char *)s, (const char *)delim);
    if (*s)
        *s++ = 0;
    next = s;
    return start;
}
