/* missing.c: imports kernel32!GetConsoleAliasW, which vinho lacks (it is not in
 * dlls/kernel32/kernel32.spec). Run with no argument it never calls it and must run normally
 * (missing.expected); run with the argument "call" it calls it, and vinho must say
 * "vinho: missing.exe called KERNEL32.dll!GetConsoleAliasW, which is not implemented" on
 * stderr and end the process with a failure code (shell-tests.sh, which also runs
 * `vinho --check` on it). GetConsoleAliasW:
 * https://learn.microsoft.com/en-us/windows/console/getconsolealias
 * Checked with Wine 8.0 (which implements the function; without "call" the output is the same). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(int argc, char **argv)
{
    WCHAR target[64], source[] = L"vinho", exe[] = L"cmd.exe";

    printf("GetConsoleAliasW is imported\n");
    if (argc > 1 && !strcmp(argv[1], "call")) {
        fflush(stdout);
        DWORD n = GetConsoleAliasW(source, target, sizeof(target), exe);
        printf("GetConsoleAliasW returned %lu\n", n);
        return 0;
    }
    printf("and not called\n");
    return 0;
}
