/* runtimes: msvcrt ucrt */
/* cmdline/env_ansi: GetEnvironmentVariableA for a value with a non-ASCII character converts to the
 * ANSI code page; the size is in bytes.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/processenv/nf-processenv-getenvironmentvariablea.
 * Wine 8.0 agrees with an en_US locale (code page 1252). */
#include "common.h"

int main(void)
{
    char buf[16];
    SetEnvironmentVariableW(L"CONF_A", L"caf\x00e9");
    DWORD n = GetEnvironmentVariableA("CONF_A", buf, 16);
    printf("n=%lu ", (unsigned long)n);
    hexdump("bytes", buf, n);
    return 0;
}
