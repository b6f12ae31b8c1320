/* runtimes: msvcrt ucrt */
/* loader/module_handle_null: GetModuleHandleW(NULL) is the program's image base (the address of
 * its DOS header).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulehandlew.
 * Wine 8.0 agrees. */
#include "common.h"
extern IMAGE_DOS_HEADER __ImageBase;

int main(void)
{
    printf("same=%d\n", GetModuleHandleW(NULL) == (HMODULE)&__ImageBase);
    printf("mz=%d\n", ((IMAGE_DOS_HEADER *)GetModuleHandleW(NULL))->e_magic == IMAGE_DOS_SIGNATURE);
    return 0;
}
