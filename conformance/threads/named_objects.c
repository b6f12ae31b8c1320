/* runtimes: msvcrt ucrt */
/* threads/named_objects: named events: opening by name gives the same object; OpenEventW of a
 * missing name fails with ERROR_FILE_NOT_FOUND; a name used by another type fails with
 * ERROR_INVALID_HANDLE (6).
 * Expected per https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-openeventw and
 * .../nf-synchapi-createmutexw. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, L"conf_named_e");
    HANDLE o = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"conf_named_e");
    SetEvent(o);
    printf("signaled through other handle=%lu\n", (unsigned long)WaitForSingleObject(e, 0));
    SHOW("missing", OpenEventW(EVENT_ALL_ACCESS, FALSE, L"conf_named_none") != NULL);
    SHOW("mutex on event name", CreateMutexW(NULL, FALSE, L"conf_named_e") != NULL);
    return 0;
}
