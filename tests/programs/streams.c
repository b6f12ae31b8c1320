/* streams.c: standard output and standard error are separate: stdout gets the "out" lines
 * (streams.expected), stderr the "err" lines (checked by shell-tests.sh), through the C
 * run-time and through WriteFile on GetStdHandle(STD_ERROR_HANDLE).
 * msvcrt buffers stderr too when it is not a character device (it is flushed "whenever full or,
 * if you're writing to a character device, after each library call":
 * https://learn.microsoft.com/en-us/cpp/c-runtime-library/stream-i-o), so the program flushes
 * it before writing beside the C run-time. GetStdHandle:
 * https://learn.microsoft.com/en-us/windows/console/getstdhandle. Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(void)
{
    DWORD put;
    const char *line = "err 3 (WriteFile)\r\n";

    printf("out 1\n");
    fprintf(stderr, "err 1 (fprintf)\n");
    fputs("err 2 (fputs)\n", stderr);
    fflush(stderr);
    WriteFile(GetStdHandle(STD_ERROR_HANDLE), line, strlen(line), &put, NULL);
    printf("out 2\n");
    printf("stderr and stdout handles differ: %s\n",
           GetStdHandle(STD_ERROR_HANDLE) != GetStdHandle(STD_OUTPUT_HANDLE) ? "yes" : "no");
    return 0;
}
