/* version.c: the Windows version as ntdll reports it (RtlGetVersion) and the version tests of
 * VerifyVersionInfo (RtlVerifyVersionInfo, VerSetConditionMask), RtlGetNtVersionNumbers and RtlGetCurrentPeb. The numbers are the PEB's,
 * which the loader sets: Windows 10 build 19045, workstation, no service pack. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(ntdll);

/***********************************************************************
 *           RtlGetVersion   (ntdll.@)
 *
 * Unlike GetVersionEx, never subject to manifest compatibility: always the real version.
 * Microsoft documents only STATUS_SUCCESS as its result; the EX fields are filled when
 * dwOSVersionInfoSize says the structure is an RTL_OSVERSIONINFOEXW.
 */
NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOW *info)
{
    struct vn_peb *peb = vn_peb();
    info->dwMajorVersion = peb->OSMajorVersion;
    info->dwMinorVersion = peb->OSMinorVersion;
    info->dwBuildNumber = peb->OSBuildNumber;
    info->dwPlatformId = peb->OSPlatformId;
    info->szCSDVersion[0] = 0;
    if (info->dwOSVersionInfoSize == sizeof(RTL_OSVERSIONINFOEXW)) {
        RTL_OSVERSIONINFOEXW *ex = (RTL_OSVERSIONINFOEXW *)info;
        ex->wServicePackMajor = ex->wServicePackMinor = 0;
        ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;
        ex->wProductType = VER_NT_WORKSTATION;
        ex->wReserved = 0;
    }
    return STATUS_SUCCESS;
}

/* The 3-bit slot of each VER_* type in a condition mask: VER_MINORVERSION is slot 0 ...
 * VER_PRODUCT_TYPE slot 7 (the type bit's position). */
static ULONG condition_of(ULONGLONG mask, ULONG type_bit)
{
    unsigned slot = __builtin_ctz(type_bit);
    return (mask >> (slot * 3)) & 7;
}

/***********************************************************************
 *           VerSetConditionMask   (ntdll.@)
 *
 * Sets the condition of each type in type_mask (Microsoft documents one type per call). A zero
 * type or condition leaves the mask as it was.
 */
ULONGLONG NTAPI VerSetConditionMask(ULONGLONG mask, DWORD type_mask, BYTE condition)
{
    if (!type_mask || !condition)
        return mask;
    for (ULONG bit = 1; bit <= VER_PRODUCT_TYPE; bit <<= 1) {
        if (!(type_mask & bit))
            continue;
        unsigned slot = __builtin_ctz(bit);
        mask &= ~(7ULL << (slot * 3));
        mask |= (ULONGLONG)(condition & 7) << (slot * 3);
    }
    return mask;
}

/* One comparison: diff is (system value - wanted value), sign only. -1: invalid condition. */
static int test_condition(ULONG condition, int diff)
{
    switch (condition) {
    case VER_EQUAL: return diff == 0;
    case VER_GREATER: return diff > 0;
    case VER_GREATER_EQUAL: return diff >= 0;
    case VER_LESS: return diff < 0;
    case VER_LESS_EQUAL: return diff <= 0;
    default: return -1;
    }
}

static int compare(ULONG a, ULONG b)
{
    return a < b ? -1 : a > b;
}

/* Major, minor, service pack major and minor form one number compared as a whole, under the
 * condition of the most significant one tested (the documented way to test "10.0 or later"). */
static int test_version_tuple(const RTL_OSVERSIONINFOEXW *have, const RTL_OSVERSIONINFOEXW *want,
                              ULONG type_mask, ULONGLONG condition_mask)
{
    static const ULONG order[] = { VER_MAJORVERSION, VER_MINORVERSION, VER_SERVICEPACKMAJOR,
                                   VER_SERVICEPACKMINOR };
    ULONG values[2][4] = {
        { have->dwMajorVersion, have->dwMinorVersion, have->wServicePackMajor, have->wServicePackMinor },
        { want->dwMajorVersion, want->dwMinorVersion, want->wServicePackMajor, want->wServicePackMinor },
    };
    ULONG condition = 0;
    int diff = 0;
    for (int i = 0; i < 4; i++) {
        if (!(type_mask & order[i]))
            continue;
        if (!condition)
            condition = condition_of(condition_mask, order[i]);
        if (!diff)
            diff = compare(values[0][i], values[1][i]);
    }
    return condition ? test_condition(condition, diff) : 1;
}

/***********************************************************************
 *           RtlVerifyVersionInfo   (ntdll.@)
 *
 * STATUS_SUCCESS when the system meets every test, STATUS_REVISION_MISMATCH when it does not,
 * STATUS_INVALID_PARAMETER for no type or an invalid condition.
 */
NTSTATUS NTAPI RtlVerifyVersionInfo(const RTL_OSVERSIONINFOEXW *want, ULONG type_mask,
                                    ULONGLONG condition_mask)
{
    RTL_OSVERSIONINFOEXW have = { .dwOSVersionInfoSize = sizeof(have) };
    int ok = 1, r;

    TRACE("%#lx %#llx\n", type_mask, condition_mask);
    if (!want || !type_mask)
        return STATUS_INVALID_PARAMETER;
    RtlGetVersion((RTL_OSVERSIONINFOW *)&have);
    if ((r = test_version_tuple(&have, want, type_mask, condition_mask)) < 0)
        return STATUS_INVALID_PARAMETER;
    ok &= r;
    if (type_mask & VER_BUILDNUMBER) {
        r = test_condition(condition_of(condition_mask, VER_BUILDNUMBER),
                           compare(have.dwBuildNumber, want->dwBuildNumber));
        if (r < 0)
            return STATUS_INVALID_PARAMETER;
        ok &= r;
    }
    if (type_mask & VER_PLATFORMID) {
        r = test_condition(condition_of(condition_mask, VER_PLATFORMID),
                           compare(have.dwPlatformId, want->dwPlatformId));
        if (r < 0)
            return STATUS_INVALID_PARAMETER;
        ok &= r;
    }
    if (type_mask & VER_PRODUCT_TYPE) {
        r = test_condition(condition_of(condition_mask, VER_PRODUCT_TYPE),
                           compare(have.wProductType, want->wProductType));
        if (r < 0)
            return STATUS_INVALID_PARAMETER;
        ok &= r;
    }
    if (type_mask & VER_SUITENAME) {
        ULONG condition = condition_of(condition_mask, VER_SUITENAME);
        if (condition == VER_AND)
            ok &= (have.wSuiteMask & want->wSuiteMask) == want->wSuiteMask;
        else if (condition == VER_OR)
            ok &= (have.wSuiteMask & want->wSuiteMask) != 0;
        else
            return STATUS_INVALID_PARAMETER;
    }
    return ok ? STATUS_SUCCESS : STATUS_REVISION_MISMATCH;
}

/***********************************************************************
 *           RtlGetNtVersionNumbers   (NTDLL.@)
 *
 * Undocumented; used by Go's runtime and others to read the true version. The build number
 * carries 0xF0000000 in its top bits on released Windows ("free" builds), which callers mask.
 */
void NTAPI RtlGetNtVersionNumbers(ULONG *major, ULONG *minor, ULONG *build)
{
    const struct vn_peb *peb = vn_peb();
    if (major)
        *major = peb->OSMajorVersion;
    if (minor)
        *minor = peb->OSMinorVersion;
    if (build)
        *build = 0xF0000000u | peb->OSBuildNumber;
}

/***********************************************************************
 *           RtlGetCurrentPeb   (NTDLL.@)
 */
void *NTAPI RtlGetCurrentPeb(void)
{
    return vn_peb();
}
