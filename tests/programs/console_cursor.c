/* console_cursor.c: GetConsoleCursorInfo and SetConsoleCursorInfo on handles that are no
 * console (the test's standard output is a file, and an invalid handle value): both fail with
 * ERROR_INVALID_HANDLE (6), as the console functions do when the handle is not a console screen
 * buffer (https://learn.microsoft.com/windows/console/getconsolecursorinfo asks for "a handle to
 * the console screen buffer"), and the structure is left alone. Wine 8.0 agrees. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    CONSOLE_CURSOR_INFO info = { 77, 7 }, set = { 50, TRUE };
    BOOL ok;

    SetLastError(0xdeadbeef);
    ok = GetConsoleCursorInfo(out, &info);
    printf("GetConsoleCursorInfo(redirected): %d err=%lu info=%lu,%d\n", ok, GetLastError(),
           info.dwSize, info.bVisible);
    SetLastError(0xdeadbeef);
    ok = SetConsoleCursorInfo(out, &set);
    printf("SetConsoleCursorInfo(redirected): %d err=%lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = GetConsoleCursorInfo((HANDLE)(ULONG_PTR)0x1234, &info);
    printf("GetConsoleCursorInfo(bad handle): %d err=%lu\n", ok, GetLastError());
    fflush(stdout);
    return 0;
}
