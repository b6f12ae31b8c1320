/* loader.c: ntdll's process start-up and exit, and the report of a call to a missing function. */
#include "vinho/pe_side.h"

void nls_locale_init(void);

DEFAULT_DEBUG_CHANNEL(module);

unsigned char __vinho_debug_channels[DBCH_COUNT];

/***********************************************************************
 *           __vinho_process_init
 *
 * Called by the loader once every image is mapped and linked, before any DllMain.
 */
void NTAPI __vinho_process_init(void)
{
    struct vn_peb *peb = vn_peb();
    const void *flags;

    if (!__vinho_debug_flags(&flags))
        memcpy(__vinho_debug_channels, flags, DBCH_COUNT);
    peb->ProcessHeap = RtlCreateHeap(HEAP_GROWABLE, NULL, 0, 0, NULL, NULL);
    if (!peb->ProcessHeap) {
        static const char msg[] = "vinho: cannot create the process heap\n";
        __vinho_debug_write(msg, sizeof(msg) - 1);
        NtTerminateProcess(NtCurrentProcess(), STATUS_NO_MEMORY);
    }
    nls_locale_init();      /* code pages from the Linux locale (locale.c) */
}

/***********************************************************************
 *           RtlExitUserProcess   (NTDLL.@)
 */
void NTAPI RtlExitUserProcess(ULONG code)
{
    TRACE("%u\n", code);
    NtTerminateProcess(0, code);    /* the other threads end first, without DLL_THREAD_DETACH */
    LdrShutdownProcess();
    NtTerminateProcess(NtCurrentProcess(), code);
    for (;;)
        ;
}

/***********************************************************************
 *           LdrFindEntryForAddress   (NTDLL.@)
 */
NTSTATUS NTAPI LdrFindEntryForAddress(const void *addr, struct vn_ldr_entry **entry)
{
    struct vn_list *head = &vn_peb()->Ldr->InLoadOrderModuleList;
    for (struct vn_list *l = head->Flink; l != head; l = l->Flink) {
        struct vn_ldr_entry *e = (struct vn_ldr_entry *)l;
        if ((const char *)addr >= (char *)e->DllBase &&
            (const char *)addr < (char *)e->DllBase + e->SizeOfImage) {
            *entry = e;
            return STATUS_SUCCESS;
        }
    }
    return STATUS_NO_MORE_ENTRIES;
}

static size_t append(char *buf, size_t pos, size_t size, const char *s)
{
    while (*s && pos < size - 1)
        buf[pos++] = *s++;
    buf[pos] = 0;
    return pos;
}

/***********************************************************************
 *           __vinho_unimplemented   (NTDLL.@)
 *
 * Reached when a program calls a function we lack (a loader stub) or one our export lists
 * mark as a stub: says so on stderr and raises EXCEPTION_VINHO_STUB, which, unhandled,
 * ends the process with that code.
 */
void NTAPI __vinho_unimplemented(const char *dll, const char *name, void *caller)
{
    struct vn_ldr_entry *entry;
    char line[512], caller_name[128] = "the program";
    EXCEPTION_RECORD rec = { 0 };
    size_t n = 0;

    if (!LdrFindEntryForAddress(caller, &entry)) {
        ULONG len = 0;
        RtlUnicodeToMultiByteN(caller_name, sizeof(caller_name) - 1, &len,
                               entry->BaseDllName.Buffer, entry->BaseDllName.Length);
        caller_name[len] = 0;
    }
    n = append(line, n, sizeof(line), "vinho: ");
    n = append(line, n, sizeof(line), caller_name);
    n = append(line, n, sizeof(line), " called ");
    n = append(line, n, sizeof(line), dll);
    n = append(line, n, sizeof(line), "!");
    n = append(line, n, sizeof(line), name);
    n = append(line, n, sizeof(line), ", which is not implemented\n");
    __vinho_debug_write(line, n);
    rec.ExceptionCode = EXCEPTION_VINHO_STUB;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = caller;
    rec.NumberParameters = 2;
    rec.ExceptionInformation[0] = (ULONG_PTR)dll;
    rec.ExceptionInformation[1] = (ULONG_PTR)name;
    RtlRaiseException(&rec);
}
