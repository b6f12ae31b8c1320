/* crt_mbpath.c: _splitpath/_wsplitpath/_makepath/_wmakepath and the multibyte conversions of
 * the "C" locale (mbtowc, wctomb, mblen, mbstowcs, wcstombs, btowc, mbrtowc, wcrtomb), on both
 * runtimes (ucrt.list). Expected values from learn.microsoft.com "_splitpath, _wsplitpath"
 * (the example splits "c:\sample\crt\crt_makepath.c" into "c:", "\sample\crt\",
 * "crt_makepath", ".c"), "_makepath, _wmakepath" (adds ':', '\', '.'), "mbtowc", "wctomb",
 * "mbstowcs", "wcstombs" (in the "C" locale a byte is the char of the same value; chars from
 * 256 up do not convert: -1, EILSEQ 42). Checked under Wine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <errno.h>

static void split(const char *path)
{
    char drive[_MAX_DRIVE], dir[_MAX_DIR], fname[_MAX_FNAME], ext[_MAX_EXT];

    _splitpath(path, drive, dir, fname, ext);
    printf("split [%s] -> [%s] [%s] [%s] [%s]\n", path, drive, dir, fname, ext);
}

int main(void)
{
    char path[_MAX_PATH], mb[8];
    wchar_t wdrive[_MAX_DRIVE], wdir[_MAX_DIR], wfname[_MAX_FNAME], wext[_MAX_EXT], wpath[64];
    wchar_t wc = 0, wide[16];
    mbstate_t st;
    int r;
    size_t n;

    split("c:\\sample\\crt\\crt_makepath.c");
    split("relative/dir.d/file");
    split("noext");
    split(".hidden");
    split("d:");
    split("\\\\server\\share\\a.b.c");
    _wsplitpath(L"x:/a/b.txt", wdrive, wdir, wfname, wext);
    printf("wsplit -> [%ls] [%ls] [%ls] [%ls]\n", wdrive, wdir, wfname, wext);
    _splitpath("e:\\only\\dir\\", NULL, path, NULL, NULL);
    printf("dir only [%s]\n", path);
    _makepath(path, "c", "\\sample\\crt", "crt_makepath", "c");
    printf("makepath [%s]\n", path);
    _makepath(path, NULL, "dir/", "name", ".ext");
    printf("makepath [%s]\n", path);
    _wmakepath(wpath, L"z", L"top", L"f", NULL);
    printf("wmakepath [%ls]\n", wpath);

    r = mbtowc(&wc, "\xe9z", 2);
    printf("mbtowc: %d %#x;", r, wc);
    printf(" mbtowc(\"\"): %d; mblen(\"ab\"): %d; mbtowc(NULL): %d\n", mbtowc(&wc, "", 1),
           mblen("ab", 2), mbtowc(NULL, NULL, 0));
    r = wctomb(mb, 0xe9);
    printf("wctomb(0xe9): %d %#x\n", r, (unsigned char)mb[0]);
    errno = 0;
    r = wctomb(mb, 0x263a);
    printf("wctomb(0x263a): %d errno %d\n", r, errno);
    n = mbstowcs(wide, "h\xe9llo", 16);
    printf("mbstowcs: %u [%ls] count only %u\n", (unsigned)n, wide,
           (unsigned)mbstowcs(NULL, "abc", 0));
    n = wcstombs(path, L"caf\xe9", sizeof(path));
    printf("wcstombs: %u [%s] %#x\n", (unsigned)n, path, (unsigned char)path[3]);
    errno = 0;
    n = wcstombs(path, L"a\x263a", sizeof(path));
    printf("wcstombs unconvertible: %d errno %d\n", (int)n, errno);
    n = wcstombs(path, L"abcdef", 3);
    printf("wcstombs limited: %u [%.3s]\n", (unsigned)n, path);
    memset(&st, 0, sizeof(st));
    printf("btowc('A') %#x btowc(EOF) %#x mbrtowc %d wcrtomb %d\n", btowc('A'), btowc(EOF),
           (int)mbrtowc(&wc, "q", 1, &st), (int)wcrtomb(mb, L'x', &st));
    return 0;
}
