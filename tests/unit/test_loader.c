/* test_loader.c: the loader's pure logic (every loader/ file but main.c), natively:
 * - the Windows command line vinho builds from its Linux arguments (loader_command_line), checked
 *   row by row and by a round trip through a parser of the CRT's rules written here;
 * - the api-ms-win-* contract names (apiset_resolve);
 * - Unix paths as Windows paths (unix_to_windows_path): Z:\..., and C:\ inside the prefix;
 * - loading crafted images (pe/craft.c) in --check mode: relocation when the preferred base is
 *   taken, a base conflict without relocations, exports by name, ordinal and forwarder, missing
 *   DLLs recorded for --check;
 * - loading our real DLLs when the build tree has them (run from the top of the build tree, as
 *   `make check` does); skipped otherwise.
 *
 * Expected values:
 * - the command-line rules: https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments
 *   ("2n backslashes followed by a double quote produce n backslashes followed by a begin/end
 *   quote; 2n+1 backslashes followed by a double quote produce n backslashes followed by a
 *   literal quote; backslashes are interpreted literally unless they immediately precede a
 *   double quote"; spaces and tabs separate arguments unless inside quotes; a "" inside a quoted
 *   block is a literal quote; the program name is read up to the next quote or space, without
 *   backslash escapes);
 * - API sets: https://learn.microsoft.com/en-us/windows/win32/apiindex/windows-apisets
 *   (api-ms-win-crt-* is hosted by ucrtbase.dll; api-ms-win-core-* by kernelbase.dll for the
 *   families we list); names are case-insensitive;
 * - the relocation arithmetic: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#base-relocation-types
 *   (DIR64 adds the 64-bit delta, HIGHLOW its low 32 bits);
 * - exports: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#the-edata-section-image-only
 *   (an ordinal is the index into the export address table plus Base; an entry that points
 *   inside the export section is a forwarder "DLL.name").
 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>
#include <cmocka.h>

#include "loader/loader.h"
#include "pe/craft.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static char prefix[PATH_MAX];       /* VINHO_PREFIX of this run: a fresh temporary folder */
static char tmpdir[PATH_MAX];       /* scratch files */
static char empty_dll_dir[PATH_MAX];

/* ============================ a parser of the CRT's rules ============================ */

/* Splits a command line as the C run-time does; returns argc, fills argv (malloc'ed strings). */
static int crt_parse(const char *cmd, char **argv, int max)
{
    int argc = 0;
    const char *p = cmd;
    char *buf = malloc(strlen(cmd) + 1), *o;

    /* argv[0]: quotes group, backslashes are plain characters */
    o = buf;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            *o++ = *p;
        if (*p == '"')
            p++;
    } else {
        while (*p && *p != ' ' && *p != '\t')
            *o++ = *p++;
    }
    *o = 0;
    argv[argc++] = strdup(buf);

    for (;;) {
        bool quoted = false;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || argc >= max)
            break;
        o = buf;
        while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
            size_t slashes = 0;
            while (*p == '\\') {
                slashes++;
                p++;
            }
            if (*p == '"') {
                for (size_t i = 0; i < slashes / 2; i++)
                    *o++ = '\\';
                if (slashes % 2) {
                    *o++ = '"';             /* 2n+1: a literal quote */
                    p++;
                } else if (quoted && p[1] == '"') {
                    *o++ = '"';             /* "" inside quotes: a literal quote */
                    p += 2;
                } else {
                    quoted = !quoted;       /* 2n: a delimiter */
                    p++;
                }
            } else {
                for (size_t i = 0; i < slashes; i++)
                    *o++ = '\\';
                if (*p && (quoted || (*p != ' ' && *p != '\t')))
                    *o++ = *p++;
            }
        }
        *o = 0;
        argv[argc++] = strdup(buf);
    }
    free(buf);
    return argc;
}

static void free_argv(char **argv, int argc)
{
    for (int i = 0; i < argc; i++)
        free(argv[i]);
}

/* The parser itself, on command lines written by hand from the rules quoted at the top. */
static void test_crt_parser(void **state)
{
    static const struct { const char *cmd; int argc; const char *args[4]; } rows[] = {
        { "p \"a b c\" d e", 4, { "a b c", "d", "e" } },
        { "p \"ab\\\"c\" \"\\\\\" d", 4, { "ab\"c", "\\", "d" } },
        { "p a\\\\\\b d\"e f\"g h", 4, { "a\\\\\\b", "de fg", "h" } },
        { "p a\\\\\\\"b c d", 4, { "a\\\"b", "c", "d" } },
        { "p a\\\\\\\\\"b c\" d e", 4, { "a\\\\b c", "d", "e" } },
        { "p \"a\"\"b\"", 2, { "a\"b" } },
        { "p \"\" x", 3, { "", "x" } },
        { "\"C:\\dir x\\p.exe\" y", 2, { "y" } },
    };
    char *argv[16];
    for (size_t r = 0; r < ARRAY_SIZE(rows); r++) {
        int argc = crt_parse(rows[r].cmd, argv, 16);
        assert_int_equal(argc, rows[r].argc);
        for (int i = 1; i < argc; i++)
            assert_string_equal(argv[i], rows[r].args[i - 1]);
        free_argv(argv, argc);
    }
    int argc = crt_parse("\"C:\\dir x\\p.exe\" y", argv, 16);
    assert_string_equal(argv[0], "C:\\dir x\\p.exe");
    free_argv(argv, argc);
}

/* ============================ loader_command_line ============================ */

/* One argument: its quoted form, and what the CRT gives back. */
static const struct { const char *arg, *quoted; } quote_rows[] = {
    { "simple", "simple" },
    { "", "\"\"" },
    { "two words", "\"two words\"" },
    { "tab\there", "\"tab\there\"" },
    { " ", "\" \"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "\"", "\"\\\"\"" },
    { "a\"b", "\"a\\\"b\"" },
    { "back\\slash", "back\\slash" },
    { "ends\\", "ends\\" },                           /* no quotes: a trailing \ stays single */
    { "ends\\\\", "ends\\\\" },
    { "dir with space\\", "\"dir with space\\\\\"" }, /* quoted: the trailing \ is doubled */
    { "dir with space\\\\", "\"dir with space\\\\\\\\\"" },
    { "\\\"", "\"\\\\\\\"\"" },                       /* \" -> "\\\"" */
    { "a\\\\\"b", "\"a\\\\\\\\\\\"b\"" },             /* a\\"b -> "a\\\\\"b" */
    { "\\\\server\\share", "\\\\server\\share" },
    { "C:\\Program Files\\x", "\"C:\\Program Files\\x\"" },
    { "*", "*" },
    { "a&b|c<d>e^f%PATH%", "a&b|c<d>e^f%PATH%" },
    { "it's", "it's" },
    { "\"quoted\"", "\"\\\"quoted\\\"\"" },
    { "caf\xc3\xa9", "caf\xc3\xa9" },                 /* UTF-8 passes through */
    { "new\nline", "new\nline" },                     /* only space and tab separate */
    { "\\", "\\" },
    { "\\ \\", "\"\\ \\\\\"" },
};

static void test_quote_table(void **state)
{
    for (size_t r = 0; r < ARRAY_SIZE(quote_rows); r++) {
        char *argv[] = { (char *)quote_rows[r].arg }, *back[8], want[256];
        char *cmd = loader_command_line(1, argv, "p.exe");
        int argc;
        snprintf(want, sizeof(want), "p.exe %s", quote_rows[r].quoted);
        assert_non_null(cmd);
        if (strcmp(cmd, want))
            fail_msg("row %zu: [%s] gives [%s], want [%s]", r, quote_rows[r].arg, cmd, want);
        argc = crt_parse(cmd, back, 8);
        assert_int_equal(argc, 2);
        assert_string_equal(back[0], "p.exe");
        if (strcmp(back[1], quote_rows[r].arg))
            fail_msg("row %zu: [%s] comes back as [%s]", r, quote_rows[r].arg, back[1]);
        free_argv(back, argc);
        free(cmd);
    }
}

/* All rows at once, in one command line: the separators between them must hold. */
static void test_quote_all_rows(void **state)
{
    char *argv[ARRAY_SIZE(quote_rows)], *back[ARRAY_SIZE(quote_rows) + 2];
    for (size_t r = 0; r < ARRAY_SIZE(quote_rows); r++)
        argv[r] = (char *)quote_rows[r].arg;
    char *cmd = loader_command_line(ARRAY_SIZE(quote_rows), argv, "p.exe");
    int argc = crt_parse(cmd, back, ARRAY_SIZE(back));
    assert_int_equal(argc, ARRAY_SIZE(quote_rows) + 1);
    for (size_t r = 0; r < ARRAY_SIZE(quote_rows); r++)
        assert_string_equal(back[r + 1], quote_rows[r].arg);
    free_argv(back, argc);
    free(cmd);
}

/* Random arguments over the characters that matter: the round trip is exact. */
static void test_quote_round_trip_random(void **state)
{
    static const char alphabet[] = "ab \t\"\\\\\\";
    unsigned seed = 12345;
    char store[6][16], *argv[6], *back[8];

    for (int iter = 0; iter < 20000; iter++) {
        int n = 1 + iter % 5;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245 + 12345;
            int len = (seed >> 16) % 12;
            for (int j = 0; j < len; j++) {
                seed = seed * 1103515245 + 12345;
                store[i][j] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
            }
            store[i][len] = 0;
            argv[i] = store[i];
        }
        char *cmd = loader_command_line(n, argv, "p.exe");
        int argc = crt_parse(cmd, back, 8);
        if (argc != n + 1)
            fail_msg("iteration %d: [%s] parses into %d arguments, not %d", iter, cmd, argc - 1, n);
        for (int i = 0; i < n; i++)
            if (strcmp(back[i + 1], argv[i]))
                fail_msg("iteration %d: [%s] gave back [%s] for [%s]", iter, cmd, back[i + 1], argv[i]);
        free_argv(back, argc);
        free(cmd);
    }
}

/* The program's name: a relative path keeps its form with backslashes; an absolute one becomes
 * its Windows path; a name with a space is quoted. */
static void test_command_line_program(void **state)
{
    char *none[] = { NULL }, *cmd, want[PATH_MAX * 2], *argv[1];
    int argc;

    cmd = loader_command_line(0, none, "p.exe");
    assert_string_equal(cmd, "p.exe");
    free(cmd);
    cmd = loader_command_line(0, none, "tests/programs/hello.exe");
    assert_string_equal(cmd, "tests\\programs\\hello.exe");
    free(cmd);
    cmd = loader_command_line(0, none, "../args.exe");
    assert_string_equal(cmd, "..\\args.exe");
    free(cmd);
    cmd = loader_command_line(0, none, "/opt/my apps/p.exe");
    assert_string_equal(cmd, "\"Z:\\opt\\my apps\\p.exe\"");
    argc = crt_parse(cmd, argv, 1);
    assert_string_equal(argv[0], "Z:\\opt\\my apps\\p.exe");
    free_argv(argv, argc);
    free(cmd);
    snprintf(want, sizeof(want), "C:\\windows\\notepad.exe");
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/drive_c/windows/notepad.exe", prefix);
    cmd = loader_command_line(0, none, path);
    assert_string_equal(cmd, want);
    free(cmd);
}

/* ============================ apiset_resolve ============================ */

static void test_apiset(void **state)
{
    static const struct { const char *name, *host; } rows[] = {
        { "api-ms-win-crt-runtime-l1-1-0.dll", "ucrtbase.dll" },
        { "api-ms-win-crt-stdio-l1-1-0.dll", "ucrtbase.dll" },
        { "API-MS-WIN-CRT-HEAP-L1-1-0.DLL", "ucrtbase.dll" },
        { "api-ms-win-crt-math-l1-1-0", "ucrtbase.dll" },
        { "api-ms-win-core-synch-l1-2-0.dll", "kernelbase.dll" },
        { "api-ms-win-core-processthreads-l1-1-1.dll", "kernelbase.dll" },
        { "Api-Ms-Win-Core-File-L1-2-2.dll", "kernelbase.dll" },
        { "api-ms-win-core-heap-l1-1-0", "kernelbase.dll" },
        { "api-ms-win-eventing-provider-l1-1-0.dll", "kernelbase.dll" },
        { "api-ms-win-security-base-l1-2-0.dll", "kernelbase.dll" },
        { "kernel32.dll", NULL },
        { "ucrtbase.dll", NULL },
        { "api-ms-win-crt.dll", NULL },             /* no family: not a contract name */
        { "api-ms-win-core", NULL },
        { "xapi-ms-win-core-synch-l1-2-0.dll", NULL },
        { "ext-ms-win-gdi-draw-l1-1-0.dll", NULL },  /* extension sets: none of ours */
        { "", NULL },
    };
    for (size_t r = 0; r < ARRAY_SIZE(rows); r++) {
        const char *host = apiset_resolve(rows[r].name);
        if (!rows[r].host ? host != NULL : !host || strcmp(host, rows[r].host))
            fail_msg("%s resolves to %s, want %s", rows[r].name, host ? host : "NULL",
                     rows[r].host ? rows[r].host : "NULL");
    }
}

/* ============================ unix_to_windows_path ============================ */

static void expect_path(const char *unix_path, const char *want)
{
    char *got = unix_to_windows_path(unix_path);
    assert_non_null(got);
    if (strcmp(got, want))
        fail_msg("%s gives %s, want %s", unix_path, got, want);
    free(got);
}

/* prefix with / turned into \ */
static void backslashed(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out, size, fmt, ap);
    va_end(ap);
    for (char *c = out; *c; c++)
        if (*c == '/')
            *c = '\\';
}

static void test_paths(void **state)
{
    char in[PATH_MAX], want[PATH_MAX * 2], cwd[PATH_MAX];

    expect_path("/", "Z:\\");
    expect_path("/tmp", "Z:\\tmp");
    expect_path("/usr/", "Z:\\usr\\");
    expect_path("/tmp/a b/c.exe", "Z:\\tmp\\a b\\c.exe");
    expect_path("/tmp/caf\xc3\xa9", "Z:\\tmp\\caf\xc3\xa9");
    snprintf(in, sizeof(in), "%s/drive_c", prefix);
    expect_path(in, "C:\\");
    snprintf(in, sizeof(in), "%s/drive_c/", prefix);
    expect_path(in, "C:\\");
    snprintf(in, sizeof(in), "%s/drive_c/windows/system32/kernel32.dll", prefix);
    expect_path(in, "C:\\windows\\system32\\kernel32.dll");
    /* only the folder drive_c itself: a sibling whose name starts alike stays on Z: */
    snprintf(in, sizeof(in), "%s/drive_cx/a", prefix);
    backslashed(want, sizeof(want), "Z:%s/drive_cx/a", prefix);
    expect_path(in, want);
    backslashed(want, sizeof(want), "Z:%s", prefix);
    expect_path(prefix, want);

    /* relative paths: from the current folder */
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(tmpdir), 0);
    backslashed(want, sizeof(want), "Z:%s/sub/file.txt", tmpdir);
    expect_path("sub/file.txt", want);
    snprintf(in, sizeof(in), "%s/drive_c/users", prefix);
    assert_int_equal(chdir(in), 0);
    expect_path("file.txt", "C:\\users\\file.txt");
    assert_int_equal(chdir("/"), 0);
    expect_path("etc", "Z:\\etc");
    assert_int_equal(chdir(cwd), 0);
}

/* ============================ loading crafted images ============================ */

static void write_file(const char *path, const void *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, size), (ssize_t)size);
    close(fd);
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static uint32_t get32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static void *base_blocker;  /* our mapping at the crafted images' preferred base */

/* Preferred base taken: the image lands elsewhere, 64 KiB aligned, every relocation applied. */
static void test_load_relocated(void **state)
{
    static uint8_t buf[CRAFT_FILE_SIZE];
    struct craft_opts opts = { .features = CRAFT_RELOCS | CRAFT_EXPORTS };
    char path[PATH_MAX];
    struct module *mod = NULL;
    size_t size = craft_image(buf, &opts);

    snprintf(path, sizeof(path), "%s/crafted_reloc.dll", tmpdir);
    write_file(path, buf, size);
    assert_int_equal(module_load_path(path, false, &mod), STATUS_SUCCESS);
    assert_non_null(mod);
    assert_ptr_not_equal(mod->base, (void *)(uintptr_t)CRAFT_BASE64);
    assert_int_equal((uintptr_t)mod->base & 0xffff, 0);
    assert_true(mod->size >= CRAFT_IMAGE_SIZE);

    int64_t delta = (int64_t)((uintptr_t)mod->base - CRAFT_BASE64);
    static const uint32_t dir64[] = { 0x1010, 0x1018, 0x3030, 0x3038 };
    for (size_t i = 0; i < ARRAY_SIZE(dir64); i++)
        assert_int_equal(get64(mod->base + dir64[i]), get64(buf + craft_offset(dir64[i])) + delta);
    assert_int_equal(get32(mod->base + 0x1020), (uint32_t)(get32(buf + craft_offset(0x1020)) + delta));
    /* bytes no relocation names are as in the file */
    assert_int_equal(get64(mod->base + 0x1000), get64(buf + craft_offset(0x1000)));
    assert_memory_equal(mod->base + 0x2000, buf + craft_offset(0x2000), 0x100);

    /* found by name, any case, with or without .dll, and by address */
    assert_ptr_equal(module_find_loaded("crafted_reloc.dll"), mod);
    assert_ptr_equal(module_find_loaded("CRAFTED_RELOC.DLL"), mod);
    assert_ptr_equal(module_find_loaded("Crafted_Reloc"), mod);
    assert_ptr_equal(module_find_loaded("C:\\somewhere\\crafted_reloc.dll"), mod);
    assert_null(module_find_loaded("crafted_rel"));
    assert_ptr_equal(module_from_address(mod->base + 0x1000), mod);
    assert_ptr_not_equal(module_from_address(mod->base + mod->size), mod);
    struct module *again = NULL;
    assert_int_equal(module_load("crafted_reloc.dll", NULL, &again), STATUS_SUCCESS);
    assert_ptr_equal(again, mod);
}

/* Exports of the crafted DLL: #1 alpha 0x1010, #2 empty, #3 gamma -> OTHER.func, #4 beta 0x1020. */
static void test_resolve_exports(void **state)
{
    struct module *mod = module_find_loaded("crafted_reloc.dll");
    void *addr = NULL;

    assert_non_null(mod);
    assert_int_equal(module_resolve(mod, "alpha", -1, &addr, 0), STATUS_SUCCESS);
    assert_ptr_equal(addr, mod->base + 0x1010);
    assert_int_equal(module_resolve(mod, NULL, 1, &addr, 0), STATUS_SUCCESS);
    assert_ptr_equal(addr, mod->base + 0x1010);
    assert_int_equal(module_resolve(mod, "beta", -1, &addr, 0), STATUS_SUCCESS);
    assert_ptr_equal(addr, mod->base + 0x1020);
    assert_int_equal(module_resolve(mod, NULL, 4, &addr, 0), STATUS_SUCCESS);
    assert_ptr_equal(addr, mod->base + 0x1020);
    assert_int_equal(module_resolve(mod, "Alpha", -1, &addr, 0), STATUS_PROCEDURE_NOT_FOUND);
    assert_int_equal(module_resolve(mod, "nothing", -1, &addr, 0), STATUS_PROCEDURE_NOT_FOUND);
    assert_int_equal(module_resolve(mod, NULL, 2, &addr, 0), STATUS_ORDINAL_NOT_FOUND);
    assert_int_equal(module_resolve(mod, NULL, 0, &addr, 0), STATUS_ORDINAL_NOT_FOUND);
    assert_int_equal(module_resolve(mod, NULL, 5, &addr, 0), STATUS_ORDINAL_NOT_FOUND);
    /* gamma forwards to OTHER.func; there is no OTHER.dll */
    setenv("VINHO_DLL_DIR", empty_dll_dir, 1);
    assert_int_equal(module_resolve(mod, "gamma", -1, &addr, 0), STATUS_DLL_NOT_FOUND);
    assert_int_equal(module_resolve(mod, NULL, 3, &addr, 0), STATUS_DLL_NOT_FOUND);
    unsetenv("VINHO_DLL_DIR");
}

/* A forwarder to a DLL that exists: resolved in the target, at any depth, loops bounded. */
static void test_resolve_forwarder_found(void **state)
{
    static uint8_t buf[CRAFT_FILE_SIZE];
    struct craft_opts opts = { .features = CRAFT_RELOCS | CRAFT_EXPORTS };
    char path[PATH_MAX];
    struct module *other = NULL, *mod = module_find_loaded("crafted_reloc.dll");
    void *addr = NULL;
    size_t size = craft_image(buf, &opts);

    assert_non_null(mod);
    /* OTHER.dll: the same image; its gamma forwards to OTHER.func, which does not exist */
    snprintf(path, sizeof(path), "%s/OTHER.dll", tmpdir);
    write_file(path, buf, size);
    assert_int_equal(module_load_path(path, false, &other), STATUS_SUCCESS);
    assert_int_equal(module_resolve(mod, "gamma", -1, &addr, 0), STATUS_PROCEDURE_NOT_FOUND);
    /* two loaded copies of one image cannot share a base */
    assert_ptr_not_equal(other->base, mod->base);
}

/* The preferred base taken. With IMAGE_FILE_RELOCS_STRIPPED the image "must be loaded at its
 * preferred base address" (PE/COFF specification, Characteristics): a conflict, not a crash.
 * Without the flag, an image that simply has no fixups loads elsewhere unchanged. */
static void test_load_conflict(void **state)
{
    static uint8_t buf[CRAFT_FILE_SIZE];
    struct craft_opts opts = { .features = CRAFT_EXPORTS };
    char path[PATH_MAX];
    struct module *mod = NULL;
    size_t size = craft_image(buf, &opts);
    uint16_t characteristics = buf[CRAFT_COFF + 18] | buf[CRAFT_COFF + 19] << 8;

    snprintf(path, sizeof(path), "%s/crafted_nofixups.dll", tmpdir);
    write_file(path, buf, size);
    assert_int_equal(module_load_path(path, false, &mod), STATUS_SUCCESS);
    assert_int_not_equal((uintptr_t)mod->base, CRAFT_BASE64);

    craft_put16(buf, CRAFT_COFF + 18, characteristics | 0x0001 /* RELOCS_STRIPPED */);
    snprintf(path, sizeof(path), "%s/crafted_fixed.dll", tmpdir);
    write_file(path, buf, size);
    mod = NULL;
    assert_int_equal(module_load_path(path, false, &mod), STATUS_CONFLICTING_ADDRESSES);
    assert_null(module_find_loaded("crafted_fixed.dll"));
}

/* Files that are not x86-64 PE images. */
static void test_load_bad_files(void **state)
{
    static uint8_t buf[CRAFT_FILE_SIZE];
    struct craft_opts pe32 = { .pe32 = true, .features = CRAFT_RELOCS };
    char path[PATH_MAX];
    struct module *mod = NULL;
    size_t size;

    snprintf(path, sizeof(path), "%s/no_such_file.dll", tmpdir);
    assert_int_equal(module_load_path(path, false, &mod), STATUS_DLL_NOT_FOUND);
    snprintf(path, sizeof(path), "%s/empty.dll", tmpdir);
    write_file(path, "", 0);
    assert_int_equal(module_load_path(path, false, &mod), STATUS_INVALID_IMAGE_FORMAT);
    snprintf(path, sizeof(path), "%s/text.dll", tmpdir);
    write_file(path, "#!/bin/sh\necho hi\n", 18);
    assert_int_equal(module_load_path(path, false, &mod), STATUS_INVALID_IMAGE_NOT_MZ);
    size = craft_image(buf, &pe32);
    snprintf(path, sizeof(path), "%s/pe32.dll", tmpdir);
    write_file(path, buf, size);
    assert_int_equal(module_load_path(path, false, &mod), STATUS_INVALID_IMAGE_WIN_32);
    assert_int_equal(module_load_path(tmpdir, false, &mod), STATUS_INVALID_IMAGE_FORMAT);
    assert_null(module_find_loaded("pe32.dll"));
}

static struct missing *find_missing(const char *importer, const char *dll, const char *func)
{
    for (struct missing *m = missing_list; m; m = m->next)
        if (!strcmp(m->importer, importer) && !strcasecmp(m->dll, dll) &&
            (func ? m->func && !strcmp(m->func, func) : !m->func))
            return m;
    return NULL;
}

/* --check: imports of DLLs that cannot be found are recorded, the load goes on. */
static void test_check_missing_dlls(void **state)
{
    static uint8_t buf[CRAFT_FILE_SIZE];
    struct craft_opts opts = { .features = CRAFT_RELOCS | CRAFT_IMPORTS };
    char path[PATH_MAX];
    struct module *mod = NULL;
    size_t size = craft_image(buf, &opts);

    if (module_find_loaded("kernel32.dll") || module_find_loaded("msvcrt.dll"))
        skip();
    setenv("VINHO_DLL_DIR", empty_dll_dir, 1);
    snprintf(path, sizeof(path), "%s/crafted_imports.exe", tmpdir);
    write_file(path, buf, size);
    assert_int_equal(module_load_path(path, true, &mod), STATUS_SUCCESS);
    assert_non_null(find_missing("crafted_imports.exe", "KERNEL32.dll", NULL));
    assert_non_null(find_missing("crafted_imports.exe", "msvcrt.dll", NULL));
    unsetenv("VINHO_DLL_DIR");
}

/* ============================ our real DLLs ============================ */

/* A folder of links to the DLLs of the build tree (run from its top), for VINHO_DLL_DIR. */
static bool real_dll_dir(char *dir, size_t size)
{
    static const char *const names[] = { "ntdll", "kernelbase", "kernel32" };
    char cwd[PATH_MAX], from[PATH_MAX * 2], to[PATH_MAX * 2];
    struct stat st;

    if (!getcwd(cwd, sizeof(cwd)))
        return false;
    snprintf(dir, size, "%s/real-dlls", tmpdir);
    mkdir(dir, 0755);
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        snprintf(from, sizeof(from), "%s/dlls/%s/%s.dll", cwd, names[i], names[i]);
        snprintf(to, sizeof(to), "%s/%s.dll", dir, names[i]);
        if (stat(from, &st) || !S_ISREG(st.st_mode))
            return false;
        unlink(to);
        if (symlink(from, to))
            return false;
    }
    return true;
}

/* The ELF backtrace of a crash report: libunwind is loaded only then (not linked: every start
 * would map it and liblzma), and the frames have their symbol names. */
static void __attribute__((noinline)) test_elf_backtrace(void **state)
{
    char path[] = "/tmp/vinho-test-backtrace-XXXXXX", text[8192];
    int fd = mkstemp(path), frames;
    ucontext_t uc;
    ssize_t len;

    (void)state;
    assert_true(fd >= 0);
    unlink(path);
    assert_null(dlopen("libunwind.so.8", RTLD_NOW | RTLD_NOLOAD));
    getcontext(&uc);
    frames = signal_elf_backtrace(fd, &uc);
    assert_true(frames >= 2);                   /* this function, cmocka's caller, ... */
    assert_non_null(dlopen("libunwind.so.8", RTLD_NOW | RTLD_NOLOAD));
    len = pread(fd, text, sizeof(text) - 1, 0);
    close(fd);
    assert_true(len > 0);
    text[len] = 0;
    assert_non_null(strstr(text, "ELF backtrace:\n  #0 "));
    assert_non_null(strstr(text, " test_elf_backtrace+0x"));
}

static void test_real_dlls(void **state)
{
    char dir[PATH_MAX];
    struct module *k32 = NULL, *kb, *ntdll;
    void *a = NULL, *b = NULL;

    if (!real_dll_dir(dir, sizeof(dir)))
        skip();
    setenv("VINHO_DLL_DIR", dir, 1);
    assert_int_equal(module_load("KERNEL32.dll", NULL, &k32), STATUS_SUCCESS);
    assert_true(k32->is_builtin);
    /* kernel32 forwards to kernelbase: resolving loads it */
    assert_int_equal(module_resolve(k32, "GetLastError", -1, &a, 0), STATUS_SUCCESS);
    assert_non_null(kb = module_find_loaded("kernelbase.dll"));
    assert_ptr_equal(module_from_address(a), kb);
    assert_non_null(ntdll = module_find_loaded("ntdll"));
    assert_ptr_equal(module_find_loaded("api-ms-win-core-heap-l1-1-0.dll"), kb);
    /* kernel32!HeapAlloc forwards to ntdll!RtlAllocateHeap, as on Windows */
    assert_int_equal(module_resolve(k32, "HeapAlloc", -1, &a, 0), STATUS_SUCCESS);
    assert_int_equal(module_resolve(ntdll, "RtlAllocateHeap", -1, &b, 0), STATUS_SUCCESS);
    assert_ptr_equal(a, b);
    assert_ptr_equal(module_from_address(a), ntdll);
    assert_int_equal(module_resolve(k32, "GetConsoleAliasW", -1, &a, 0), STATUS_PROCEDURE_NOT_FOUND);
    /* a second load is the same module */
    struct module *again = NULL;
    assert_int_equal(module_load("kernel32", NULL, &again), STATUS_SUCCESS);
    assert_ptr_equal(again, k32);
    unsetenv("VINHO_DLL_DIR");
}

/* ============================ set-up ============================ */

static int group_setup(void **state)
{
    char path[PATH_MAX * 2];

    snprintf(tmpdir, sizeof(tmpdir), "%s/vinho-test-loader-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir))
        return -1;
    snprintf(prefix, sizeof(prefix), "%s/prefix", tmpdir);
    snprintf(path, sizeof(path), "%s/drive_c/users", prefix);
    mkdir(prefix, 0755);
    snprintf(path, sizeof(path), "%s/drive_c", prefix);
    mkdir(path, 0755);
    snprintf(path, sizeof(path), "%s/drive_c/users", prefix);
    mkdir(path, 0755);
    snprintf(empty_dll_dir, sizeof(empty_dll_dir), "%s/no-dlls", tmpdir);
    mkdir(empty_dll_dir, 0755);
    setenv("VINHO_PREFIX", prefix, 1);  /* before the first vinho_prefix(), which keeps it */
    loader_check_mode = true;           /* --check: no PEB, no ntdll gate, nothing runs */
    /* the crafted images' preferred base, taken so that they must be relocated */
    base_blocker = mmap((void *)(uintptr_t)CRAFT_BASE64, 0x10000, PROT_NONE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    return base_blocker == (void *)(uintptr_t)CRAFT_BASE64 ? 0 : -1;
}

static int group_teardown(void **state)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crt_parser),
        cmocka_unit_test(test_quote_table),
        cmocka_unit_test(test_quote_all_rows),
        cmocka_unit_test(test_quote_round_trip_random),
        cmocka_unit_test(test_command_line_program),
        cmocka_unit_test(test_apiset),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_load_relocated),
        cmocka_unit_test(test_resolve_exports),
        cmocka_unit_test(test_resolve_forwarder_found),
        cmocka_unit_test(test_load_conflict),
        cmocka_unit_test(test_load_bad_files),
        cmocka_unit_test(test_check_missing_dlls),
        cmocka_unit_test(test_elf_backtrace),
        cmocka_unit_test(test_real_dlls),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
