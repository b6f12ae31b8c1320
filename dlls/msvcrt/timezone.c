/* timezone.c: time zones and broken-down times: _tzset and its globals, gmtime/localtime/mktime
 * families, asctime/ctime, difftime, _ftime.
 *
 * Microsoft's rules ("_tzset", "_daylight, _dstbias, _timezone, and _tzname", "gmtime",
 * "localtime", "mktime" pages): TZ = tzn[+|-]hh[:mm[:ss]][dzn], the offset is UTC minus local
 * time (positive west); a dzn turns on daylight saving time with the United States' rules; the
 * globals start as PST8PDT (_timezone 28800, _daylight 1, _dstbias -3600, "PST"/"PDT") until
 * _tzset runs (localtime, mktime, ctime, _ftime call it). Without TZ the CRT takes the
 * operating system's zone (GetTimeZoneInformation) and its daylight rules. A TZ in the Linux
 * form ("America/New_York", ":/etc/localtime": a '/' or a leading ':'), which reaches Windows
 * programs through the environment, counts as no TZ: the OS zone is that zone already.
 * The 64-bit functions cover 1970-01-01 to 3000-12-31 23:59:59 UTC; others fail with EINVAL. */
#include "msvcrt.h"
#include <sys/timeb.h>

DEFAULT_DEBUG_CHANNEL(time);

#define MAX_TIME64 32535215999LL    /* 3000-12-31 23:59:59 UTC (_MAX__TIME64_T) */
#define MAX_TIME32 0x7fffd27fLL     /* 2038-01-18 23:59:59 UTC (_MAX__TIME32_T) */
#define SECS_PER_DAY 86400

/* Exported data (msvcrt.dll: _timezone, _daylight, _dstbias, _tzname) and their UCRT accessors.
 * The C names differ because mingw-w64's time.h declares the exported ones dllimport. */
long crt_timezone = 28800;
int crt_daylight = 1;
long crt_dstbias = -3600;
static char tzname_std[64] = "PST", tzname_dst[64] = "PDT";
char *crt_tzname[2] = { tzname_std, tzname_dst };
static bool tz_ready;
static bool tz_from_os;             /* daylight time by os_tz's rules, not the US ones */
static TIME_ZONE_INFORMATION os_tz;

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12, any day). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Fills tm (no isdst) from seconds since 1970 in the wanted zone. */
static void break_down(int64_t t, struct tm *tm)
{
    int64_t days = t / SECS_PER_DAY, secs = t % SECS_PER_DAY, y = 1970;
    static const int cum[2][13] = {
        { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
        { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 } };
    int m = 0, leap;

    if (secs < 0) {
        secs += SECS_PER_DAY;
        days--;
    }
    tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);     /* 1970-01-01 was a Thursday */
    while (days >= (is_leap(y) ? 366 : 365))
        days -= is_leap(y++) ? 366 : 365;
    while (days < 0)
        days += is_leap(--y) ? 366 : 365;
    leap = is_leap(y);
    while (days >= cum[leap][m + 1])
        m++;
    tm->tm_year = (int)(y - 1900);
    tm->tm_yday = (int)days;
    tm->tm_mon = m;
    tm->tm_mday = (int)(days - cum[leap][m] + 1);
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_isdst = 0;
}

/* The day of month of the n-th (n >= 1; 5 = last) Sunday of a month. */
static int nth_sunday(int64_t year, int month, int n)
{
    int wday_first = (int)(((days_from_civil(year, month, 1) + 4) % 7 + 7) % 7);
    int first = 1 + (7 - wday_first) % 7;
    int dim = month == 2 ? 28 + is_leap(year) : 30 + ((month + (month > 7)) & 1);
    int d = first + 7 * (n - 1);

    while (d > dim)
        d -= 7;
    return d;
}

/* US daylight saving time for a local standard time (seconds since 1970 in standard time):
 * 2007 on: second Sunday of March to first Sunday of November; 1987-2006: first Sunday of
 * April to last Sunday of October; before: last Sunday of April to last Sunday of October.
 * It starts at 2:00 standard time and ends at 2:00 daylight time (1:00 standard). */
static bool us_dst(int64_t local_std)
{
    struct tm tm;
    int64_t start, end, y;

    break_down(local_std, &tm);
    y = tm.tm_year + 1900;
    if (y >= 2007) {
        start = days_from_civil(y, 3, nth_sunday(y, 3, 2));
        end = days_from_civil(y, 11, nth_sunday(y, 11, 1));
    } else {
        start = days_from_civil(y, 4, y >= 1987 ? nth_sunday(y, 4, 1) : nth_sunday(y, 4, 5));
        end = days_from_civil(y, 10, nth_sunday(y, 10, 5));
    }
    start = start * SECS_PER_DAY + 2 * 3600;
    end = end * SECS_PER_DAY + 2 * 3600 + crt_dstbias;
    return local_std >= start && local_std < end;
}

/* Daylight time for a local standard time by the OS zone's rules: its UTC instant converted by
 * SystemTimeToTzSpecificLocalTime differs from the standard local time exactly in daylight time. */
static bool os_dst(int64_t local_std)
{
    struct tm tm;
    SYSTEMTIME utc, local;
    int64_t t = local_std + crt_timezone;

    break_down(t, &tm);
    utc = (SYSTEMTIME){ tm.tm_year + 1900, tm.tm_mon + 1, 0, tm.tm_mday, tm.tm_hour, tm.tm_min,
                        tm.tm_sec, 0 };
    if (!SystemTimeToTzSpecificLocalTime(&os_tz, &utc, &local))
        return false;
    break_down(local_std, &tm);
    return local.wHour != tm.tm_hour || local.wMinute != tm.tm_min || local.wDay != tm.tm_mday;
}

static bool is_dst(int64_t local_std)
{
    return crt_daylight && (tz_from_os ? os_dst(local_std) : us_dst(local_std));
}

/* Parses "[+|-]hh[:mm[:ss]]" into seconds; advances *p. */
static long parse_offset(const char **p)
{
    const char *s = *p;
    long sign = 1, parts[3] = { 0, 0, 0 };

    if (*s == '+' || *s == '-')
        sign = *s++ == '-' ? -1 : 1;
    for (int i = 0; i < 3; i++) {
        while (*s >= '0' && *s <= '9')
            parts[i] = parts[i] * 10 + (*s++ - '0');
        if (i < 2 && *s == ':' && s[1] >= '0' && s[1] <= '9')
            s++;
        else
            break;
    }
    *p = s;
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
}

static void copy_name(char *dst, const char *src, size_t len)
{
    if (len > 63)
        len = 63;
    memcpy(dst, src, len);
    dst[len] = 0;
}

/*********************************************************************
 *      _tzset (MSVCRT.@)
 */
void __cdecl _tzset(void)
{
    const char *tz = getenv("TZ"), *p;
    size_t n = 0;

    tz_ready = true;
    tz_from_os = false;
    if (tz && (*tz == ':' || strchr(tz, '/')))
        tz = NULL;          /* the Linux form: see the top of this file */
    if (tz && *tz) {
        while (tz[n] && tz[n] != '+' && tz[n] != '-' && !(tz[n] >= '0' && tz[n] <= '9'))
            n++;
        copy_name(tzname_std, tz, n);
        p = tz + n;
        crt_timezone = parse_offset(&p);
        copy_name(tzname_dst, p, strlen(p));
        crt_daylight = *p != 0;
        crt_dstbias = -3600;
        TRACE("TZ %s: %ld s west, dst %d\n", debugstr_a(tz), crt_timezone, crt_daylight);
        return;
    }
    if (GetTimeZoneInformation(&os_tz) == TIME_ZONE_ID_INVALID) {
        memset(&os_tz, 0, sizeof(os_tz));
        wcscpy(os_tz.StandardName, L"Coordinated Universal Time");
        wcscpy(os_tz.DaylightName, L"Coordinated Universal Time");
    }
    tz_from_os = true;
    crt_timezone = (os_tz.Bias + os_tz.StandardBias) * 60L;
    crt_daylight = os_tz.DaylightDate.wMonth != 0;
    crt_dstbias = (os_tz.DaylightBias - os_tz.StandardBias) * 60L;
    if (!WideCharToMultiByte(CP_ACP, 0, os_tz.StandardName, -1, tzname_std, sizeof(tzname_std),
                             NULL, NULL))
        tzname_std[0] = 0;
    if (!WideCharToMultiByte(CP_ACP, 0, os_tz.DaylightName, -1, tzname_dst, sizeof(tzname_dst),
                             NULL, NULL))
        tzname_dst[0] = 0;
    TRACE("OS zone: %ld s west, dst %d\n", crt_timezone, crt_daylight);
}

static void tzset_once(void)
{
    if (!tz_ready)
        _tzset();
}

/* The per-thread struct tm of gmtime/localtime (documented: one per thread, shared by them). */
static struct tm *thread_tm(void)
{
    struct thread_data *td = msvcrt_thread_data();
    return td ? &td->tm_buf : NULL;
}

static errno_t gmtime_checked(struct tm *tm, int64_t t, int64_t max)
{
    CRT_CHECK(!crt_null(tm), EINVAL, EINVAL);
    if (t < 0 || t > max) {
        memset(tm, 0xff, sizeof(*tm));
        errno = EINVAL;
        return EINVAL;
    }
    break_down(t, tm);
    return 0;
}

/* localtime of t: UTC minus crt_timezone, plus the DST shift when US rules say so. */
static errno_t localtime_checked(struct tm *tm, int64_t t, int64_t max)
{
    int64_t local;

    CRT_CHECK(!crt_null(tm), EINVAL, EINVAL);
    if (t < 0 || t > max) {
        memset(tm, 0xff, sizeof(*tm));
        errno = EINVAL;
        return EINVAL;
    }
    tzset_once();
    local = t - crt_timezone;
    if (is_dst(local)) {
        break_down(local - crt_dstbias, tm);
        tm->tm_isdst = 1;
    } else {
        break_down(local, tm);
    }
    return 0;
}

/*********************************************************************
 *      _gmtime64_s (MSVCRT.@)
 */
errno_t __cdecl _gmtime64_s(struct tm *tm, const __time64_t *t)
{
    CRT_CHECK(!crt_null(t), EINVAL, EINVAL);
    return gmtime_checked(tm, *t, MAX_TIME64);
}

/*********************************************************************
 *      _gmtime32_s (MSVCRT.@)
 */
errno_t __cdecl _gmtime32_s(struct tm *tm, const __time32_t *t)
{
    CRT_CHECK(!crt_null(t), EINVAL, EINVAL);
    return gmtime_checked(tm, *t, MAX_TIME32);
}

/*********************************************************************
 *      _gmtime64 (MSVCRT.@)
 *
 * Also "gmtime" (time_t is 64-bit on x64). NULL (EINVAL) out of range.
 */
struct tm *__cdecl _gmtime64(const __time64_t *t)
{
    struct tm *tm = thread_tm();
    return tm && !crt_null(t) && !gmtime_checked(tm, *t, MAX_TIME64) ? tm : NULL;
}

/*********************************************************************
 *      _gmtime32 (MSVCRT.@)
 */
struct tm *__cdecl _gmtime32(const __time32_t *t)
{
    struct tm *tm = thread_tm();
    return tm && !crt_null(t) && !gmtime_checked(tm, *t, MAX_TIME32) ? tm : NULL;
}

/*********************************************************************
 *      _localtime64_s (MSVCRT.@)
 */
errno_t __cdecl _localtime64_s(struct tm *tm, const __time64_t *t)
{
    CRT_CHECK(!crt_null(t), EINVAL, EINVAL);
    return localtime_checked(tm, *t, MAX_TIME64);
}

/*********************************************************************
 *      _localtime32_s (MSVCRT.@)
 */
errno_t __cdecl _localtime32_s(struct tm *tm, const __time32_t *t)
{
    CRT_CHECK(!crt_null(t), EINVAL, EINVAL);
    return localtime_checked(tm, *t, MAX_TIME32);
}

/*********************************************************************
 *      _localtime64 (MSVCRT.@)
 */
struct tm *__cdecl _localtime64(const __time64_t *t)
{
    struct tm *tm = thread_tm();
    return tm && !crt_null(t) && !localtime_checked(tm, *t, MAX_TIME64) ? tm : NULL;
}

/*********************************************************************
 *      _localtime32 (MSVCRT.@)
 */
struct tm *__cdecl _localtime32(const __time32_t *t)
{
    struct tm *tm = thread_tm();
    return tm && !crt_null(t) && !localtime_checked(tm, *t, MAX_TIME32) ? tm : NULL;
}

/* Normalises tm and returns its seconds since 1970 taken as UTC (no range check). */
static int64_t normalise(struct tm *tm)
{
    int64_t mon = tm->tm_mon, year = (int64_t)tm->tm_year + 1900 + (mon >= 0 ? mon / 12 : (mon - 11) / 12);
    int64_t t;

    mon = ((mon % 12) + 12) % 12;
    t = days_from_civil(year, (int)mon + 1, 1) + tm->tm_mday - 1;
    return t * SECS_PER_DAY + (int64_t)tm->tm_hour * 3600 + (int64_t)tm->tm_min * 60 + tm->tm_sec;
}

static int64_t make_time(struct tm *tm, bool local, int64_t max)
{
    int64_t t;
    int isdst;

    if (crt_null(tm)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return -1;
    }
    t = normalise(tm);
    if (local) {
        tzset_once();
        isdst = tm->tm_isdst;
        t += crt_timezone;                 /* as standard time */
        if (isdst > 0 || (isdst < 0 && is_dst(t - crt_timezone)))
            t += crt_dstbias;
        if (!crt_daylight && isdst > 0)
            t -= crt_dstbias;              /* no DST in this zone: as standard time */
    }
    if (t < 0 || t > max) {
        errno = EINVAL;
        return -1;
    }
    if (local)
        localtime_checked(tm, t, max);
    else
        gmtime_checked(tm, t, max);
    return t;
}

/*********************************************************************
 *      _mktime64 (MSVCRT.@)
 *
 * Also "mktime". Normalises *tm; -1 out of range.
 */
__time64_t __cdecl _mktime64(struct tm *tm)
{
    return make_time(tm, true, MAX_TIME64);
}

/*********************************************************************
 *      _mktime32 (MSVCRT.@)
 */
__time32_t __cdecl _mktime32(struct tm *tm)
{
    return (__time32_t)make_time(tm, true, MAX_TIME32);
}

/*********************************************************************
 *      _mkgmtime64 (MSVCRT.@)
 */
__time64_t __cdecl _mkgmtime64(struct tm *tm)
{
    return make_time(tm, false, MAX_TIME64);
}

/*********************************************************************
 *      _mkgmtime32 (MSVCRT.@)
 */
__time32_t __cdecl _mkgmtime32(struct tm *tm)
{
    return (__time32_t)make_time(tm, false, MAX_TIME32);
}

/*********************************************************************
 *      _difftime64 (MSVCRT.@)
 */
double __cdecl _difftime64(__time64_t a, __time64_t b)
{
    return (double)(a - b);
}

/*********************************************************************
 *      _difftime32 (MSVCRT.@)
 */
double __cdecl _difftime32(__time32_t a, __time32_t b)
{
    return (double)a - (double)b;
}

static const char day_names[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const char month_names[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                         "Sep", "Oct", "Nov", "Dec" };

/* "Wed Jan 02 02:03:55 1980\n" (the asctime page's layout: two-digit day with a zero). */
static errno_t format_asctime(char *buf, size_t size, const struct tm *tm)
{
    CRT_CHECK(!crt_null(buf) && size > 0, EINVAL, EINVAL);
    buf[0] = 0;
    CRT_CHECK(size >= 26, EINVAL, EINVAL);
    CRT_CHECK(!crt_null(tm) && tm->tm_wday >= 0 && tm->tm_wday < 7 && tm->tm_mon >= 0 &&
              tm->tm_mon < 12 && tm->tm_year >= 0 && tm->tm_year <= 8099, EINVAL, EINVAL);
    _snprintf(buf, size, "%s %s %02d %02d:%02d:%02d %4d\n", day_names[tm->tm_wday],
              month_names[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
              tm->tm_year + 1900);
    return 0;
}

/*********************************************************************
 *      asctime_s (MSVCRT.@)
 */
errno_t __cdecl asctime_s(char *buf, size_t size, const struct tm *tm)
{
    return format_asctime(buf, size, tm);
}

/*********************************************************************
 *      asctime (MSVCRT.@)
 */
char *__cdecl asctime(const struct tm *tm)
{
    struct thread_data *td = msvcrt_thread_data();
    return td && !format_asctime(td->time_text, sizeof(td->time_text), tm) ? td->time_text : NULL;
}

/*********************************************************************
 *      _ctime64 (MSVCRT.@)
 *
 * Also "ctime": asctime(localtime(t)).
 */
char *__cdecl _ctime64(const __time64_t *t)
{
    struct tm *tm = _localtime64(t);
    return tm ? asctime(tm) : NULL;
}

/*********************************************************************
 *      _ctime32 (MSVCRT.@)
 */
char *__cdecl _ctime32(const __time32_t *t)
{
    struct tm *tm = _localtime32(t);
    return tm ? asctime(tm) : NULL;
}

/*********************************************************************
 *      _ftime64 (MSVCRT.@)
 *
 * Also "_ftime" (time_t is 64-bit on x64): seconds, milliseconds, the zone in minutes west,
 * and whether DST is in effect now.
 */
void __cdecl _ftime64(struct __timeb64 *tb)
{
    FILETIME ft;
    uint64_t ticks;
    struct tm tm;

    if (crt_null(tb)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return;
    }
    tzset_once();
    GetSystemTimeAsFileTime(&ft);
    ticks = (((uint64_t)ft.dwHighDateTime << 32) | ft.dwLowDateTime) - 116444736000000000ULL;
    tb->time = ticks / 10000000;
    tb->millitm = (unsigned short)(ticks / 10000 % 1000);
    tb->timezone = (short)(crt_timezone / 60);
    tb->dstflag = !localtime_checked(&tm, tb->time, MAX_TIME64) && tm.tm_isdst > 0;
}

/* The UCRT's accessors of the globals (also in msvcrt.dll). */
int *__cdecl __daylight(void) { return &crt_daylight; }
long *__cdecl __timezone(void) { return &crt_timezone; }
long *__cdecl __dstbias(void) { return &crt_dstbias; }
char **__cdecl __tzname(void) { return crt_tzname; }

/*********************************************************************
 *      _get_daylight, _get_timezone, _get_dstbias (MSVCRT.@)
 */
errno_t __cdecl _get_daylight(int *v) { CRT_CHECK(!crt_null(v), EINVAL, EINVAL); *v = crt_daylight; return 0; }
errno_t __cdecl _get_timezone(long *v) { CRT_CHECK(!crt_null(v), EINVAL, EINVAL); *v = crt_timezone; return 0; }
errno_t __cdecl _get_dstbias(long *v) { CRT_CHECK(!crt_null(v), EINVAL, EINVAL); *v = crt_dstbias; return 0; }

/*********************************************************************
 *      _get_tzname (MSVCRT.@)
 *
 * Copies crt_tzname[index] to buf; *len gets its size with the NUL.
 */
errno_t __cdecl _get_tzname(size_t *len, char *buf, size_t size, int index)
{
    const char *name;

    CRT_CHECK(!crt_null(len) && (index == 0 || index == 1) && (buf || !size), EINVAL, EINVAL);
    name = crt_tzname[index];
    *len = strlen(name) + 1;
    if (!buf)
        return 0;
    CRT_CHECK(*len <= size, ERANGE, ERANGE);
    memcpy(buf, name, *len);
    return 0;
}
