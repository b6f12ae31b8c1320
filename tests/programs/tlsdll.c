/* tlsdll.c: a DLL with implicit TLS data (its .tls section), for dyntls.c: a DLL loaded with
 * LoadLibrary after start-up gets its TLS block in the threads that already run (Windows Vista
 * and later; PE format docs, "The TLS Section"). Built by Makefile.in as tlsdll.dll. */
#include <windows.h>

extern IMAGE_DOS_HEADER __ImageBase;
__attribute__((section(".tls$V"), used)) int tlsdll_number = 1234;
static const BYTE *volatile image = (const BYTE *)&__ImageBase;   /* opaque to bounds warnings */

/* The address of a TLS variable of this DLL in the calling thread's block, as compiled code
 * finds it: ThreadLocalStoragePointer[_tls_index] + offset in the template. */
static int *block_var(void)
{
    const BYTE *base = image;
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];
    const IMAGE_TLS_DIRECTORY *tls = (const IMAGE_TLS_DIRECTORY *)(base + d->VirtualAddress);
    DWORD index = *(const DWORD *)tls->AddressOfIndex;
    BYTE **slots;
    __asm__ volatile("movq %%gs:0x58, %0" : "=r"(slots));
    return (int *)(slots[index] + ((const BYTE *)&tlsdll_number - (const BYTE *)tls->StartAddressOfRawData));
}

__declspec(dllexport) int tlsdll_get(void) { return *block_var(); }
__declspec(dllexport) void tlsdll_set(int v) { *block_var() = v; }
__declspec(dllexport) int tlsdll_template(void) { return tlsdll_number; }
