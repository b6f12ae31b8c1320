/* string.c: the string searches vcruntime140.dll exports (the C runtime's memcpy, memmove,
 * memset, memcmp and memchr come from dllrt). wchar_t is 16 bits (UTF-16 units). */
#include <windows.h>
#include "vinho/pe_side.h"

typedef unsigned short wchar16;

/*********************************************************************
 *      strchr (VCRUNTIME140.@)
 *
 * The terminating NUL is part of the string: strchr(s, 0) finds it.
 */
char *__cdecl strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

/*********************************************************************
 *      strrchr (VCRUNTIME140.@)
 */
char *__cdecl strrchr(const char *s, int c)
{
    const char *last = NULL;

    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (!*s)
            return (char *)last;
    }
}

/*********************************************************************
 *      strstr (VCRUNTIME140.@)
 */
char *__cdecl strstr(const char *hay, const char *needle)
{
    if (!*needle)
        return (char *)hay;
    for (; *hay; hay++) {
        size_t i = 0;
        while (needle[i] && hay[i] == needle[i])
            i++;
        if (!needle[i])
            return (char *)hay;
    }
    return NULL;
}

/*********************************************************************
 *      wcschr (VCRUNTIME140.@)
 */
wchar16 *__cdecl vcrt_wcschr(const wchar16 *s, wchar16 c)
{
    for (;; s++) {
        if (*s == c)
            return (wchar16 *)s;
        if (!*s)
            return NULL;
    }
}

/*********************************************************************
 *      wcsrchr (VCRUNTIME140.@)
 */
wchar16 *__cdecl vcrt_wcsrchr(const wchar16 *s, wchar16 c)
{
    const wchar16 *last = NULL;

    for (;; s++) {
        if (*s == c)
            last = s;
        if (!*s)
            return (wchar16 *)last;
    }
}

/*********************************************************************
 *      wcsstr (VCRUNTIME140.@)
 */
wchar16 *__cdecl vcrt_wcsstr(const wchar16 *hay, const wchar16 *needle)
{
    if (!*needle)
        return (wchar16 *)hay;
    for (; *hay; hay++) {
        size_t i = 0;
        while (needle[i] && hay[i] == needle[i])
            i++;
        if (!needle[i])
            return (wchar16 *)hay;
    }
    return NULL;
}
