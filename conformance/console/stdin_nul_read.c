/* runtimes: msvcrt ucrt */
/* console/stdin_nul_read: reading stdin when it is NUL: ReadFile succeeds with 0 bytes; getchar
 * returns EOF; fgets returns NULL.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-readfile. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    char buf[8];
    DWORD done = 99;
    SHOW("ReadFile", ReadFile(GetStdHandle(STD_INPUT_HANDLE), buf, 8, &done, NULL));
    printf("done=%lu\n", (unsigned long)done);
    printf("getchar=%d\n", getchar());
    printf("fgets=%s\n", fgets(buf, 8, stdin) ? "line" : "NULL");
    return 0;
}
