/* msvcrt_files.c: file system calls by name: rename/_wrename, _mkdir/_wmkdir, _rmdir/_wrmdir,
 * remove, and their errno values. Relative names in the working folder; cleans up after itself.
 * Expected, from Microsoft's documentation:
 * - _mkdir https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/mkdir-wmkdir
 *   (0; an existing name: -1 and EEXIST 17; a missing parent: ENOENT 2);
 * - _rmdir https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/rmdir-wrmdir
 *   (0; not empty: -1 and ENOTEMPTY 41; missing: ENOENT 2);
 * - rename https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/rename-wrename
 *   (0; a missing oldname: ENOENT 2; an existing newname: nonzero; see below);
 * - remove https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/remove-wremove
 *   (0; missing: -1 and ENOENT 2).
 * The rename page says EACCES 13 for an existing newname, but msvcrt.dll reports what
 * MoveFile's ERROR_ALREADY_EXISTS maps to in its own error table: EEXIST 17 (Wine agrees).
 * _rmdir of a file: ERROR_DIRECTORY, which that table does not list: EINVAL 22 (the page's
 * ENOTEMPTY text describes DOS). */
#include <direct.h>
#include <errno.h>
#include <io.h>
#include <stdio.h>
#include <wchar.h>

static void check(const char *what, int ret)
{
    printf("%s: %d, errno %d\n", what, ret, ret ? errno : 0);
    errno = 0;
}

static void make_file(const char *name, const char *text)
{
    FILE *f = fopen(name, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void show_file(const char *name)
{
    char buf[64] = "";
    FILE *f = fopen(name, "r");
    if (!f) {
        printf("%s: cannot open, errno %d\n", name, errno);
        return;
    }
    fgets(buf, sizeof(buf), f);
    fclose(f);
    printf("%s: \"%s\"\n", name, buf);
}

static void dirs(void)
{
    errno = 0;
    check("_mkdir vinho_d1", _mkdir("vinho_d1"));
    check("_mkdir vinho_d1 again", _mkdir("vinho_d1"));
    check("_mkdir vinho_none/sub", _mkdir("vinho_none/sub"));
    check("_wmkdir vinho_d1\\sub", _wmkdir(L"vinho_d1\\sub"));
    check("_access vinho_d1\\sub", _access("vinho_d1\\sub", 0));
    check("_rmdir vinho_d1 (not empty)", _rmdir("vinho_d1"));
    check("_wrmdir vinho_d1/sub", _wrmdir(L"vinho_d1/sub"));
    check("_rmdir vinho_d1", _rmdir("vinho_d1"));
    check("_rmdir vinho_d1 again", _rmdir("vinho_d1"));
    make_file("vinho_f0", "x");
    check("_rmdir a file", _rmdir("vinho_f0"));
    check("_mkdir over a file", _mkdir("vinho_f0"));   /* EEXIST 17 (the page; Wine agrees) */
    check("remove vinho_f0", remove("vinho_f0"));
}

static void renames(void)
{
    make_file("vinho_f1", "one");
    make_file("vinho_f2", "two");
    check("rename vinho_f1 -> vinho_f3", rename("vinho_f1", "vinho_f3"));
    show_file("vinho_f3");
    check("_access vinho_f1", _access("vinho_f1", 0));
    check("rename vinho_f1 (gone) -> vinho_f4", rename("vinho_f1", "vinho_f4"));
    check("rename vinho_f3 -> vinho_f2 (exists)", rename("vinho_f3", "vinho_f2") ? -1 : 0);
    show_file("vinho_f2");
    check("_wrename vinho_f3 -> vinho_f5", _wrename(L"vinho_f3", L"vinho_f5"));
    check("_mkdir vinho_d2", _mkdir("vinho_d2"));
    check("rename vinho_f5 -> vinho_d2/f5", rename("vinho_f5", "vinho_d2/f5"));
    show_file("vinho_d2/f5");
    check("rename vinho_d2 -> vinho_d3", rename("vinho_d2", "vinho_d3"));
    show_file("vinho_d3/f5");
    check("remove vinho_d3\\f5", remove("vinho_d3\\f5"));
    check("_rmdir vinho_d3", _rmdir("vinho_d3"));
    check("remove vinho_f2", remove("vinho_f2"));
    check("remove vinho_f2 again", remove("vinho_f2"));
    check("_wremove vinho_f2", _wremove(L"vinho_f2"));
}

int main(void)
{
    dirs();
    renames();
    return 0;
}
