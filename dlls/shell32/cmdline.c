/* cmdline.c: CommandLineToArgvW, Windows' documented splitting of a command line. */
#include "vinho/pe_side.h"
#include <shellapi.h>

DEFAULT_DEBUG_CHANNEL(shell);

static BOOL is_blank(WCHAR c)
{
    return c == ' ' || c == '\t';
}

/* Splits cmdline; with out NULL only counts. Returns the number of arguments and adds the
 * characters the strings need (terminators included) to *chars. Rules:
 * - the program name (first argument) ends at the first blank, or, when it starts with a quote,
 *   at the next quote; it takes no backslash escapes;
 * - other arguments are separated by blanks outside quotes; 2n backslashes before a quote give n
 *   backslashes and the quote opens or closes a quoted part; 2n+1 give n and a literal quote;
 *   other backslashes are literal; inside a quoted part, "" gives a literal quote and ends the
 *   quoted part (shell32 kept this older rule; the C runtimes since 2008 stay in the quotes). */
static int split(const WCHAR *p, WCHAR **out, WCHAR *buf, size_t *chars)
{
    int argc = 0;
    size_t n = 0;
    /* the program name */
    if (out) out[argc] = buf + n;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++) { if (out) buf[n] = *p; n++; }
        if (*p == '"') p++;
    } else {
        for (; *p && !is_blank(*p); p++) { if (out) buf[n] = *p; n++; }
    }
    if (out) buf[n] = 0;
    n++;
    argc++;
    while (is_blank(*p)) p++;
    while (*p) {
        BOOL quoted = FALSE;
        if (out) out[argc] = buf + n;
        for (; *p && (quoted || !is_blank(*p)); ) {
            if (*p == '\\') {
                const WCHAR *q = p;
                size_t slashes;
                while (*q == '\\') q++;
                slashes = q - p;
                if (*q == '"') {
                    for (size_t i = 0; i < slashes / 2; i++) { if (out) buf[n] = '\\'; n++; }
                    if (slashes % 2) { if (out) buf[n] = '"'; n++; p = q + 1; }
                    else p = q;     /* the quote is handled below */
                } else {
                    for (size_t i = 0; i < slashes; i++) { if (out) buf[n] = '\\'; n++; }
                    p = q;
                }
                continue;
            }
            if (*p == '"') {
                if (quoted && p[1] == '"') {   /* "" in a quoted part: a literal quote */
                    if (out) buf[n] = '"';
                    n++;
                    p += 2;
                    quoted = FALSE;
                    continue;
                }
                quoted = !quoted;
                p++;
                continue;
            }
            if (out) buf[n] = *p;
            n++;
            p++;
        }
        if (out) buf[n] = 0;
        n++;
        argc++;
        while (is_blank(*p)) p++;
    }
    *chars += n;
    return argc;
}

/***********************************************************************
 *           CommandLineToArgvW   (shell32.@)
 *
 * One LocalAlloc block: the pointer array (NULL-terminated), then the strings; the caller frees
 * it with LocalFree. An empty command line gives the program's own path as the only argument.
 */
LPWSTR * WINAPI CommandLineToArgvW(LPCWSTR cmdline, int *argc)
{
    WCHAR self[MAX_PATH + 1];
    size_t chars = 0;
    WCHAR **argv;
    int n;
    if (!argc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!cmdline) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!*cmdline) {
        DWORD len = GetModuleFileNameW(NULL, self + 1, MAX_PATH - 1);
        if (!len)
            return NULL;
        self[0] = '"';
        self[len + 1] = '"';
        self[len + 2] = 0;
        cmdline = self;
    }
    n = split(cmdline, NULL, NULL, &chars);
    argv = LocalAlloc(LMEM_FIXED, (n + 1) * sizeof(WCHAR *) + chars * sizeof(WCHAR));
    if (!argv) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    chars = 0;
    split(cmdline, argv, (WCHAR *)(argv + n + 1), &chars);
    argv[n] = NULL;
    *argc = n;
    return argv;
}
