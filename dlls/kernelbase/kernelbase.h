/* kernelbase.h: internals shared by the files of kernelbase. */
#ifndef VINHO_KERNELBASE_H
#define VINHO_KERNELBASE_H

#include "vinho/pe_side.h"

/* kernelbase exports these as forwarders to ntdll, so it calls ntdll itself. */
#define HeapAlloc RtlAllocateHeap
#define HeapReAlloc RtlReAllocateHeap
#define HeapSize RtlSizeHeap
#define AcquireSRWLockExclusive RtlAcquireSRWLockExclusive
#define AcquireSRWLockShared RtlAcquireSRWLockShared
#define ReleaseSRWLockExclusive RtlReleaseSRWLockExclusive
#define ReleaseSRWLockShared RtlReleaseSRWLockShared
#define InitializeConditionVariable RtlInitializeConditionVariable
#define WakeConditionVariable RtlWakeConditionVariable
#define WakeAllConditionVariable RtlWakeAllConditionVariable

/* Win32 functions end with: return set_ntstatus(status); */
static inline BOOL set_ntstatus(NTSTATUS status)
{
    if (status)
        SetLastError(RtlNtStatusToDosError(status));
    return !status;
}

static inline struct vn_process_params *process_params(void)
{
    return vn_peb()->ProcessParameters;
}

/* The base of a module handle: LoadLibraryEx(LOAD_LIBRARY_AS_DATAFILE) sets the low bit. */
static inline HMODULE kb_module_base(HMODULE module)
{
    return (HMODULE)((ULONG_PTR)module & ~(ULONG_PTR)3);
}

/* The code page of the A file functions: CP_ACP, or CP_OEMCP after SetFileApisToOEM (console.c). */
UINT kb_file_cp(void);
/* A heap copy of an ANSI string as UTF-16 (code page: CP_ACP); NULL on failure (error set). */
WCHAR *kb_strdup_AtoW(const char *str);
/* XxxA(path) as XxxW on its UTF-16 copy; a NULL path fails with null_error. */
BOOL kb_call_path_A(LPCSTR path, BOOL (WINAPI *w_function)(LPCWSTR), DWORD null_error);
/* ANSI result of a W function into a caller's buffer, with the A function's return rules. */
DWORD kb_copy_WtoA(const WCHAR *src, DWORD src_len, char *dst, DWORD dst_size);

#endif
