/* version.c: the Windows version and the PEB as ntdll reports them to programs that ask it directly. */
#include "vinho/pe_side.h"

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
