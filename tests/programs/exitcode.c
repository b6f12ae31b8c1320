/* exitcode.c: ExitProcess(strtoul(argv[1])), for shell-tests.sh. A Linux exit status keeps 8
 * bits of the 32-bit Windows exit code: vinho passes its low byte, and a non-zero code whose
 * low byte is 0 (ExitProcess(256)) becomes 255 so that a failure never reads as success.
 * ExitProcess: https://learn.microsoft.com/en-us/windows/win32/api/processthreadsapi/nf-processthreadsapi-exitprocess */
#include <stdlib.h>
#include <windows.h>

int main(int argc, char **argv)
{
    ExitProcess(argc > 1 ? (UINT)strtoul(argv[1], NULL, 0) : 1);
}
