/* crt_memfuncs.c: memcpy, memmove, memset, memcmp, memchr and strlen of msvcrt/the UCRT (dllrt's
 * SSE2 versions) against byte-by-byte reference loops, for every length 0-600 and every source
 * and destination alignment 0-15, overlapping moves both ways, and strings and searches that
 * end at the last byte of a page followed by an inaccessible one (C11 7.24). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static unsigned char src[1024], dst[1024], ref[1024];
static int failures;

static void fail(const char *what, size_t n, size_t a, size_t b)
{
    if (failures++ < 10)
        printf("FAIL %s n=%u align %u/%u\n", what, (unsigned)n, (unsigned)a, (unsigned)b);
}

static int sign(int v)
{
    return v < 0 ? -1 : v > 0;
}

int main(void)
{
    for (int i = 0; i < 1024; i++)
        src[i] = (unsigned char)(i * 7 + 3);
    for (size_t n = 0; n <= 600; n += (n < 40 ? 1 : 7))
        for (size_t a = 0; a < 16; a++)
            for (size_t b = 0; b < 16; b += 5) {
                memset(dst, 0xee, sizeof(dst));
                memcpy(dst + b, src + a, n);
                for (size_t i = 0; i < sizeof(dst); i++)
                    if (dst[i] != (i >= b && i < b + n ? src[a + i - b] : 0xee)) {
                        fail("memcpy", n, a, b);
                        break;
                    }
                memset(dst + a, 'q', n);
                for (size_t i = a; i < a + n; i++)
                    if (dst[i] != 'q') {
                        fail("memset", n, a, 0);
                        break;
                    }
                memcpy(dst, src, sizeof(dst));
                if (n) {
                    dst[a + n - 1] ^= 0x80;
                    if (sign(memcmp(dst + a, src + a, n)) != (dst[a + n - 1] < src[a + n - 1] ? -1 : 1))
                        fail("memcmp", n, a, b);
                    dst[a + n - 1] ^= 0x80;
                }
                if (memcmp(dst + a, src + a, n))
                    fail("memcmp equal", n, a, b);
                /* memmove both ways, against a reference through a separate buffer */
                memcpy(dst, src, sizeof(dst));
                memcpy(ref, src, sizeof(ref));
                for (size_t i = 0; i < n; i++)
                    ref[b + 3 + i] = src[a + i];
                memmove(dst + b + 3, dst + a, n);
                if (memcmp(dst, ref, sizeof(dst)))
                    fail("memmove", n, a, b + 3);
                memcpy(dst, src, sizeof(dst));
                memcpy(ref, src, sizeof(ref));
                for (size_t i = 0; i < n; i++)
                    ref[a + i] = src[b + 20 + i];
                memmove(dst + a, dst + b + 20, n);
                if (memcmp(dst, ref, sizeof(dst)))
                    fail("memmove down", n, b + 20, a);
                /* memchr: the first 0x5a at position n-1 (or none) */
                memset(dst, 1, sizeof(dst));
                if (n)
                    dst[a + n - 1] = 0x5a;
                dst[a + n] = 0x5a;
                if (memchr(dst + a, 0x5a, n) != (n ? dst + a + n - 1 : NULL))
                    fail("memchr", n, a, 0);
                if (n && memchr(dst + a, 0x5b, n))
                    fail("memchr absent", n, a, 0);
                /* strlen */
                memset(dst, 'x', sizeof(dst));
                dst[a + n] = 0;
                if (strlen((char *)dst + a) != n)
                    fail("strlen", n, a, 0);
            }
    /* At the end of a page whose next page is not accessible. */
    unsigned char *page = VirtualAlloc(NULL, 8192, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    DWORD old;
    VirtualProtect(page + 4096, 4096, PAGE_NOACCESS, &old);
    for (size_t n = 0; n < 40; n++) {
        unsigned char *p = page + 4096 - n - 1;
        memset(p, 'y', n);
        p[n] = 0;
        if (strlen((char *)p) != n)
            fail("strlen at a page end", n, 0, 0);
        if (memchr(p, 'z', n + 1) || memchr(p, 0, n + 1) != p + n)
            fail("memchr at a page end", n, 0, 0);
    }
    printf("%d failures\n", failures);
    return failures != 0;
}
