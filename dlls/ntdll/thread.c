/* thread.c: a thread's start and end in ntdll, and fiber-local storage with its callbacks. */
#include "vinho/pe_side.h"
#include "heap.h"

DEFAULT_DEBUG_CHANNEL(thread);

#define FLS_SLOTS 1024                  /* Windows 10 has 4080; see docs/threads.md */
#define THREAD_AM_I_LAST_THREAD 12
#define LDRP_DONT_CALL_FOR_THREADS 0x40000

/* One thread's FLS values; all threads' blocks are listed, so that FlsFree can clean every one. */
struct fls_block {
    struct fls_block *next, *prev;
    void *values[FLS_SLOTS];
};

static RTL_CRITICAL_SECTION fls_lock = { NULL, -1, 0, 0, 0, 0 };
static struct fls_block fls_blocks = { &fls_blocks, &fls_blocks };
static PFLS_CALLBACK_FUNCTION fls_callbacks[FLS_SLOTS];
static BYTE fls_used[FLS_SLOTS];

/***********************************************************************
 *           RtlFlsAlloc   (NTDLL.@)
 */
NTSTATUS NTAPI RtlFlsAlloc(PFLS_CALLBACK_FUNCTION callback, ULONG *index)
{
    NTSTATUS status = STATUS_NO_MEMORY;
    RtlEnterCriticalSection(&fls_lock);
    for (ULONG i = 1; i < FLS_SLOTS; i++)   /* index 0 is never handed out, as on Windows */
        if (!fls_used[i]) {
            fls_used[i] = 1;
            fls_callbacks[i] = callback;
            for (struct fls_block *b = fls_blocks.next; b != &fls_blocks; b = b->next)
                b->values[i] = NULL;
            *index = i;
            status = STATUS_SUCCESS;
            break;
        }
    RtlLeaveCriticalSection(&fls_lock);
    return status;
}

/***********************************************************************
 *           RtlFlsFree   (NTDLL.@)
 *
 * The callback runs for the value of every thread that has one.
 */
NTSTATUS NTAPI RtlFlsFree(ULONG index)
{
    PFLS_CALLBACK_FUNCTION callback;
    if (!index || index >= FLS_SLOTS)
        return STATUS_INVALID_PARAMETER;
    RtlEnterCriticalSection(&fls_lock);
    if (!fls_used[index]) {
        RtlLeaveCriticalSection(&fls_lock);
        return STATUS_INVALID_PARAMETER;
    }
    callback = fls_callbacks[index];
    for (struct fls_block *b = fls_blocks.next; b != &fls_blocks; b = b->next) {
        void *value = b->values[index];
        b->values[index] = NULL;
        if (value && callback)
            callback(value);
    }
    fls_used[index] = 0;
    fls_callbacks[index] = NULL;
    RtlLeaveCriticalSection(&fls_lock);
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlFlsGetValue(ULONG index, void **value)
{
    struct fls_block *b = vn_teb()->FlsData;
    if (!index || index >= FLS_SLOTS || !fls_used[index])
        return STATUS_INVALID_PARAMETER;
    *value = b ? b->values[index] : NULL;
    return STATUS_SUCCESS;
}

NTSTATUS NTAPI RtlFlsSetValue(ULONG index, void *value)
{
    struct vn_teb *teb = vn_teb();
    struct fls_block *b = teb->FlsData;
    if (!index || index >= FLS_SLOTS || !fls_used[index])
        return STATUS_INVALID_PARAMETER;
    if (!b) {
        if (!(b = RtlAllocateHeap(process_heap(), HEAP_ZERO_MEMORY, sizeof(*b))))
            return STATUS_NO_MEMORY;
        RtlEnterCriticalSection(&fls_lock);
        b->next = fls_blocks.next;
        b->prev = &fls_blocks;
        fls_blocks.next->prev = b;
        fls_blocks.next = b;
        RtlLeaveCriticalSection(&fls_lock);
        teb->FlsData = b;
    }
    b->values[index] = value;
    return STATUS_SUCCESS;
}

/* At the thread's end: the callbacks of its values, then its block goes. */
static void fls_thread_detach(void)
{
    struct vn_teb *teb = vn_teb();
    struct fls_block *b = teb->FlsData;
    if (!b)
        return;
    RtlEnterCriticalSection(&fls_lock);
    for (ULONG i = 1; i < FLS_SLOTS; i++) {
        void *value = b->values[i];
        b->values[i] = NULL;
        if (value && fls_used[i] && fls_callbacks[i])
            fls_callbacks[i](value);
    }
    b->prev->next = b->next;
    b->next->prev = b->prev;
    RtlLeaveCriticalSection(&fls_lock);
    teb->FlsData = NULL;
    RtlFreeHeap(process_heap(), 0, b);
}

/***********************************************************************
 *           RtlExitUserThread   (NTDLL.@)
 *
 * The last thread ends the process, as ExitProcess would. Otherwise: FLS callbacks,
 * DLL_THREAD_DETACH, then the thread's heap cache and TLS expansion slots go.
 */
void NTAPI RtlExitUserThread(ULONG code)
{
    struct vn_teb *teb = vn_teb();
    ULONG last = 0;

    TRACE("%#x\n", code);
    NtQueryInformationThread(NtCurrentThread(), THREAD_AM_I_LAST_THREAD, &last, sizeof(last), NULL);
    if (last)
        RtlExitUserProcess(code);
    fls_thread_detach();
    LdrShutdownThread();
    fls_thread_detach();    /* values set by DLL_THREAD_DETACH */
    if (teb->TlsExpansionSlots) {
        RtlFreeHeap(process_heap(), 0, teb->TlsExpansionSlots);
        teb->TlsExpansionSlots = NULL;
    }
    heap_thread_detach();
    NtTerminateThread(NtCurrentThread(), code);
    for (;;)
        ;
}

/***********************************************************************
 *           RtlUserThreadStart   (NTDLL.@)
 *
 * Where every thread made by NtCreateThreadEx begins (after DLL_THREAD_ATTACH).
 */
void NTAPI RtlUserThreadStart(ULONG (WINAPI *start)(void *), void *param)
{
    RtlExitUserThread(start(param));
}

/* Whether the module's static TLS holds variables of its own. mingw-w64's CRT gives every DLL a
 * TLS directory (for its TLS callbacks) whose template is only its start marker (8 bytes);
 * those are not thread-local storage of the DLL's. */
#define TLS_MARKERS_SIZE 8
static bool has_static_tls(const BYTE *base)
{
    const IMAGE_NT_HEADERS64 *nt = (const void *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir;
    const IMAGE_TLS_DIRECTORY64 *tls;
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_TLS)
        return false;
    dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_TLS];
    if (!dir->VirtualAddress || dir->Size < sizeof(*tls))
        return false;
    tls = (const void *)(base + dir->VirtualAddress);
    return tls->EndAddressOfRawData - tls->StartAddressOfRawData + tls->SizeOfZeroFill >
           TLS_MARKERS_SIZE;
}

/***********************************************************************
 *           LdrDisableThreadCalloutsForDll   (NTDLL.@)
 *
 * Fails for a DLL with static TLS ("DisableThreadLibraryCalls fails if the DLL ... has active
 * static thread local storage", Microsoft's documentation): its callbacks keep coming. The
 * loader skips the DllMain thread calls of a DLL so marked; its TLS callbacks still run.
 */
NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(HMODULE module)
{
    struct vn_ldr_entry *entry;
    if (LdrFindEntryForAddress(module, &entry) || entry->DllBase != module)
        return STATUS_DLL_NOT_FOUND;
    if (entry->TlsIndex != 0xffff && has_static_tls((const BYTE *)module))
        return STATUS_UNSUCCESSFUL;
    __atomic_or_fetch(&entry->Flags, LDRP_DONT_CALL_FOR_THREADS, __ATOMIC_RELAXED);
    return STATUS_SUCCESS;
}
