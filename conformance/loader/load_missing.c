/* runtimes: msvcrt ucrt */
/* loader/load_missing: LoadLibraryW of a DLL that does not exist fails with ERROR_MOD_NOT_FOUND
 * (126).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-loadlibraryw. Wine
 * 8.0 agrees. */
#include "common.h"

int main(void)
{
    SHOW("missing", LoadLibraryW(L"nosuchlibrary.dll") != NULL);
    SHOW("missing path", LoadLibraryW(L"C:\\nodir\\nosuchlibrary.dll") != NULL);
    return 0;
}
