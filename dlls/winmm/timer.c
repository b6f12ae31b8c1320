/* timer.c: the multimedia timer functions Go's runtime and games call (timeBeginPeriod & co). */
#include "vinho/pe_side.h"
#include <mmsystem.h>

DEFAULT_DEBUG_CHANNEL(sync);

/* What timeGetDevCaps reports and timeBeginPeriod accepts, in ms. Linux's timers (hrtimers) are
 * already finer than 1 ms, so a requested resolution holds without any change: there is no
 * system-wide tick to raise, and begin/end only check their argument, as documented
 * ("TIMERR_NOCANDO if the resolution specified in uPeriod is out of range"). */
#define PERIOD_MIN 1
#define PERIOD_MAX 1000000

/***********************************************************************
 *           timeBeginPeriod   (WINMM.@)
 */
MMRESULT WINAPI timeBeginPeriod(UINT period)
{
    TRACE("%u\n", period);
    return period < PERIOD_MIN || period > PERIOD_MAX ? TIMERR_NOCANDO : TIMERR_NOERROR;
}

/***********************************************************************
 *           timeEndPeriod   (WINMM.@)
 */
MMRESULT WINAPI timeEndPeriod(UINT period)
{
    TRACE("%u\n", period);
    return period < PERIOD_MIN || period > PERIOD_MAX ? TIMERR_NOCANDO : TIMERR_NOERROR;
}

/***********************************************************************
 *           timeGetDevCaps   (WINMM.@)
 */
MMRESULT WINAPI timeGetDevCaps(TIMECAPS *caps, UINT size)
{
    if (!caps || size < sizeof(*caps))
        return TIMERR_NOCANDO;
    caps->wPeriodMin = PERIOD_MIN;
    caps->wPeriodMax = PERIOD_MAX;
    return TIMERR_NOERROR;
}

/***********************************************************************
 *           timeGetTime   (WINMM.@)
 *
 * Milliseconds since the system started, wrapping every 2^32 ms: GetTickCount's clock.
 */
DWORD WINAPI timeGetTime(void)
{
    LARGE_INTEGER counter, freq;
    NtQueryPerformanceCounter(&counter, &freq);
    return (DWORD)(counter.QuadPart / (freq.QuadPart / 1000));
}
