/* crt_stat.c: _stat/_wstat/_fstat (64-bit forms and the default ones) and _findfirst/_findnext/
 * _findclose (narrow, wide, 64) on files it creates in the working folder; runs under msvcrt and
 * the UCRT (ucrt.list). Expected values, from Microsoft's documentation:
 * - _stat https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/stat-functions
 *   (st_mode: _S_IFDIR for a folder, _S_IFREG for a file; user read/write bits from the
 *   permission, execute bits from the name's extension (.exe, .com, .bat, .cmd); st_ino, st_uid,
 *   st_gid 0; st_nlink 1 on non-NTFS; st_size in bytes; -1 and ENOENT for a missing name);
 * - _fstat https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fstat-fstat32-fstat64-fstati64-fstat32i64-fstat64i32
 *   (a device: _S_IFCHR and st_dev = st_rdev = the fd; a bad fd: -1 and EBADF);
 * - _findfirst https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/findfirst-functions
 *   and _findnext (-1 and ENOENT when nothing matches / no more entries; attrib _A_SUBDIR for a
 *   folder, _A_RDONLY for a read-only file). The permission bits printed are user|group|other:
 *   the CRT repeats the user bits (msvcrt and Wine agree). */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <direct.h>
#include <wchar.h>

static void make_file(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");
    fputs(text, f);
    fclose(f);
}

static void show_stat(const char *what, int ret, const struct _stat64 *st)
{
    if (ret) {
        printf("%s: %d errno %d\n", what, ret, errno);
        return;
    }
    printf("%s: mode %#o size %lld nlink %d ino %d uid %d gid %d times %s\n", what,
           st->st_mode, (long long)st->st_size, st->st_nlink, st->st_ino, st->st_uid, st->st_gid,
           st->st_mtime > 1600000000 && st->st_atime > 1600000000 && st->st_ctime > 1600000000
               ? "recent" : "wrong");
}

static void stats(void)
{
    struct _stat64 st;
    struct stat sd;
    int fd, ret;

    make_file("vinho_st.txt", "hello, stat\n");
    make_file("vinho_st.exe", "MZ");
    _mkdir("vinho_std");
    show_stat("_stat64 file", _stat64("vinho_st.txt", &st), &st);
    show_stat("_stat64 .exe", _stat64("vinho_st.exe", &st), &st);
    show_stat("_stat64 dir", _stat64("vinho_std", &st), &st);
    show_stat("_wstat64 file", _wstat64(L"vinho_st.txt", &st), &st);
    errno = 0;
    show_stat("_stat64 missing", _stat64("vinho_none.txt", &st), &st);
    show_stat("_stat64 wildcard", _stat64("vinho_st.*", &st), &st);
    ret = stat("vinho_st.txt", &sd);
    printf("stat: %d mode %#o size %ld\n", ret, sd.st_mode, (long)sd.st_size);
    _chmod("vinho_st.txt", _S_IREAD);
    show_stat("_stat64 read-only", _stat64("vinho_st.txt", &st), &st);
    _chmod("vinho_st.txt", _S_IREAD | _S_IWRITE);

    fd = _open("vinho_st.txt", _O_RDONLY);
    show_stat("_fstat64 file", _fstat64(fd, &st), &st);
    ret = fstat(fd, &sd);
    printf("fstat: %d size %ld\n", ret, (long)sd.st_size);
    _close(fd);
    errno = 0;
    show_stat("_fstat64 bad fd", _fstat64(99, &st), &st);
    fd = _open("NUL", _O_WRONLY);
    if (_fstat64(fd, &st) == 0)
        printf("_fstat64 NUL: type %#o dev==fd %d rdev==fd %d\n", st.st_mode & _S_IFMT,
               st.st_dev == (unsigned)fd, st.st_rdev == (unsigned)fd);
    else
        printf("_fstat64 NUL: errno %d\n", errno);
    _close(fd);
}

static void finds(void)
{
    struct __finddata64_t fd;
    struct _wfinddata64_t wfd;
    struct _finddata_t fd0;
    intptr_t h;
    int n = 0, ret;

    make_file("vinho_std/a.txt", "aaa");
    make_file("vinho_std/b.txt", "bbbbbb");
    make_file("vinho_std/c.dat", "c");
    h = _findfirst64("vinho_std/*.txt", &fd);
    printf("_findfirst64: %s\n", h == -1 ? "failed" : "ok");
    if (h != -1) {
        char lines[10][96];
        do {
            snprintf(lines[n], sizeof(lines[n]), "  %.40s size %lld attrib %#x write %s",
                     fd.name, (long long)fd.size, fd.attrib & ~_A_ARCH,
                     fd.time_write > 1600000000 ? "recent" : "wrong");
            n++;
        } while (_findnext64(h, &fd) == 0 && n < 10);
        printf("  end errno %d\n", errno);
        /* The order of entries is the file system's: print them sorted. */
        qsort(lines, n, sizeof(lines[0]), (int (*)(const void *, const void *))strcmp);
        for (int i = 0; i < n; i++)
            printf("%s\n", lines[i]);
        printf("_findclose: %d\n", _findclose(h));
    }
    errno = 0;
    h = _findfirst64("vinho_std/*.none", &fd);
    printf("_findfirst64 no match: %d errno %d\n", (int)h, errno);
    h = _wfindfirst64(L"vinho_std", &wfd);
    printf("_wfindfirst64 dir: %ls subdir %d\n", h == -1 ? L"failed" : wfd.name,
           (wfd.attrib & _A_SUBDIR) != 0);
    if (h != -1)
        _findclose(h);
    _chmod("vinho_std/c.dat", _S_IREAD);
    h = _findfirst("vinho_std/c.*", &fd0);
    printf("_findfirst: %s size %ld rdonly %d\n", h == -1 ? "failed" : fd0.name, (long)fd0.size,
           (fd0.attrib & _A_RDONLY) != 0);
    ret = h == -1 ? -1 : _findnext(h, &fd0);
    printf("_findnext at end: %d errno %d\n", ret, errno);
    if (h != -1)
        _findclose(h);
    _chmod("vinho_std/c.dat", _S_IREAD | _S_IWRITE);
}

/* A bad fd invokes the invalid-parameter handler (the _fstat page); this one returns, so the
 * call fails with EBADF. Wine leaves errno at 0 there. */
static void ignore_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                           uintptr_t reserved)
{
}

int main(void)
{
    _set_invalid_parameter_handler(ignore_invalid);
    stats();
    finds();
    remove("vinho_std/a.txt");
    remove("vinho_std/b.txt");
    remove("vinho_std/c.dat");
    _rmdir("vinho_std");
    remove("vinho_st.txt");
    remove("vinho_st.exe");
    return 0;
}
