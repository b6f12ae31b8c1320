/* dynload.c: run-time linking: LoadLibraryA, GetProcAddress by name and by ordinal, the errors of
 * a missing export and a missing DLL, reference counting through FreeLibrary, GetModuleHandle and
 * GetModuleFileName.
 * Expected, from Microsoft's documentation:
 * - LoadLibraryA: https://learn.microsoft.com/en-us/windows/win32/api/libloaderapi/nf-libloaderapi-loadlibrarya
 *   (a DLL not found: NULL; the error is ERROR_MOD_NOT_FOUND, 126; a second load of a loaded
 *   module returns the same handle and adds a reference);
 * - GetProcAddress: https://learn.microsoft.com/en-us/windows/win32/api/libloaderapi/nf-libloaderapi-getprocaddress
 *   (by ordinal: the ordinal in the low word, MAKEINTRESOURCE; not found: NULL, ERROR_PROC_NOT_FOUND 127);
 * - FreeLibrary: https://learn.microsoft.com/en-us/windows/win32/api/libloaderapi/nf-libloaderapi-freelibrary
 *   (the module is unmapped, and DllMain gets DLL_PROCESS_DETACH, when its count reaches zero);
 * - GetModuleHandleA: https://learn.microsoft.com/en-us/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulehandlea
 *   (NULL: the .exe's base; no extension: ".dll" is appended; a module not loaded: NULL);
 * - GetModuleFileNameA: https://learn.microsoft.com/en-us/windows/win32/api/libloaderapi/nf-libloaderapi-getmodulefilenamea
 *   (NULL: the path of the .exe; returns the length without the terminating null).
 * - kernel32's HeapAlloc is a forwarder to NTDLL.RtlAllocateHeap (dumpbin /exports kernel32.dll).
 * Checked with Wine 8.0. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

extern IMAGE_DOS_HEADER __ImageBase;

typedef int (*add_fn)(int, int);
typedef int (*int_fn)(void);

static const char *yes(int ok)
{
    return ok ? "yes" : "no";
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !_stricmp(s + n - m, tail);
}

/* GetProcAddress on testdll: by name, by ordinal, data, missing names, a forwarder. */
static void lookups(HMODULE dll)
{
    void *p;

    add_fn add = (add_fn)GetProcAddress(dll, "testdll_add");
    printf("GetProcAddress(testdll_add): %s, 20 + 22 = %d\n", add ? "found" : "NULL", add ? add(20, 22) : -1);
    int_fn secret = (int_fn)GetProcAddress(dll, MAKEINTRESOURCEA(7));
    printf("GetProcAddress(#7): %s, returns %d\n", secret ? "found" : "NULL", secret ? secret() : -1);
    printf("GetProcAddress(\"testdll_secret\") (NONAME): %s\n",
           GetProcAddress(dll, "testdll_secret") ? "found" : "NULL");
    int *counter = (int *)GetProcAddress(dll, "testdll_counter");
    printf("GetProcAddress(testdll_counter) data: %d\n", counter ? *counter : -1);
    SetLastError(0xdeadbeef);
    p = (void *)GetProcAddress(dll, "no_such_function");
    printf("GetProcAddress(missing): %s, error %lu\n", p ? "found" : "NULL", GetLastError());
    p = (void *)GetProcAddress(dll, MAKEINTRESOURCEA(999));
    printf("GetProcAddress(#999): %s\n", p ? "found" : "NULL");
    int_fn pid = (int_fn)GetProcAddress(dll, "testdll_pid");
    printf("forwarder testdll_pid gives GetCurrentProcessId: %s\n",
           yes(pid && (DWORD)pid() == GetCurrentProcessId()));
}

/* GetModuleFileNameA and GetModuleHandleA. */
static void names(HMODULE dll)
{
    HMODULE k32, ntdll;
    char path[MAX_PATH];
    DWORD len;

    memset(path, 0xff, sizeof(path));
    len = GetModuleFileNameA(dll, path, sizeof(path));
    printf("GetModuleFileNameA(testdll): ends with \\testdll.dll: %s, length right: %s\n",
           yes(ends_with(path, "\\testdll.dll")), yes(len == strlen(path)));
    len = GetModuleFileNameA(NULL, path, sizeof(path));
    printf("GetModuleFileNameA(NULL): ends with \\dynload.exe: %s, length right: %s\n",
           yes(ends_with(path, "\\dynload.exe")), yes(len == strlen(path)));
    printf("GetModuleHandleA(NULL) is the image base: %s\n",
           yes(GetModuleHandleA(NULL) == (HMODULE)&__ImageBase));

    k32 = GetModuleHandleA("kernel32.dll");
    printf("GetModuleHandleA(kernel32.dll): %s\n", k32 ? "handle" : "NULL");
    printf("GetModuleHandleA(KERNEL32) is the same: %s\n", yes(k32 && GetModuleHandleA("KERNEL32") == k32));
    ntdll = GetModuleHandleA("ntdll.dll");
    printf("kernel32!HeapAlloc forwards to ntdll!RtlAllocateHeap: %s\n",
           yes(k32 && ntdll && GetProcAddress(k32, "HeapAlloc") &&
               GetProcAddress(k32, "HeapAlloc") == GetProcAddress(ntdll, "RtlAllocateHeap")));
}

int main(void)
{
    HMODULE dll, again;
    void *p;

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("testdll loaded at start: %s\n", yes(GetModuleHandleA("testdll.dll") != NULL));

    SetLastError(0xdeadbeef);
    p = LoadLibraryA("no_such_vinho_dll.dll");
    printf("LoadLibraryA(missing): %s, error %lu\n", p ? "handle" : "NULL", GetLastError());

    dll = LoadLibraryA("testdll.dll");
    printf("LoadLibraryA(testdll.dll): %s\n", dll ? "handle" : "NULL");
    if (!dll)
        return 1;
    lookups(dll);
    names(dll);

    again = LoadLibraryA("TESTDLL");
    printf("LoadLibraryA(TESTDLL) gives the same handle: %s\n", yes(again == dll));
    printf("FreeLibrary: %s\n", yes(FreeLibrary(again)));
    printf("still loaded after one FreeLibrary: %s\n", yes(GetModuleHandleA("testdll.dll") == dll));
    printf("FreeLibrary: %s\n", yes(FreeLibrary(dll)));
    printf("loaded after the last FreeLibrary: %s\n", yes(GetModuleHandleA("testdll.dll") != NULL));
    return 0;
}
