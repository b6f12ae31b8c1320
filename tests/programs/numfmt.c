/* numfmt.c: GetNumberFormatW, GetDateFormatW and GetTimeFormatW with the en-US, en-GB and de-DE
 * defaults, explicit formats and pictures, rounding, grouping, negative orders, quoted literals,
 * the time flags, and the errors (bad number, bad date, too small a buffer, conflicting flags).
 * Expected: the documentation of the three functions and of NUMBERFMT, "Day, Month, Year, and
 * Era Format Pictures" and "Hour, Minute, and Second Format Pictures" on learn.microsoft.com;
 * checked with Wine 8.0, which differs where the documentation says otherwise: LOCALE_SGROUPING
 * "3;0" repeats the groups ("3;0: 3,000,000,000,000"; Wine groups once), "gg" is the era string
 * once ("A.D."; Wine repeats "AD" per g), and where its CLDR data differ from Windows' regional
 * settings (en-GB long date "dd MMMM yyyy"; Wine "dddd, d MMMM yyyy"). */
#include <stdio.h>
#include <windows.h>

static void num(LCID lcid, const WCHAR *value, const NUMBERFMTW *fmt)
{
    WCHAR buf[64];
    SetLastError(0xdeadbeef);
    int n = GetNumberFormatW(lcid, 0, value, fmt, buf, 64);
    printf("  %04lx %-14ls -> %d [%ls]%s", lcid, value, n, n ? buf : L"", n ? "\n" : "");
    if (!n)
        printf(" error %lu\n", GetLastError());
}

static void date(LCID lcid, DWORD flags, const SYSTEMTIME *st, const WCHAR *pic)
{
    WCHAR buf[80];
    SetLastError(0xdeadbeef);
    int n = GetDateFormatW(lcid, flags, st, pic, buf, 80);
    printf("  %04lx %#lx %-24ls -> %d [%ls]", lcid, flags, pic ? pic : L"(default)", n, n ? buf : L"");
    printf(n ? "\n" : " error %lu\n", GetLastError());
}

static void time_(LCID lcid, DWORD flags, const SYSTEMTIME *st, const WCHAR *pic)
{
    WCHAR buf[80];
    SetLastError(0xdeadbeef);
    int n = GetTimeFormatW(lcid, flags, st, pic, buf, 80);
    printf("  %04lx %#lx %-14ls -> %d [%ls]", lcid, flags, pic ? pic : L"(default)", n, n ? buf : L"");
    printf(n ? "\n" : " error %lu\n", GetLastError());
}

int main(void)
{
    NUMBERFMTW fmt = { 3, 0, 3, (WCHAR *)L",", (WCHAR *)L" ", 3 };
    printf("numbers:\n");
    num(0x0409, L"1234567.891", NULL);
    num(0x0409, L"-1234.5", NULL);
    num(0x0409, L"0.125", NULL);
    num(0x0409, L".5", NULL);
    num(0x0409, L"999.999", NULL);
    num(0x0409, L"-0.001", NULL);
    num(0x0409, L"12", NULL);
    num(0x0407, L"1234567.891", NULL);
    num(0x0407, L"-1234.5", NULL);
    num(0x0409, L"1234567.8915", &fmt);
    num(0x0409, L"-42", &fmt);
    fmt.Grouping = 32;
    fmt.NumDigits = 0;
    fmt.NegativeOrder = 0;
    num(0x0409, L"123456789", &fmt);
    num(0x0409, L"-5", &fmt);
    num(0x0409, L"12a", NULL);
    num(0x0409, L"1e5", NULL);
    WCHAR small[4];
    SetLastError(0xdeadbeef);
    int n = GetNumberFormatW(0x0409, 0, L"1234", NULL, small, 4);
    DWORD err = GetLastError();
    printf("  too small: %d error %lu, size needed %d\n", n, err, GetNumberFormatW(0x0409, 0, L"1234", NULL, NULL, 0));

    SYSTEMTIME st = { 2024, 3, 0, 5, 14, 7, 9, 0 };
    SYSTEMTIME bad = { 2023, 13, 0, 1, 0, 0, 0, 0 };
    printf("dates (2024-03-05, a Tuesday):\n");
    date(0x0409, DATE_SHORTDATE, &st, NULL);
    date(0x0409, DATE_LONGDATE, &st, NULL);
    date(0x0409, DATE_YEARMONTH, &st, NULL);
    date(0x0809, DATE_SHORTDATE, &st, NULL);
    date(0x0809, DATE_LONGDATE, &st, NULL);
    date(0x0407, DATE_LONGDATE, &st, NULL);
    date(0x0409, 0, &st, L"ddd dd MMM yy");
    date(0x0409, 0, &st, L"'Day' d 'of' MMMM, yyyy''s");
    date(0x0407, 0, &st, L"dddd d. MMMM");
    date(0x0409, 0, &st, L"d/M/y gg");
    date(0x0409, DATE_SHORTDATE, &bad, NULL);
    date(0x0409, DATE_SHORTDATE | DATE_LONGDATE, &st, NULL);
    date(0x0409, DATE_SHORTDATE, &st, L"yyyy");

    printf("times (14:07:09):\n");
    time_(0x0409, 0, &st, NULL);
    time_(0x0809, 0, &st, NULL);
    time_(0x0407, 0, &st, NULL);
    time_(0x0409, TIME_NOSECONDS, &st, NULL);
    time_(0x0409, TIME_NOMINUTESORSECONDS, &st, NULL);
    time_(0x0409, TIME_NOTIMEMARKER, &st, NULL);
    time_(0x0409, TIME_FORCE24HOURFORMAT, &st, NULL);
    time_(0x0409, 0, &st, L"hh 'h' mm 'min' t");
    time_(0x0409, 0, &st, L"HH:mm:ss");
    SYSTEMTIME midnight = { 2024, 1, 1, 1, 0, 5, 0, 0 };
    time_(0x0409, 0, &midnight, NULL);
    SYSTEMTIME late = { 2024, 1, 1, 1, 24, 0, 0, 0 };
    time_(0x0409, 0, &late, NULL);
    return 0;
}
