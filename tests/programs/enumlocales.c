/* enumlocales: EnumSystemLocalesW/A/Ex (Microsoft's pages: each locale's identifier as a string
 * of 8 hex digits, or its name for the Ex form; the callback returns FALSE to stop; bad flags
 * give ERROR_INVALID_FLAGS). Every listed locale must be valid and give its name back. The set
 * of locales is vinho's (Windows lists hundreds): the output checks the rules, not the count.
 * Wine 8.0 agrees except that it accepts unknown flags; the pages list ERROR_INVALID_FLAGS among
 * the errors, so the documentation's answer is kept. NULL callbacks: not tested (Wine calls it). */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

static int count_w, bad_w, count_a, count_ex, bad_ex, has_en_us, stop_calls;

static BOOL CALLBACK proc_w(LPWSTR s)
{
    WCHAR *end, name[LOCALE_NAME_MAX_LENGTH];
    LCID lcid = wcstoul(s, &end, 16);
    count_w++;
    if (lstrlenW(s) != 8 || *end || !IsValidLocale(lcid, LCID_SUPPORTED) ||
        !LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0))
        bad_w++;
    if (!lstrcmpW(s, L"00000409"))
        has_en_us = 1;
    return TRUE;
}

static BOOL CALLBACK proc_a(LPSTR s)
{
    count_a++;
    return TRUE;
}

static BOOL CALLBACK proc_stop(LPWSTR s)
{
    stop_calls++;
    return FALSE;
}

static BOOL CALLBACK proc_ex(LPWSTR name, DWORD flags, LPARAM param)
{
    count_ex++;
    if (param != 1234 || !IsValidLocaleName(name) || !(flags & LOCALE_WINDOWS))
        bad_ex++;
    return TRUE;
}

int main(void)
{
    BOOL r = EnumSystemLocalesW(proc_w, LCID_SUPPORTED);
    printf("W: %d, some=%d bad=%d en-US=%d\n", r, count_w > 0, bad_w, has_en_us);
    r = EnumSystemLocalesA(proc_a, LCID_INSTALLED);
    printf("A: %d, same count=%d\n", r, count_a == count_w);
    r = EnumSystemLocalesW(proc_stop, LCID_SUPPORTED);
    printf("stop: %d, calls=%d\n", r, stop_calls);
    SetLastError(0xdead);
    r = EnumSystemLocalesW(proc_w, 0x100);
    printf("bad flags: %d, error=%lu\n", r, GetLastError());
    r = EnumSystemLocalesEx(proc_ex, LOCALE_WINDOWS, 1234, NULL);
    printf("Ex: %d, some=%d bad=%d\n", r, count_ex > 0, bad_ex);
    SetLastError(0xdead);
    r = EnumSystemLocalesEx(proc_ex, 0x1000, 1234, NULL);
    printf("Ex bad flags: %d, error=%lu\n", r, GetLastError());
    return 0;
}
