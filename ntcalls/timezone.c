/* timezone.c: the local time zone as Windows describes it (RTL_TIME_ZONE_INFORMATION), derived
 * from the Linux one (TZ, /etc/localtime), and NtQuerySystemInformation's time zone classes. */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(ntdll);

#define SystemCurrentTimeZoneInformation 44
#define SystemDynamicTimeZoneInformation 102
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004)

struct tz_time {                /* SYSTEMTIME */
    uint16_t year, month, day_of_week, day, hour, minute, second, milliseconds;
};

struct tz_info {                /* RTL_TIME_ZONE_INFORMATION = TIME_ZONE_INFORMATION */
    int32_t bias;
    WCHAR standard_name[32];
    struct tz_time standard_date;
    int32_t standard_bias;
    WCHAR daylight_name[32];
    struct tz_time daylight_date;
    int32_t daylight_bias;
};

struct tz_dynamic_info {        /* RTL_DYNAMIC_TIME_ZONE_INFORMATION */
    struct tz_info tz;
    WCHAR key_name[128];
    uint8_t dynamic_daylight_time_disabled;
};

_Static_assert(sizeof(struct tz_info) == 172, "TIME_ZONE_INFORMATION is 172 bytes");
_Static_assert(offsetof(struct tz_dynamic_info, dynamic_daylight_time_disabled) == 428,
               "DYNAMIC_TIME_ZONE_INFORMATION layout");

static long offset_at(time_t t, int *isdst, char *abbrev, size_t size)
{
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    if (isdst)
        *isdst = tm.tm_isdst > 0;
    if (abbrev)
        snprintf(abbrev, size, "%s", tm.tm_zone ? tm.tm_zone : "");
    return tm.tm_gmtoff;
}

static void copy_name(WCHAR *dst, const char *src)
{
    /* Windows' names are long ("Pacific Standard Time"); Linux gives abbreviations ("PST") and
     * a zone file with no Windows name in it. UTC is named as Windows names it. */
    if (!strcmp(src, "UTC") || !strcmp(src, "GMT") || !src[0])
        src = "Coordinated Universal Time";
    size_t i;
    for (i = 0; i < 31 && src[i]; i++)
        dst[i] = (unsigned char)src[i];
    dst[i] = 0;
}

/* A transition's local date as a Windows rule: month, weekday, and its week of the month (1-4,
 * or 5 for the month's last such weekday), at the local time that ends. */
static void rule_of(time_t local, struct tz_time *out)
{
    static const int days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    struct tm tm;
    gmtime_r(&local, &tm);
    int year = tm.tm_year + 1900;
    int mdays = days_in[tm.tm_mon] + (tm.tm_mon == 1 && (year % 4 == 0 && (year % 100 || year % 400 == 0)));
    memset(out, 0, sizeof(*out));
    out->month = tm.tm_mon + 1;
    out->day_of_week = tm.tm_wday;
    out->day = tm.tm_mday + 7 > mdays ? 5 : (tm.tm_mday - 1) / 7 + 1;
    out->hour = tm.tm_hour;
    out->minute = tm.tm_min;
    out->second = tm.tm_sec;
}

/* The first second in (lo, hi] whose UTC offset differs from lo's. */
static time_t find_change(time_t lo, time_t hi)
{
    long before = offset_at(lo, NULL, NULL, 0);
    while (hi - lo > 1) {
        time_t mid = lo + (hi - lo) / 2;
        if (offset_at(mid, NULL, NULL, 0) == before)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

/* The zone's rules for the current year: standard and daylight offsets and the transitions. */
static void time_zone_info(struct tz_info *info)
{
    char std_abbrev[32] = "", dst_abbrev[32] = "";
    time_t now = time(NULL), start, t;
    struct tm tm;
    int isdst = 0;
    bool have_std = false, have_dst = false;
    long std_off = 0, dst_off = 0;
    time_t to_dst = 0, to_std = 0;

    memset(info, 0, sizeof(*info));
    localtime_r(&now, &tm);
    tm.tm_mon = 0; tm.tm_mday = 1; tm.tm_hour = 0; tm.tm_min = 0; tm.tm_sec = 0;
    start = timegm(&tm) - 86400;        /* a day before the local year starts, in UTC */
    long prev = offset_at(start, &isdst, NULL, 0);
    if (isdst) {
        have_dst = true;
        dst_off = prev;
        offset_at(start, NULL, dst_abbrev, sizeof(dst_abbrev));
    } else {
        have_std = true;
        std_off = prev;
        offset_at(start, NULL, std_abbrev, sizeof(std_abbrev));
    }
    for (t = start + 86400; t <= start + 368 * 86400; t += 86400) {
        long off = offset_at(t, &isdst, NULL, 0);
        if (off == prev)
            continue;
        time_t at = find_change(t - 86400, t);
        if (isdst) {
            have_dst = true;
            dst_off = off;
            offset_at(at, NULL, dst_abbrev, sizeof(dst_abbrev));
            if (!to_dst) to_dst = at;
        } else {
            have_std = true;
            std_off = off;
            offset_at(at, NULL, std_abbrev, sizeof(std_abbrev));
            if (!to_std) to_std = at;
        }
        prev = off;
    }
    if (!have_std) {                    /* daylight all year: no rule, as a fixed zone */
        std_off = dst_off;
        memcpy(std_abbrev, dst_abbrev, sizeof(std_abbrev));
    }
    info->bias = -(int32_t)(std_off / 60);
    copy_name(info->standard_name, std_abbrev);
    if (have_dst && have_std && to_dst && to_std) {
        copy_name(info->daylight_name, dst_abbrev);
        info->daylight_bias = -(int32_t)((dst_off - std_off) / 60);
        rule_of(to_dst + std_off, &info->daylight_date);    /* in standard time */
        rule_of(to_std + dst_off, &info->standard_date);    /* in daylight time */
    } else {
        copy_name(info->daylight_name, std_abbrev);
    }
}

/***********************************************************************
 *           NtQuerySystemInformation
 *
 * The time zone classes; every other class is not implemented yet (STATUS_NOT_IMPLEMENTED,
 * traced), never answered with made-up data.
 */
NTSTATUS WINAPI NtQuerySystemInformation(SYSTEM_INFORMATION_CLASS info_class, PVOID buffer, ULONG length,
                                         ULONG *result_length)
{
    struct tz_dynamic_info dyn;
    ULONG size;

    switch (info_class) {
    case SystemCurrentTimeZoneInformation:
        size = sizeof(struct tz_info);
        break;
    case SystemDynamicTimeZoneInformation:
        size = sizeof(struct tz_dynamic_info);
        break;
    default:
        FIXME("class %u is not implemented\n", (unsigned)info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (result_length)
        *result_length = size;
    if (length != size)
        return STATUS_INFO_LENGTH_MISMATCH;
    memset(&dyn, 0, sizeof(dyn));
    time_zone_info(&dyn.tz);
    memcpy(dyn.key_name, dyn.tz.standard_name, sizeof(dyn.tz.standard_name));
    memcpy(buffer, &dyn, size);
    TRACE("bias %d daylight %d (%u/%u)\n", dyn.tz.bias, dyn.tz.daylight_bias,
          dyn.tz.daylight_date.month, dyn.tz.standard_date.month);
    return STATUS_SUCCESS;
}
