/* user32_strings.c: LoadString from the program's own string table (user32_strings.rc), and the
 * resource functions under it (FindResource, LoadResource, SizeofResource). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    WCHAR buf[64];
    char abuf[64];
    const WCHAR *ptr = NULL;
    HRSRC res;
    int n;

    n = LoadStringW(NULL, 1, buf, 64);
    printf("1: %d [%ls]\n", n, buf);
    n = LoadStringW(GetModuleHandleW(NULL), 17, buf, 64);
    printf("17: %d [%ls]\n", n, buf);
    /* truncated to the buffer, terminated */
    n = LoadStringW(NULL, 2, buf, 7);
    printf("2 in 7: %d [%ls]\n", n, buf);
    /* max 0: a read-only pointer into the resource, not terminated */
    n = LoadStringW(NULL, 2, (LPWSTR)&ptr, 0);
    printf("2 by pointer: %d [%.*ls]\n", n, n, ptr);
    /* a missing string in an existing block, and a missing block */
    buf[0] = 'x';
    n = LoadStringW(NULL, 3, buf, 64);
    printf("3: %d empty=%d\n", n, buf[0] == 0);
    buf[0] = 'x';
    n = LoadStringW(NULL, 1000, buf, 64);
    printf("1000: %d empty=%d\n", n, buf[0] == 0);
    n = LoadStringA(NULL, 1, abuf, sizeof(abuf));
    printf("A 1: %d [%s]\n", n, abuf);
    n = LoadStringA(NULL, 40, abuf, sizeof(abuf));
    printf("A 40: %d e9=%d\n", n, (unsigned char)abuf[3] == 0xe9);
    n = LoadStringA(NULL, 2, abuf, 5);
    printf("A 2 in 5: %d [%s]\n", n, abuf);

    /* the string table's first block: 16 counted strings */
    res = FindResourceW(NULL, MAKEINTRESOURCEW(1), (LPCWSTR)RT_STRING);
    printf("FindResource: %d size=%lu\n", res != NULL, res ? SizeofResource(NULL, res) : 0);
    printf("LoadResource/LockResource: %d\n", res && LockResource(LoadResource(NULL, res)) != NULL);
    SetLastError(0xdeadbeef);
    res = FindResourceW(NULL, MAKEINTRESOURCEW(99), (LPCWSTR)RT_STRING);
    printf("missing name: %d error=%lu\n", res != NULL, GetLastError());
    SetLastError(0xdeadbeef);
    res = FindResourceW(NULL, MAKEINTRESOURCEW(1), (LPCWSTR)RT_BITMAP);
    printf("missing type: %d error=%lu\n", res != NULL, GetLastError());
    return 0;
}
