/* msvcrt_env.c: _putenv and _wputenv change both the C run-time's copies of the environment
 * (getenv, _wgetenv, _environ) and the process environment (GetEnvironmentVariable); "NAME="
 * removes a variable; malformed settings fail; names compare case-insensitively.
 * Expected, from Microsoft's documentation:
 * - _putenv https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/putenv-wputenv
 *   ("name=value"; "name=" removes it; returns 0, or -1 on error; it changes the environment of
 *   the process as well, so GetEnvironmentVariable sees it);
 * - getenv https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/getenv-wgetenv
 *   (NULL when the name is absent; case-insensitive on Windows). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static void show(const char *name)
{
    char buf[32];
    const char *v = getenv(name);
    DWORD n = GetEnvironmentVariableA(name, buf, sizeof(buf));

    printf("%s: getenv %s%s%s, GetEnvironmentVariableA %s%s%s\n", name, v ? "[" : "", v ? v : "NULL",
           v ? "]" : "", n ? "[" : "", n ? buf : "none", n ? "]" : "");
}

static int in_environ(const char *entry)
{
    for (char **e = _environ; *e; e++)
        if (!strcmp(*e, entry))
            return 1;
    return 0;
}

int main(void)
{
    const wchar_t *w;

    printf("_putenv(VINHO_MSVCRT_A=one): %d\n", _putenv("VINHO_MSVCRT_A=one"));
    show("VINHO_MSVCRT_A");
    show("vinho_msvcrt_a");
    printf("in _environ: %s\n", in_environ("VINHO_MSVCRT_A=one") ? "yes" : "no");
    w = _wgetenv(L"VINHO_MSVCRT_A");
    printf("_wgetenv: %s\n", w && !wcscmp(w, L"one") ? "[one]" : "wrong");
    printf("_putenv(vinho_msvcrt_a=two): %d\n", _putenv("vinho_msvcrt_a=two"));
    show("VINHO_MSVCRT_A");
    printf("_wputenv(VINHO_MSVCRT_B=wide): %d\n", _wputenv(L"VINHO_MSVCRT_B=wide"));
    show("VINHO_MSVCRT_B");
    printf("_putenv(VINHO_MSVCRT_A=): %d\n", _putenv("VINHO_MSVCRT_A="));
    show("VINHO_MSVCRT_A");
    printf("_wgetenv after removal: %s\n", _wgetenv(L"VINHO_MSVCRT_A") ? "found" : "NULL");
    printf("_putenv(no equals sign): %d\n", _putenv("VINHO_MSVCRT_C"));
    printf("_putenv(=value): %d\n", _putenv("=value"));
    return 0;
}
