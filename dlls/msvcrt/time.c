/* time.c: time(), _time64, _time32, clock(). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(time);

#define TICKS_PER_SEC 10000000ULL               /* FILETIME ticks are 100 ns */
#define UNIX_EPOCH_TICKS 116444736000000000ULL   /* 1601-01-01 to 1970-01-01 */

static LARGE_INTEGER clock_start, clock_freq;

/* At DLL attach: clock() counts from process start-up (documented). */
void msvcrt_init_clock(void)
{
    QueryPerformanceFrequency(&clock_freq);
    QueryPerformanceCounter(&clock_start);
}

static __time64_t now_seconds(void)
{
    FILETIME ft;
    uint64_t ticks;

    GetSystemTimeAsFileTime(&ft);
    ticks = ((uint64_t)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
    return (__time64_t)((ticks - UNIX_EPOCH_TICKS) / TICKS_PER_SEC);
}

/*********************************************************************
 *      _time64 (MSVCRT.@)
 *
 * Also exported as "time": time_t is 64-bit on x64.
 */
__time64_t __cdecl _time64(__time64_t *out)
{
    __time64_t t = now_seconds();

    if (out)
        *out = t;
    return t;
}

/*********************************************************************
 *      _time32 (MSVCRT.@)
 */
__time32_t __cdecl _time32(__time32_t *out)
{
    __time64_t t = now_seconds();
    __time32_t t32 = t > INT32_MAX ? -1 : (__time32_t)t;

    if (out)
        *out = t32;
    return t32;
}

/*********************************************************************
 *      clock (MSVCRT.@)
 *
 * Milliseconds (CLOCKS_PER_SEC is 1000) of wall time since the process started.
 */
clock_t __cdecl clock(void)
{
    LARGE_INTEGER now;
    uint64_t elapsed;

    if (!clock_freq.QuadPart)
        return -1;
    QueryPerformanceCounter(&now);
    elapsed = now.QuadPart - clock_start.QuadPart;
    return (clock_t)(elapsed / clock_freq.QuadPart * CLOCKS_PER_SEC +
                     elapsed % clock_freq.QuadPart * CLOCKS_PER_SEC / clock_freq.QuadPart);
}
