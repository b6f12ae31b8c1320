/* runtimes: msvcrt ucrt */
/* loader/module_handle_ex_address: GetModuleHandleExW(FROM_ADDRESS | UNCHANGED_REFCOUNT) finds the
 * module that holds an address; an address outside any module fails with ERROR_MOD_NOT_FOUND.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulehandleexw.
 * Wine 8.0 agrees. */
#include "common.h"
extern IMAGE_DOS_HEADER __ImageBase;

int main(void)
{
    HMODULE m = NULL;
    BOOL ok = GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                                 (LPCWSTR)(void *)main, &m);
    printf("main: ok=%d self=%d\n", ok, m == (HMODULE)&__ImageBase);
    void *heap = HeapAlloc(GetProcessHeap(), 0, 16);
    m = (HMODULE)1;
    SetLastError(0xdeadbeef);
    ok = GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, (LPCWSTR)heap, &m);
    printf("heap: ok=%d module=%p err=%lu\n", ok, (void *)m, (unsigned long)GetLastError());
    return 0;
}
