/* msvcrt_lowio.c: the low-level I/O functions: _open flags and errno, _write/_read in text and
 * binary mode, _lseek, _setmode on stdout, _isatty, _get_osfhandle/_open_osfhandle, and bad
 * file descriptors. stdout is a file here (run-tests.sh redirects it), so it is buffered:
 * the program calls fflush(stdout) before writing to fd 1 directly.
 * Expected, from Microsoft's documentation:
 * - _open https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/open-wopen
 *   (_O_CREAT|_O_EXCL on an existing file: EEXIST 17; a missing file: ENOENT 2);
 * - _write/_read https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/write and
 *   .../read (text mode: LF written as CR LF, the count returned is the caller's bytes; CR LF
 *   read as LF; a bad fd: -1 and EBADF 9);
 * - _lseek https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/lseek-lseeki64
 *   (bad origin: -1 and EINVAL 22);
 * - _setmode https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/setmode
 *   (returns the previous mode: _O_TEXT 0x4000, _O_BINARY 0x8000);
 * - _isatty https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/isatty (0 for a
 *   file); _get_osfhandle https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/get-osfhandle
 *   (fd 1 is the standard output handle). */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <windows.h>

#define NAME "vinho_msvcrt_lowio.txt"

static void show_bytes(const char *what, const char *buf, int n)
{
    printf("%s: %d:", what, n);
    for (int i = 0; i < n; i++)
        printf(" %02x", (unsigned char)buf[i]);
    printf("\n");
}

static void files(void)
{
    char buf[32];
    int fd, ret;

    fd = _open(NAME, _O_WRONLY | _O_CREAT | _O_TRUNC | _O_TEXT, _S_IREAD | _S_IWRITE);
    printf("_open text: %s\n", fd >= 3 ? "fd >= 3" : "bad fd");
    printf("_write text \"a\\nb\\n\": %d\n", _write(fd, "a\nb\n", 4));
    printf("_close: %d\n", _close(fd));
    errno = 0;
    ret = _close(fd);
    printf("_close again: %d, errno %d\n", ret, errno);

    fd = _open(NAME, _O_RDONLY | _O_BINARY);
    show_bytes("_read binary", buf, _read(fd, buf, sizeof(buf)));
    printf("_lseek to 1: %ld\n", _lseek(fd, 1, SEEK_SET));
    show_bytes("_read binary from 1", buf, _read(fd, buf, 3));
    errno = 0;
    ret = _lseek(fd, 0, 7);
    printf("_lseek origin 7: %d, errno %d\n", ret, errno);
    printf("_setmode text: previous %#x\n", _setmode(fd, _O_TEXT));
    _lseek(fd, 0, SEEK_SET);
    show_bytes("_read text", buf, _read(fd, buf, sizeof(buf)));
    printf("_read at the end: %d\n", _read(fd, buf, sizeof(buf)));
    _close(fd);

    errno = 0;
    fd = _open(NAME, _O_WRONLY | _O_CREAT | _O_EXCL, _S_IREAD | _S_IWRITE);
    printf("_open _O_EXCL existing: %d, errno %d\n", fd, errno);
    errno = 0;
    fd = _open("vinho_msvcrt_no_such_file", _O_RDONLY);
    printf("_open missing: %d, errno %d\n", fd, errno);
    fd = _open(NAME, _O_WRONLY | _O_APPEND | _O_BINARY);
    _write(fd, "c", 1);
    printf("after an _O_APPEND write: size %ld\n", _lseek(fd, 0, SEEK_END));
    _close(fd);
    remove(NAME);
}

static void std_fds(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    int fd, ret;

    printf("_isatty(1) on a file: %d\n", _isatty(1));
    printf("_get_osfhandle(1) is the stdout handle: %s\n",
           (HANDLE)_get_osfhandle(1) == out ? "yes" : "no");
    errno = 0;
    ret = (int)_get_osfhandle(1234);
    printf("_get_osfhandle(1234): %d, errno %d\n", ret, errno);
    errno = 0;
    ret = _write(1234, "x", 1);
    printf("_write(1234): %d, errno %d\n", ret, errno);
    fflush(stdout);
    _write(1, "fd 1 text: LF\n", 14);
    printf("_setmode(1, _O_BINARY): previous %#x\n", _setmode(1, _O_BINARY));
    fflush(stdout);
    _write(1, "fd 1 binary: LF\n", 16);
    printf("printf in binary mode\n");
    fflush(stdout);
    printf("_setmode(1, _O_TEXT): previous %#x\n", _setmode(1, _O_TEXT));
    fd = _open_osfhandle((intptr_t)out, _O_TEXT);
    _write(fd, "via _open_osfhandle\n", 20);
    printf("_open_osfhandle gives a new fd: %s\n", fd > 2 ? "yes" : "no");
}

int main(void)
{
    files();
    std_fds();
    return 0;
}
