/* nls_native.h: the Windows types and declarations dlls/ntdll/nls.c takes from mingw-w64's
 * headers, for building it natively in the unit tests (on top of the ELF side's ntdefs.h). */
#ifndef VINHO_TESTS_NLS_NATIVE_H
#define VINHO_TESTS_NLS_NATIVE_H

#include "vinho/ntdefs.h"

#ifndef TRUE
# define TRUE 1
# define FALSE 0
#endif

typedef ANSI_STRING STRING, OEM_STRING;
typedef STRING *PSTRING, *PANSI_STRING, *PCANSI_STRING, *POEM_STRING;
typedef const STRING *PCOEM_STRING;
typedef UNICODE_STRING *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;
typedef const char *PCSZ, *LPCSTR;
typedef ULONG *PULONG;

#ifndef STATUS_SOME_NOT_MAPPED
# define STATUS_SOME_NOT_MAPPED ((NTSTATUS)0x00000107)
#endif

/* Defined by the test (heap.c provides them in the real ntdll). */
PVOID WINAPI RtlAllocateHeap(HANDLE heap, ULONG flags, SIZE_T size);
BOOLEAN WINAPI RtlFreeHeap(HANDLE heap, ULONG flags, PVOID ptr);

/* nls.c's exports, for the tests to call. */
NTSTATUS WINAPI RtlMultiByteToUnicodeN(WCHAR *, ULONG, ULONG *, const char *, ULONG);
NTSTATUS WINAPI RtlOemToUnicodeN(WCHAR *, ULONG, ULONG *, const char *, ULONG);
NTSTATUS WINAPI RtlUnicodeToMultiByteN(char *, ULONG, ULONG *, const WCHAR *, ULONG);
NTSTATUS WINAPI RtlUnicodeToOemN(char *, ULONG, ULONG *, const WCHAR *, ULONG);
NTSTATUS WINAPI RtlMultiByteToUnicodeSize(ULONG *, const char *, ULONG);
NTSTATUS WINAPI RtlUnicodeToMultiByteSize(ULONG *, WCHAR *, ULONG);
NTSTATUS WINAPI RtlUTF8ToUnicodeN(WCHAR *, ULONG, ULONG *, const char *, ULONG);
NTSTATUS WINAPI RtlUnicodeToUTF8N(char *, ULONG, ULONG *, const WCHAR *, ULONG);
void WINAPI RtlInitUnicodeString(PUNICODE_STRING, PCWSTR);
NTSTATUS WINAPI RtlInitUnicodeStringEx(PUNICODE_STRING, PCWSTR);
void WINAPI RtlInitString(PSTRING, PCSZ);
void WINAPI RtlInitAnsiString(PANSI_STRING, PCSZ);
BOOLEAN WINAPI RtlCreateUnicodeString(PUNICODE_STRING, PCWSTR);
BOOLEAN WINAPI RtlCreateUnicodeStringFromAsciiz(PUNICODE_STRING, LPCSTR);
void WINAPI RtlFreeUnicodeString(PUNICODE_STRING);
void WINAPI RtlFreeAnsiString(PANSI_STRING);
NTSTATUS WINAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING, PCANSI_STRING, BOOLEAN);
NTSTATUS WINAPI RtlOemStringToUnicodeString(PUNICODE_STRING, PCOEM_STRING, BOOLEAN);
NTSTATUS WINAPI RtlUnicodeStringToAnsiString(PANSI_STRING, PCUNICODE_STRING, BOOLEAN);
NTSTATUS WINAPI RtlUnicodeStringToOemString(POEM_STRING, PCUNICODE_STRING, BOOLEAN);
void WINAPI RtlCopyUnicodeString(PUNICODE_STRING, PCUNICODE_STRING);
NTSTATUS WINAPI RtlAppendUnicodeToString(PUNICODE_STRING, PCWSTR);
NTSTATUS WINAPI RtlAppendUnicodeStringToString(PUNICODE_STRING, PCUNICODE_STRING);
WCHAR WINAPI RtlUpcaseUnicodeChar(WCHAR);
WCHAR WINAPI RtlDowncaseUnicodeChar(WCHAR);
NTSTATUS WINAPI RtlUpcaseUnicodeString(PUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
NTSTATUS WINAPI RtlDowncaseUnicodeString(PUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
LONG WINAPI RtlCompareUnicodeString(PCUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
BOOLEAN WINAPI RtlEqualUnicodeString(PCUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
BOOLEAN WINAPI RtlPrefixUnicodeString(PCUNICODE_STRING, PCUNICODE_STRING, BOOLEAN);
NTSTATUS WINAPI RtlHashUnicodeString(PCUNICODE_STRING, BOOLEAN, ULONG, ULONG *);
NTSTATUS WINAPI RtlCharToInteger(PCSZ, ULONG, PULONG);
NTSTATUS WINAPI RtlUnicodeStringToInteger(PCUNICODE_STRING, ULONG, ULONG *);
NTSTATUS WINAPI RtlIntegerToChar(ULONG, ULONG, LONG, char *);
NTSTATUS WINAPI RtlIntegerToUnicodeString(ULONG, ULONG, PUNICODE_STRING);
INT WINAPI __vinho_nls_convert_mb_to_wc(UINT, DWORD, const char *, INT, WCHAR *, INT, DWORD *);
INT WINAPI __vinho_nls_convert_wc_to_mb(UINT, DWORD, const WCHAR *, INT, char *, INT,
                                        const char *, BOOL *, DWORD *);

#endif
