/* runtimes: msvcrt ucrt */
/* errors/rtl_status_to_dos: RtlNtStatusToDosError for common NTSTATUS values:
 * STATUS_OBJECT_NAME_NOT_FOUND 2, STATUS_OBJECT_PATH_NOT_FOUND 3, STATUS_ACCESS_DENIED 5,
 * STATUS_INVALID_HANDLE 6, STATUS_NO_MEMORY 8, STATUS_OBJECT_NAME_COLLISION 183,
 * STATUS_SHARING_VIOLATION 32, STATUS_END_OF_FILE 38, STATUS_NOT_IMPLEMENTED 1, an unknown status
 * 317.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/winternl/nf-winternl-rtlntstatustodoserror and
 * https://learn.microsoft.com/openspecs/windows_protocols/ms-erref/ (the mapping table). Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    ULONG (WINAPI *to_dos)(LONG) = (void *)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "RtlNtStatusToDosError");
    LONG st[] = { (LONG)0xC0000034, (LONG)0xC000003A, (LONG)0xC0000022, (LONG)0xC0000008, (LONG)0xC0000017,
                  (LONG)0xC0000035, (LONG)0xC0000043, (LONG)0xC0000011, (LONG)0xC0000002, (LONG)0xC0000101,
                  (LONG)0x80000005, 0, (LONG)0xC0FFFFFF };
    for (int i = 0; i < 13; i++)
        printf("0x%08lx -> %lu\n", (unsigned long)st[i], to_dos(st[i]));
    return 0;
}
