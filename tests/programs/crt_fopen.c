/* crt_fopen.c: _fsopen/_sopen sharing, freopen, _wfdopen, _wfsopen; runs under msvcrt and the
 * UCRT (ucrt.list). Expected, from Microsoft's documentation:
 * - _fsopen https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fsopen-wfsopen
 *   (_SH_DENYWR: others may read, not write; _SH_DENYNO: both; a denied open: EACCES 13);
 * - _sopen https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/sopen-wsopen
 *   (an unknown sharing flag: EINVAL 22);
 * - freopen https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/freopen-wfreopen
 *   (closes the file the stream had and opens the new one in the same FILE).
 * Wine leaves errno at 0 for the bad sharing flag. */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <share.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static void ignore_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                           uintptr_t reserved)
{
}

int main(void)
{
    char line[32] = "";
    FILE *a, *b, *r;
    int fd;

    _set_invalid_parameter_handler(ignore_invalid);
    a = _fsopen("vinho_sh.txt", "w", _SH_DENYWR);
    printf("_fsopen w DENYWR: %s\n", a ? "ok" : "NULL");
    errno = 0;
    b = fopen("vinho_sh.txt", "a");
    printf("fopen a while DENYWR: %s errno %d\n", b ? "ok" : "NULL", errno);
    if (b)
        fclose(b);
    fd = _open("vinho_sh.txt", _O_RDONLY);
    printf("_open read while DENYWR: %s\n", fd >= 0 ? "ok" : "failed");
    if (fd >= 0)
        _close(fd);
    fputs("first\n", a);
    fclose(a);
    errno = 0;
    fd = _sopen("vinho_sh.txt", _O_RDONLY, 0x99);
    printf("_sopen bad flag: %d errno %d\n", fd, errno);

    r = fopen("vinho_sh.txt", "r");
    b = freopen("vinho_sh2.txt", "w+", r);
    printf("freopen w+: same FILE %d\n", b == r);
    fputs("second\n", b);
    rewind(b);
    fgets(line, sizeof(line), b);
    printf("freopen'd stream reads: %s", line);
    fclose(b);

    fd = _open("vinho_sh.txt", _O_RDONLY);
    b = _wfdopen(fd, L"r");
    printf("_wfdopen: %s, reads %s", b ? "ok" : "NULL",
           b && fgets(line, sizeof(line), b) ? line : "nothing\n");
    if (b)
        fclose(b);
    b = _wfsopen(L"vinho_sh.txt", L"r", _SH_DENYNO);
    printf("_wfsopen DENYNO: %s\n", b ? "ok" : "NULL");
    if (b)
        fclose(b);
    remove("vinho_sh.txt");
    remove("vinho_sh2.txt");
    return 0;
}
