/* time.c: system time, tick counts and the performance counter. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(time);

void WINAPI GetSystemTimeAsFileTime(FILETIME *ft)
{
    LARGE_INTEGER t;
    NtQuerySystemTime(&t);
    ft->dwLowDateTime = t.u.LowPart;
    ft->dwHighDateTime = t.u.HighPart;
}

void WINAPI GetSystemTimePreciseAsFileTime(FILETIME *ft)
{
    GetSystemTimeAsFileTime(ft);
}

BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *counter)
{
    return set_ntstatus(NtQueryPerformanceCounter(counter, NULL));
}

BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    LARGE_INTEGER counter;
    return set_ntstatus(NtQueryPerformanceCounter(&counter, frequency));
}

ULONGLONG WINAPI GetTickCount64(void)
{
    LARGE_INTEGER counter, frequency;
    NtQueryPerformanceCounter(&counter, &frequency);
    return counter.QuadPart / (frequency.QuadPart / 1000);
}

DWORD WINAPI GetTickCount(void)
{
    return (DWORD)GetTickCount64();
}

/* Civil dates from day counts (proleptic Gregorian, the well-known era/day-of-era method).
 * 1601-01-01 is 134774 days before 1970-01-01. */
static void days_to_date(LONGLONG days1601, SYSTEMTIME *st)
{
    LONGLONG z = days1601 - 134774 + 719468;
    LONGLONG era = z / 146097, doe = z - era * 146097;
    LONGLONG yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    LONGLONG doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    st->wDay = doy - (153 * mp + 2) / 5 + 1;
    st->wMonth = mp < 10 ? mp + 3 : mp - 9;
    st->wYear = yoe + era * 400 + (st->wMonth <= 2);
    st->wDayOfWeek = (days1601 + 1) % 7;    /* 1601-01-01 was a Monday */
}

static LONGLONG date_to_days(int y, int m, int d)
{
    y -= m <= 2;
    LONGLONG era = y / 400, yoe = y - era * 400;
    LONGLONG doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    LONGLONG doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 134774;
}

BOOL WINAPI FileTimeToSystemTime(const FILETIME *ft, SYSTEMTIME *st)
{
    ULONGLONG t = ((ULONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
    if (t >= 0x8000000000000000ULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ULONGLONG secs = t / 10000000, days = secs / 86400, rem = secs % 86400;
    days_to_date(days, st);
    st->wHour = rem / 3600;
    st->wMinute = rem / 60 % 60;
    st->wSecond = rem % 60;
    st->wMilliseconds = t / 10000 % 1000;
    return TRUE;
}

BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *st, FILETIME *ft)
{
    static const BYTE mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 || !st->wDay ||
        st->wDay > mdays[st->wMonth - 1] || st->wHour > 23 || st->wMinute > 59 ||
        st->wSecond > 59 || st->wMilliseconds > 999 ||
        (st->wMonth == 2 && st->wDay == 29 &&
         !((st->wYear % 4 == 0 && st->wYear % 100) || st->wYear % 400 == 0))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ULONGLONG t = (ULONGLONG)date_to_days(st->wYear, st->wMonth, st->wDay) * 86400 +
                  st->wHour * 3600 + st->wMinute * 60 + st->wSecond;
    t = t * 10000000 + st->wMilliseconds * 10000;
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = t >> 32;
    return TRUE;
}

void WINAPI GetSystemTime(SYSTEMTIME *st)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToSystemTime(&ft, st);
}

