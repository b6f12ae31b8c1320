/* heap.h: ntdll's heap exports (dlls/ntdll/heap.c), for ntdll's start-up code and the unit test.
 *
 * Prototypes follow Microsoft's documentation; where mingw-w64's headers already declare one, the
 * declaration here is identical (RtlSet/QueryHeapInformation return DWORD there, and NTSTATUS
 * values in that DWORD here too). Include <windows.h>/<winternl.h> (PE) or heap_native.h (ELF
 * test) first. */
#ifndef VINHO_NTDLL_HEAP_H
#define VINHO_NTDLL_HEAP_H

PVOID WINAPI RtlCreateHeap(ULONG flags, PVOID base, SIZE_T reserve, SIZE_T commit, PVOID lock,
                           PRTL_HEAP_PARAMETERS params);
PVOID WINAPI RtlDestroyHeap(PVOID heap);
PVOID WINAPI RtlAllocateHeap(PVOID heap, ULONG flags, SIZE_T size);
BOOLEAN WINAPI RtlFreeHeap(PVOID heap, ULONG flags, PVOID ptr);
PVOID WINAPI RtlReAllocateHeap(HANDLE heap, ULONG flags, PVOID ptr, SIZE_T size);
SIZE_T WINAPI RtlSizeHeap(HANDLE heap, ULONG flags, const void *ptr);
BOOLEAN WINAPI RtlValidateHeap(HANDLE heap, ULONG flags, const void *ptr);
BOOLEAN WINAPI RtlLockHeap(HANDLE heap);
BOOLEAN WINAPI RtlUnlockHeap(HANDLE heap);
ULONG WINAPI RtlGetProcessHeaps(ULONG count, HANDLE *heaps);
SIZE_T WINAPI RtlCompactHeap(HANDLE heap, ULONG flags);
NTSTATUS WINAPI RtlWalkHeap(HANDLE heap, PVOID entry);
DWORD WINAPI RtlSetHeapInformation(PVOID heap, HEAP_INFORMATION_CLASS info_class, PVOID info,
                                   SIZE_T length);
DWORD WINAPI RtlQueryHeapInformation(PVOID heap, HEAP_INFORMATION_CLASS info_class, PVOID info,
                                     SIZE_T length, PSIZE_T result_length);

/* Not exported: ntdll's thread exit calls it to give the thread's cached blocks back to the
 * process heap. */
void heap_thread_detach(void);

#endif
