/* stdin_readfile.c: standard input piped in (run-tests.sh pipes stdin_readfile.stdin), read with
 * ReadFile in 7-byte pieces: the bytes come unchanged ("\r\n" stays), and at the end of a pipe
 * ReadFile fails with ERROR_BROKEN_PIPE (109).
 * Expected: https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-readfile
 * ("If an anonymous pipe is being used and the write handle has been closed, when ReadFile
 * attempts to read using the pipe's corresponding read handle, the function returns FALSE and
 * GetLastError returns ERROR_BROKEN_PIPE") and GetFileType
 * https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-getfiletype
 * (FILE_TYPE_PIPE, 3, for a pipe). Checked with Wine 8.0, which agrees except at the end: it
 * returns TRUE with 0 bytes, against the documentation quoted above. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    char buf[7];
    DWORD got, total = 0, crs = 0, lfs = 0;
    BOOL ok;

    printf("GetFileType(stdin) = %lu\n", GetFileType(in));
    for (;;) {
        SetLastError(0);
        ok = ReadFile(in, buf, sizeof(buf), &got, NULL);
        if (!ok || !got)
            break;
        printf("%lu:[", got);
        for (DWORD i = 0; i < got; i++) {
            if (buf[i] == '\r')
                crs++, printf("\\r");
            else if (buf[i] == '\n')
                lfs++, printf("\\n");
            else
                putchar(buf[i]);
        }
        printf("]\n");
        total += got;
    }
    printf("end: ReadFile %s, %lu bytes, error %lu\n", ok ? "TRUE" : "FALSE", got, GetLastError());
    printf("total %lu bytes, %lu CR, %lu LF\n", total, crs, lfs);
    return 0;
}
