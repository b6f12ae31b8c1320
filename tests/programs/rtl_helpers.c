/* rtl_helpers.c: start-up helpers of the MSVC and Rust runtimes.
 * Expected values: Microsoft docs for EncodePointer/DecodePointer (round trip), the
 * Interlocked*SList functions (LIFO order, QueryDepthSList), IsProcessorFeaturePresent (SSE2 is
 * part of x86-64), GetSystemDirectory/GetWindowsDirectory (length without NUL when it fits, size
 * with NUL when it does not), FlsAlloc/FlsFree (the callback runs with the slot's value). */
#include <stdio.h>
#include <windows.h>

struct item { SLIST_ENTRY entry; int value; } __attribute__((aligned(16)));

static int fls_seen;
static void WINAPI fls_callback(void *value) { fls_seen = *(int *)value; }

int main(void)
{
    static struct item items[3];
    SLIST_HEADER head __attribute__((aligned(16)));
    int token = 1234, order[3], n = 0;
    void *p = &token, *enc = EncodePointer(p);
    WCHAR dir[MAX_PATH];
    char small[4];

    printf("encode changes the pointer: %s, decode restores it: %s\n",
           enc != p ? "yes" : "no", DecodePointer(enc) == p ? "yes" : "no");
    InitializeSListHead(&head);
    for (int i = 0; i < 3; i++) {
        items[i].value = i + 1;
        InterlockedPushEntrySList(&head, &items[i].entry);
    }
    printf("depth after 3 pushes: %u\n", QueryDepthSList(&head));
    for (SLIST_ENTRY *e; (e = InterlockedPopEntrySList(&head)); )
        order[n++] = ((struct item *)e)->value;
    USHORT depth = QueryDepthSList(&head);
    void *empty = InterlockedPopEntrySList(&head);
    printf("popped %d: %d %d %d, depth %u, empty pop: %p\n", n, order[0], order[1], order[2], depth, empty);
    InterlockedPushEntrySList(&head, &items[0].entry);
    BOOL flushed = InterlockedFlushSList(&head) == &items[0].entry;
    printf("flush returns the entry: %s, then depth %u\n", flushed ? "yes" : "no", QueryDepthSList(&head));
    printf("SSE2: %d, feature 1000: %d\n", IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE),
           IsProcessorFeaturePresent(1000));
    UINT len = GetSystemDirectoryW(dir, MAX_PATH);
    printf("system directory: %ls (%u)\n", dir, len);
    printf("windows directory length: %u, in a 4-byte buffer: %u\n", GetWindowsDirectoryW(dir, MAX_PATH),
           GetWindowsDirectoryA(small, sizeof(small)));
    DWORD fls = FlsAlloc(fls_callback);
    FlsSetValue(fls, &token);
    printf("fls value kept: %s, ", FlsGetValue(fls) == &token ? "yes" : "no");
    FlsFree(fls);
    printf("callback saw %d\n", fls_seen);
    return 0;
}
