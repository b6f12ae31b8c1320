/* isbadstring: IsBadStringPtrA/W read up to the NUL or max chars, whichever comes first, and say
 * whether that much is readable (Microsoft's IsBadStringPtrA/W pages: "If the calling process has
 * read access to all characters up to and including the terminating null character or up to the
 * number of characters specified by ucchMax, the return value is zero"). Wine 8.0 agrees; the
 * documentation does not say what NULL with 0 chars is: Wine's answer (bad) is kept. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int main(void)
{
    /* one committed page followed by a reserved (unreadable) one */
    char *base = VirtualAlloc(NULL, 0x2000, MEM_RESERVE, PAGE_NOACCESS);
    VirtualAlloc(base, 0x1000, MEM_COMMIT, PAGE_READWRITE);
    char *end = base + 0x1000;
    memset(base, 'a', 0x1000);
    char *tail = end - 4;

    printf("no NUL, max 4: %d\n", IsBadStringPtrA(tail, 4));
    printf("no NUL, max 5: %d\n", IsBadStringPtrA(tail, 5));
    printf("no NUL, max ~0: %d\n", IsBadStringPtrA(tail, (UINT_PTR)-1));
    end[-1] = 0;
    printf("NUL last byte, max ~0: %d\n", IsBadStringPtrA(tail, (UINT_PTR)-1));
    printf("unreadable, max 0: %d\n", IsBadStringPtrA(end, 0));
    printf("unreadable, max 1: %d\n", IsBadStringPtrA(end, 1));
    printf("NULL, max 0: %d\n", IsBadStringPtrA(NULL, 0));
    printf("NULL, max 1: %d\n", IsBadStringPtrA(NULL, 1));
    printf("literal: %d\n", IsBadStringPtrA("hello", 100));

    WCHAR *wtail = (WCHAR *)(end - 6);
    wtail[0] = L'x'; wtail[1] = L'y'; wtail[2] = L'z';
    printf("W no NUL, max 3: %d\n", IsBadStringPtrW(wtail, 3));
    printf("W no NUL, max 4: %d\n", IsBadStringPtrW(wtail, 4));
    wtail[2] = 0;
    printf("W NUL last, max ~0: %d\n", IsBadStringPtrW(wtail, (UINT_PTR)-1));
    printf("W literal: %d\n", IsBadStringPtrW(L"wide", 2));
    printf("W NULL, max 1: %d\n", IsBadStringPtrW(NULL, 1));
    return 0;
}
