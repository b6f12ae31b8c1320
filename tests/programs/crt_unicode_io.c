/* crt_unicode_io.c: the Unicode text modes: fopen/_wfopen with ccs=UTF-8|UTF-16LE|UNICODE (BOM
 * written, BOM read back), _setmode with _O_U16TEXT/_O_U8TEXT/_O_WTEXT and what the file holds;
 * runs under msvcrt and the UCRT (ucrt.list). Expected, from Microsoft's documentation:
 * - fopen https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fopen-wfopen
 *   ("Encodings used based on ccs flag and BOM": a BOM decides over the ccs flag; "Files opened
 *   for writing in Unicode mode have a BOM written to them automatically");
 * - _setmode https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/setmode
 *   (returns the previous translation mode: _O_BINARY 0x8000, _O_TEXT 0x4000, and for any
 *   Unicode mode _O_WTEXT 0x10000, as the CRT keeps only "Unicode": Wine agrees);
 * - _write https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/write
 *   (in a Unicode mode the count must be even: EINVAL otherwise; LF becomes CR LF).
 * The bytes of each file are printed in hex. Wine leaves errno at 0 for the odd count. */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static void dump(const char *name)
{
    unsigned char buf[64];
    FILE *f = fopen(name, "rb");
    size_t n = f ? fread(buf, 1, sizeof(buf), f) : 0;

    printf("  %s:", name);
    for (size_t i = 0; i < n; i++)
        printf(" %02X", buf[i]);
    printf("\n");
    if (f)
        fclose(f);
}

static void read_back(const char *name, const wchar_t *mode)
{
    wchar_t line[32], wname[32];
    FILE *f;

    mbstowcs(wname, name, 32);
    f = _wfopen(wname, mode);
    if (!f) {
        printf("  read %s %ls: errno %d\n", name, mode, errno);
        return;
    }
    printf("  read %s %ls:", name, mode);
    while (fgetws(line, 32, f))
        for (wchar_t *p = line; *p; p++)
            printf(" %04X", *p);
    printf("\n");
    fclose(f);
}

static void ccs(void)
{
    FILE *f;

    f = fopen("vinho_u16.txt", "w, ccs=UTF-16LE");
    printf("fopen w ccs=UTF-16LE: %s\n", f ? "ok" : "failed");
    if (f) {
        fputws(L"h\x00e9llo\n", f);
        fclose(f);
    }
    dump("vinho_u16.txt");
    f = fopen("vinho_u8.txt", "wt, ccs=UTF-8");
    printf("fopen wt ccs=UTF-8: %s\n", f ? "ok" : "failed");
    if (f) {
        fwprintf(f, L"h\x00e9%c%d\n", 0x263a, 42);
        fclose(f);
    }
    dump("vinho_u8.txt");
    f = _wfopen(L"vinho_un.txt", L"w, ccs=UNICODE");
    printf("_wfopen w ccs=UNICODE: %s\n", f ? "ok" : "failed");
    if (f) {
        fputwc(L'\x3b1', f);
        fclose(f);
    }
    dump("vinho_un.txt");
    read_back("vinho_u8.txt", L"r, ccs=UNICODE");
    read_back("vinho_u16.txt", L"r, ccs=UTF-8");
    read_back("vinho_u8.txt", L"r, ccs=UTF-16LE");
    errno = 0;
    f = fopen("vinho_u8.txt", "r, ccs=LATIN1");
    printf("fopen ccs=LATIN1: %s errno %d\n", f ? "ok" : "NULL", errno);
    if (f)
        fclose(f);
}

static void modes(void)
{
    int fd = _open("vinho_sm.txt", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_BINARY, 0666);
    FILE *f;
    int ret;

    printf("_setmode U8TEXT: previous %#x\n", _setmode(fd, _O_U8TEXT));
    printf("_write L\"\\x00e9\\n\": %d\n", _write(fd, L"\x00e9\n", 4));
    errno = 0;
    ret = _write(fd, L"ab", 3);
    printf("_write 3 bytes: %d errno %d\n", ret, errno);
    printf("_setmode U16TEXT: previous %#x\n", _setmode(fd, _O_U16TEXT));
    printf("_write L\"z\\n\": %d\n", _write(fd, L"z\n", 4));
    printf("_setmode WTEXT: previous %#x\n", _setmode(fd, _O_WTEXT));
    printf("_setmode TEXT: previous %#x\n", _setmode(fd, _O_TEXT));
    _close(fd);
    dump("vinho_sm.txt");

    f = fopen("vinho_sm2.txt", "w");
    printf("_setmode stream U16TEXT: previous %#x\n", _setmode(_fileno(f), _O_U16TEXT));
    fwprintf(f, L"%ls=%d\n", L"\x3a9", 7);
    fclose(f);
    dump("vinho_sm2.txt");
    f = fopen("vinho_sm2.txt", "rb");
    _setmode(_fileno(f), _O_U16TEXT);
    printf("read back with _O_U16TEXT:");
    for (wint_t c; (c = fgetwc(f)) != WEOF; )
        printf(" %04X", c);
    printf("\n");
    fclose(f);
    fd = _open("vinho_sm3.txt", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_U8TEXT, 0666);
    printf("_open _O_U8TEXT: %s\n", fd >= 0 ? "ok" : "failed");
    _write(fd, L"ok\n", 6);
    _close(fd);
    dump("vinho_sm3.txt");
}

/* An odd _write count invokes the invalid-parameter handler in the UCRT: let it return. */
static void ignore_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                           uintptr_t reserved)
{
}

int main(void)
{
    _set_invalid_parameter_handler(ignore_invalid);
    ccs();
    modes();
    remove("vinho_u16.txt");
    remove("vinho_u8.txt");
    remove("vinho_un.txt");
    remove("vinho_sm.txt");
    remove("vinho_sm2.txt");
    remove("vinho_sm3.txt");
    return 0;
}
