/* test_ntcalls.c: the ELF side's NT calls: virtual memory, handles, files, paths, time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

static char tmpdir[256];

static NTSTATUS alloc(void **addr, SIZE_T size, ULONG type, ULONG prot)
{
    return NtAllocateVirtualMemory(NtCurrentProcess(), addr, 0, &size, type, prot);
}

static void test_virtual_reserve_commit(void **state)
{
    void *base = NULL, *p;
    SIZE_T size = 0x30000, got;
    MEMORY_BASIC_INFORMATION info;
    ULONG old;

    assert_int_equal(NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, MEM_RESERVE,
                                             PAGE_READWRITE), STATUS_SUCCESS);
    assert_int_equal((ULONG_PTR)base & 0xffff, 0);          /* 64 KiB granularity */
    assert_int_equal(size, 0x30000);
    assert_int_equal(NtQueryVirtualMemory(NtCurrentProcess(), base, 0, &info, sizeof(info), &got), 0);
    assert_int_equal(info.State, MEM_RESERVE);
    assert_int_equal(info.Protect, 0);
    assert_int_equal(info.RegionSize, 0x30000);
    assert_ptr_equal(info.AllocationBase, base);
    assert_int_equal(info.Type, MEM_PRIVATE);

    p = (char *)base + 0x1000;                               /* commit one page in the middle */
    assert_int_equal(alloc(&p, 0x1000, MEM_COMMIT, PAGE_READWRITE), 0);
    assert_ptr_equal(p, (char *)base + 0x1000);
    memset(p, 0xab, 0x1000);
    assert_int_equal(NtQueryVirtualMemory(NtCurrentProcess(), p, 0, &info, sizeof(info), &got), 0);
    assert_int_equal(info.State, MEM_COMMIT);
    assert_int_equal(info.Protect, PAGE_READWRITE);
    assert_int_equal(info.RegionSize, 0x1000);

    size = 0x1000;
    assert_int_equal(NtProtectVirtualMemory(NtCurrentProcess(), &p, &size, PAGE_READONLY, &old), 0);
    assert_int_equal(old, PAGE_READWRITE);
    /* protecting reserved pages fails */
    void *r = base;
    size = 0x1000;
    assert_int_equal(NtProtectVirtualMemory(NtCurrentProcess(), &r, &size, PAGE_READONLY, &old),
                     STATUS_NOT_COMMITTED);

    /* release must name the base with size 0 */
    size = 0x1000;
    assert_int_equal(NtFreeVirtualMemory(NtCurrentProcess(), &base, &size, MEM_RELEASE),
                     STATUS_INVALID_PARAMETER);
    size = 0;
    p = (char *)base + 0x1000;
    assert_int_equal(NtFreeVirtualMemory(NtCurrentProcess(), &p, &size, MEM_RELEASE),
                     STATUS_FREE_VM_NOT_AT_BASE);
    assert_int_equal(NtFreeVirtualMemory(NtCurrentProcess(), &base, &size, MEM_RELEASE), 0);
    assert_int_equal(size, 0x30000);
    assert_int_equal(NtQueryVirtualMemory(NtCurrentProcess(), base, 0, &info, sizeof(info), &got), 0);
    assert_int_equal(info.State, MEM_FREE);
}

static void test_virtual_errors(void **state)
{
    void *addr = NULL, *fixed;
    SIZE_T size = 0x1000;
    assert_int_equal(alloc(&addr, 0x1000, MEM_COMMIT | MEM_RESERVE, 0x12345), STATUS_INVALID_PAGE_PROTECTION);
    assert_int_equal(alloc(&addr, 0x1000, 0x80000000, PAGE_READWRITE), STATUS_INVALID_PARAMETER);
    assert_int_equal(alloc(&addr, 0, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE), STATUS_INVALID_PARAMETER);
    assert_int_equal(NtFreeVirtualMemory(NtCurrentProcess(), &addr, &size, MEM_RELEASE),
                     STATUS_MEMORY_NOT_ALLOCATED);
    /* a fixed address that is taken */
    assert_int_equal(alloc(&addr, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE), 0);
    fixed = addr;
    assert_int_equal(alloc(&fixed, 0x10000, MEM_RESERVE, PAGE_READWRITE), STATUS_CONFLICTING_ADDRESSES);
    /* commit outside any reservation */
    void *nowhere = (void *)0x7f0000000000;
    assert_int_equal(alloc(&nowhere, 0x1000, MEM_COMMIT, PAGE_READWRITE), STATUS_CONFLICTING_ADDRESSES);
    /* decommit then the pages read as reserved */
    size = 0x1000;
    assert_int_equal(NtFreeVirtualMemory(NtCurrentProcess(), &addr, &size, MEM_DECOMMIT), 0);
    MEMORY_BASIC_INFORMATION info;
    assert_int_equal(NtQueryVirtualMemory(NtCurrentProcess(), addr, 0, &info, sizeof(info), NULL), 0);
    assert_int_equal(info.State, MEM_RESERVE);
    size = 0;
    assert_int_equal(NtFreeVirtualMemory(NtCurrentProcess(), &addr, &size, MEM_RELEASE), 0);
    assert_int_equal(NtQueryVirtualMemory(NtCurrentProcess(), NULL, 5, &info, sizeof(info), NULL),
                     STATUS_INVALID_INFO_CLASS);
}

static UNICODE_STRING *nt_name(const char *unix_path)
{
    static WCHAR buf[512];
    static UNICODE_STRING us;
    char win[512];
    size_t n;
    snprintf(win, sizeof(win), "\\??\\Z:%s", unix_path);
    for (char *c = win + 6; *c; c++)
        if (*c == '/')
            *c = '\\';
    WCHAR *w = utf8_to_utf16(win, strlen(win), &n);
    memcpy(buf, w, (n + 1) * 2);
    free(w);
    us.Buffer = buf;
    us.Length = n * 2;
    us.MaximumLength = us.Length + 2;
    return &us;
}

static NTSTATUS create(const char *path, ACCESS_MASK access, ULONG disp, ULONG options, HANDLE *h,
                       IO_STATUS_BLOCK *io)
{
    OBJECT_ATTRIBUTES attr = { sizeof(attr), NULL, nt_name(path), OBJ_CASE_INSENSITIVE, NULL, NULL };
    return NtCreateFile(h, access, &attr, io, NULL, 0, FILE_SHARE_READ, disp, options, NULL, 0);
}

static void test_file_create_read_write(void **state)
{
    char path[300], missing[300], buf[16];
    HANDLE h;
    IO_STATUS_BLOCK io;
    FILE_STANDARD_INFORMATION std;
    FILE_POSITION_INFORMATION pos;
    LARGE_INTEGER off;

    snprintf(path, sizeof(path), "%s/file.txt", tmpdir);
    assert_int_equal(create(path, GENERIC_READ | GENERIC_WRITE, FILE_CREATE, FILE_NON_DIRECTORY_FILE, &h, &io), 0);
    assert_int_equal(io.Information, FILE_CREATED);
    assert_int_equal(NtWriteFile(h, NULL, NULL, NULL, &io, "hello world", 11, NULL, NULL), 0);
    assert_int_equal(io.Information, 11);
    assert_int_equal(NtQueryInformationFile(h, &io, &std, sizeof(std), FileStandardInformation), 0);
    assert_int_equal(std.EndOfFile.QuadPart, 11);
    assert_false(std.Directory);
    off.QuadPart = 6;
    assert_int_equal(NtReadFile(h, NULL, NULL, NULL, &io, buf, sizeof(buf), &off, NULL), 0);
    assert_int_equal(io.Information, 5);
    assert_memory_equal(buf, "world", 5);
    /* reading at the end of a file is STATUS_END_OF_FILE */
    off.QuadPart = 11;
    assert_int_equal(NtReadFile(h, NULL, NULL, NULL, &io, buf, sizeof(buf), &off, NULL), STATUS_END_OF_FILE);
    pos.CurrentByteOffset.QuadPart = 0;
    assert_int_equal(NtSetInformationFile(h, &io, &pos, sizeof(pos), FilePositionInformation), 0);
    assert_int_equal(NtReadFile(h, NULL, NULL, NULL, &io, buf, 5, NULL, NULL), 0);
    assert_memory_equal(buf, "hello", 5);
    assert_int_equal(NtClose(h), 0);
    assert_int_equal(NtClose(h), STATUS_INVALID_HANDLE);

    /* dispositions and their errors */
    assert_int_equal(create(path, GENERIC_READ, FILE_CREATE, 0, &h, &io), STATUS_OBJECT_NAME_COLLISION);
    assert_int_equal(create(path, GENERIC_WRITE, FILE_OVERWRITE_IF, 0, &h, &io), 0);
    assert_int_equal(io.Information, FILE_OVERWRITTEN);
    NtClose(h);
    snprintf(missing, sizeof(missing), "%s/nothere.txt", tmpdir);
    assert_int_equal(create(missing, GENERIC_READ, FILE_OPEN, 0, &h, &io), STATUS_OBJECT_NAME_NOT_FOUND);
    snprintf(missing, sizeof(missing), "%s/nodir/x.txt", tmpdir);
    assert_int_equal(create(missing, GENERIC_READ, FILE_OPEN, 0, &h, &io), STATUS_OBJECT_PATH_NOT_FOUND);
    assert_int_equal(create(tmpdir, GENERIC_READ, FILE_OPEN, FILE_NON_DIRECTORY_FILE, &h, &io),
                     STATUS_FILE_IS_A_DIRECTORY);
    assert_int_equal(create(path, GENERIC_READ, FILE_OPEN, FILE_DIRECTORY_FILE, &h, &io), STATUS_NOT_A_DIRECTORY);

    /* write access is checked per handle */
    assert_int_equal(create(path, GENERIC_READ, FILE_OPEN, 0, &h, &io), 0);
    assert_int_equal(NtWriteFile(h, NULL, NULL, NULL, &io, "x", 1, NULL, NULL), STATUS_ACCESS_DENIED);
    NtClose(h);

    /* delete on close */
    assert_int_equal(create(path, DELETE, FILE_OPEN, FILE_DELETE_ON_CLOSE, &h, &io), 0);
    assert_int_equal(access(path, F_OK), 0);
    NtClose(h);
    assert_int_equal(access(path, F_OK), -1);
}

static void test_handles(void **state)
{
    HANDLE h, dup;
    IO_STATUS_BLOCK io;
    char path[300];
    snprintf(path, sizeof(path), "%s/dup.txt", tmpdir);
    assert_int_equal(create(path, GENERIC_READ | GENERIC_WRITE, FILE_CREATE, 0, &h, &io), 0);
    assert_int_equal((ULONG_PTR)h % 4, 0);
    assert_int_equal(NtDuplicateObject(NtCurrentProcess(), h, NtCurrentProcess(), &dup, 0, 0,
                                       DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE), 0);
    assert_int_equal(NtClose(h), STATUS_INVALID_HANDLE);       /* the source was closed */
    /* the duplicate still works: the object lives while a handle refers to it */
    assert_int_equal(NtWriteFile(dup, NULL, NULL, NULL, &io, "abc", 3, NULL, NULL), 0);
    assert_int_equal(NtClose(dup), 0);
    assert_int_equal(NtClose((HANDLE)0x12345678), STATUS_INVALID_HANDLE);
    assert_int_equal(NtClose((HANDLE)3), STATUS_INVALID_HANDLE);
    assert_int_equal(NtWriteFile((HANDLE)0x1000, NULL, NULL, NULL, &io, "abc", 3, NULL, NULL),
                     STATUS_INVALID_HANDLE);
    unlink(path);
}

static void test_paths(void **state)
{
    static const struct { const char *nt, *unix_path; NTSTATUS status; } cases[] = {
        { "\\??\\Z:\\tmp\\a.txt", "/tmp/a.txt", 0 },
        { "\\??\\Z:\\", "/", 0 },
        { "\\??\\z:\\etc", "/etc", 0 },
        { "\\??\\NUL", "/dev/null", 0 },
        { "\\??\\nul", "/dev/null", 0 },
        { "\\??\\C:\\windows", "PREFIX/drive_c/windows", 0 },
        { "\\??\\Q:\\x", NULL, STATUS_OBJECT_PATH_NOT_FOUND },
        { "C:\\x", NULL, STATUS_OBJECT_PATH_SYNTAX_BAD },
        { "\\??\\Z:\\a/b", NULL, STATUS_OBJECT_NAME_INVALID },
        { "\\??\\C:x", NULL, STATUS_OBJECT_NAME_NOT_FOUND },           /* one name in \\?? */
        { "\\??\\data.txt", NULL, STATUS_OBJECT_NAME_NOT_FOUND },       /* no such name in \\?? */
        { "\\??\\nodir\\x", NULL, STATUS_OBJECT_PATH_NOT_FOUND },
        { "\\??\\Z:\\a\\..\\b", NULL, STATUS_OBJECT_NAME_INVALID },   /* NT paths do not fold */
        { "\\??\\Z:\\a\\.\\b", NULL, STATUS_OBJECT_NAME_INVALID },
        { "\\??\\Z:\\a<b", NULL, STATUS_OBJECT_NAME_INVALID },
        { "\\??\\Z:\\a*b", NULL, STATUS_OBJECT_NAME_INVALID },
        { "\\??\\Z:\\a\\\\b", NULL, STATUS_OBJECT_NAME_INVALID },
        { "\\??\\COM1", NULL, STATUS_OBJECT_NAME_NOT_FOUND },          /* no serial port here */
        { "\\??\\CONOUT$", "/dev/tty", 0 },
        { "\\??\\UNC\\server\\share", NULL, STATUS_BAD_NETWORK_PATH },
        { "\\??\\Z:\\tmp\\", "/tmp", 0 },                          /* a trailing slash goes */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t n;
        WCHAR *w = utf8_to_utf16(cases[i].nt, strlen(cases[i].nt), &n);
        UNICODE_STRING us = { n * 2, n * 2, w };
        char *out = NULL, want[256];
        NTSTATUS status = nt_to_unix_path(&us, &out);
        assert_int_equal(status, cases[i].status);
        if (cases[i].unix_path) {
            snprintf(want, sizeof(want), "%s", cases[i].unix_path);
            if (!strncmp(want, "PREFIX", 6))
                snprintf(want, sizeof(want), "%s%s", vinho_prefix(), cases[i].unix_path + 6);
            assert_string_equal(out, want);
        }
        free(out);
        free(w);
    }
}

/* Case-insensitive lookup: the exact name first, then the folder's names ignoring case; a
 * missing name keeps the case it was given. */
static void test_case_lookup(void **state)
{
    char dir[300], file[300], *out = NULL;
    snprintf(dir, sizeof(dir), "%s/MixedCase", tmpdir);
    snprintf(file, sizeof(file), "%s/MixedCase/File.TXT", tmpdir);
    mkdir(dir, 0777);
    close(creat(file, 0666));
    static const struct { const char *given, *want; } cases[] = {
        { "/MixedCase/File.TXT", "/MixedCase/File.TXT" },
        { "/mixedcase/file.txt", "/MixedCase/File.TXT" },
        { "/MIXEDCASE/FILE.txt", "/MixedCase/File.TXT" },
        { "/mixedcase/New.Txt", "/MixedCase/New.Txt" },        /* created names keep their case */
        { "/nodir/File.TXT", "/nodir/File.TXT" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char path[300], want[300];
        snprintf(path, sizeof(path), "%s%s", tmpdir, cases[i].given);
        snprintf(want, sizeof(want), "%s%s", tmpdir, cases[i].want);
        assert_int_equal(nt_to_unix_path(nt_name(path), &out), 0);
        assert_string_equal(out, want);
        free(out);
    }
    /* A name created behind the cache's back is found once the folder changes. */
    snprintf(file, sizeof(file), "%s/MixedCase/Later.Bin", tmpdir);
    close(creat(file, 0666));
    snprintf(file, sizeof(file), "%s/mixedcase/LATER.BIN", tmpdir);
    assert_int_equal(nt_to_unix_path(nt_name(file), &out), 0);
    assert_non_null(strstr(out, "/MixedCase/Later.Bin"));
    free(out);
    /* Non-ASCII letters compare by Windows' upcase table. */
    snprintf(file, sizeof(file), "%s/MixedCase/\xc3\xa9t\xc3\xa9.txt", tmpdir);      /* été */
    close(creat(file, 0666));
    snprintf(file, sizeof(file), "%s/mixedcase/\xc3\x89T\xc3\x89.TXT", tmpdir);      /* ÉTÉ */
    assert_int_equal(nt_to_unix_path(nt_name(file), &out), 0);
    assert_non_null(strstr(out, "/MixedCase/\xc3\xa9t\xc3\xa9.txt"));
    free(out);
}

/* Names relative to a folder handle (OBJECT_ATTRIBUTES.RootDirectory), and renames by bare name. */
static void test_relative_open(void **state)
{
    char dir[300];
    HANDLE hdir, h;
    IO_STATUS_BLOCK io;
    WCHAR name[] = { 'R', 'e', 'l', '.', 't', 'x', 't' };
    UNICODE_STRING us = { sizeof(name), sizeof(name), name };
    snprintf(dir, sizeof(dir), "%s/reldir", tmpdir);
    mkdir(dir, 0777);
    assert_int_equal(create(dir, GENERIC_READ, FILE_OPEN, FILE_DIRECTORY_FILE, &hdir, &io), 0);
    OBJECT_ATTRIBUTES attr = { sizeof(attr), hdir, &us, OBJ_CASE_INSENSITIVE, NULL, NULL };
    assert_int_equal(NtCreateFile(&h, GENERIC_WRITE | DELETE, &attr, &io, NULL, 0, 0, FILE_CREATE, 0, NULL, 0), 0);
    snprintf(dir, sizeof(dir), "%s/reldir/Rel.txt", tmpdir);
    assert_int_equal(access(dir, F_OK), 0);
    struct { BOOLEAN replace; HANDLE root; ULONG len; WCHAR name[8]; } ren = { 0, NULL, 12, { 'n', 'e', 'w', '.', 'b', 'i' } };
    assert_int_equal(NtSetInformationFile(h, &io, &ren, sizeof(ren), FileRenameInformation), 0);
    snprintf(dir, sizeof(dir), "%s/reldir/new.bi", tmpdir);
    assert_int_equal(access(dir, F_OK), 0);
    NtClose(h);
    WCHAR abs_name[] = { '\\', 'x' };
    UNICODE_STRING abs_us = { sizeof(abs_name), sizeof(abs_name), abs_name };
    attr.ObjectName = &abs_us;
    assert_int_equal(NtCreateFile(&h, GENERIC_READ, &attr, &io, NULL, 0, 0, FILE_OPEN, 0, NULL, 0),
                     STATUS_INVALID_PARAMETER);
    NtClose(hdir);
}

/* The prefix is created on first use with the folders programs expect. */
static void test_prefix(void **state)
{
    static const char *const dirs[] = {
        "drive_c/windows/system32", "drive_c/windows/temp", "drive_c/ProgramData", "dosdevices",
    };
    char path[400], link[64];
    struct stat st;
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        snprintf(path, sizeof(path), "%s/%s", vinho_prefix(), dirs[i]);
        assert_int_equal(stat(path, &st), 0);
        assert_true(S_ISDIR(st.st_mode));
    }
    snprintf(path, sizeof(path), "%s/drive_c/users/%s/AppData/Local/Temp", vinho_prefix(), vinho_user_name());
    assert_int_equal(stat(path, &st), 0);
    snprintf(path, sizeof(path), "%s/dosdevices/z:", vinho_prefix());
    assert_int_equal(readlink(path, link, sizeof(link)), 1);
    assert_int_equal(link[0], '/');
    assert_string_equal(drive_root('z'), "");
    assert_non_null(strstr(drive_root('C'), "/drive_c"));
    assert_null(drive_root('q'));
    char *dos = unix_to_dos_path("/tmp/a b");
    assert_string_equal(dos, "Z:\\tmp\\a b");
    free(dos);
}

/* Windows wildcards, as FsRtlIsNameInExpression documents them; '<' '>' '"' are DOS_STAR, DOS_QM
 * and DOS_DOT, what FindFirstFile makes of "*.", '?' and "." before a wildcard. */
static void test_wildcards(void **state)
{
    static const struct { const char *expr, *name; bool match; } cases[] = {
        { "*", "anything.txt", true },
        { "*", "", true },
        { "*.txt", "a.txt", true },
        { "*.txt", "a.TXT", true },             /* case-insensitive */
        { "*.txt", "a.txt.bak", false },
        { "*.txt", "a.b.txt", true },
        { "a*", "ABC", true },
        { "a*c", "abbbc", true },
        { "a*c", "abbbd", false },
        { "?", "a", true },
        { "?", "", false },
        { "??", "a", false },
        { "<.txt", "a.b.txt", true },           /* DOS_STAR up to the last dot */
        { "<.txt", "a.txt.bak", false },
        { "<\"*", "noext", true },             /* "*.*" as DOS sees it: any name */
        { "<\"*", "a.b", true },
        { ">.txt", "a.txt", true },             /* DOS_QM: one character */
        { ">.txt", ".txt", true },              /* ... or none before a dot */
        { ">>.c", "a.c", true },
        { ">>.c", "abc.c", false },
        { "a>", "a", true },                    /* ... or none at the end */
        { "a\"", "a", true },                  /* DOS_DOT: a dot, or nothing at the end */
        { "a\"", "a.", true },
        { "a\"b", "ab", false },
        { "abc", "abd", false },
        { "abc", "ab", false },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t el, nl;
        WCHAR *e = utf8_to_utf16(cases[i].expr, strlen(cases[i].expr), &el);
        WCHAR *n = utf8_to_utf16(cases[i].name, strlen(cases[i].name), &nl);
        if (wildcard_match(e, el, n, nl) != cases[i].match)
            fail_msg("%s against %s: expected %d", cases[i].expr, cases[i].name, cases[i].match);
        free(e);
        free(n);
    }
}

static void test_utf(void **state)
{
    static const WCHAR text[] = { 'a', 0xe9, 0x20ac, 0xd83d, 0xde00, 0xd800, 'z' };
    size_t n, m;
    char *utf8 = utf16_to_utf8(text, 7, &n);
    assert_string_equal(utf8, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xef\xbf\xbdz");
    WCHAR *back = utf8_to_utf16(utf8, n, &m);
    assert_int_equal(m, 7);
    assert_int_equal(back[5], 0xfffd);                      /* the lone surrogate */
    assert_memory_equal(back, text, 5 * sizeof(WCHAR));
    free(utf8);
    free(back);
    back = utf8_to_utf16("\xc0\x80\xed\xa0\x80", 5, &m);    /* overlong NUL, encoded surrogate */
    for (size_t i = 0; i < m; i++)
        assert_int_equal(back[i], 0xfffd);
    free(back);
}

static void test_time(void **state)
{
    LARGE_INTEGER t, c1, c2, f;
    assert_int_equal(NtQuerySystemTime(&t), 0);
    /* after 2020-01-01 (132223104000000000) and before 2100 */
    assert_true(t.QuadPart > 132223104000000000LL && t.QuadPart < 157469184000000000LL);
    assert_int_equal(NtQueryPerformanceCounter(&c1, &f), 0);
    assert_int_equal(f.QuadPart, 10000000);
    LARGE_INTEGER delay = { .QuadPart = -20000 };           /* 2 ms, relative */
    assert_int_equal(NtDelayExecution(0, &delay), 0);
    NtQueryPerformanceCounter(&c2, NULL);
    assert_true(c2.QuadPart - c1.QuadPart >= 20000);
}

static int setup(void **state)
{
    static char prefix[300];
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/vinho-ntcalls-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    snprintf(prefix, sizeof(prefix), "%s/prefix", tmpdir);
    setenv("VINHO_PREFIX", prefix, 1);     /* before anything asks for the prefix */
    return 0;
}

static int teardown(void **state)
{
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd);
}

/* A name as Win32 gives it: NAME under the session's folder of named objects. */
static OBJECT_ATTRIBUTES *named(OBJECT_ATTRIBUTES *attr, UNICODE_STRING *us, const WCHAR *name, ULONG flags)
{
    size_t n = 0;
    while (name[n])
        n++;
    us->Buffer = (WCHAR *)name;
    us->Length = us->MaximumLength = n * sizeof(WCHAR);
    memset(attr, 0, sizeof(*attr));
    attr->Length = sizeof(*attr);
    attr->ObjectName = us;
    attr->Attributes = flags;
    return attr;
}

static void test_named_objects(void **state)
{
    OBJECT_ATTRIBUTES attr;
    UNICODE_STRING us;
    HANDLE a, b, c;
    LONG prev;

    assert_int_equal(NtCreateEvent(&a, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\ev", OBJ_OPENIF), 0, 0), 0);
    /* the same name: the existing object, with an informational status */
    assert_int_equal(NtCreateEvent(&b, 0, &attr, 1, 1), STATUS_OBJECT_NAME_EXISTS);
    assert_int_equal(NtSetEvent(b, NULL), 0);
    assert_int_equal(NtResetEvent(a, &prev), 0);
    assert_int_equal(prev, 1);  /* one object behind both handles */
    /* without OBJ_OPENIF: a collision */
    assert_int_equal(NtCreateEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\ev", 0), 0, 0),
                     STATUS_OBJECT_NAME_COLLISION);
    /* Local\ is the session folder; Global\ is another namespace */
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\Local\\ev", 0)), 0);
    NtClose(c);
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\Global\\ev", 0)),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* names are case-sensitive unless asked */
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\EV", 0)),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\EV",
                                              OBJ_CASE_INSENSITIVE)), 0);
    NtClose(c);
    /* another type under the name */
    assert_int_equal(NtCreateMutant(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\ev", OBJ_OPENIF), 0),
                     STATUS_OBJECT_TYPE_MISMATCH);
    assert_int_equal(NtOpenSemaphore(&c, 0, &attr), STATUS_OBJECT_TYPE_MISMATCH);
    /* bad names */
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\a\\b", 0)),
                     STATUS_OBJECT_PATH_NOT_FOUND);
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"ev", 0)), STATUS_OBJECT_PATH_SYNTAX_BAD);
    /* the name goes with the last handle */
    NtClose(a);
    NtClose(b);
    assert_int_equal(NtOpenEvent(&c, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\ev", 0)),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* \BaseNamedObjects is the global folder */
    assert_int_equal(NtCreateSemaphore(&a, 0, named(&attr, &us, u"\\BaseNamedObjects\\sem", OBJ_OPENIF), 1, 2), 0);
    assert_int_equal(NtOpenSemaphore(&b, 0, named(&attr, &us, u"\\Sessions\\1\\BaseNamedObjects\\Global\\sem", 0)), 0);
    NtClose(a);
    NtClose(b);
}

static volatile int thread_ran;

static ULONG WINAPI thread_start(void *arg)
{
    thread_ran = 1;
    return (ULONG)(ULONG_PTR)arg;
}

/* NtCreateThreadEx without the loader: the routine is called directly on the Windows stack. */
static void test_threads(void **state)
{
    struct { NTSTATUS ExitStatus; PVOID Teb; CLIENT_ID Id; ULONG_PTR Mask; LONG P, BP; } info;
    HANDLE h;
    ULONG prev;
    LARGE_INTEGER zero = { .QuadPart = 0 };

    assert_int_equal(NtCreateThreadEx(&h, 0, NULL, NtCurrentProcess(), thread_start, (void *)42, 1,
                                      0, 0, 0x20000, NULL), 0);
    assert_int_equal(NtWaitForSingleObject(h, 0, &zero), STATUS_TIMEOUT);
    assert_int_equal(NtQueryInformationThread(h, 0, &info, sizeof(info), NULL), 0);
    assert_int_equal(info.ExitStatus, 0x103);   /* STILL_ACTIVE */
    assert_int_equal(thread_ran, 0);            /* created suspended */
    assert_int_equal(NtResumeThread(h, &prev), 0);
    assert_int_equal(prev, 1);
    assert_int_equal(NtWaitForSingleObject(h, 0, NULL), 0);
    assert_int_equal(thread_ran, 1);
    assert_int_equal(NtQueryInformationThread(h, 0, &info, sizeof(info), NULL), 0);
    assert_int_equal(info.ExitStatus, 42);
    assert_int_not_equal((ULONG_PTR)info.Id.UniqueThread, 0);
    assert_int_equal(NtClose(h), 0);
    assert_int_equal(NtCreateThreadEx(&h, 0, NULL, (HANDLE)0x44, thread_start, NULL, 0, 0, 0, 0, NULL),
                     STATUS_NOT_IMPLEMENTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_virtual_reserve_commit),
        cmocka_unit_test(test_virtual_errors),
        cmocka_unit_test(test_file_create_read_write),
        cmocka_unit_test(test_handles),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_case_lookup),
        cmocka_unit_test(test_relative_open),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_wildcards),
        cmocka_unit_test(test_utf),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_named_objects),
        cmocka_unit_test(test_threads),
    };
    vinho_debug_parse(NULL);
    return cmocka_run_group_tests(tests, setup, teardown);
}
