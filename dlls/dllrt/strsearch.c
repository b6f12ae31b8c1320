/* strsearch.c: strchr, strrchr, strstr and their 16-bit wide forms, shared by msvcrt.dll,
 * ucrtbase.dll and vcruntime140.dll (each exports them; one copy of the code serves all three).
 * wchar_t is a UTF-16 unit in these DLLs. The terminating NUL is part of the string: searching
 * for 0 finds it. */
#include <stddef.h>

typedef unsigned short wchar16;

/***********************************************************************
 *           strchr
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

/***********************************************************************
 *           strrchr
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

/***********************************************************************
 *           strstr
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

/***********************************************************************
 *           wcschr
 */
wchar16 *__cdecl wcschr(const wchar16 *s, wchar16 c)
{
    for (;; s++) {
        if (*s == c)
            return (wchar16 *)s;
        if (!*s)
            return NULL;
    }
}

/***********************************************************************
 *           wcsrchr
 */
wchar16 *__cdecl wcsrchr(const wchar16 *s, wchar16 c)
{
    const wchar16 *last = NULL;

    for (;; s++) {
        if (*s == c)
            last = s;
        if (!*s)
            return (wchar16 *)last;
    }
}

/***********************************************************************
 *           wcsstr
 */
wchar16 *__cdecl wcsstr(const wchar16 *hay, const wchar16 *needle)
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
