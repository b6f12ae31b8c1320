/* test_dospath.c: the DOS path rules of dlls/ntdll/path.c (Microsoft's "Naming Files, Paths, and
 * Namespaces"), built natively: full paths, NT paths, device names, verbatim paths, overlong paths. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "path_native.h"
#include "ntcalls/ntcalls.h"

/* ---- stand-ins for the rest of ntdll ---- */

static struct vn_process_params params;
static struct vn_peb peb = { .ProcessParameters = &params };

struct vn_peb *vn_peb(void) { return &peb; }
PVOID WINAPI RtlAllocateHeap(HANDLE heap, ULONG flags, SIZE_T size) { return malloc(size); }
BOOLEAN WINAPI RtlFreeHeap(HANDLE heap, ULONG flags, PVOID ptr) { free(ptr); return TRUE; }

static void set_cwd(const char *dir)
{
    static WCHAR buf[260];
    size_t n;
    WCHAR *w = utf8_to_utf16(dir, strlen(dir), &n);
    memcpy(buf, w, (n + 1) * sizeof(WCHAR));
    free(w);
    params.CurrentDirectory.Buffer = (uint16_t *)buf;
    params.CurrentDirectory.Length = n * sizeof(WCHAR);
    params.CurrentDirectory.MaximumLength = sizeof(buf);
}

static char *narrow(const WCHAR *w, size_t len)
{
    return utf16_to_utf8(w, len, NULL);
}

static void test_full_paths(void **state)
{
    static const struct { const char *in, *out; } cases[] = {
        { "C:\\a\\b\\..\\c", "C:\\a\\c" },
        { "C:/a/./b/", "C:\\a\\b\\" },
        { "c:\\a\\b. . ", "C:\\a\\b" },                 /* trailing dots and spaces go */
        { "C:\\a\\..\\..\\..\\x", "C:\\x" },             /* never above the root */
        { "rel\\x.txt", "Z:\\work\\dir\\rel\\x.txt" },
        { "..\\up", "Z:\\work\\up" },
        { "\\rooted", "Z:\\rooted" },
        { "Z:other", "Z:\\work\\dir\\other" },          /* drive-relative, on the current drive */
        { "C:other", "C:\\other" },                     /* another drive: its root */
        { "/tmp/a.txt", "Z:\\tmp\\a.txt" },             /* a Unix path from a Linux shell */
        { "nul", "\\\\.\\nul" },                   /* device names keep their case */
        { "C:\\dir\\NUL.txt", "\\\\.\\NUL" },
        { "con ", "\\\\.\\con" },
        { "COM1", "\\\\.\\COM1" },
        { "lpt9.log", "\\\\.\\lpt9" },
        { "COM0", "Z:\\work\\dir\\COM0" },              /* not a device */
        { "CONOUT$", "\\\\.\\CONOUT$" },
        { "nullable", "Z:\\work\\dir\\nullable" },
        { "\\\\?\\C:\\a\\..\\b", "\\\\?\\C:\\a\\..\\b" },  /* verbatim: unchanged (documented) */
        { "\\\\.\\C:\\a\\.\\b", "\\\\.\\C:\\a\\b" },
        { "\\\\server\\share\\x\\..\\y", "\\\\server\\share\\y" },
        { "\\\\server\\share\\..\\..\\y", "\\\\server\\share\\y" },  /* .. stops at the share */
        { "C:\\a.\\b", "C:\\a\\b" },                  /* an inner segment loses one period */
        { "C:\\a\\...\\b", "C:\\a\\...\\b" },          /* "..." is a name */
        { "C:\\a\\....", "C:\\a\\" },                  /* an emptied last segment keeps its \\ */
    };
    WCHAR out[300], *part;
    set_cwd("Z:\\work\\dir\\");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t n;
        WCHAR *in = utf8_to_utf16(cases[i].in, strlen(cases[i].in), &n);
        ULONG len = RtlGetFullPathName_U(in, sizeof(out), out, &part);
        char *got = narrow(out, len / 2);
        if (strcmp(got, cases[i].out))
            fail_msg("%s: got %s, expected %s", cases[i].in, got, cases[i].out);
        free(got);
        free(in);
    }
}

static void test_nt_paths(void **state)
{
    static const struct { const char *in, *out; } cases[] = {
        { "C:\\a\\b.txt", "\\??\\C:\\a\\b.txt" },
        { "\\\\?\\C:\\a\\..\\b", "\\??\\C:\\a\\..\\b" },  /* verbatim */
        { "\\\\?\\C:/x", "\\??\\C:/x" },
        { "\\\\.\\PIPE\\x", "\\??\\PIPE\\x" },
        { "\\\\server\\share\\f", "\\??\\UNC\\server\\share\\f" },
        { "nul.txt", "\\??\\nul" },
    };
    set_cwd("C:\\");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t n;
        UNICODE_STRING nt;
        WCHAR *in = utf8_to_utf16(cases[i].in, strlen(cases[i].in), &n);
        assert_int_equal(RtlDosPathNameToNtPathName_U_WithStatus(in, &nt, NULL, NULL), 0);
        char *got = narrow(nt.Buffer, nt.Length / 2);
        if (strcmp(got, cases[i].out))
            fail_msg("%s: got %s, expected %s", cases[i].in, got, cases[i].out);
        free(got);
        free(nt.Buffer);
        free(in);
    }
}

static void test_limits(void **state)
{
    WCHAR *longname = malloc(40010 * sizeof(WCHAR)), out[16], empty[1] = { 0 };
    UNICODE_STRING nt;
    set_cwd("C:\\");
    longname[0] = 'C', longname[1] = ':', longname[2] = '\\';
    for (int i = 3; i < 40003; i++)
        longname[i] = i % 50 ? 'a' : '\\';
    longname[40003] = 0;
    assert_int_equal(RtlDosPathNameToNtPathName_U_WithStatus(longname, &nt, NULL, NULL), STATUS_NAME_TOO_LONG);
    assert_int_equal(RtlGetFullPathName_U(longname, sizeof(out), out, NULL), 0);
    /* 300 characters: no MAX_PATH limit (long paths enabled) */
    longname[300] = 0;
    assert_int_equal(RtlDosPathNameToNtPathName_U_WithStatus(longname, &nt, NULL, NULL), 0);
    free(nt.Buffer);
    /* too small a buffer: the size needed in bytes, with the NUL */
    WCHAR name[] = { 'C', ':', '\\', 'a', 'b', 0 };
    assert_int_equal(RtlGetFullPathName_U(name, 4, out, NULL), 12);
    assert_int_equal(RtlGetFullPathName_U(empty, sizeof(out), out, NULL), 0);
    assert_int_not_equal(RtlDosPathNameToNtPathName_U_WithStatus(empty, &nt, NULL, NULL), 0);
    free(longname);
}

static void test_current_directory(void **state)
{
    WCHAR out[32];
    set_cwd("Z:\\work\\dir\\");
    ULONG len = RtlGetCurrentDirectory_U(sizeof(out), out);   /* no trailing backslash */
    char *got = narrow(out, len / 2);
    assert_string_equal(got, "Z:\\work\\dir");
    free(got);
    set_cwd("C:\\");
    len = RtlGetCurrentDirectory_U(sizeof(out), out);          /* except at a root */
    got = narrow(out, len / 2);
    assert_string_equal(got, "C:\\");
    free(got);
}

static void test_set_current_directory(void **state)
{
    WCHAR out[64], tmp[] = { 'Z', ':', '/', 't', 'm', 'p', 0 }, missing[] = { 'n', 'o', '-', 's', 'u', 'c', 'h', 0 };
    UNICODE_STRING us = { 12, 14, tmp }, bad = { 14, 16, missing };
    set_cwd("Z:\\");
    assert_int_equal(RtlSetCurrentDirectory_U(&us), 0);
    ULONG len = RtlGetCurrentDirectory_U(sizeof(out), out);
    char *got = narrow(out, len / 2);
    assert_string_equal(got, "Z:\\tmp");
    free(got);
    assert_int_equal(RtlSetCurrentDirectory_U(&bad), STATUS_OBJECT_NAME_NOT_FOUND);
}

int main(void)
{
    char prefix[] = "/tmp/vinho-dospath-XXXXXX";
    if (mkdtemp(prefix))
        setenv("VINHO_PREFIX", prefix, 1);      /* not the user's ~/.vinho */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_paths),
        cmocka_unit_test(test_nt_paths),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_current_directory),
        cmocka_unit_test(test_set_current_directory),
    };
    vinho_debug_parse(NULL);
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[64];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", prefix);
    if (system(cmd))
        failed++;
    return failed;
}
