/* ntdefs.h: Windows NT types, with Windows' sizes and layouts, for the ELF side of vinho. */
#ifndef VINHO_NTDEFS_H
#define VINHO_NTDEFS_H

#ifdef _WIN32
#error "ntdefs.h is for the ELF side; PE code takes these types from the mingw-w64 headers"
#endif

#include <stdint.h>
#include <stddef.h>

/* Calls that cross the gate use the Windows x64 calling convention. */
#define WINAPI __attribute__((ms_abi))
#define NTAPI WINAPI

typedef int32_t NTSTATUS;
typedef uint8_t BYTE, UCHAR, BOOLEAN;
typedef uint16_t WORD, USHORT, WCHAR;
typedef int32_t LONG, BOOL, INT;
typedef uint32_t ULONG, DWORD, UINT, ACCESS_MASK;
typedef int64_t LONGLONG, LONG_PTR;
typedef uint64_t ULONGLONG, ULONG_PTR, SIZE_T, DWORD64;
typedef void *PVOID, *HANDLE;
typedef WCHAR *PWSTR;
typedef ULONG *PULONG;
typedef ULONG THREADINFOCLASS;
typedef const WCHAR *PCWSTR;

typedef union {
    struct { ULONG LowPart; LONG HighPart; } u;
    LONGLONG QuadPart;
} LARGE_INTEGER;

typedef struct { USHORT Length, MaximumLength; WCHAR *Buffer; } UNICODE_STRING;
typedef struct { USHORT Length, MaximumLength; char *Buffer; } ANSI_STRING;

typedef struct {
    ULONG Length;
    HANDLE RootDirectory;
    UNICODE_STRING *ObjectName;
    ULONG Attributes;
    PVOID SecurityDescriptor;
    PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES;

typedef struct {
    union { NTSTATUS Status; PVOID Pointer; };
    ULONG_PTR Information;
} IO_STATUS_BLOCK;

typedef void (WINAPI *PIO_APC_ROUTINE)(PVOID, IO_STATUS_BLOCK *, ULONG);

typedef struct {
    PVOID BaseAddress, AllocationBase;
    ULONG AllocationProtect;
    USHORT PartitionId;
    SIZE_T RegionSize;
    ULONG State, Protect, Type;
} MEMORY_BASIC_INFORMATION;

typedef struct { HANDLE UniqueProcess, UniqueThread; } CLIENT_ID;
typedef void *HMODULE;
typedef ULONG FILE_INFORMATION_CLASS, FS_INFORMATION_CLASS;
typedef ULONG PROCESSINFOCLASS, OBJECT_INFORMATION_CLASS, SYSTEM_INFORMATION_CLASS;

typedef struct {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    ULONG FileAttributes;
} FILE_BASIC_INFORMATION;

typedef struct {
    LARGE_INTEGER CreationTime, LastAccessTime, LastWriteTime, ChangeTime;
    LARGE_INTEGER AllocationSize, EndOfFile;
    ULONG FileAttributes;
} FILE_NETWORK_OPEN_INFORMATION;

typedef struct {
    LARGE_INTEGER AllocationSize, EndOfFile;
    ULONG NumberOfLinks;
    BOOLEAN DeletePending, Directory;
} FILE_STANDARD_INFORMATION;

typedef struct { LARGE_INTEGER CurrentByteOffset; } FILE_POSITION_INFORMATION;
typedef struct { LARGE_INTEGER EndOfFile; } FILE_END_OF_FILE_INFORMATION;
typedef struct { BOOLEAN DoDeleteFile; } FILE_DISPOSITION_INFORMATION;
typedef struct { ULONG DeviceType, Characteristics; } FILE_FS_DEVICE_INFORMATION;

_Static_assert(sizeof(OBJECT_ATTRIBUTES) == 48, "OBJECT_ATTRIBUTES layout");
_Static_assert(sizeof(IO_STATUS_BLOCK) == 16, "IO_STATUS_BLOCK layout");
_Static_assert(sizeof(MEMORY_BASIC_INFORMATION) == 48, "MEMORY_BASIC_INFORMATION layout");
_Static_assert(sizeof(UNICODE_STRING) == 16, "UNICODE_STRING layout");
_Static_assert(sizeof(FILE_BASIC_INFORMATION) == 40, "FILE_BASIC_INFORMATION layout");
_Static_assert(sizeof(FILE_NETWORK_OPEN_INFORMATION) == 56, "FILE_NETWORK_OPEN_INFORMATION layout");
_Static_assert(sizeof(FILE_STANDARD_INFORMATION) == 24, "FILE_STANDARD_INFORMATION layout");

#define NT_SUCCESS(s) ((NTSTATUS)(s) >= 0)
#define NtCurrentProcess() ((HANDLE)(LONG_PTR)-1)
#define NtCurrentThread() ((HANDLE)(LONG_PTR)-2)

#include "vinho/ntstatus.h"
#include "vinho/ntconst.h"

#endif
