/* runtimes: msvcrt ucrt */
/* loader/free_library_errors: FreeLibrary of a handle that is not a module fails; GetProcAddress
 * with a NULL module searches the program itself.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-freelibrary and
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getprocaddress. The
 * error codes are per Wine 8.0 (not yet recorded on Windows). */
#include "common.h"

int main(void)
{
    char local[16];
    SHOW("free stack address", FreeLibrary((HMODULE)local));
    SHOW("proc in NULL module", GetProcAddress(NULL, "NoSuchExport") != NULL);
    return 0;
}
