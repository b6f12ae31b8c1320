/* runtimes: msvcrt ucrt */
/* exceptions/rtl_capture_context: RtlCaptureContext fills the context with CONTEXT_FULL-style
 * flags and this thread's stack pointer (within the current stack).
 * Expected per https://learn.microsoft.com/windows/win32/api/winnt/nf-winnt-rtlcapturecontext.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    CONTEXT c;
    memset(&c, 0, sizeof(c));
    RtlCaptureContext(&c);
    int local;
    ULONG_PTR sp = (ULONG_PTR)&local;
    printf("flags has control|integer=%d\n", (c.ContextFlags & 0x100003) == 0x100003);
    printf("rsp near=%d\n", c.Rsp > sp - 0x10000 && c.Rsp < sp + 0x10000);
    return 0;
}
