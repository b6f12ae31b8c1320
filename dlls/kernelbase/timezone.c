/* timezone.c: the local time zone (GetTimeZoneInformation & co.) and conversions between UTC and
 * local times, over NtQuerySystemInformation's time zone class (ntcalls/timezone.c). */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(time);

#define SystemCurrentTimeZoneInformation_ 44
#define SystemDynamicTimeZoneInformation_ 102
#define TICKS_PER_MINUTE 600000000LL

static LONGLONG ft_value(const FILETIME *ft)
{
    return (LONGLONG)(((ULONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime);
}

static void ft_set(FILETIME *ft, LONGLONG v)
{
    ft->dwLowDateTime = (DWORD)v;
    ft->dwHighDateTime = (DWORD)((ULONGLONG)v >> 32);
}

/* TIME_ZONE_ID_* of a zone whose bias now is bias_now. */
static DWORD zone_id(const TIME_ZONE_INFORMATION *tz, LONG bias_now)
{
    if (!tz->DaylightDate.wMonth)
        return TIME_ZONE_ID_UNKNOWN;
    return bias_now == tz->Bias + tz->DaylightBias && tz->DaylightBias ? TIME_ZONE_ID_DAYLIGHT
                                                                        : TIME_ZONE_ID_STANDARD;
}

static LONG bias_now(void)
{
    LONG bias = 0;
    __vinho_time_zone_bias(0, &bias);
    return bias;
}

/* Both Get*TimeZoneInformation: the zone (its structure starts as TIME_ZONE_INFORMATION). */
static DWORD query_zone(ULONG info_class, void *tz, ULONG size)
{
    NTSTATUS status;
    if (!tz) {
        SetLastError(ERROR_NOACCESS);
        return TIME_ZONE_ID_INVALID;
    }
    if ((status = NtQuerySystemInformation(info_class, tz, size, NULL))) {
        set_ntstatus(status);
        return TIME_ZONE_ID_INVALID;
    }
    return zone_id(tz, bias_now());
}

/***********************************************************************
 *           GetTimeZoneInformation   (kernelbase.@)
 *
 * The zone of the Linux side (TZ, /etc/localtime) with this year's rules. The names are the
 * zone's abbreviations ("CET", "CEST"), except UTC's, which has Windows' name: Linux has no
 * Windows zone name (docs/time.md).
 */
DWORD WINAPI GetTimeZoneInformation(TIME_ZONE_INFORMATION *tz)
{
    return query_zone(SystemCurrentTimeZoneInformation_, tz, sizeof(*tz));
}

DWORD WINAPI GetDynamicTimeZoneInformation(DYNAMIC_TIME_ZONE_INFORMATION *tz)
{
    return query_zone(SystemDynamicTimeZoneInformation_, tz, sizeof(*tz));
}

/***********************************************************************
 *           GetLocalTime   (kernelbase.@)
 */
void WINAPI GetLocalTime(SYSTEMTIME *st)
{
    FILETIME ft;
    LONG bias = 0;
    GetSystemTimeAsFileTime(&ft);
    __vinho_time_zone_bias(ft_value(&ft), &bias);
    ft_set(&ft, ft_value(&ft) - bias * TICKS_PER_MINUTE);
    FileTimeToSystemTime(&ft, st);
}

/* The instant (as a local FILETIME value) a rule date falls on in year: wYear 0 is the "day in
 * month" form (wDay = the week, 5 = the last), else an absolute date (SetTimeZoneInformation). */
static BOOL rule_instant(const SYSTEMTIME *rule, WORD year, LONGLONG *local)
{
    static const BYTE days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    SYSTEMTIME st = *rule;
    FILETIME ft;

    if (rule->wMonth < 1 || rule->wMonth > 12)
        return FALSE;
    if (!rule->wYear) {
        SYSTEMTIME first = { year, rule->wMonth, 0, 1 };
        int leap = (year % 4 == 0 && (year % 100 || year % 400 == 0)) && rule->wMonth == 2;
        int mdays = days_in[rule->wMonth - 1] + leap, day;
        if (!SystemTimeToFileTime(&first, &ft) || !FileTimeToSystemTime(&ft, &first))
            return FALSE;
        day = 1 + (rule->wDayOfWeek + 7 - first.wDayOfWeek) % 7 + (rule->wDay - 1) * 7;
        while (day > mdays)
            day -= 7;
        st.wYear = year;
        st.wDay = day;
    } else if (rule->wYear != year) {
        return FALSE;
    }
    st.wDayOfWeek = 0;
    if (!SystemTimeToFileTime(&st, &ft))
        return FALSE;
    *local = ft_value(&ft);
    return TRUE;
}

/* Whether the UTC instant utc (or, with is_local, the local standard-time instant) is in
 * daylight time under tz's rules, in the year year. */
static BOOL in_daylight(const TIME_ZONE_INFORMATION *tz, WORD year, LONGLONG t, BOOL is_local)
{
    LONGLONG to_dst, to_std;
    if (!tz->DaylightDate.wMonth || !rule_instant(&tz->DaylightDate, year, &to_dst) ||
        !rule_instant(&tz->StandardDate, year, &to_std))
        return FALSE;
    /* both to UTC: the daylight start is given in standard time, its end in daylight time */
    to_dst += tz->Bias * TICKS_PER_MINUTE;
    to_std += (tz->Bias + tz->DaylightBias) * TICKS_PER_MINUTE;
    if (is_local)
        t += tz->Bias * TICKS_PER_MINUTE;
    if (to_dst < to_std)            /* northern hemisphere: daylight inside the year */
        return t >= to_dst && t < to_std;
    return t >= to_dst || t < to_std;   /* southern: daylight over the new year */
}

/***********************************************************************
 *           SystemTimeToTzSpecificLocalTime   (kernelbase.@)
 *
 * tz NULL: the current zone, with the bias the Linux zone had at that instant (its history);
 * otherwise tz's rules, applied to the year of the date.
 */
BOOL WINAPI SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *utc,
                                            SYSTEMTIME *local)
{
    FILETIME ft;
    LONG bias;
    if (!utc || !local || !SystemTimeToFileTime(utc, &ft)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!tz) {
        NTSTATUS status = __vinho_time_zone_bias(ft_value(&ft), &bias);
        if (status)
            return set_ntstatus(status);
    } else {
        bias = tz->Bias + (in_daylight(tz, utc->wYear, ft_value(&ft), FALSE) ? tz->DaylightBias
                                                                             : tz->StandardBias);
    }
    ft_set(&ft, ft_value(&ft) - bias * TICKS_PER_MINUTE);
    return FileTimeToSystemTime(&ft, local);
}

/***********************************************************************
 *           TzSpecificLocalTimeToSystemTime   (kernelbase.@)
 *
 * The inverse. A local time in the hour skipped or repeated at a transition is read as
 * standard time.
 */
BOOL WINAPI TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *local,
                                            SYSTEMTIME *utc)
{
    TIME_ZONE_INFORMATION current;
    FILETIME ft;
    LONG bias;
    if (!local || !utc || !SystemTimeToFileTime(local, &ft)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!tz) {
        if (GetTimeZoneInformation(&current) == TIME_ZONE_ID_INVALID)
            return FALSE;
        tz = &current;
    }
    bias = tz->Bias + (in_daylight(tz, local->wYear, ft_value(&ft), TRUE) ? tz->DaylightBias
                                                                          : tz->StandardBias);
    ft_set(&ft, ft_value(&ft) + bias * TICKS_PER_MINUTE);
    return FileTimeToSystemTime(&ft, utc);
}
