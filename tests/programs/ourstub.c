/* ourstub.c: a function our own export lists mark as a stub (msvcrt's _getw, for now) is
 * reported by --check, is not found by GetProcAddress (ERROR_PROC_NOT_FOUND, 127: programs that
 * probe take their fallback) and, when called, names itself and ends the process with exit 127.
 * With no argument the stub is imported but never called, and the program runs normally. */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv)
{
    int x = 0;
    FARPROC p = GetProcAddress(GetModuleHandleA("msvcrt.dll"), "_getw");
    printf("GetProcAddress(_getw): %s, error %lu\n", p ? "found" : "NULL", GetLastError());
    fflush(stdout);
    if (argc > 1)
        x = _getw(stdin);
    printf("x=%d\n", x);
    return 0;
}
