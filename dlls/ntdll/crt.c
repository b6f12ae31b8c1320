/* crt.c: the C runtime subset ntdll exports (formatting into buffers; memory and string basics
 * come from dllrt/string.c): programs and DLLs that avoid a CRT import these from ntdll.
 *
 * Semantics are msvcrt.dll's (ntdll's copies are the same legacy functions: a NUL only when it
 * fits, -1 when the text does not fit). ntdll has no errno: bad arguments only return -1.
 * References: Microsoft's "_snprintf, _snprintf_l, _snwprintf, _snwprintf_l" and "sprintf,
 * _sprintf_l, swprintf, _swprintf_l, __swprintf_l" pages (the legacy forms).
 */
#include "vinho/pe_side.h"
#include "printf.h"

#define UNBOUNDED 0x7fffffff     /* the unbounded forms (as msvcrt.dll's) */

static int bounded_a(char *buf, size_t count, const char *format, va_list args)
{
    if (!format || (!buf && count))
        return -1;
    return fmt_vsnprintf_a(buf, count, FMT_BUFFER_LEGACY, 0, NULL, NULL, format, args);
}

static int bounded_w(WCHAR *buf, size_t count, const WCHAR *format, va_list args)
{
    if (!format || (!buf && count))
        return -1;
    return fmt_vsnprintf_w((fmt_wchar *)buf, count, FMT_BUFFER_LEGACY, 0, NULL, NULL,
                           (const fmt_wchar *)format, args);
}

/***********************************************************************
 *      _vsnprintf (NTDLL.@)
 *
 * At most count chars; the NUL only if it fits; -1 if the text did not fit.
 */
int __cdecl _vsnprintf(char *buf, size_t count, const char *format, va_list args)
{
    return bounded_a(buf, count, format, args);
}

int __cdecl _snprintf(char *buf, size_t count, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = bounded_a(buf, count, format, args);
    va_end(args);
    return ret;
}

/***********************************************************************
 *      vsprintf (NTDLL.@)
 *
 * Unbounded, as the documentation warns: the caller's buffer must be large enough.
 */
int __cdecl ntdll_vsprintf(char *buf, const char *format, va_list args)
{
    if (!buf)
        return -1;
    return bounded_a(buf, UNBOUNDED, format, args);
}

int __cdecl ntdll_sprintf(char *buf, const char *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = ntdll_vsprintf(buf, format, args);
    va_end(args);
    return ret;
}

/***********************************************************************
 *      _vsnwprintf (NTDLL.@)
 */
int __cdecl _vsnwprintf(WCHAR *buf, size_t count, const WCHAR *format, va_list args)
{
    return bounded_w(buf, count, format, args);
}

int __cdecl _snwprintf(WCHAR *buf, size_t count, const WCHAR *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = bounded_w(buf, count, format, args);
    va_end(args);
    return ret;
}

/***********************************************************************
 *      swprintf (NTDLL.@)
 *
 * ntdll's swprintf is the legacy one without a count (as msvcrt.dll's _swprintf).
 */
int __cdecl ntdll_swprintf(WCHAR *buf, const WCHAR *format, ...)
{
    va_list args;
    int ret;

    va_start(args, format);
    ret = buf ? bounded_w(buf, UNBOUNDED, format, args) : -1;
    va_end(args);
    return ret;
}
