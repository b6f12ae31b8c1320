/* path_native.h: what dlls/ntdll/path.c takes from pe_side.h, for building it natively in
 * tests/unit/test_dospath.c (on top of the ELF side's ntdefs.h and winstructs.h). */
#ifndef VINHO_TESTS_PATH_NATIVE_H
#define VINHO_TESTS_PATH_NATIVE_H

#include <string.h>
#include "vinho/ntdefs.h"
#include "vinho/winstructs.h"
#include "vinho/gate.h"
#include "vinho/debug.h"

#ifndef TRUE
# define TRUE 1
# define FALSE 0
#endif

/* The test's PEB: its ProcessParameters->CurrentDirectory is the current folder. */
struct vn_peb *vn_peb(void);
static inline HANDLE process_heap(void) { return NULL; }

#define InitializeObjectAttributes(p, n, a, r, s) \
    do { (p)->Length = sizeof(OBJECT_ATTRIBUTES); (p)->RootDirectory = (r); (p)->ObjectName = (n); \
         (p)->Attributes = (a); (p)->SecurityDescriptor = (s); (p)->SecurityQualityOfService = NULL; } while (0)

/* Defined by the test. */
PVOID WINAPI RtlAllocateHeap(HANDLE heap, ULONG flags, SIZE_T size);
BOOLEAN WINAPI RtlFreeHeap(HANDLE heap, ULONG flags, PVOID ptr);

/* path.c's exports, for the test to call. */
ULONG NTAPI RtlGetFullPathName_U(PCWSTR name, ULONG size, PWSTR buffer, PWSTR *file_part);
NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR dos, UNICODE_STRING *nt, PWSTR *file_part, void *relative);
ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, PWSTR buffer);
NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *dir);

#endif
