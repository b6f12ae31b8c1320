/* crt_time.c: _tzset with TZ, gmtime/localtime/mktime/_mkgmtime, asctime/ctime, strftime,
 * wcsftime, difftime, the range limits (msvcrt and UCRT builds; ucrt.list).
 * Expected values from learn.microsoft.com: "_tzset" (TZ=tzn[+|-]hh[:mm[:ss]][dzn], offset in
 * hours west, dzn = US DST rules), "_daylight, _dstbias, _timezone, and _tzname", "gmtime"
 * (NULL with EINVAL before 1970 and after 3000-12-31 23:59:59), "localtime", "mktime"
 * (normalises, tm_isdst < 0 asks the CRT), "asctime" ("Wed Jan 02 02:03:55 1980\n"),
 * "strftime" (the conversion table; '#' flag; long forms), "_mkgmtime"; the US rules
 * themselves (second Sunday of March, first Sunday of November at 2:00 since 2007) from the
 * Energy Policy Act of 2005; the UCRT's %c in the "C" locale is C99's "%a %b %e %H:%M:%S %Y"
 * (C99 7.23.3.5, as Wine's ucrtbase; crt_time.ucrt.expected), msvcrt's "%m/%d/%y %H:%M:%S";
 * C99 conversions (%D %e %F ... %V) are VS2015+, so msvcrt.dll rejects them (0, as Wine).
 * Checked under Wine, which differs where the documentation says otherwise: Wine reads
 * TZ=EST5EDT as "ES"/"ED" with _daylight 69 (the _tzset page: three-letter names, daylight
 * on when a DST name follows); Wine's gmtime accepts 3001-01-01 (the gmtime page: up to
 * 3000-12-31 23:59:59, else NULL); Wine's %#c has no comma after the year (the strftime page's
 * example: "Tuesday, March 14, 1995, 12:41:29"); Wine's UCRT asctime pads the day with a space
 * (the asctime page: "Wed Jan 02 02:03:55 1980\n"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <wchar.h>

static void show(const char *what, const struct tm *tm)
{
    if (!tm) {
        printf("%s: NULL errno %d\n", what, errno);
        return;
    }
    printf("%s: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d isdst %d\n", what,
           tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
           tm->tm_wday, tm->tm_yday, tm->tm_isdst);
}

int main(void)
{
    static const char *const formats[] = {
        "%a %A %b %B %d %H %I %j %m %M %p %S %U %w %W %y %Y %%",
        "%c | %x | %X", "%#c | %#x", "%#d %#H %#j %#m", "%D %e %F %R %T %r %u %C %h",
        "%V %G %g", "%Z",
    };
    time_t t;
    struct tm tm, *p;
    char buf[128];
    wchar_t wbuf[64];
    size_t n;

    _putenv("TZ=EST5EDT");
    _tzset();
    printf("TZ=EST5EDT: _timezone %ld _daylight %d _dstbias %ld names %s %s\n", _timezone,
           _daylight, _dstbias, _tzname[0], _tzname[1]);

    t = 0;
    show("gmtime(0)", gmtime(&t));
    t = 951782400;     /* 2000-02-29 00:00:00 UTC */
    show("gmtime(2000-02-29)", gmtime(&t));
    t = 32535215999LL;
    show("gmtime(max)", gmtime(&t));
    errno = 0;
    t = 32535216000LL;
    show("gmtime(max+1)", gmtime(&t));
    errno = 0;
    t = -1;
    show("gmtime(-1)", gmtime(&t));

    t = 1710054000;    /* 2024-03-10 07:00 UTC = 02:00 EST: DST starts */
    show("localtime(DST start - 1)", (t--, localtime(&t)));
    t++;
    show("localtime(DST start)", localtime(&t));
    t = 1730613600;    /* 2024-11-03 06:00 UTC = 01:00 EST after the change back */
    show("localtime(DST end)", localtime(&t));
    t -= 1;
    show("localtime(DST end - 1)", localtime(&t));
    t = 1136073600;    /* 2006-01-01 00:00 UTC */
    show("localtime(2006-01-01)", localtime(&t));
    t = 1143961200;    /* 2006-04-02 07:00 UTC: DST started under the 1987-2006 rule */
    show("localtime(2006-04-02)", localtime(&t));

    memset(&tm, 0, sizeof(tm));
    tm.tm_year = 124; tm.tm_mon = 6; tm.tm_mday = 4; tm.tm_hour = 12; tm.tm_isdst = -1;
    t = mktime(&tm);
    printf("mktime(2024-07-04 12:00 local, isdst -1) = %lld\n", (long long)t);
    show("  normalised", &tm);
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = 123; tm.tm_mon = 13; tm.tm_mday = 32; tm.tm_hour = 25; tm.tm_min = -5;
    tm.tm_isdst = 0;
    t = mktime(&tm);
    printf("mktime(2023-14-32 25:-5, isdst 0) = %lld\n", (long long)t);
    show("  normalised", &tm);
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = 100; tm.tm_mon = 0; tm.tm_mday = 1;
    printf("_mkgmtime(2000-01-01) = %lld\n", (long long)_mkgmtime(&tm));
    tm.tm_year = 60;
    errno = 0;
    printf("_mkgmtime(1960-01-01) = %lld errno %d\n", (long long)_mkgmtime(&tm), errno);
    printf("difftime(10, 4) = %g\n", difftime(10, 4));

    t = 315633835;     /* 1980-01-02 02:03:55 UTC */
    printf("asctime(gmtime): %s", asctime(gmtime(&t)));
    printf("ctime: %s", ctime(&t));

    t = 795184889;     /* 1995-03-14 12:41:29 UTC */
    p = gmtime(&t);
    tm = *p;
    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        n = strftime(buf, sizeof(buf), formats[i], &tm);
        printf("strftime(\"%s\") = %u [%s]\n", formats[i], (unsigned)n, buf);
    }
    n = strftime(buf, 5, "%Y-%m", &tm);
    printf("strftime too small: %u errno %d\n", (unsigned)n, errno);
    n = wcsftime(wbuf, 64, L"%A %d %B %Y", &tm);
    printf("wcsftime = %u [%ls]\n", (unsigned)n, wbuf);

    _putenv("TZ=JST-9");
    _tzset();
    printf("TZ=JST-9: _timezone %ld _daylight %d name %s\n", _timezone, _daylight, _tzname[0]);
    t = 0;
    show("localtime(0) in JST", localtime(&t));
    _putenv("TZ=IST-5:30");
    _tzset();
    printf("TZ=IST-5:30: _timezone %ld\n", _timezone);
    return 0;
}
