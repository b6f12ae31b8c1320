/* runtimes: msvcrt ucrt */
/* errors/invalid_handle_errors: functions taking a bad handle set ERROR_INVALID_HANDLE:
 * WaitForSingleObject returns WAIT_FAILED, SetEvent, GetFileSize, DuplicateHandle.
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitforsingleobject and
 * https://learn.microsoft.com/windows/win32/debug/system-error-codes--0-499-. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE bad = (HANDLE)(ULONG_PTR)0x1230, dup;
    SHOW("wait", WaitForSingleObject(bad, 0));
    SHOW("SetEvent", SetEvent(bad));
    SHOW("DuplicateHandle", DuplicateHandle(GetCurrentProcess(), bad, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS));
    return 0;
}
