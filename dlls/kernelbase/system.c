/* system.c: facts about the machine and the Windows tree, fiber-local storage, debug output. */
#include <cpuid.h>
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(kernel);

static BOOL cpuid_bit(unsigned leaf, unsigned sub, int reg, unsigned bit)
{
    unsigned r[4];
    if (!__get_cpuid_count(leaf, sub, &r[0], &r[1], &r[2], &r[3]))
        return FALSE;
    return (r[reg] >> bit) & 1;
}

/***********************************************************************
 *           IsProcessorFeaturePresent   (kernelbase.@)
 */
BOOL WINAPI IsProcessorFeaturePresent(DWORD feature)
{
    enum { EAX, EBX, ECX, EDX };
    switch (feature) {
    case PF_COMPARE_EXCHANGE_DOUBLE: case PF_MMX_INSTRUCTIONS_AVAILABLE:
    case PF_XMMI_INSTRUCTIONS_AVAILABLE: case PF_RDTSC_INSTRUCTION_AVAILABLE:
    case PF_PAE_ENABLED: case PF_XMMI64_INSTRUCTIONS_AVAILABLE: case PF_NX_ENABLED:
    case PF_SSE_DAZ_MODE_AVAILABLE:
        return TRUE;            /* every x86-64 CPU has them */
    case PF_SSE3_INSTRUCTIONS_AVAILABLE:   return cpuid_bit(1, 0, ECX, 0);
    case PF_COMPARE_EXCHANGE128:           return cpuid_bit(1, 0, ECX, 13);
    case 36 /* PF_SSSE3_INSTRUCTIONS_AVAILABLE */: return cpuid_bit(1, 0, ECX, 9);
    case 37 /* PF_SSE4_1_INSTRUCTIONS_AVAILABLE */: return cpuid_bit(1, 0, ECX, 19);
    case 38 /* PF_SSE4_2_INSTRUCTIONS_AVAILABLE */: return cpuid_bit(1, 0, ECX, 20);
    case 39 /* PF_AVX_INSTRUCTIONS_AVAILABLE */:    return cpuid_bit(1, 0, ECX, 28);
    case 40 /* PF_AVX2_INSTRUCTIONS_AVAILABLE */:   return cpuid_bit(7, 0, EBX, 5);
    case 41 /* PF_AVX512F_INSTRUCTIONS_AVAILABLE */: return cpuid_bit(7, 0, EBX, 16);
    case PF_RDRAND_INSTRUCTION_AVAILABLE:  return cpuid_bit(1, 0, ECX, 30);
    case PF_FASTFAIL_AVAILABLE:
        /* XXX: __fastfail (int 0x29) is not turned into an exception yet (the exceptions
         * issue); without it the CRT takes its documented fallback. */
        return FALSE;
    }
    return FALSE;
}

/***********************************************************************
 *           GetSystemDirectoryW / GetWindowsDirectoryW   (kernelbase.@)
 *
 * Return the length copied, or the size needed including the NUL when the buffer is too small.
 */
static UINT copy_path(const WCHAR *path, UINT len, LPWSTR buffer, UINT size)
{
    if (len + 1 > size)
        return len + 1;
    memcpy(buffer, path, (len + 1) * sizeof(WCHAR));
    return len;
}

UINT WINAPI GetSystemDirectoryW(LPWSTR buffer, UINT size)
{
    static const WCHAR dir[] = L"C:\\windows\\system32";
    return copy_path(dir, ARRAYSIZE(dir) - 1, buffer, size);
}

UINT WINAPI GetWindowsDirectoryW(LPWSTR buffer, UINT size)
{
    static const WCHAR dir[] = L"C:\\windows";
    return copy_path(dir, ARRAYSIZE(dir) - 1, buffer, size);
}

UINT WINAPI GetSystemWindowsDirectoryW(LPWSTR buffer, UINT size)
{
    return GetWindowsDirectoryW(buffer, size);
}

UINT WINAPI GetSystemDirectoryA(LPSTR buffer, UINT size)
{
    WCHAR w[MAX_PATH];
    return kb_copy_WtoA(w, GetSystemDirectoryW(w, MAX_PATH), buffer, size);
}

UINT WINAPI GetWindowsDirectoryA(LPSTR buffer, UINT size)
{
    WCHAR w[MAX_PATH];
    return kb_copy_WtoA(w, GetWindowsDirectoryW(w, MAX_PATH), buffer, size);
}

/***********************************************************************
 *           GetProcessAffinityMask   (kernelbase.@)
 */
BOOL WINAPI GetProcessAffinityMask(HANDLE process, DWORD_PTR *mask, DWORD_PTR *system)
{
    DWORD n = vn_peb()->NumberOfProcessors;
    DWORD_PTR all = n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
    if (process != GetCurrentProcess()) {
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    }
    if (mask)
        *mask = all;
    if (system)
        *system = all;
    return TRUE;
}

/***********************************************************************
 *           SetThreadStackGuarantee   (kernelbase.@)
 *
 * The stack a thread keeps for the handlers of its stack overflow (EXCEPTION_STACK_OVERFLOW),
 * in the TEB, whole pages. *size: the guarantee asked for, 0 to only ask; on return the previous
 * one. A smaller one than the current is ignored (it cannot be reduced); one larger than the
 * stack's reserve fails with ERROR_INVALID_PARAMETER. The fault handler (loader/signal.c) makes
 * at least this much room when the stack overflows.
 */
BOOL WINAPI SetThreadStackGuarantee(ULONG *size)
{
    struct vn_teb *teb = vn_teb();
    ULONG previous = teb->GuaranteedStackBytes;
    ULONG_PTR want = ((ULONG_PTR)*size + 0xfff) & ~(ULONG_PTR)0xfff;
    ULONG_PTR reserve = (ULONG_PTR)teb->StackBase - (ULONG_PTR)teb->DeallocationStack;

    *size = previous;
    if (want >= reserve) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (want > previous)
        teb->GuaranteedStackBytes = (ULONG)want;
    return TRUE;
}

/***********************************************************************
 *           OutputDebugStringA/W   (kernelbase.@)
 *
 * No debugger is attached; the text goes to the trace as +kernel traces.
 */
void WINAPI OutputDebugStringA(LPCSTR str)
{
    TRACE("%s\n", debugstr_a(str));
}

void WINAPI OutputDebugStringW(LPCWSTR str)
{
    TRACE("%s\n", debugstr_w(str));
}

/***********************************************************************
 *           FlsAlloc & co   (kernelbase.@)
 *
 * Over ntdll's FLS (dlls/ntdll/thread.c): callbacks run at FlsFree for every thread's value, and
 * at each thread's end for its own. No fibers yet, so one set of values per thread.
 */
DWORD WINAPI FlsAlloc(PFLS_CALLBACK_FUNCTION callback)
{
    ULONG index;
    NTSTATUS status = RtlFlsAlloc(callback, &index);
    if (status) {
        SetLastError(status == STATUS_NO_MEMORY ? ERROR_NO_MORE_ITEMS : RtlNtStatusToDosError(status));
        return FLS_OUT_OF_INDEXES;
    }
    return index;
}

BOOL WINAPI FlsFree(DWORD index)
{
    return set_ntstatus(RtlFlsFree(index));
}

PVOID WINAPI FlsGetValue(DWORD index)
{
    void *value;
    if (!set_ntstatus(RtlFlsGetValue(index, &value)))
        return NULL;
    SetLastError(ERROR_SUCCESS);
    return value;
}

BOOL WINAPI FlsSetValue(DWORD index, PVOID value)
{
    return set_ntstatus(RtlFlsSetValue(index, value));
}
