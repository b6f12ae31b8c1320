/* runtimes: msvcrt ucrt */
/* console/stdin_binary_read: ReadFile on stdin returns the bytes as they are (no CR LF translation
 * below the CRT).
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-readfile. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    unsigned char buf[32];
    DWORD done = 0, total = 0;
    while (ReadFile(GetStdHandle(STD_INPUT_HANDLE), buf + total, sizeof(buf) - total, &done, NULL) && done)
        total += done;
    hexdump("stdin", buf, total);
    return 0;
}
