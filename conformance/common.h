/* common.h: small helpers shared by the conformance cases (transcript printing, poisoned
 * buffers, hex dumps, paths shown relative to the case's working folder). Header-only so that
 * every case stays one self-contained program; everything is static. */
#ifndef CONFORMANCE_COMMON_H
#define CONFORMANCE_COMMON_H

#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <stdlib.h>
#include <limits.h>
#include <math.h>
#include <errno.h>
#include <io.h>
#include <fcntl.h>

#define POISON 0xcc

/* Prints "label: ret=R err=E" for a call whose result is an integer or BOOL. The error is read
 * right after the call, before printf can change it. */
#define SHOW(label, expr) do { \
        SetLastError(0xdeadbeef); \
        long long r_ = (long long)(expr); \
        DWORD e_ = GetLastError(); \
        printf("%s: ret=%lld err=%lu\n", (label), r_, (unsigned long)e_); \
    } while (0)

/* The same, for calls whose documented contract leaves the last error alone on success: the
 * transcript shows 0xdeadbeef when the call did not touch it. */
static void show_err(const char *label, DWORD err)
{
    if (err == 0xdeadbeef)
        printf("%s: err=untouched\n", label);
    else
        printf("%s: err=%lu\n", label, (unsigned long)err);
}

static void poison(void *buf, size_t len)
{
    memset(buf, POISON, len);
}

/* Hex dump, 16 bytes a line, no addresses (only offsets), so transcripts are deterministic. */
static void hexdump(const char *label, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    printf("%s (%u bytes):", label, (unsigned)len);
    for (size_t i = 0; i < len; i++) {
        if (i % 16 == 0 && len > 16)
            printf("\n  %04x:", (unsigned)i);
        printf(" %02x", p[i]);
    }
    printf("\n");
}

/* Prints a wide string as escaped ASCII: printable ASCII as is, the rest as \uXXXX. */
static void print_w(const WCHAR *s, int len)
{
    if (!s) {
        printf("(null)");
        return;
    }
    if (len < 0)
        len = (int)wcslen(s);
    for (int i = 0; i < len; i++) {
        if (s[i] >= 0x20 && s[i] < 0x7f)
            putchar((char)s[i]);
        else
            printf("\\u%04x", (unsigned)s[i]);
    }
}

/* The same for a narrow string: bytes outside printable ASCII as \xNN. */
static void print_a(const char *s, int len)
{
    if (!s) {
        printf("(null)");
        return;
    }
    if (len < 0)
        len = (int)strlen(s);
    for (int i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f)
            putchar(c);
        else
            printf("\\x%02x", c);
    }
}

/* The current folder with a trailing backslash, as the cases' working folder differs between
 * Windows and vinho. */
static WCHAR cwd_w[MAX_PATH + 2];
static size_t cwd_len;

static void init_cwd(void)
{
    cwd_len = GetCurrentDirectoryW(MAX_PATH, cwd_w);
    if (cwd_len && cwd_w[cwd_len - 1] != '\\') {
        cwd_w[cwd_len++] = '\\';
        cwd_w[cwd_len] = 0;
    }
}

/* Prints a path, with the working folder shown as "<cwd>\" so that transcripts do not depend
 * on where the case ran. */
static void print_path_w(const WCHAR *p)
{
    if (!cwd_len)
        init_cwd();
    if (p && cwd_len && wcslen(p) == cwd_len - 1 && !_wcsnicmp(p, cwd_w, cwd_len - 1)) {
        printf("<cwd>");
        return;
    }
    if (p && cwd_len && !_wcsnicmp(p, cwd_w, cwd_len)) {
        printf("<cwd>\\");
        print_w(p + cwd_len, -1);
        return;
    }
    print_w(p, -1);
}

/* Prints a returned path length: as is, or as "<cwd>+N" when the path lies under the working
 * folder (whose length differs between machines). */
static void print_len_w(DWORD n, const WCHAR *path)
{
    if (!cwd_len)
        init_cwd();
    if (n && path && cwd_len && !_wcsnicmp(path, cwd_w, cwd_len - 1) && n >= cwd_len - 1)
        printf("<cwd>+%lu", (unsigned long)(n - (cwd_len - 1)));
    else
        printf("%lu", (unsigned long)n);
}

/* The same, and a path on the working folder's drive shown as "<drv>:..." (for results of
 * drive-relative input such as "\\x"; absolute input keeps its letter). */
static void print_path_drv_w(const WCHAR *p)
{
    if (!cwd_len)
        init_cwd();
    if (p && cwd_len && p[0] && p[1] == ':' && towupper(p[0]) == towupper(cwd_w[0]) &&
        _wcsnicmp(p, cwd_w, cwd_len - 1)) {
        printf("<drv>:");
        print_w(p + 2, -1);
        return;
    }
    print_path_w(p);
}

/* One GetFullPathNameW call, printed as "[input] -> length path file=part". A result on the
 * working folder's drive is shown as <drv>: unless the input named its drive itself. */
static void show_full(const WCHAR *in)
{
    WCHAR buf[1024];
    WCHAR *part = NULL;
    poison(buf, sizeof(buf));
    SetLastError(0xdeadbeef);
    DWORD n = GetFullPathNameW(in, 1024, buf, &part);
    DWORD err = GetLastError();
    printf("[");
    print_w(in, -1);
    printf("] -> ");
    print_len_w(n, buf);
    if (n && n < 1024) {
        printf(" ");
        if (in[0] && in[1] == ':')
            print_path_w(buf);
        else
            print_path_drv_w(buf);
        printf(" file=");
        if (part && !_wcsnicmp(buf, cwd_w, cwd_len - 1) && part < buf + cwd_len)
            printf("<cwd's last component>");
        else if (part)
            print_w(part, -1);
        else
            printf("(null)");
    }
    if (!n)
        printf(" err=%lu", (unsigned long)err);
    printf("\n");
}

/* Creates (or replaces) a file with the given content; returns FALSE on failure. */
static BOOL make_file(const WCHAR *name, const char *content)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    if (h == INVALID_HANDLE_VALUE)
        return FALSE;
    BOOL ok = WriteFile(h, content, (DWORD)strlen(content), &done, NULL);
    CloseHandle(h);
    return ok;
}

/* Prints a file's content (or "missing"). */
static void show_file(const WCHAR *name)
{
    char buf[256];
    DWORD done = 0;
    HANDLE h = CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, 0, NULL);
    print_w(name, -1);
    if (h == INVALID_HANDLE_VALUE) {
        printf(": missing (err=%lu)\n", (unsigned long)GetLastError());
        return;
    }
    ReadFile(h, buf, sizeof(buf) - 1, &done, NULL);
    CloseHandle(h);
    printf(": [");
    print_a(buf, (int)done);
    printf("]\n");
}

static void print_path_a(const char *p)
{
    WCHAR w[MAX_PATH * 2];
    if (!p) {
        printf("(null)");
        return;
    }
    MultiByteToWideChar(CP_ACP, 0, p, -1, w, MAX_PATH * 2);
    print_path_w(w);
}

/* Prints the last error by number, e.g. "err=2". */
static void print_last_error(const char *label)
{
    printf("%s: err=%lu\n", label, (unsigned long)GetLastError());
}

/* Splits a command line with CommandLineToArgvW and prints "[cmd] -> N: <piece> <piece>..."
 * (the cmdline/argvw_* cases). */
static void split_argvw(const WCHAR *cmd)
{
    int n = -1;
    LPWSTR *argv = CommandLineToArgvW(cmd, &n);
    printf("[");
    print_w(cmd, -1);
    printf("] -> %d:", n);
    for (int i = 0; argv && i < n; i++) {
        printf(" <");
        print_w(argv[i], -1);
        printf(">");
    }
    printf("\n");
    LocalFree(argv);
}

#endif
