/* timezone: GetTimeZoneInformation and the UTC/local conversions, run by shell-tests.sh under
 * fixed Linux time zones (TZ=UTC0, US Eastern and Australian Eastern rules as POSIX TZ strings).
 * Expected values: the zones' Windows rules (Bias, DaylightBias and the "day in month" dates of
 * TIME_ZONE_INFORMATION's page: wDay 1-5 is the week, 5 the last) as Windows stores them for
 * "Eastern Standard Time" and "AUS Eastern Standard Time"; GetTimeZoneInformation returns
 * TIME_ZONE_ID_UNKNOWN for a zone without daylight time (its page). Not run alone: no .expected. */
#include <stdio.h>
#include <windows.h>

static void show_rule(const char *what, const SYSTEMTIME *st)
{
    printf("%s: year=%u month=%u dow=%u week=%u %02u:%02u\n", what, st->wYear, st->wMonth,
           st->wDayOfWeek, st->wDay, st->wHour, st->wMinute);
}

static void convert(const TIME_ZONE_INFORMATION *tz, WORD y, WORD mo, WORD d, WORD h, WORD mi)
{
    SYSTEMTIME utc = { y, mo, 0, d, h, mi }, local, back;
    BOOL ok = SystemTimeToTzSpecificLocalTime(tz, &utc, &local);
    BOOL ok2 = TzSpecificLocalTimeToSystemTime(tz, &local, &back);
    printf("%s %04u-%02u-%02u %02u:%02u UTC -> %d %02u-%02u %02u:%02u -> %d %02u:%02u\n",
           tz ? "rules" : "current", y, mo, d, h, mi, ok, local.wMonth, local.wDay, local.wHour,
           local.wMinute, ok2, back.wHour, back.wMinute);
}

int main(void)
{
    TIME_ZONE_INFORMATION tz;
    DYNAMIC_TIME_ZONE_INFORMATION dyn;
    DWORD id = GetTimeZoneInformation(&tz);
    BOOL has_dst = tz.DaylightDate.wMonth != 0;

    printf("id ok=%d\n", has_dst ? (id == TIME_ZONE_ID_STANDARD || id == TIME_ZONE_ID_DAYLIGHT)
                                 : id == TIME_ZONE_ID_UNKNOWN);
    printf("bias=%ld standard_bias=%ld daylight_bias=%ld\n", tz.Bias, tz.StandardBias,
           tz.DaylightBias);
    show_rule("standard", &tz.StandardDate);
    show_rule("daylight", &tz.DaylightDate);
    if (!has_dst)
        printf("names: %ls / %ls\n", tz.StandardName, tz.DaylightName);
    DWORD dyn_id = GetDynamicTimeZoneInformation(&dyn);
    printf("dynamic: same id=%d same bias=%d\n", dyn_id == id,
           dyn.Bias == tz.Bias && dyn.DaylightBias == tz.DaylightBias);
    convert(&tz, 2026, 1, 15, 12, 0);
    convert(&tz, 2026, 7, 1, 12, 0);
    convert(NULL, 2026, 1, 15, 12, 0);
    convert(NULL, 2026, 7, 1, 12, 0);
    SetLastError(0xdead);
    BOOL ok = SystemTimeToTzSpecificLocalTime(&tz, &(SYSTEMTIME){ 2026, 13, 0, 1 }, &dyn.StandardDate);
    printf("bad month: %d error=%lu\n", ok, GetLastError());
    return 0;
}
