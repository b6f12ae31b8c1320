/* strftime.c: strftime and wcsftime in the "C" locale.
 *
 * Microsoft's "strftime, wcsftime, _strftime_l, _wcsftime_l" page: the C99 conversions
 * (%C %D %e %F %g %G %h %n %r %R %t %T %u %V) exist since VS2015, so only in ucrtbase.dll; the '#' flag drops leading zeros (%#d) or asks for the long form (%#c, %#x: "Tuesday,
 * March 14, 1995, 12:41:29"); "C" locale forms: %c "%m/%d/%y %H:%M:%S" in msvcrt.dll and C99's
 * "%a %b %e %H:%M:%S %Y" in the UCRT (C99 7.23.3.5; Wine's ucrtbase agrees), %x "%m/%d/%y",
 * %X "%H:%M:%S", %p "AM"/"PM". %z is the offset "-0800" in the UCRT and the zone name (as %Z) in
 * msvcrt.dll. An unknown conversion or out-of-range tm field calls the invalid-parameter handler
 * (EINVAL) and returns 0; output that does not fit with its NUL returns 0 (ERANGE). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(time);

extern long crt_timezone, crt_dstbias;
extern int crt_daylight;
extern char *crt_tzname[2];

static const char *const day_full[7] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                                         "Friday", "Saturday" };
static const char *const month_full[12] = { "January", "February", "March", "April", "May",
                                            "June", "July", "August", "September", "October",
                                            "November", "December" };

struct out {
    char *buf;
    size_t size, len;
    bool overflow;
};

static void put_str(struct out *o, const char *s)
{
    for (; *s; s++) {
        if (o->len + 1 >= o->size) {
            o->overflow = true;
            return;
        }
        o->buf[o->len++] = *s;
    }
}

/* A number with at least digits digits (zero-padded), none when alt (the '#' flag). */
static void put_num(struct out *o, long v, int digits, bool alt)
{
    char text[24];

    _snprintf(text, sizeof(text), "%0*ld", alt ? 1 : digits, v);
    put_str(o, text);
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* ISO 8601 week number and its year (%V, %G, %g). */
static int __attribute__((unused)) iso_week(const struct tm *tm, int *iso_year)
{
    int year = tm->tm_year + 1900, wday = (tm->tm_wday + 6) % 7;    /* Monday = 0 */
    int week = (tm->tm_yday - wday + 10) / 7;

    *iso_year = year;
    if (week < 1) {
        int prev_days = is_leap(year - 1) ? 366 : 365;
        *iso_year = year - 1;
        return (tm->tm_yday + prev_days - wday + 10) / 7;
    }
    if (week == 53) {
        int days = is_leap(year) ? 366 : 365;
        if (tm->tm_yday - wday + 3 >= days) {   /* that week's Thursday is next year */
            *iso_year = year + 1;
            return 1;
        }
    }
    return week;
}

static bool tm_valid(const struct tm *tm)
{
    return tm->tm_sec >= 0 && tm->tm_sec <= 60 && tm->tm_min >= 0 && tm->tm_min <= 59 &&
           tm->tm_hour >= 0 && tm->tm_hour <= 23 && tm->tm_mday >= 1 && tm->tm_mday <= 31 &&
           tm->tm_mon >= 0 && tm->tm_mon <= 11 && tm->tm_year >= -1900 && tm->tm_year <= 8099 &&
           tm->tm_wday >= 0 && tm->tm_wday <= 6 && tm->tm_yday >= 0 && tm->tm_yday <= 365;
}

static bool format(struct out *o, const char *fmt, const struct tm *tm);

/* One conversion; false for an unknown one. */
static bool convert(struct out *o, char c, bool alt, const struct tm *tm)
{
    int iso_year __attribute__((unused)), hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
    char text[64] __attribute__((unused));

    switch (c) {
#ifdef VINHO_UCRT
    case 'C': put_num(o, (tm->tm_year + 1900) / 100, 2, alt); break;
    case 'D': return format(o, "%m/%d/%y", tm);
    case 'e': _snprintf(text, sizeof(text), alt ? "%d" : "%2d", tm->tm_mday); put_str(o, text); break;
    case 'F': return format(o, "%Y-%m-%d", tm);
    case 'g': iso_week(tm, &iso_year); put_num(o, iso_year % 100, 2, alt); break;
    case 'G': iso_week(tm, &iso_year); put_num(o, iso_year, 4, alt); break;
    case 'h': return convert(o, 'b', alt, tm);
    case 'n': put_str(o, "\n"); break;
    case 'r': return format(o, "%I:%M:%S %p", tm);
    case 'R': return format(o, "%H:%M", tm);
    case 't': put_str(o, "\t"); break;
    case 'T': return format(o, "%H:%M:%S", tm);
    case 'u': put_num(o, tm->tm_wday ? tm->tm_wday : 7, 1, alt); break;
    case 'V': put_num(o, iso_week(tm, &iso_year), 2, alt); break;
#endif
    case 'a': put_str(o, (char[4]){ day_full[tm->tm_wday][0], day_full[tm->tm_wday][1], day_full[tm->tm_wday][2], 0 }); break;
    case 'A': put_str(o, day_full[tm->tm_wday]); break;
    case 'b': put_str(o, (char[4]){ month_full[tm->tm_mon][0], month_full[tm->tm_mon][1], month_full[tm->tm_mon][2], 0 }); break;
    case 'B': put_str(o, month_full[tm->tm_mon]); break;
#ifdef VINHO_UCRT
    case 'c': return format(o, alt ? "%A, %B %#d, %Y, %H:%M:%S" : "%a %b %e %H:%M:%S %Y", tm);
#else
    case 'c': return format(o, alt ? "%A, %B %#d, %Y, %H:%M:%S" : "%m/%d/%y %H:%M:%S", tm);
#endif
    case 'd': put_num(o, tm->tm_mday, 2, alt); break;
    case 'H': put_num(o, tm->tm_hour, 2, alt); break;
    case 'I': put_num(o, hour12, 2, alt); break;
    case 'j': put_num(o, tm->tm_yday + 1, 3, alt); break;
    case 'm': put_num(o, tm->tm_mon + 1, 2, alt); break;
    case 'M': put_num(o, tm->tm_min, 2, alt); break;
    case 'p': put_str(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
    case 'S': put_num(o, tm->tm_sec, 2, alt); break;
    case 'X': return format(o, "%H:%M:%S", tm);
    case 'U': put_num(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, alt); break;
    case 'w': put_num(o, tm->tm_wday, 1, alt); break;
    case 'W': put_num(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, alt); break;
    case 'x': return format(o, alt ? "%A, %B %#d, %Y" : "%m/%d/%y", tm);
    case 'y': put_num(o, (tm->tm_year + 1900) % 100, 2, alt); break;
    case 'Y': put_num(o, tm->tm_year + 1900, 1, alt); break;
    case 'z':
#ifdef VINHO_UCRT
    {
        long west;
        _tzset();
        west = crt_timezone + (tm->tm_isdst > 0 ? crt_dstbias : 0);
        _snprintf(text, sizeof(text), "%c%02ld%02ld", west > 0 ? '-' : '+', labs(west) / 3600,
                  labs(west) / 60 % 60);
        put_str(o, text);
        break;
    }
#endif
    case 'Z': _tzset(); put_str(o, crt_tzname[tm->tm_isdst > 0]); break;
    case '%': put_str(o, "%"); break;
    default: return false;
    }
    return true;
}

static bool format(struct out *o, const char *fmt, const struct tm *tm)
{
    for (; *fmt && !o->overflow; fmt++) {
        bool alt = false;

        if (*fmt != '%') {
            char one[2] = { *fmt, 0 };
            put_str(o, one);
            continue;
        }
        if (*++fmt == '#') {
            alt = true;
            fmt++;
        }
        if (!*fmt || !convert(o, *fmt, alt, tm))
            return false;
    }
    return true;
}

/*********************************************************************
 *      strftime (MSVCRT.@)
 */
size_t __cdecl strftime(char *buf, size_t size, const char *fmt, const struct tm *tm)
{
    struct out o = { buf, size, 0, false };

    CRT_CHECK(!crt_null(buf) && size, EINVAL, 0);
    buf[0] = 0;
    CRT_CHECK(!crt_null(fmt) && !crt_null(tm), EINVAL, 0);
    CRT_CHECK(tm_valid(tm), EINVAL, 0);
    if (!format(&o, fmt, tm)) {
        buf[0] = 0;
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return 0;
    }
    if (o.overflow) {
        buf[0] = 0;
        errno = ERANGE;
        return 0;
    }
    buf[o.len] = 0;
    return o.len;
}

/*********************************************************************
 *      _strftime_l (MSVCRT.@)
 */
size_t __cdecl _strftime_l(char *buf, size_t size, const char *fmt, const struct tm *tm,
                           _locale_t locale)
{
    return strftime(buf, size, fmt, tm);
}

/*********************************************************************
 *      wcsftime (MSVCRT.@)
 *
 * As strftime: the format's chars are ASCII in practice; others fail with EILSEQ here.
 */
size_t __cdecl wcsftime(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm)
{
    char nfmt[512], *nbuf;
    size_t i, n;

    CRT_CHECK(!crt_null(buf) && size, EINVAL, 0);
    buf[0] = 0;
    CRT_CHECK(!crt_null(fmt) && !crt_null(tm), EINVAL, 0);
    for (i = 0; fmt[i]; i++) {
        if (i + 1 >= sizeof(nfmt) || fmt[i] >= 256) {
            FIXME("format %s: long or non-Latin-1 formats are not supported\n", debugstr_w(fmt));
            errno = EILSEQ;
            return 0;
        }
        nfmt[i] = (char)fmt[i];
    }
    nfmt[i] = 0;
    if (!(nbuf = malloc(size)))
        return 0;
    n = strftime(nbuf, size, nfmt, tm);
    for (i = 0; i < n; i++)
        buf[i] = (unsigned char)nbuf[i];
    buf[n] = 0;
    free(nbuf);
    return n;
}

/*********************************************************************
 *      _wcsftime_l (MSVCRT.@)
 */
size_t __cdecl _wcsftime_l(wchar_t *buf, size_t size, const wchar_t *fmt, const struct tm *tm,
                           _locale_t locale)
{
    return wcsftime(buf, size, fmt, tm);
}

/*********************************************************************
 *      _strdate (MSVCRT.@)
 *
 * "mm/dd/yy" of the local date, in a 9-byte buffer.
 */
char *__cdecl _strdate(char *buf)
{
    __time64_t t = _time64(NULL);
    struct tm tm;

    if (crt_null(buf) || _localtime64_s(&tm, &t))
        return NULL;
    strftime(buf, 9, "%m/%d/%y", &tm);
    return buf;
}

/*********************************************************************
 *      _strtime (MSVCRT.@)
 *
 * "hh:mm:ss" of the local time, in a 9-byte buffer.
 */
char *__cdecl _strtime(char *buf)
{
    __time64_t t = _time64(NULL);
    struct tm tm;

    if (crt_null(buf) || _localtime64_s(&tm, &t))
        return NULL;
    strftime(buf, 9, "%H:%M:%S", &tm);
    return buf;
}
