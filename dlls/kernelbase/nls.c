/* nls.c: code pages (MultiByteToWideChar, WideCharToMultiByte, GetCPInfo, ...) and the lstr*
 * string functions. The conversions themselves are ntdll's (dlls/ntdll/nls.c), which also
 * decides every error; this file turns them into SetLastError. UTF-7 alone is kernelbase's own
 * (utf7.c), as on Windows. */
/* kernelbase defines these functions (and SetLastError): not dllimport here. */
#define WINBASEAPI
#define WINADVAPI
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>
#include <string.h>
#include "vinho/debug.h"
#include "utf7.h"

DEFAULT_DEBUG_CHANNEL(nls);

/* ntdll's private exports: *error receives the Win32 error of a failed call. */
__declspec(dllimport) INT WINAPI __vinho_nls_convert_mb_to_wc(UINT codepage, DWORD flags,
    const char *src, INT srclen, WCHAR *dst, INT dstlen, DWORD *error);
__declspec(dllimport) INT WINAPI __vinho_nls_convert_wc_to_mb(UINT codepage, DWORD flags,
    const WCHAR *src, INT srclen, char *dst, INT dstlen, const char *defchar, BOOL *used,
    DWORD *error);
/* Fills info (if not NULL) as GetCPInfoExW does; returns the real code page, 0 if unknown. */
__declspec(dllimport) UINT WINAPI __vinho_nls_get_cpinfo(UINT codepage, CPINFOEXW *info);
__declspec(dllimport) WCHAR WINAPI RtlUpcaseUnicodeChar(WCHAR ch);
__declspec(dllimport) WCHAR WINAPI RtlDowncaseUnicodeChar(WCHAR ch);

/***********************************************************************
 *           MultiByteToWideChar   (kernelbase.@)
 */
INT WINAPI MultiByteToWideChar(UINT codepage, DWORD flags, LPCCH src, INT srclen, LPWSTR dst,
                               INT dstlen)
{
    DWORD error = ERROR_INVALID_PARAMETER;
    INT ret;

    if (codepage == CP_UTF7)
        ret = utf7_mb_to_wc(flags, src, srclen, dst, dstlen, &error);
    else
        ret = __vinho_nls_convert_mb_to_wc(codepage, flags, src, srclen, dst, dstlen, &error);
    if (!ret && error)
        SetLastError(error);
    return ret;
}

/***********************************************************************
 *           WideCharToMultiByte   (kernelbase.@)
 */
INT WINAPI WideCharToMultiByte(UINT codepage, DWORD flags, LPCWCH src, INT srclen, LPSTR dst,
                               INT dstlen, LPCCH defchar, LPBOOL used)
{
    DWORD error = ERROR_INVALID_PARAMETER;
    INT ret;

    if (codepage == CP_UTF7)
        ret = utf7_wc_to_mb(flags, src, srclen, dst, dstlen, defchar, used, &error);
    else
        ret = __vinho_nls_convert_wc_to_mb(codepage, flags, src, srclen, dst, dstlen, defchar,
                                           used, &error);
    if (!ret && error)
        SetLastError(error);
    return ret;
}

/* __vinho_nls_get_cpinfo, plus UTF-7, which is kernelbase's own (utf7.c): up to 5 bytes a
 * character ("+" and 4 base64 digits for a lone character, GetCPInfo's MaxCharSize). */
static UINT get_cpinfo(UINT codepage, CPINFOEXW *info)
{
    static const char utf7_name[] = "65000 (UTF-7)";

    if (codepage != CP_UTF7)
        return __vinho_nls_get_cpinfo(codepage, info);
    if (info) {
        memset(info, 0, sizeof(*info));
        info->MaxCharSize = 5;
        info->DefaultChar[0] = '?';
        info->UnicodeDefaultChar = 0xfffd;
        info->CodePage = CP_UTF7;
        for (int i = 0; utf7_name[i]; i++)
            info->CodePageName[i] = (WCHAR)utf7_name[i];
    }
    return CP_UTF7;
}

/***********************************************************************
 *           GetACP   (kernelbase.@)
 */
UINT WINAPI GetACP(void)
{
    return __vinho_nls_get_cpinfo(CP_ACP, NULL);
}

/***********************************************************************
 *           GetOEMCP   (kernelbase.@)
 */
UINT WINAPI GetOEMCP(void)
{
    return __vinho_nls_get_cpinfo(CP_OEMCP, NULL);
}

/***********************************************************************
 *           IsValidCodePage   (kernelbase.@)
 *
 * The pseudo code pages (CP_ACP, CP_OEMCP, CP_MACCP, CP_THREAD_ACP) are not code pages.
 */
BOOL WINAPI IsValidCodePage(UINT codepage)
{
    switch (codepage) {
    case CP_ACP:
    case CP_OEMCP:
    case CP_MACCP:
    case CP_THREAD_ACP:
        return FALSE;
    default:
        return get_cpinfo(codepage, NULL) != 0;
    }
}

/***********************************************************************
 *           GetCPInfoExW   (kernelbase.@)
 *
 * dwFlags is reserved: anything but 0 is ERROR_INVALID_FLAGS.
 */
BOOL WINAPI GetCPInfoExW(UINT codepage, DWORD flags, LPCPINFOEXW info)
{
    if (flags) {
        SetLastError(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    if (!info || !get_cpinfo(codepage, info)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

/***********************************************************************
 *           GetCPInfo   (kernelbase.@)
 */
BOOL WINAPI GetCPInfo(UINT codepage, LPCPINFO info)
{
    CPINFOEXW ex;

    if (!info || !get_cpinfo(codepage, &ex)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    info->MaxCharSize = ex.MaxCharSize;
    memcpy(info->DefaultChar, ex.DefaultChar, sizeof(info->DefaultChar));
    memcpy(info->LeadByte, ex.LeadByte, sizeof(info->LeadByte));
    return TRUE;
}

/***********************************************************************
 *           IsDBCSLeadByteEx   (kernelbase.@)
 *
 * None of our code pages is a DBCS, so this is FALSE for every valid one; the lead-byte ranges
 * are still read from the code page information, ready for the day one is.
 */
BOOL WINAPI IsDBCSLeadByteEx(UINT codepage, BYTE ch)
{
    CPINFOEXW info;

    if (!get_cpinfo(codepage, &info)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    for (int i = 0; i + 1 < MAX_LEADBYTES && info.LeadByte[i]; i += 2)
        if (ch >= info.LeadByte[i] && ch <= info.LeadByte[i + 1])
            return TRUE;
    return FALSE;
}

/***********************************************************************
 *           IsDBCSLeadByte   (kernelbase.@)
 */
BOOL WINAPI IsDBCSLeadByte(BYTE ch)
{
    return IsDBCSLeadByteEx(CP_ACP, ch);
}

/* ---------------------------------------------------------------------------------------------
 * IsTextUnicode: the documented tests, with a simple statistic (docs/nls.md).
 */

static WCHAR swap16(WCHAR c)
{
    return (WCHAR)((c << 8) | (c >> 8));
}

static BOOL is_control(WCHAR c)
{
    return c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == 0x3000;
}

/* Unicode text varies much less in its high bytes than in its low ones; byte-reversed text the
 * other way round. Counts the distinct values of each over the first 256 units. */
static int text_statistics(const WCHAR *s, int n)
{
    BYTE seen_hi[256] = { 0 }, seen_lo[256] = { 0 };
    int hi = 0, lo = 0;

    for (int i = 0; i < n && i < 256; i++) {
        hi += !seen_hi[s[i] >> 8]++;
        lo += !seen_lo[s[i] & 0xFF]++;
    }
    if (hi * 3 < lo)
        return IS_TEXT_UNICODE_STATISTICS;
    if (lo * 3 < hi)
        return IS_TEXT_UNICODE_REVERSE_STATISTICS;
    return 0;
}

static int text_tests(const BYTE *bytes, int len)
{
    const WCHAR *s = (const WCHAR *)bytes;
    int n = len / 2, found = IS_TEXT_UNICODE_ASCII16 | IS_TEXT_UNICODE_REVERSE_ASCII16;

    if (len & 1)
        found |= IS_TEXT_UNICODE_ODD_LENGTH;
    if (n && s[0] == 0xFEFF)
        found |= IS_TEXT_UNICODE_SIGNATURE;
    if (n && s[0] == 0xFFFE)
        found |= IS_TEXT_UNICODE_REVERSE_SIGNATURE;
    if (!n)
        found &= ~(IS_TEXT_UNICODE_ASCII16 | IS_TEXT_UNICODE_REVERSE_ASCII16);
    for (int i = 0; i < n; i++) {
        if (s[i] > 0xFF)
            found &= ~IS_TEXT_UNICODE_ASCII16;
        if (swap16(s[i]) > 0xFF)
            found &= ~IS_TEXT_UNICODE_REVERSE_ASCII16;
        if (is_control(s[i]))
            found |= IS_TEXT_UNICODE_CONTROLS;
        if (is_control(swap16(s[i])))
            found |= IS_TEXT_UNICODE_REVERSE_CONTROLS;
        if (s[i] == 0xFFFF || s[i] == 0x0A0D || !s[i] || (i && s[i] == 0xFFFE))
            found |= IS_TEXT_UNICODE_ILLEGAL_CHARS;
    }
    for (int i = 0; i < len; i++)
        if (!bytes[i])
            found |= IS_TEXT_UNICODE_NULL_BYTES;
    return found | text_statistics(s, n);
}

/***********************************************************************
 *           IsTextUnicode   (kernelbase.@)
 *
 * RETURNS: TRUE when a Unicode test passed and no test said it is not (byte-reversed) Unicode.
 */
BOOL WINAPI IsTextUnicode(const void *buf, INT len, LPINT result)
{
    int tests = result ? *result : ~0, found;

    if (!buf || len < 2) {
        if (result)
            *result = 0;
        return FALSE;
    }
    found = text_tests(buf, len) & tests;
    if (result)
        *result = found;
    return (found & IS_TEXT_UNICODE_UNICODE_MASK)
        && !(found & (IS_TEXT_UNICODE_REVERSE_MASK | IS_TEXT_UNICODE_NOT_UNICODE_MASK));
}

/* ---------------------------------------------------------------------------------------------
 * lstr*. Windows guards these with an exception handler and returns 0/NULL on a bad pointer;
 * we check for NULL only.
 */

/***********************************************************************
 *           lstrlenA   (kernelbase.@)
 */
INT WINAPI lstrlenA(LPCSTR str)
{
    return str ? (INT)strlen(str) : 0;
}

/***********************************************************************
 *           lstrlenW   (kernelbase.@)
 */
INT WINAPI lstrlenW(LPCWSTR str)
{
    INT n = 0;

    if (!str)
        return 0;
    while (str[n])
        n++;
    return n;
}

/***********************************************************************
 *           lstrcpyA   (kernelbase.@)
 */
LPSTR WINAPI lstrcpyA(LPSTR dst, LPCSTR src)
{
    if (!dst || !src)
        return NULL;
    memmove(dst, src, strlen(src) + 1);
    return dst;
}

/***********************************************************************
 *           lstrcpyW   (kernelbase.@)
 */
LPWSTR WINAPI lstrcpyW(LPWSTR dst, LPCWSTR src)
{
    if (!dst || !src)
        return NULL;
    memmove(dst, src, (lstrlenW(src) + 1) * sizeof(WCHAR));
    return dst;
}

/***********************************************************************
 *           lstrcpynA   (kernelbase.@)
 *
 * Copies at most n - 1 characters and always NUL-terminates (n = 0 writes nothing).
 */
LPSTR WINAPI lstrcpynA(LPSTR dst, LPCSTR src, INT n)
{
    char *d = dst;

    if (!dst || !src)
        return NULL;
    for (; n > 1 && *src; n--)
        *d++ = *src++;
    if (n > 0)
        *d = 0;
    return dst;
}

/***********************************************************************
 *           lstrcpynW   (kernelbase.@)
 */
LPWSTR WINAPI lstrcpynW(LPWSTR dst, LPCWSTR src, INT n)
{
    WCHAR *d = dst;

    if (!dst || !src)
        return NULL;
    for (; n > 1 && *src; n--)
        *d++ = *src++;
    if (n > 0)
        *d = 0;
    return dst;
}

/***********************************************************************
 *           lstrcatA   (kernelbase.@)
 */
LPSTR WINAPI lstrcatA(LPSTR dst, LPCSTR src)
{
    if (!dst || !src)
        return NULL;
    lstrcpyA(dst + strlen(dst), src);
    return dst;
}

/***********************************************************************
 *           lstrcatW   (kernelbase.@)
 */
LPWSTR WINAPI lstrcatW(LPWSTR dst, LPCWSTR src)
{
    if (!dst || !src)
        return NULL;
    lstrcpyW(dst + lstrlenW(dst), src);
    return dst;
}

/* As Windows: CompareString in the user's locale (locale.c; the order is ntdll/sort.c's), with
 * NORM_IGNORECASE for lstrcmpi. */
static INT compare_w(const WCHAR *a, const WCHAR *b, BOOL ignore_case)
{
    return CompareStringW(LOCALE_USER_DEFAULT, ignore_case ? NORM_IGNORECASE : 0, a, -1, b, -1) - 2;
}

static HANDLE process_heap(void)
{
    /* TEB.Self (gs:0x30) -> TEB.ProcessEnvironmentBlock (0x60) -> PEB.ProcessHeap (0x30). */
    char *teb, *peb;

    __asm__("movq %%gs:0x30, %0" : "=r"(teb));
    peb = *(char **)(teb + 0x60);
    return *(HANDLE *)(peb + 0x30);
}

/* str in the ANSI code page as UTF-16: in buf when it fits, else on the heap; NULL if that
 * fails. Leaves the last error alone. */
static WCHAR *ansi_to_wide(const char *str, WCHAR *buf, INT buflen)
{
    DWORD error;
    WCHAR *heap;
    INT n;

    if (__vinho_nls_convert_mb_to_wc(CP_ACP, 0, str, -1, buf, buflen, &error))
        return buf;
    n = __vinho_nls_convert_mb_to_wc(CP_ACP, 0, str, -1, NULL, 0, &error);
    if (!n || !(heap = RtlAllocateHeap(process_heap(), 0, (SIZE_T)n * sizeof(WCHAR))))
        return NULL;
    __vinho_nls_convert_mb_to_wc(CP_ACP, 0, str, -1, heap, n, &error);
    return heap;
}

static INT compare_a(const char *a, const char *b, BOOL ignore_case)
{
    WCHAR buf_a[128], buf_b[128], *wa, *wb;
    INT ret;

    wa = ansi_to_wide(a, buf_a, ARRAYSIZE(buf_a));
    wb = ansi_to_wide(b, buf_b, ARRAYSIZE(buf_b));
    if (wa && wb) {
        ret = compare_w(wa, wb, ignore_case);
    } else {
        WARN("out of memory, comparing bytes\n");
        while (*a && *a == *b)
            a++, b++;
        ret = (BYTE)*a < (BYTE)*b ? -1 : (BYTE)*a > (BYTE)*b;
    }
    if (wa && wa != buf_a)
        RtlFreeHeap(process_heap(), 0, wa);
    if (wb && wb != buf_b)
        RtlFreeHeap(process_heap(), 0, wb);
    return ret;
}

/***********************************************************************
 *           lstrcmpA   (kernelbase.@)
 *
 * RETURNS: -1, 0 or 1; a NULL string sorts before any other.
 */
INT WINAPI lstrcmpA(LPCSTR a, LPCSTR b)
{
    if (!a || !b)
        return a == b ? 0 : a ? 1 : -1;
    return compare_a(a, b, FALSE);
}

/***********************************************************************
 *           lstrcmpiA   (kernelbase.@)
 */
INT WINAPI lstrcmpiA(LPCSTR a, LPCSTR b)
{
    if (!a || !b)
        return a == b ? 0 : a ? 1 : -1;
    return compare_a(a, b, TRUE);
}

/***********************************************************************
 *           lstrcmpW   (kernelbase.@)
 */
INT WINAPI lstrcmpW(LPCWSTR a, LPCWSTR b)
{
    if (!a || !b)
        return a == b ? 0 : a ? 1 : -1;
    return compare_w(a, b, FALSE);
}

/***********************************************************************
 *           lstrcmpiW   (kernelbase.@)
 */
INT WINAPI lstrcmpiW(LPCWSTR a, LPCWSTR b)
{
    if (!a || !b)
        return a == b ? 0 : a ? 1 : -1;
    return compare_w(a, b, TRUE);
}
