/* runtimes: msvcrt ucrt */
/* files/find_basic: FindFirstFileW/FindNextFileW with "*.txt" list the matching files (printed
 * sorted: the order is file-system dependent) and FindNextFileW ends with ERROR_NO_MORE_FILES.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-findfirstfilew and
 * .../nf-fileapi-findnextfilew. Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    make_file(L"b.txt", "bb");
    make_file(L"a.txt", "a");
    make_file(L"c.dat", "c");
    WIN32_FIND_DATAW fd;
    WCHAR names[8][MAX_PATH];
    DWORD sizes[8];
    int n = 0;
    HANDLE h = FindFirstFileW(L"*.txt", &fd);
    printf("first ok=%d\n", h != INVALID_HANDLE_VALUE);
    do {
        wcscpy(names[n], fd.cFileName);
        sizes[n++] = fd.nFileSizeLow;
    } while (n < 8 && FindNextFileW(h, &fd));
    printf("end err=%lu\n", (unsigned long)GetLastError());
    FindClose(h);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (wcscmp(names[j], names[i]) < 0) {
                WCHAR t[MAX_PATH]; DWORD s = sizes[i];
                wcscpy(t, names[i]); wcscpy(names[i], names[j]); wcscpy(names[j], t);
                sizes[i] = sizes[j]; sizes[j] = s;
            }
    for (int i = 0; i < n; i++) {
        print_w(names[i], -1);
        printf(" size=%lu\n", (unsigned long)sizes[i]);
    }
    return 0;
}
