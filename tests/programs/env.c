/* env.c: the environment: a variable set by the shell (run-tests.sh exports
 * VINHO_TEST_VAR="set by the shell"), read by getenv and GetEnvironmentVariable, whose names are
 * case-insensitive; SetEnvironmentVariable; a missing variable.
 * Expected, from Microsoft's documentation:
 * - GetEnvironmentVariableA/W https://learn.microsoft.com/en-us/windows/win32/api/processenv/nf-processenv-getenvironmentvariablew
 *   (success: the length without the terminating null; buffer too small: the size needed,
 *   including the null; not found: 0 and ERROR_ENVVAR_NOT_FOUND, 203);
 * - SetEnvironmentVariableA https://learn.microsoft.com/en-us/windows/win32/api/processenv/nf-processenv-setenvironmentvariablea
 *   (lpValue NULL deletes the variable);
 * - getenv https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/getenv-wgetenv
 *   (case-insensitive on Windows; it reads the C run-time's own copy of the environment, made at
 *   start-up, so a later SetEnvironmentVariable is not seen by getenv);
 * - the variable OS is Windows_NT in every Windows NT process.
 * Checked with Wine 8.0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static void show_getenv(const char *name)
{
    const char *v = getenv(name);
    if (v)
        printf("getenv(%s) = [%s]\n", name, v);
    else
        printf("getenv(%s) = NULL\n", name);
}

static void show_get(const char *name)
{
    char buf[64];
    DWORD n;
    SetLastError(0xdeadbeef);
    n = GetEnvironmentVariableA(name, buf, sizeof(buf));
    if (n)
        printf("GetEnvironmentVariableA(%s) = %lu [%s]\n", name, n, buf);
    else
        printf("GetEnvironmentVariableA(%s) = 0, error %lu\n", name, GetLastError());
}

int main(void)
{
    WCHAR wbuf[64];
    char small[4];
    DWORD n;
    int found = 0;

    show_getenv("VINHO_TEST_VAR");
    show_getenv("vinho_test_var");
    show_getenv("OS");
    n = GetEnvironmentVariableW(L"Vinho_Test_Var", wbuf, 64);
    printf("GetEnvironmentVariableW(Vinho_Test_Var) = %lu, value right: %s\n", n,
           n == 16 && !memcmp(wbuf, L"set by the shell", 17 * sizeof(WCHAR)) ? "yes" : "no");
    n = GetEnvironmentVariableA("VINHO_TEST_VAR", small, sizeof(small));
    printf("GetEnvironmentVariableA into 4 bytes = %lu (the size needed)\n", n);
    show_get("VINHO_SURELY_UNSET_VARIABLE");
    show_getenv("VINHO_SURELY_UNSET_VARIABLE");

    printf("SetEnvironmentVariableA(VINHO_NEW_VAR): %s\n",
           SetEnvironmentVariableA("VINHO_NEW_VAR", "new value") ? "TRUE" : "FALSE");
    show_get("VINHO_NEW_VAR");
    show_get("vinho_new_var");
    show_getenv("VINHO_NEW_VAR");
    printf("SetEnvironmentVariableW(vinho_test_var): %s\n",
           SetEnvironmentVariableW(L"vinho_test_var", L"changed") ? "TRUE" : "FALSE");
    show_get("VINHO_TEST_VAR");
    show_getenv("VINHO_TEST_VAR");
    printf("SetEnvironmentVariableA(VINHO_NEW_VAR, NULL): %s\n",
           SetEnvironmentVariableA("VINHO_NEW_VAR", NULL) ? "TRUE" : "FALSE");
    show_get("VINHO_NEW_VAR");

    WCHAR *block = GetEnvironmentStringsW();
    for (WCHAR *e = block; e && *e; e += wcslen(e) + 1)
        if (!wcsncmp(e, L"VINHO_TEST_VAR=", 15) || !wcsncmp(e, L"vinho_test_var=", 15))
            found = !wcscmp(e + 15, L"changed");
    printf("GetEnvironmentStringsW holds the changed variable: %s\n", found ? "yes" : "no");
    FreeEnvironmentStringsW(block);
    return 0;
}
