/* registry.c: the registry API: create, set, query (with the documented ERROR_MORE_DATA and size
 * rules), enumerate, delete, and the errors for missing keys, values and bad handles. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define TEST_KEY L"Software\\VinhoRegistryTest"

static void check(const char *what, LONG got, LONG want)
{
    printf("%s: %s (%ld)\n", what, got == want ? "ok" : "WRONG", got);
}

/* Removes what an earlier, interrupted run may have left (Wine keeps its registry). */
static void cleanup(void)
{
    RegDeleteKeyW(HKEY_CURRENT_USER, TEST_KEY L"\\Sub\\Deeper");
    RegDeleteKeyW(HKEY_CURRENT_USER, TEST_KEY L"\\Sub");
    RegDeleteKeyW(HKEY_CURRENT_USER, TEST_KEY L"\\Another");
    RegDeleteKeyW(HKEY_CURRENT_USER, TEST_KEY);
}

static void test_values(HKEY key)
{
    static const WCHAR text[] = L"hello";
    DWORD dword = 0x12345678, type, size;
    WCHAR buf[64];
    BYTE small[4];
    LONG r;

    check("set REG_SZ", RegSetValueExW(key, L"Text", 0, REG_SZ, (const BYTE *)text, sizeof(text)), 0);
    check("set REG_DWORD", RegSetValueExW(key, L"Number", 0, REG_DWORD, (BYTE *)&dword, 4), 0);
    check("set default", RegSetValueExW(key, NULL, 0, REG_SZ, (const BYTE *)L"dflt", 10), 0);

    /* size query: data NULL */
    size = 0xdead;
    r = RegQueryValueExW(key, L"Text", NULL, &type, NULL, &size);
    printf("size query: r=%ld type=%lu size=%lu\n", r, type, size);
    /* too small: ERROR_MORE_DATA and the size needed */
    size = sizeof(small);
    r = RegQueryValueExW(key, L"Text", NULL, &type, small, &size);
    printf("small buffer: r=%ld size=%lu\n", r, size);
    /* exact */
    size = sizeof(buf);
    memset(buf, 0xff, sizeof(buf));
    r = RegQueryValueExW(key, L"text", NULL, &type, (BYTE *)buf, &size);
    printf("query (case-insensitive name): r=%ld type=%lu size=%lu text=%ls\n", r, type, size, buf);
    size = 4;
    dword = 0;
    r = RegQueryValueExW(key, L"Number", NULL, &type, (BYTE *)&dword, &size);
    printf("dword: r=%ld type=%lu value=%#lx\n", r, type, dword);
    size = sizeof(buf);
    r = RegQueryValueExW(key, L"", NULL, &type, (BYTE *)buf, &size);
    printf("default value: r=%ld text=%ls\n", r, buf);
    check("missing value", RegQueryValueExW(key, L"Nope", NULL, NULL, NULL, NULL), ERROR_FILE_NOT_FOUND);
    check("data without size", RegQueryValueExW(key, L"Text", NULL, NULL, (BYTE *)buf, NULL),
          ERROR_INVALID_PARAMETER);

    /* the A function converts strings: sizes are in ANSI bytes */
    {
        char abuf[16];
        DWORD asize = 0;
        r = RegQueryValueExA(key, "Text", NULL, &type, NULL, &asize);
        printf("A size query: r=%ld size=%lu\n", r, asize);
        asize = sizeof(abuf);
        r = RegQueryValueExA(key, "Text", NULL, &type, (BYTE *)abuf, &asize);
        printf("A query: r=%ld size=%lu text=%s\n", r, asize, abuf);
    }
}

static void test_get_value(void)
{
    WCHAR buf[64];
    DWORD size, type, dword;
    LONG r;
    HKEY key;

    RegCreateKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, NULL);
    /* a string stored without its terminator comes back terminated from RegGetValue */
    RegSetValueExW(key, L"NoNul", 0, REG_SZ, (const BYTE *)L"abc", 6);
    size = sizeof(buf);
    memset(buf, 0xff, sizeof(buf));
    r = RegGetValueW(key, NULL, L"NoNul", RRF_RT_REG_SZ, &type, buf, &size);
    printf("RegGetValue unterminated: r=%ld size=%lu text=%ls\n", r, size, buf);
    size = sizeof(dword);
    r = RegGetValueW(HKEY_CURRENT_USER, TEST_KEY, L"Text", RRF_RT_REG_DWORD, &type, &dword, &size);
    check("RegGetValue wrong type", r, ERROR_UNSUPPORTED_TYPE);
    size = sizeof(dword);
    r = RegGetValueW(HKEY_CURRENT_USER, TEST_KEY, L"Number", RRF_RT_DWORD, &type, &dword, &size);
    printf("RegGetValue dword: r=%ld value=%#lx\n", r, dword);
    /* RegQueryValueEx documents that a string may be stored without its terminator; the value
     * is removed again so that no size below depends on how it was kept. */
    RegDeleteValueW(key, L"NoNul");
    RegCloseKey(key);
}

static void test_enum(HKEY key)
{
    WCHAR name[64];
    DWORD len, i, type, size, subkeys, values, max_name;
    HKEY sub;
    LONG r;

    check("create Sub", RegCreateKeyExW(key, L"Sub", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL), 0);
    RegCloseKey(sub);
    check("create Another", RegCreateKeyExW(key, L"Another", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, NULL), 0);
    RegCloseKey(sub);
    for (i = 0;; i++) {
        len = 64;
        r = RegEnumKeyExW(key, i, name, &len, NULL, NULL, NULL, NULL);
        if (r)
            break;
        printf("subkey %lu: %ls (%lu)\n", i, name, len);
    }
    check("end of subkeys", r, ERROR_NO_MORE_ITEMS);
    len = 3;
    check("subkey name too long", RegEnumKeyExW(key, 0, name, &len, NULL, NULL, NULL, NULL), ERROR_MORE_DATA);
    /* "values are not ordered" (RegEnumValue): each is printed by the name it answers to */
    {
        static const WCHAR *const names[] = { L"", L"Number", L"Text" };
        for (int k = 0; k < 3; k++) {
            for (i = 0;; i++) {
                len = 64;
                size = 0;
                r = RegEnumValueW(key, i, name, &len, NULL, &type, NULL, &size);
                if (r || !wcscmp(name, names[k]))
                    break;
            }
            printf("value '%ls': r=%ld type %lu size %lu\n", names[k], r, type, size);
        }
        for (i = 0;; i++) {
            len = 64;
            if ((r = RegEnumValueW(key, i, name, &len, NULL, NULL, NULL, NULL)))
                break;
        }
        printf("%lu values\n", i);
    }
    check("end of values", r, ERROR_NO_MORE_ITEMS);
    r = RegQueryInfoKeyW(key, NULL, NULL, NULL, &subkeys, &max_name, NULL, &values, NULL, NULL, NULL, NULL);
    printf("info: r=%ld subkeys=%lu max name=%lu values=%lu\n", r, subkeys, max_name, values);
}

int main(void)
{
    HKEY key, sub, deleted;
    DWORD disp;
    LONG r;

    cleanup();
    check("open missing", RegOpenKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &key), ERROR_FILE_NOT_FOUND);
    r = RegCreateKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &key, &disp);
    printf("create: r=%ld disposition=%lu\n", r, disp);
    r = RegCreateKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, &disp);
    printf("create again: r=%ld disposition=%lu\n", r, disp);
    RegCloseKey(sub);
    /* RegCreateKeyEx makes every missing level */
    r = RegCreateKeyExW(key, L"Sub\\Deeper", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &sub, &disp);
    printf("create two levels: r=%ld disposition=%lu\n", r, disp);
    RegCloseKey(sub);
    check("delete key with subkeys", RegDeleteKeyW(HKEY_CURRENT_USER, TEST_KEY L"\\Sub"), ERROR_ACCESS_DENIED);
    check("delete leaf", RegDeleteKeyW(key, L"Sub\\Deeper"), 0);

    test_values(key);
    test_get_value();
    test_enum(key);

    check("delete value", RegDeleteValueW(key, L"Number"), 0);
    check("delete value again", RegDeleteValueW(key, L"Number"), ERROR_FILE_NOT_FOUND);

    /* a handle to a deleted key: ERROR_KEY_DELETED */
    RegOpenKeyExW(key, L"Another", 0, KEY_ALL_ACCESS, &deleted);
    check("delete Another", RegDeleteKeyW(key, L"Another"), 0);
    check("use deleted key", RegSetValueExW(deleted, L"x", 0, REG_DWORD, (BYTE *)&disp, 4), ERROR_KEY_DELETED);
    RegCloseKey(deleted);

    /* RegDeleteTree removes a whole branch, values included */
    {
        HKEY tree;
        DWORD one = 1;
        RegCreateKeyExW(key, L"Tree\\A\\B", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &tree, NULL);
        RegSetValueExW(tree, L"v", 0, REG_DWORD, (BYTE *)&one, 4);
        RegCloseKey(tree);
        RegCreateKeyExW(key, L"Tree\\C", 0, NULL, 0, KEY_ALL_ACCESS, NULL, &tree, NULL);
        RegCloseKey(tree);
        check("RegDeleteTree", RegDeleteTreeW(key, L"Tree"), 0);
        check("tree gone", RegOpenKeyExW(key, L"Tree", 0, KEY_READ, &tree), ERROR_FILE_NOT_FOUND);
    }

    check("close", RegCloseKey(key), 0);
    check("use closed handle", RegQueryValueExW(key, L"Text", NULL, NULL, NULL, NULL), ERROR_INVALID_HANDLE);
    check("close NULL", RegCloseKey(NULL), ERROR_INVALID_HANDLE);
    cleanup();
    check("gone", RegOpenKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &key), ERROR_FILE_NOT_FOUND);

    /* a key every Windows has */
    {
        WCHAR product[128];
        DWORD size = sizeof(product), type;
        r = RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
                         L"CurrentBuildNumber", RRF_RT_REG_SZ, &type, product, &size);
        printf("CurrentBuildNumber: r=%ld type=%lu digits=%d\n", r, type, product[0] >= '0' && product[0] <= '9');
    }
    return 0;
}
