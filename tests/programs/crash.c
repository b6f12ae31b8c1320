/* crash.c: a fault nobody handles ends the process with the exception code as exit status
 * (Microsoft docs, "Exception Handling (Windows)": the unhandled-exception default), here
 * STATUS_ACCESS_VIOLATION 0xC0000005 (a shell sees 5), STATUS_INTEGER_DIVIDE_BY_ZERO
 * 0xC0000094 (148), or a C++-style software exception 0xE06D7363 (0x63 = 99), after vinho's
 * crash report on stderr (docs/exceptions.md). Used by shell-tests.sh, with the argument
 * "write", "divide", "strlen" (a fault inside msvcrt.dll) or "raise". */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static volatile int zero;
static volatile int *volatile bad = (int *)16;
static const char *volatile null_string;

int main(int argc, char **argv)
{
    fflush(stdout);
    if (argc > 1 && !strcmp(argv[1], "divide"))
        return 10 / zero;
    if (argc > 1 && !strcmp(argv[1], "strlen"))
        return (int)strlen(null_string);
    if (argc > 1 && !strcmp(argv[1], "raise")) {
        ULONG_PTR args[2] = { 0x1234, 0x5678 };
        RaiseException(0xE06D7363, EXCEPTION_NONCONTINUABLE, 2, args);
    }
    *bad = 1;
    return 0;
}
