/* runtimes: msvcrt ucrt */
/* errors/set_last_error_values: SetLastError stores any 32-bit value, including ones with the
 * customer bit (bit 29) set; GetLastError returns it unchanged.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/errhandlingapi/nf-errhandlingapi-setlasterror.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    DWORD v[] = { 0, 1, 0x20000001, 0xffffffff };
    for (int i = 0; i < 4; i++) {
        SetLastError(v[i]);
        printf("%lx\n", (unsigned long)GetLastError());
    }
    return 0;
}
