/* pe_side.h: what every one of our PE DLLs includes: the Windows headers of mingw-w64, the gate
 * calls' prototypes, and the ntdll exports our other DLLs use that winternl.h does not declare. */
#ifndef VINHO_PE_SIDE_H
#define VINHO_PE_SIDE_H

#ifndef _WIN32
#error "pe_side.h is for our PE DLLs"
#endif

#define WIN32_NO_STATUS
#include <windows.h>
#include <stdbool.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#include <winternl.h>
#include "vinho/winstructs.h"
#include "vinho/debug.h"

/* Every gate call, as ntdll exports it. */
struct vn_create_process;
#define NTCALL(name, nargs, params) NTSTATUS NTAPI name params;
#include "vinho/ntcalls.def"
#undef NTCALL

#ifndef NtCurrentProcess
#define NtCurrentProcess() ((HANDLE)(LONG_PTR)-1)
#endif
#ifndef NtCurrentThread
#define NtCurrentThread() ((HANDLE)(LONG_PTR)-2)
#endif

/* ntdll exports used across our DLLs (documented prototypes). */
PVOID NTAPI RtlAllocateHeap(HANDLE heap, ULONG flags, SIZE_T size);
BOOLEAN NTAPI RtlFreeHeap(HANDLE heap, ULONG flags, PVOID ptr);
PVOID NTAPI RtlReAllocateHeap(HANDLE heap, ULONG flags, PVOID ptr, SIZE_T size);
SIZE_T NTAPI RtlSizeHeap(HANDLE heap, ULONG flags, const void *ptr);
HANDLE NTAPI RtlDestroyHeap(HANDLE heap);
NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR dos, UNICODE_STRING *nt, PWSTR *file_part, void *relative);
ULONG NTAPI RtlGetFullPathName_U(PCWSTR name, ULONG size, PWSTR buffer, PWSTR *file_part);
ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, PWSTR buffer);
NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *dir);
ULONG NTAPI RtlNtStatusToDosErrorNoTeb(NTSTATUS status);
void NTAPI RtlRaiseException(EXCEPTION_RECORD *rec);
void NTAPI RtlExitUserProcess(ULONG code) __attribute__((noreturn));
NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWSTR dst, ULONG dst_size, ULONG *res, const char *src, ULONG src_size);
NTSTATUS NTAPI RtlUnicodeToMultiByteN(char *dst, ULONG dst_size, ULONG *res, PCWSTR src, ULONG src_size);
NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin, ULONG flags);
NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs);
BOOL NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs);
PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER handler);
ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID handler);
void NTAPI RtlSetUnhandledExceptionFilter(LPTOP_LEVEL_EXCEPTION_FILTER filter);
LPTOP_LEVEL_EXCEPTION_FILTER NTAPI __vinho_get_unhandled_filter(void);
void NTAPI __vinho_crash_report(const EXCEPTION_RECORD *rec, const CONTEXT *ctx);
NTSTATUS NTAPI LdrFindEntryForAddress(const void *addr, struct vn_ldr_entry **entry);
/* Threads and synchronisation (dlls/ntdll/thread.c, sync.c, critsec.c). */
void NTAPI RtlExitUserThread(ULONG code) __attribute__((noreturn));
NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(HMODULE module);
NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION callback, ULONG *index);
NTSTATUS NTAPI RtlFlsFree(ULONG index);
NTSTATUS NTAPI RtlFlsGetValue(ULONG index, void **value);
NTSTATUS NTAPI RtlFlsSetValue(ULONG index, void *value);
NTSTATUS NTAPI RtlWaitOnAddress(const void *addr, const void *cmp, SIZE_T size, const LARGE_INTEGER *timeout);
void NTAPI RtlWakeAddressAll(const void *addr);
void NTAPI RtlWakeAddressSingle(const void *addr);
NTSTATUS NTAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs,
                                           const LARGE_INTEGER *timeout);
NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *lock,
                                            const LARGE_INTEGER *timeout, ULONG flags);
NTSTATUS NTAPI RtlRunOnceBeginInitialize(RTL_RUN_ONCE *once, ULONG flags, void **context);
NTSTATUS NTAPI RtlRunOnceComplete(RTL_RUN_ONCE *once, ULONG flags, void *context);
NTSTATUS NTAPI RtlRunOnceExecuteOnce(RTL_RUN_ONCE *once, PRTL_RUN_ONCE_INIT_FN func, void *param,
                                     void **context);

#ifndef FILE_DEVICE_CONSOLE
#define FILE_DEVICE_DISK        0x00000007
#define FILE_DEVICE_NAMED_PIPE  0x00000011
#define FILE_DEVICE_NULL        0x00000015
#define FILE_DEVICE_SERIAL_PORT 0x0000001b
#define FILE_DEVICE_UNKNOWN     0x00000022
#define FILE_DEVICE_CONSOLE     0x00000050
#endif

/* The exception a loud stub raises: customer bit, error severity, "VN", and a low byte of 0x7f,
 * so that the exit status a Linux shell sees of a program it ends is 127, never 0. */
#define EXCEPTION_VINHO_STUB 0xE0564E7F

static inline HANDLE process_heap(void)
{
    return vn_peb()->ProcessHeap;
}

#endif
