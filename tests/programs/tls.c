/* tls.c: thread-local storage of the main thread.
 * - Implicit (static) TLS through the image's TLS directory: variables placed in the .tls section
 *   are a template that the loader copies into a per-thread block; the block of a module is
 *   ThreadLocalStoragePointer[*AddressOfIndex] (TEB offset 0x58 on x64).
 * - __thread / _Thread_local variables with initial values (with mingw-w64's GCC these are
 *   emulated over TlsAlloc/TlsGetValue).
 * - A TLS callback, put in .CRT$XLB as the MSVC and mingw start-up code arrange, is called with
 *   DLL_PROCESS_ATTACH before the entry point and with DLL_PROCESS_DETACH at exit.
 * Expected: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#the-tls-section
 * ("TLS callback functions", "the loader ... copies the template for each thread") and
 * https://learn.microsoft.com/en-us/cpp/c-language/thread-local-storage. Checked with Wine 8.0,
 * which agrees except that it does not call the exe's TLS callbacks with DLL_PROCESS_DETACH;
 * Windows does (LdrShutdownProcess), and mingw-w64's own TLS destructor callback relies on it. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

extern IMAGE_DOS_HEADER __ImageBase;

/* Implicit TLS: the template, in the image's .tls section. */
__attribute__((section(".tls$V"), used)) int tls_number = 42;
__attribute__((section(".tls$V"), used)) char tls_text[16] = "tls template";

__thread int emulated_counter = 7;
_Thread_local char emulated_name[16] = "thread local";

static volatile int callback_ran, callback_reason = -1;

static void say(const char *text)
{
    DWORD written;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), text, strlen(text), &written, NULL);
}

static void NTAPI tls_callback(void *module, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH) {
        callback_ran++;
        callback_reason = reason;
        say(module == (void *)&__ImageBase ? "tls callback: process attach, module is the exe\r\n"
                                           : "tls callback: process attach, wrong module\r\n");
    } else if (reason == DLL_PROCESS_DETACH) {
        say("tls callback: process detach\r\n");
    }
}

__attribute__((section(".CRT$XLB"), used)) const PIMAGE_TLS_CALLBACK tls_callback_ptr = tls_callback;

/* This thread's copy of an implicit TLS variable. */
static void *tls_slot(const void *var)
{
    const BYTE *base = (const BYTE *)GetModuleHandleA(NULL);
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *d = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];
    const IMAGE_TLS_DIRECTORY *tls = (const IMAGE_TLS_DIRECTORY *)(base + d->VirtualAddress);
    DWORD index = *(const DWORD *)tls->AddressOfIndex;
    BYTE **slots;
    __asm__ volatile("movq %%gs:0x58, %0" : "=r"(slots));   /* TEB.ThreadLocalStoragePointer */
    if (!d->VirtualAddress || !slots || !slots[index])
        return NULL;
    return slots[index] + ((const BYTE *)var - (const BYTE *)tls->StartAddressOfRawData);
}

int main(void)
{
    int *number;
    char *text;

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("callback ran before main: %s (%d time, reason %d)\n", callback_ran ? "yes" : "no",
           callback_ran, callback_reason);
    number = tls_slot(&tls_number);
    text = tls_slot(tls_text);
    if (!number || !text) {
        printf("no TLS block for the exe\n");
        return 1;
    }
    printf("implicit TLS: number = %d, text = [%s]\n", *number, text);
    printf("the block is a copy, not the template: %s\n", number != &tls_number ? "yes" : "no");
    *number = 4242;
    strcpy(text, "changed");
    printf("after writing the block: block %d [%s], template %d [%s]\n", *number, text, tls_number,
           tls_text);
    printf("__thread: counter = %d, name = [%s]\n", emulated_counter, emulated_name);
    emulated_counter += 10;
    strcat(emulated_name, "!");
    printf("__thread after change: counter = %d, name = [%s]\n", emulated_counter, emulated_name);
    printf("TlsAlloc gives a fresh index: %s\n", TlsAlloc() != TLS_OUT_OF_INDEXES ? "yes" : "no");
    return 0;
}
