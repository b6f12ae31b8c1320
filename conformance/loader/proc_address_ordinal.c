/* runtimes: msvcrt ucrt */
/* loader/proc_address_ordinal: GetProcAddress by ordinal (MAKEINTRESOURCE) gives the same address
 * as by name; a NONAME export is reachable only by ordinal; an unused ordinal (inside and beyond
 * the export table) and a NONAME export asked by name fail.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getprocaddress
 * ("lpProcName ... the function's ordinal value ... in the low-order word; the high-order word
 * must be zero") and the PE/COFF specification (Export Ordinal Table). The page gives no error
 * code for a failure (it even warns that an unused ordinal inside the range can give a non-NULL
 * address on old systems): the error codes (127, ERROR_PROC_NOT_FOUND) are per Wine 8.0 (not yet
 * recorded on Windows). */
#include "common.h"

int main(void)
{
    HMODULE h = LoadLibraryW(L"ldr_dll.dll");
    printf("loaded=%d\n", h != NULL);
    printf("ordinal 1 = first: %d\n", GetProcAddress(h, (LPCSTR)1) == GetProcAddress(h, "first"));
    printf("ordinal 5 = second: %d\n", GetProcAddress(h, (LPCSTR)5) == GetProcAddress(h, "second"));
    printf("noname by ordinal 10: %d\n", GetProcAddress(h, (LPCSTR)10) == GetProcAddress(h, "second"));
    SHOW("noname by name", GetProcAddress(h, "hidden_by_ordinal") != NULL);
    SHOW("unused ordinal 3", GetProcAddress(h, (LPCSTR)3) != NULL);
    SHOW("ordinal 99", GetProcAddress(h, (LPCSTR)99) != NULL);
    FreeLibrary(h);
    return 0;
}
