/* heap_native.h: the few Windows types and macros dlls/ntdll/heap.c needs when it is compiled
 * natively (ELF, gcc) for tests/unit/test_heap. The PE build takes them from mingw-w64's headers.
 * Values are Microsoft's documented ones (winnt.h / heapapi.h). */
#ifndef VINHO_HEAP_NATIVE_H
#define VINHO_HEAP_NATIVE_H

#include "vinho/ntdefs.h"

/* The benchmark build (-DHEAP_NATIVE_SYSV) gives the exports the native calling convention: an
 * ms_abi function that calls sysv code must save xmm6-15 around it, a cost the PE build (ms_abi
 * throughout) does not have. */
#ifdef HEAP_NATIVE_SYSV
# undef WINAPI
# define WINAPI
#endif

#ifndef TRUE
# define TRUE 1
# define FALSE 0
#endif

typedef SIZE_T *PSIZE_T;

#define HEAP_NO_SERIALIZE           0x00000001
#define HEAP_GROWABLE               0x00000002
#define HEAP_GENERATE_EXCEPTIONS    0x00000004
#define HEAP_ZERO_MEMORY            0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY  0x00000010
#define HEAP_CREATE_ENABLE_EXECUTE  0x00040000

typedef enum _HEAP_INFORMATION_CLASS {
    HeapCompatibilityInformation = 0,
    HeapEnableTerminationOnCorruption = 1
} HEAP_INFORMATION_CLASS;

typedef NTSTATUS (WINAPI *PRTL_HEAP_COMMIT_ROUTINE)(PVOID base, PVOID *address, PSIZE_T size);

typedef struct _RTL_HEAP_PARAMETERS {
    ULONG Length;
    SIZE_T SegmentReserve;
    SIZE_T SegmentCommit;
    SIZE_T DeCommitFreeBlockThreshold;
    SIZE_T DeCommitTotalFreeThreshold;
    SIZE_T MaximumAllocationSize;
    SIZE_T VirtualMemoryThreshold;
    SIZE_T InitialCommit;
    SIZE_T InitialReserve;
    PRTL_HEAP_COMMIT_ROUTINE CommitRoutine;
    SIZE_T Reserved[2];
} RTL_HEAP_PARAMETERS, *PRTL_HEAP_PARAMETERS;

#define EXCEPTION_NONCONTINUABLE    0x1
#define EXCEPTION_MAXIMUM_PARAMETERS 15

typedef struct _EXCEPTION_RECORD {
    DWORD ExceptionCode;
    DWORD ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    PVOID ExceptionAddress;
    DWORD NumberParameters;
    ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD;

_Static_assert(sizeof(EXCEPTION_RECORD) == 152, "EXCEPTION_RECORD layout");
_Static_assert(sizeof(RTL_HEAP_PARAMETERS) == 96, "RTL_HEAP_PARAMETERS layout");

#ifndef STATUS_HEAP_CORRUPTION
# define STATUS_HEAP_CORRUPTION ((NTSTATUS)0xC0000374)
#endif

/* Identifies the calling thread for the heap's recursive lock (the TEB address on Windows), and
 * holds its heap cache (a TEB field on Windows). */
static __thread void *heap_native_thread_cache __attribute__((unused));
#define HEAP_THREAD_ID() ((ULONG_PTR)&heap_native_thread_cache)
#define HEAP_TCACHE_GET() heap_native_thread_cache
#define HEAP_TCACHE_SET(p) (heap_native_thread_cache = (p))

#endif
