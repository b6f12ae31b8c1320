/* env.c: the process environment: a block of "NAME=value\0" strings ending in "\0", owned by
 * the process parameters. Names compare case-insensitively, as on Windows. */
#include "kernelbase.h"
#undef GetEnvironmentStringsA

DEFAULT_DEBUG_CHANNEL(env);

static RTL_CRITICAL_SECTION env_lock = { NULL, -1, 0, 0, 0, 0 };
static BOOL env_on_heap;

static SIZE_T wstrlen(const WCHAR *s)
{
    SIZE_T n = 0;
    while (s[n])
        n++;
    return n;
}

static SIZE_T block_size(const WCHAR *env)
{
    const WCHAR *p = env;
    while (*p)
        p += wstrlen(p) + 1;
    return p - env + 1;
}

static WCHAR upcase(WCHAR c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/* The entry for name (len chars), or NULL. Entries like "=C:=C:\x" start with '='. */
static WCHAR *find_var(WCHAR *env, const WCHAR *name, SIZE_T len)
{
    for (WCHAR *p = env; *p; p += wstrlen(p) + 1) {
        SIZE_T i;
        for (i = 0; i < len && p[i] && upcase(p[i]) == upcase(name[i]); i++)
            ;
        if (i == len && p[len] == '=')
            return p;
    }
    return NULL;
}

/***********************************************************************
 *           GetEnvironmentStringsW   (kernelbase.@)
 */
LPWCH WINAPI GetEnvironmentStringsW(void)
{
    WCHAR *env, *copy;
    SIZE_T size;
    RtlEnterCriticalSection(&env_lock);
    env = process_params()->Environment;
    size = block_size(env) * sizeof(WCHAR);
    if ((copy = HeapAlloc(GetProcessHeap(), 0, size)))
        memcpy(copy, env, size);
    RtlLeaveCriticalSection(&env_lock);
    if (!copy)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return copy;
}

/***********************************************************************
 *           GetEnvironmentStringsA   (kernelbase.@)
 */
LPCH WINAPI GetEnvironmentStringsA(void)
{
    WCHAR *w = GetEnvironmentStringsW();
    char *a = NULL;
    int len;
    if (!w)
        return NULL;
    len = WideCharToMultiByte(CP_ACP, 0, w, block_size(w), NULL, 0, NULL, NULL);
    if (len > 0 && (a = HeapAlloc(GetProcessHeap(), 0, len)))
        WideCharToMultiByte(CP_ACP, 0, w, block_size(w), a, len, NULL, NULL);
    HeapFree(GetProcessHeap(), 0, w);
    return a;
}

BOOL WINAPI FreeEnvironmentStringsW(LPWCH env)
{
    return HeapFree(GetProcessHeap(), 0, env);
}

BOOL WINAPI FreeEnvironmentStringsA(LPCH env)
{
    return HeapFree(GetProcessHeap(), 0, env);
}

/***********************************************************************
 *           GetEnvironmentVariableW   (kernelbase.@)
 *
 * Returns the value's length when it fits, else the size needed including the NUL;
 * 0 with ERROR_ENVVAR_NOT_FOUND when the variable is not set.
 */
DWORD WINAPI GetEnvironmentVariableW(LPCWSTR name, LPWSTR value, DWORD size)
{
    WCHAR *entry;
    DWORD len, ret;
    if (!name || !*name) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    RtlEnterCriticalSection(&env_lock);
    entry = find_var(process_params()->Environment, name, wstrlen(name));
    if (!entry) {
        RtlLeaveCriticalSection(&env_lock);
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    entry += wstrlen(name) + 1;
    len = wstrlen(entry);
    if (len < size && value) {
        memcpy(value, entry, (len + 1) * sizeof(WCHAR));
        ret = len;
    } else {
        ret = len + 1;
    }
    RtlLeaveCriticalSection(&env_lock);
    /* An empty value is a success returning 0: the last error stays as it was (Windows sets
     * none on success), so callers tell "empty" from "unset" by presetting it. */
    return ret;
}

DWORD WINAPI GetEnvironmentVariableA(LPCSTR name, LPSTR value, DWORD size)
{
    WCHAR *wname = name ? kb_strdup_AtoW(name) : NULL, *wvalue;
    DWORD len, ret = 0;
    if (!wname) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    len = GetEnvironmentVariableW(wname, NULL, 0);
    if (len && (wvalue = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) {
        DWORD n = GetEnvironmentVariableW(wname, wvalue, len);
        ret = kb_copy_WtoA(wvalue, n, value, size);
        HeapFree(GetProcessHeap(), 0, wvalue);
    }
    HeapFree(GetProcessHeap(), 0, wname);
    return ret;
}

/***********************************************************************
 *           SetEnvironmentVariableW   (kernelbase.@)
 *
 * A NULL value removes the variable. The block is rebuilt, so pointers into the old one that
 * GetEnvironmentStrings handed out stay valid (they are copies anyway).
 */
BOOL WINAPI SetEnvironmentVariableW(LPCWSTR name, LPCWSTR value)
{
    SIZE_T nlen, vlen, old_size, new_size;
    WCHAR *env, *entry, *block, *p;

    if (!name || !*name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (const WCHAR *c = name + 1; *c; c++)
        if (*c == '=') {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
    nlen = wstrlen(name);
    vlen = value ? wstrlen(value) : 0;
    RtlEnterCriticalSection(&env_lock);
    env = process_params()->Environment;
    old_size = block_size(env);
    entry = find_var(env, name, nlen);
    new_size = old_size - (entry ? wstrlen(entry) + 1 : 0) + (value ? nlen + vlen + 2 : 0);
    if (!(block = HeapAlloc(GetProcessHeap(), 0, new_size * sizeof(WCHAR)))) {
        RtlLeaveCriticalSection(&env_lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    p = block;
    for (WCHAR *e = env; *e; e += wstrlen(e) + 1)
        if (e != entry) {
            memcpy(p, e, (wstrlen(e) + 1) * sizeof(WCHAR));
            p += wstrlen(e) + 1;
        }
    if (value) {
        memcpy(p, name, nlen * sizeof(WCHAR));
        p[nlen] = '=';
        memcpy(p + nlen + 1, value, (vlen + 1) * sizeof(WCHAR));
        p += nlen + vlen + 2;
    }
    *p = 0;
    process_params()->Environment = block;
    process_params()->EnvironmentSize = new_size * sizeof(WCHAR);
    if (env_on_heap)
        HeapFree(GetProcessHeap(), 0, env);
    env_on_heap = TRUE;
    RtlLeaveCriticalSection(&env_lock);
    return TRUE;
}

BOOL WINAPI SetEnvironmentVariableA(LPCSTR name, LPCSTR value)
{
    WCHAR *wname, *wvalue = NULL;
    BOOL ret = FALSE;
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!(wname = kb_strdup_AtoW(name)))
        return FALSE;
    if (!value || (wvalue = kb_strdup_AtoW(value)))
        ret = SetEnvironmentVariableW(wname, wvalue);
    HeapFree(GetProcessHeap(), 0, wname);
    HeapFree(GetProcessHeap(), 0, wvalue);
    return ret;
}

/* Appends n chars to the expansion: counted always, stored while they fit in size (which keeps
 * room for the NUL). */
static void expand_put(WCHAR *dst, DWORD size, DWORD *count, const WCHAR *src, SIZE_T n)
{
    for (SIZE_T i = 0; i < n; i++, (*count)++)
        if (dst && *count + 1 < size)
            dst[*count] = src[i];
}

/***********************************************************************
 *           ExpandEnvironmentStringsW   (kernelbase.@)
 *
 * %NAME% becomes the variable's value; an unknown name keeps its "%NAME%" and scanning goes on
 * after it; a % without a closing one is copied as is. Returns the size including the NUL, both
 * when the result fits and when it does not (then ERROR_INSUFFICIENT_BUFFER is set and the
 * buffer holds what fitted).
 */
DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR src, LPWSTR dst, DWORD size)
{
    DWORD count = 0;
    if (!src) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    RtlEnterCriticalSection(&env_lock);
    WCHAR *env = process_params()->Environment;
    while (*src) {
        const WCHAR *close, *entry;
        if (*src != '%') {
            expand_put(dst, size, &count, src++, 1);
            continue;
        }
        for (close = src + 1; *close && *close != '%'; close++)
            ;
        if (!*close) {                      /* a lone %: the rest is literal */
            expand_put(dst, size, &count, src, wstrlen(src));
            break;
        }
        SIZE_T nlen = close - src - 1;
        if (nlen && (entry = find_var(env, src + 1, nlen))) {
            entry += nlen + 1;
            expand_put(dst, size, &count, entry, wstrlen(entry));
        } else {
            expand_put(dst, size, &count, src, nlen + 2);
        }
        src = close + 1;
    }
    RtlLeaveCriticalSection(&env_lock);
    if (dst && size)
        dst[count < size ? count : size - 1] = 0;
    count++;                                /* the NUL */
    if (count > size)
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return count;
}

/***********************************************************************
 *           ExpandEnvironmentStringsA   (kernelbase.@)
 *
 * The W expansion converted to the ANSI code page; sizes are in bytes, including the NUL.
 */
DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR src, LPSTR dst, DWORD size)
{
    WCHAR *wsrc, *wdst;
    DWORD wlen, ret = 0;
    if (!src) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!(wsrc = kb_strdup_AtoW(src)))
        return 0;
    wlen = ExpandEnvironmentStringsW(wsrc, NULL, 0);
    if ((wdst = HeapAlloc(GetProcessHeap(), 0, wlen * sizeof(WCHAR)))) {
        ExpandEnvironmentStringsW(wsrc, wdst, wlen);
        ret = WideCharToMultiByte(CP_ACP, 0, wdst, -1, NULL, 0, NULL, NULL);
        if (dst && ret <= size)
            WideCharToMultiByte(CP_ACP, 0, wdst, -1, dst, size, NULL, NULL);
        else if (dst && size)
            dst[0] = 0;
        if (ret > size)
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
        HeapFree(GetProcessHeap(), 0, wdst);
    } else {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    }
    HeapFree(GetProcessHeap(), 0, wsrc);
    return ret;
}
