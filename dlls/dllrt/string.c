/* string.c: memory and string primitives every -nostdlib DLL needs (gcc emits calls to them),
 * and the ones msvcrt, ucrtbase and vcruntime140 export (memcpy, memmove, memset, memcmp,
 * memchr, strlen). 16 bytes at a time with SSE2, which every x86-64 CPU has; large copies and
 * fills with rep movsb/stosb (fast strings on every CPU since 2012). Aligned 16-byte loads
 * never cross a page, so strlen and memchr may read the rest of the block their data ends in. */
#include <stddef.h>
#include <stdint.h>
#include <emmintrin.h>

#define REP_THRESHOLD 512   /* below this, rep movsb/stosb's start-up costs more than SSE2 */

/* Copies n < 16 bytes. */
static inline void copy_small(unsigned char *d, const unsigned char *s, size_t n)
{
    if (n >= 8) {
        uint64_t a, b;
        __builtin_memcpy(&a, s, 8);
        __builtin_memcpy(&b, s + n - 8, 8);
        __builtin_memcpy(d, &a, 8);
        __builtin_memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        __builtin_memcpy(&a, s, 4);
        __builtin_memcpy(&b, s + n - 4, 4);
        __builtin_memcpy(d, &a, 4);
        __builtin_memcpy(d + n - 4, &b, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (n < 16) {
        copy_small(d, s, n);
        return dst;
    }
    if (n >= REP_THRESHOLD) {
        __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(n) : : "memory");
        return dst;
    }
    /* 16-byte blocks; the last one ends exactly at n (it may overlap the one before). */
    __m128i last = _mm_loadu_si128((const __m128i *)(s + n - 16));
    for (size_t i = 0; i + 16 < n; i += 16)
        _mm_storeu_si128((__m128i *)(d + i), _mm_loadu_si128((const __m128i *)(s + i)));
    _mm_storeu_si128((__m128i *)(d + n - 16), last);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n) {
        if (d + n <= s || d >= s + n)
            return memcpy(dst, src, n);
        /* Forward over an overlap (d below s): each block is read before it is written. */
        for (; n >= 16; n -= 16, d += 16, s += 16)
            _mm_storeu_si128((__m128i *)d, _mm_loadu_si128((const __m128i *)s));
        while (n--)
            *d++ = *s++;
        return dst;
    }
    /* Backward (d above s, overlapping): from the end. */
    for (; n >= 16; n -= 16)
        _mm_storeu_si128((__m128i *)(d + n - 16), _mm_loadu_si128((const __m128i *)(s + n - 16)));
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;

    if (n < 16) {
        for (size_t i = 0; i < n; i++)
            d[i] = (unsigned char)c;
        return dst;
    }
    if (n >= REP_THRESHOLD) {
        __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
        return dst;
    }
    __m128i v = _mm_set1_epi8((char)c);
    for (size_t i = 0; i + 16 < n; i += 16)
        _mm_storeu_si128((__m128i *)(d + i), v);
    _mm_storeu_si128((__m128i *)(d + n - 16), v);
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    for (; n >= 16; n -= 16, x += 16, y += 16) {
        __m128i eq = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)x), _mm_loadu_si128((const __m128i *)y));
        unsigned mask = (unsigned)_mm_movemask_epi8(eq) ^ 0xffff;
        if (mask) {
            unsigned i = __builtin_ctz(mask);
            return x[i] < y[i] ? -1 : 1;
        }
    }
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = (const char *)((uintptr_t)s & ~(uintptr_t)15);
    __m128i zero = _mm_setzero_si128();
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), zero));

    mask >>= (uintptr_t)s & 15;
    if (mask)
        return __builtin_ctz(mask);
    for (;;) {
        p += 16;
        mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)p), zero));
        if (mask)
            return (size_t)(p - s) + __builtin_ctz(mask);
    }
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s, *block;
    __m128i needle = _mm_set1_epi8((char)c);
    size_t off, avail;
    unsigned mask;

    if (!n)
        return NULL;
    off = (uintptr_t)p & 15;
    block = p - off;
    mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)block), needle)) >> off;
    avail = 16 - off;
    for (;;) {
        if (mask) {
            size_t i = __builtin_ctz(mask);
            return i < n ? (void *)(p + i) : NULL;
        }
        if (n <= avail)
            return NULL;
        n -= avail;
        p += avail;
        block += 16;
        avail = 16;
        mask = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_load_si128((const __m128i *)block), needle));
    }
}
