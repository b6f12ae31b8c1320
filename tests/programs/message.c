/* message.c: FormatMessageW/A (system table, strings with inserts, escapes, widths, buffers) and
 * GlobalMemoryStatusEx. Expected values: Microsoft's FormatMessage documentation (inserts, %0 %n
 * %% escapes, FORMAT_MESSAGE_MAX_WIDTH_MASK, ERROR_MR_MID_NOT_FOUND for a missing id) and the
 * English system texts Windows shows; checked under Wine. */
#include <windows.h>
#include <stdio.h>
#include <stdarg.h>

static void show_w(const char *what, DWORD ret, const WCHAR *buf)
{
    printf("%s: ret %lu [", what, ret);
    for (; ret && *buf; buf++)
        if (*buf == '\r') printf("\\r");
        else if (*buf == '\n') printf("\\n");
        else if (*buf < 128) putchar(*buf);
        else printf("\\u%04x", *buf);
    printf("] error %lu\n", ret ? 0 : GetLastError());
}

static DWORD from_va(WCHAR *buf, DWORD size, const WCHAR *fmt, ...)
{
    va_list ap;
    DWORD r;
    va_start(ap, fmt);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING, fmt, 0, 0, buf, size, &ap);
    va_end(ap);
    return r;
}

int main(void)
{
    WCHAR buf[256], *alloc = NULL;
    char abuf[256];
    DWORD r;

    r = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_FILE_NOT_FOUND, 0, buf, 256, NULL);
    show_w("system 2", r, buf);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 32, 0, buf, 256, NULL);
    show_w("system 32", r, buf);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS,
                       NULL, ERROR_BAD_EXE_FORMAT, 0, (WCHAR *)&alloc, 0, NULL);
    show_w("system 193 allocated", r, alloc);
    LocalFree(alloc);
    SetLastError(0xdeadbeef);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x12345, 0, buf, 256, NULL);
    show_w("system missing id", r, buf);
    SetLastError(0xdeadbeef);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_FILE_NOT_FOUND, 0, buf, 10, NULL);
    show_w("system small buffer", r, buf);

    DWORD_PTR args[] = { (DWORD_PTR)L"world", 42, 0xbeef, (DWORD_PTR)L"x" };
    r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                       L"Hello %1, %2!d! items%n%3!08x! %% %. %t|%4!-3s!|%0 never", 0, 0, buf, 256, (va_list *)args);
    show_w("string array", r, buf);
    r = from_va(buf, 256, L"%1 then %2!5d!", L"first", 7);
    show_w("string va_list", r, buf);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_IGNORE_INSERTS,
                       L"keep %1 and %2!d! as they are", 0, 0, buf, 256, NULL);
    show_w("ignore inserts", r, buf);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING, L"line one\r\nline two\n", 0, 0, buf, 256, NULL);
    show_w("line breaks kept", r, buf);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_MAX_WIDTH_MASK,
                       L"line one\r\nline two%nhard", 0, 0, buf, 256, NULL);
    show_w("max width mask", r, buf);
    r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | 12, L"aaaa bbbb cccc dddd eeee", 0, 0, buf, 256, NULL);
    show_w("width 12", r, buf);
    SetLastError(0xdeadbeef);
    r = FormatMessageW(0, L"no source", 0, 0, buf, 256, NULL);
    show_w("no source flag", r, buf);

    DWORD_PTR aargs[] = { (DWORD_PTR)"narrow", 5 };
    r = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "A: %1 %2!u!%n", 0, 0,
                       abuf, sizeof(abuf), (va_list *)aargs);
    printf("ansi: ret %lu [%.*s]\n", r, (int)(r > 2 ? r - 2 : r), abuf);
    r = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, abuf, sizeof(abuf), NULL);
    printf("ansi system 5: ret %lu [%.*s]\n", r, (int)(r > 2 ? r - 2 : r), abuf);

    MEMORYSTATUSEX ms = { 0 };
    SetLastError(0xdeadbeef);
    BOOL ok = GlobalMemoryStatusEx(&ms);
    printf("memory status, no length: %d error %lu\n", ok, GetLastError());
    ms.dwLength = sizeof(ms);
    ok = GlobalMemoryStatusEx(&ms);
    printf("memory status: %d load<=100 %d phys>0 %d avail<=total %d pagefile>=phys %d virtual %#llx\n", ok,
           ms.dwMemoryLoad <= 100, ms.ullTotalPhys > 0, ms.ullAvailPhys <= ms.ullTotalPhys,
           ms.ullTotalPageFile >= ms.ullTotalPhys, ms.ullTotalVirtual);
    return 0;
}
