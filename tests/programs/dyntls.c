/* dyntls.c: implicit TLS of a DLL loaded with LoadLibrary after start-up (tlsdll.dll): the
 * calling thread gets a block initialised from the DLL's template (PE format docs, "The TLS
 * Section"; dynamic loading of such DLLs works since Windows Vista). DisableThreadLibraryCalls
 * fails for it ("fails if the DLL ... has active static thread local storage", its
 * documentation). */
#include <stdio.h>
#include <windows.h>

typedef int (*get_fn)(void);
typedef void (*set_fn)(int);

int main(void)
{
    HMODULE dll = LoadLibraryA("tlsdll.dll");
    if (!dll) {
        printf("LoadLibrary failed: %lu\n", GetLastError());
        return 1;
    }
    get_fn get = (get_fn)GetProcAddress(dll, "tlsdll_get");
    set_fn set = (set_fn)GetProcAddress(dll, "tlsdll_set");
    get_fn tmpl = (get_fn)GetProcAddress(dll, "tlsdll_template");
    printf("block value: %d\n", get());
    set(99);
    printf("after setting: block %d, template %d\n", get(), tmpl());
    printf("DisableThreadLibraryCalls: %d\n", DisableThreadLibraryCalls(dll));
    return 0;
}
