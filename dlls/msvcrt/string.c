/* string.c: narrow string and memory functions ("C" locale). memcpy, memmove, memset, memcmp
 * and strlen come from dllrt and are exported as they are. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(string);

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

int __cdecl strcmp(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

    while (*x && *x == *y)
        x++, y++;
    return *x < *y ? -1 : *x > *y;
}

int __cdecl strncmp(const char *a, const char *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;

    if (!n)
        return 0;
    while (--n && *x && *x == *y)
        x++, y++;
    return *x < *y ? -1 : *x > *y;
}

/* strcoll in the "C" locale is strcmp. */
int __cdecl strcoll(const char *a, const char *b)
{
    return strcmp(a, b);
}

char *__cdecl strcpy(char *dst, const char *src)
{
    char *d = dst;

    while ((*d++ = *src++))
        ;
    return dst;
}

/* Copies at most n chars and pads with NULs up to n (no terminator if src is longer). */
char *__cdecl strncpy(char *dst, const char *src, size_t n)
{
    size_t i = 0;

    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = 0;
    return dst;
}

char *__cdecl strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

/* Appends at most n chars, always terminated. */
char *__cdecl strncat(char *dst, const char *src, size_t n)
{
    char *d = dst + strlen(dst);

    while (n-- && *src)
        *d++ = *src++;
    *d = 0;
    return dst;
}

/* strchr, strrchr, strstr are dllrt's (dlls/dllrt/strsearch.c, shared with vcruntime140). */

/* memchr, like memcpy & co., is dllrt's (dlls/dllrt/string.c: SSE2). */

size_t __cdecl strspn(const char *s, const char *accept)
{
    size_t n = 0;

    while (s[n] && strchr(accept, s[n]))
        n++;
    return n;
}

size_t __cdecl strcspn(const char *s, const char *reject)
{
    size_t n = 0;

    while (s[n] && !strchr(reject, s[n]))
        n++;
    return n;
}

char *__cdecl strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}

/*********************************************************************
 *      strtok (MSVCRT.@)
 *
 * The position is per thread, as in msvcrt.
 */
char *__cdecl strtok(char *s, const char *delim)
{
    struct thread_data *data = msvcrt_thread_data();
    char *token;

    if (!s && !(s = data->strtok_next))
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        data->strtok_next = NULL;
        return NULL;
    }
    token = s;
    s += strcspn(s, delim);
    if (*s)
        *s++ = 0;
    data->strtok_next = s;
    return token;
}

/*********************************************************************
 *      _strdup (MSVCRT.@)
 */
char *__cdecl _strdup(const char *s)
{
    size_t len;
    char *copy;

    if (crt_null(s))
        return NULL;
    len = strlen(s) + 1;
    if ((copy = malloc(len)))
        memcpy(copy, s, len);
    return copy;
}

/*********************************************************************
 *      _stricmp (MSVCRT.@)
 *
 * "C" locale: ASCII letters compare as lower case.
 */
int __cdecl _stricmp(const char *a, const char *b)
{
    return _strnicmp(a, b, (size_t)-1);
}

/*********************************************************************
 *      _strnicmp (MSVCRT.@)
 */
int __cdecl _strnicmp(const char *a, const char *b, size_t n)
{
    int x = 0, y = 0;

    if (crt_null(a) || crt_null(b)) {
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    while (n--) {
        x = lower_ascii((unsigned char)*a++);
        y = lower_ascii((unsigned char)*b++);
        if (x != y || !x)
            break;
    }
    return x - y;
}

/*********************************************************************
 *      _memicmp (MSVCRT.@)
 */
int __cdecl _memicmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    if (n && (crt_null(a) || crt_null(b))) {
        errno = EINVAL;
        return _NLSCMPERROR;
    }
    for (; n; n--, x++, y++) {
        int d = lower_ascii(*x) - lower_ascii(*y);
        if (d)
            return d;
    }
    return 0;
}

char *__cdecl _strlwr(char *s)
{
    for (char *p = s; p && *p; p++)
        *p = lower_ascii((unsigned char)*p);
    return s;
}

char *__cdecl _strupr(char *s)
{
    for (char *p = s; p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p -= 'a' - 'A';
    return s;
}

char *__cdecl _strrev(char *s)
{
    size_t len = strlen(s);

    for (size_t i = 0; i < len / 2; i++) {
        char c = s[i];
        s[i] = s[len - 1 - i];
        s[len - 1 - i] = c;
    }
    return s;
}

size_t __cdecl strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}
