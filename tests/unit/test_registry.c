/* test_registry.c: the ELF side's registry (ntcalls/registry.c) and token (ntcalls/token.c):
 * paths, the buffer rules of the query calls, enumeration, deletion, privileges. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "ntcalls/ntcalls.h"
#include "vinho/regdefs.h"

#define STATUS_NOT_ALL_ASSIGNED_ ((NTSTATUS)0x00000106)
#define STATUS_NO_TOKEN_ ((NTSTATUS)0xC000007C)

/* A UNICODE_STRING of an ASCII literal (static buffers: one per call site is enough here). */
static UNICODE_STRING *us(const char *s, WCHAR *buf)
{
    static UNICODE_STRING u;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)s[i];
    u.Length = u.MaximumLength = n * sizeof(WCHAR);
    u.Buffer = buf;
    return &u;
}

static NTSTATUS open_key(HANDLE root, const char *path, bool create, HANDLE *out, ULONG *disp)
{
    WCHAR buf[256];
    OBJECT_ATTRIBUTES attr = { sizeof(attr), root, us(path, buf), OBJ_CASE_INSENSITIVE, NULL, NULL };
    if (create)
        return NtCreateKey(out, 0xf003f /* KEY_ALL_ACCESS */, &attr, 0, NULL, 0, disp);
    return NtOpenKeyEx(out, 0xf003f /* KEY_ALL_ACCESS */, &attr, 0);
}

static void test_paths(void **state)
{
    HANDLE machine, key, sub;
    ULONG disp;
    assert_int_equal(open_key(NULL, "\\Registry\\Machine", false, &machine, NULL), 0);
    assert_int_equal(open_key(NULL, "\\REGISTRY\\machine\\software\\microsoft\\WINDOWS NT\\CurrentVersion",
                              false, &key, NULL), 0);
    NtClose(key);
    assert_int_equal(open_key(NULL, "Registry\\Machine", false, &key, NULL), STATUS_OBJECT_PATH_SYNTAX_BAD);
    assert_int_equal(open_key(machine, "\\Software", false, &key, NULL), STATUS_OBJECT_PATH_SYNTAX_BAD);
    assert_int_equal(open_key(machine, "NoSuchKey", false, &key, NULL), STATUS_OBJECT_NAME_NOT_FOUND);
    /* NtCreateKey makes one level only */
    assert_int_equal(open_key(machine, "Software\\UnitA\\UnitB", true, &key, &disp), STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(open_key(machine, "Software\\UnitA", true, &key, &disp), 0);
    assert_int_equal(disp, VN_REG_CREATED_NEW_KEY);
    assert_int_equal(open_key(key, "UnitB", true, &sub, &disp), 0);
    assert_int_equal(open_key(machine, "Software\\unita\\unitb", true, &sub, &disp), 0);
    assert_int_equal(disp, VN_REG_OPENED_EXISTING_KEY);
    /* a key with subkeys cannot be deleted; the leaf can, and its handle then fails */
    assert_int_equal(NtDeleteKey(key), STATUS_CANNOT_DELETE);
    assert_int_equal(NtDeleteKey(sub), 0);
    assert_int_equal(NtDeleteKey(sub), STATUS_KEY_DELETED);
    assert_int_equal(open_key(sub, "x", true, &sub, &disp), STATUS_KEY_DELETED);
    assert_int_equal(NtDeleteKey(key), 0);
    assert_int_equal(NtDeleteKey(machine), STATUS_ACCESS_DENIED);
    assert_int_equal(NtClose(key), 0);
    assert_int_equal(NtClose(machine), 0);
}

static void test_values(void **state)
{
    HANDLE key;
    WCHAR nbuf[32];
    ULONG disp, len, value = 0x11223344;
    unsigned char info[64];
    struct vn_key_value_partial_information *part = (void *)info;
    struct vn_key_value_full_information *full = (void *)info;
    const ULONG fixed = offsetof(struct vn_key_value_partial_information, Data);

    assert_int_equal(open_key(NULL, "\\Registry\\User\\" VN_USER_SID_STRING "\\UnitValues", true, &key, &disp), 0);
    assert_int_equal(NtSetValueKey(key, us("Val", nbuf), 0, REG_DWORD, &value, 4), 0);
    /* less than the fixed part: BUFFER_TOO_SMALL; less than all: BUFFER_OVERFLOW, with the size */
    len = 0;
    assert_int_equal(NtQueryValueKey(key, us("val", nbuf), VN_KEY_VALUE_PARTIAL_INFORMATION, info, fixed - 1, &len),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, fixed + 4);
    memset(info, 0, sizeof(info));
    assert_int_equal(NtQueryValueKey(key, us("VAL", nbuf), VN_KEY_VALUE_PARTIAL_INFORMATION, info, fixed + 2, &len),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(part->Type, REG_DWORD);
    assert_int_equal(part->DataLength, 4);
    assert_int_equal(NtQueryValueKey(key, us("Val", nbuf), VN_KEY_VALUE_PARTIAL_INFORMATION, info, sizeof(info), &len), 0);
    assert_memory_equal(part->Data, &value, 4);
    assert_int_equal(NtQueryValueKey(key, us("Other", nbuf), VN_KEY_VALUE_PARTIAL_INFORMATION, info, sizeof(info), &len),
                     STATUS_OBJECT_NAME_NOT_FOUND);
    /* enumeration: full information puts the data after the name */
    assert_int_equal(NtEnumerateValueKey(key, 0, VN_KEY_VALUE_FULL_INFORMATION, info, sizeof(info), &len), 0);
    assert_int_equal(full->NameLength, 6);
    assert_int_equal(full->DataLength, 4);
    assert_memory_equal(info + full->DataOffset, &value, 4);
    assert_int_equal(NtEnumerateValueKey(key, 1, VN_KEY_VALUE_FULL_INFORMATION, info, sizeof(info), &len),
                     STATUS_NO_MORE_ENTRIES);
    assert_int_equal(NtDeleteValueKey(key, us("Val", nbuf)), 0);
    assert_int_equal(NtDeleteValueKey(key, us("Val", nbuf)), STATUS_OBJECT_NAME_NOT_FOUND);
    assert_int_equal(NtDeleteKey(key), 0);
    NtClose(key);
    /* a handle of another kind is no key */
    assert_int_equal(NtQueryKey((HANDLE)(ULONG_PTR)0x7ffc, VN_KEY_BASIC_INFORMATION, info, sizeof(info), &len),
                     STATUS_INVALID_HANDLE);
}

static void test_key_info(void **state)
{
    HANDLE key;
    unsigned char info[256];
    ULONG len;
    struct vn_key_name_information *name = (void *)info;
    struct vn_key_full_information *full = (void *)info;
    static const char want[] = "\\REGISTRY\\Machine\\Software";
    assert_int_equal(open_key(NULL, "\\Registry\\Machine\\Software", false, &key, NULL), 0);
    assert_int_equal(NtQueryKey(key, VN_KEY_NAME_INFORMATION, info, sizeof(info), &len), 0);
    assert_int_equal(name->NameLength, (sizeof(want) - 1) * 2);
    for (size_t i = 0; i < sizeof(want) - 1; i++)
        assert_int_equal(name->Name[i], (unsigned char)want[i]);
    assert_int_equal(NtQueryKey(key, VN_KEY_FULL_INFORMATION, info, sizeof(info), &len), 0);
    assert_true(full->SubKeys >= 3);            /* Classes, Microsoft, Wow6432Node */
    assert_int_equal(NtEnumerateKey(key, full->SubKeys, VN_KEY_BASIC_INFORMATION, info, sizeof(info), &len),
                     STATUS_NO_MORE_ENTRIES);
    NtClose(key);
}

static void test_token(void **state)
{
    HANDLE token, thread_token;
    struct { ULONG count; struct { ULONG low; LONG high; ULONG attr; } p[1]; } tp = { 1, { { 23, 0, 2 } } };
    unsigned char info[128];
    ULONG len;
    assert_int_equal(NtOpenThreadTokenEx((HANDLE)(LONG_PTR)-2, 8, 1, 0, &thread_token), STATUS_NO_TOKEN_);
    assert_int_equal(NtOpenProcessTokenEx((HANDLE)(LONG_PTR)-1, 0x28, 0, &token), 0);
    assert_int_equal(NtAdjustPrivilegesToken(token, 0, &tp, 0, NULL, NULL), 0);
    tp.p[0].low = 17;                           /* SeBackupPrivilege: not held */
    assert_int_equal(NtAdjustPrivilegesToken(token, 0, &tp, 0, NULL, NULL), STATUS_NOT_ALL_ASSIGNED_);
    assert_int_equal(NtQueryInformationToken(token, 20, info, 3, &len), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 4);
    assert_int_equal(NtQueryInformationToken(token, 20, info, 4, &len), 0);
    assert_int_equal(*(ULONG *)info, 0);        /* not elevated */
    NtClose(token);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_key_info),
        cmocka_unit_test(test_token),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
