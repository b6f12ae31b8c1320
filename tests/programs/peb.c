/* peb.c: the PEB, TEB and loader lists at the offsets real programs read them (Microsoft docs:
 * "PEB structure", "TEB structure", "PEB_LDR_DATA structure", "LDR_DATA_TABLE_ENTRY"; x64
 * offsets: TEB Self 0x30, ClientId 0x40, ThreadLocalStoragePointer 0x58, ProcessEnvironmentBlock
 * 0x60, LastErrorValue 0x68, TlsSlots 0x1480; PEB ImageBaseAddress 0x10, Ldr 0x18,
 * ProcessParameters 0x20, ProcessHeap 0x30; RTL_USER_PROCESS_PARAMETERS CommandLine 0x70).
 * The program is first in the load-order list and ntdll second; the initialisation-order list
 * starts with ntdll and never holds the program. */
#include <stdio.h>
#include <windows.h>

static BYTE *teb(void)
{
    BYTE *t;
    __asm__("movq %%gs:0x30, %0" : "=r"(t));
    return t;
}

#define AT(base, off, type) (*(type *)((BYTE *)(base) + (off)))

static void base_name(const BYTE *entry, char *out, size_t size)   /* BaseDllName at 0x58 */
{
    USHORT len = AT(entry, 0x58, USHORT) / 2;
    const WCHAR *buf = AT(entry, 0x60, WCHAR *);
    size_t i;
    for (i = 0; i < len && i + 1 < size; i++)
        out[i] = (char)(buf[i] >= 'A' && buf[i] <= 'Z' ? buf[i] + 32 : buf[i]);
    out[i] = 0;
}

int main(void)
{
    BYTE *t = teb(), *peb = AT(t, 0x60, BYTE *), *ldr = AT(peb, 0x18, BYTE *);
    BYTE *params = AT(peb, 0x20, BYTE *);
    char name[64];
    DWORD slot = TlsAlloc();

    printf("TEB.Self: %s\n", AT(t, 0x30, BYTE *) == t ? "ok" : "wrong");
    printf("ClientId: %s\n", AT(t, 0x40, ULONG_PTR) == GetCurrentProcessId() &&
                             AT(t, 0x48, ULONG_PTR) == GetCurrentThreadId() ? "ok" : "wrong");
    SetLastError(1234);
    printf("LastErrorValue: %lu\n", AT(t, 0x68, DWORD));
    TlsSetValue(slot, (void *)0x5678);
    printf("TlsSlots[index]: %s\n", AT(t, 0x1480 + slot * 8, void *) == (void *)0x5678 ? "ok" : "wrong");
    printf("ThreadLocalStoragePointer: %s\n", AT(t, 0x58, void *) ? "set" : "NULL");
    printf("ImageBaseAddress: %s\n", AT(peb, 0x10, HMODULE) == GetModuleHandleA(NULL) ? "ok" : "wrong");
    printf("ProcessHeap: %s\n", AT(peb, 0x30, HANDLE) == GetProcessHeap() ? "ok" : "wrong");
    printf("CommandLine: %s\n", AT(params, 0x78, WCHAR *) == GetCommandLineW() ? "ok" : "wrong");

    BYTE *first = AT(ldr, 0x10, BYTE *), *second = AT(first, 0, BYTE *);
    printf("load order 1: DllBase %s", AT(first, 0x30, HMODULE) == GetModuleHandleA(NULL) ? "is the program" : "is not the program");
    base_name(first, name, sizeof(name));
    printf(", %s\n", name);
    base_name(second, name, sizeof(name));
    printf("load order 2: %s\n", name);
    BYTE *init = AT(ldr, 0x30, BYTE *) - 0x20;   /* InInitializationOrderLinks at 0x20 */
    base_name(init, name, sizeof(name));
    printf("initialisation order 1: %s\n", name);
    int has_exe = 0;
    for (BYTE *l = AT(ldr, 0x30, BYTE *); l != ldr + 0x30; l = AT(l, 0, BYTE *))
        has_exe |= AT(l - 0x20, 0x30, HMODULE) == GetModuleHandleA(NULL);
    printf("program in the initialisation order: %s\n", has_exe ? "yes" : "no");
    return 0;
}
