/* stdlib.c: integer conversions (strtol family, atoi, _itoa family), qsort, bsearch, abs,
 * div, rand. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* The value of digit c in base, or -1. */
static int digit_value(int c, int base)
{
    int v;

    if (c >= '0' && c <= '9')
        v = c - '0';
    else if (c >= 'a' && c <= 'z')
        v = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
        v = c - 'A' + 10;
    else
        return -1;
    return v < base ? v : -1;
}

/* Parses [space][sign][0x]digits. Returns the magnitude clamped to limit (the limit applies to
 * the magnitude, so a negative signed result may reach max + 1); sets *neg, *range (the value
 * was clamped) and *end (nptr itself when no digits were found). */
static uint64_t parse_magnitude(const char *nptr, char **end, int base, uint64_t limit,
                                bool *neg, bool *range)
{
    const unsigned char *p = (const unsigned char *)nptr;
    uint64_t value = 0;
    bool any = false;
    int d;

    *neg = *range = false;
    while (isspace(*p))
        p++;
    if (*p == '-' || *p == '+')
        *neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
        digit_value(p[2], 16) >= 0) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = *p == '0' ? 8 : 10;
    }
    for (; (d = digit_value(*p, base)) >= 0; p++) {
        any = true;
        if (*range || __builtin_mul_overflow(value, (uint64_t)base, &value) ||
            __builtin_add_overflow(value, (uint64_t)d, &value) || value > limit) {
            *range = true;
            value = limit;
        }
    }
    if (end)
        *end = (char *)(any ? (const char *)p : nptr);
    return any ? value : 0;
}

static bool valid_base(int base, const char *nptr, char **end)
{
    if (crt_null(nptr) || base < 0 || base == 1 || base > 36) {
        if (end)
            *end = (char *)nptr;
        errno = EINVAL;
        return false;
    }
    return true;
}

/* Signed conversions: the result saturates at min/max with ERANGE. */
static int64_t to_signed(const char *nptr, char **end, int base, int64_t min, int64_t max)
{
    bool neg, range;
    uint64_t mag;

    if (!valid_base(base, nptr, end))
        return 0;
    mag = parse_magnitude(nptr, end, base, (uint64_t)max + 1, &neg, &range);
    if (!neg && mag > (uint64_t)max) {
        mag = max;
        range = true;
    }
    if (range)
        errno = ERANGE;
    return neg ? (mag > (uint64_t)max ? min : -(int64_t)mag) : (int64_t)mag;
}

/* Unsigned conversions: a '-' negates the result modulo 2^bits; out of range gives max. */
static uint64_t to_unsigned(const char *nptr, char **end, int base, uint64_t max)
{
    bool neg, range;
    uint64_t mag;

    if (!valid_base(base, nptr, end))
        return 0;
    mag = parse_magnitude(nptr, end, base, max, &neg, &range);
    if (range) {
        errno = ERANGE;
        return max;
    }
    return neg ? (0 - mag) & max : mag;
}

long __cdecl strtol(const char *nptr, char **end, int base)
{
    return to_signed(nptr, end, base, LONG_MIN, LONG_MAX);
}

unsigned long __cdecl strtoul(const char *nptr, char **end, int base)
{
    return to_unsigned(nptr, end, base, ULONG_MAX);
}

__int64 __cdecl _strtoi64(const char *nptr, char **end, int base)
{
    return to_signed(nptr, end, base, INT64_MIN, INT64_MAX);
}

unsigned __int64 __cdecl _strtoui64(const char *nptr, char **end, int base)
{
    return to_unsigned(nptr, end, base, UINT64_MAX);
}

/*********************************************************************
 *      atoi (MSVCRT.@)
 *
 * Out of range values saturate with ERANGE (documented for the CRTs since VS2005).
 */
int __cdecl atoi(const char *s)
{
    return to_signed(s, NULL, 10, INT_MIN, INT_MAX);
}

long __cdecl atol(const char *s)
{
    return to_signed(s, NULL, 10, LONG_MIN, LONG_MAX);
}

__int64 __cdecl _atoi64(const char *s)
{
    return to_signed(s, NULL, 10, INT64_MIN, INT64_MAX);
}

/* Digits of value in base (2..36) into buf, with a '-' when neg; returns buf. */
static char *format_unsigned(uint64_t value, bool neg, char *buf, int base)
{
    char tmp[66];
    int n = 0, i = 0;

    if (base < 2 || base > 36) {
        errno = EINVAL;
        if (buf)
            *buf = 0;
        return buf;
    }
    do {
        int d = value % base;
        tmp[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        value /= base;
    } while (value);
    if (neg)
        buf[i++] = '-';
    while (n)
        buf[i++] = tmp[--n];
    buf[i] = 0;
    return buf;
}

/* _itoa, _ltoa: negative values get a sign only in base 10 (else two's complement digits). */
char *__cdecl _itoa(int value, char *buf, int base)
{
    bool neg = base == 10 && value < 0;
    return format_unsigned(neg ? -(uint64_t)(int64_t)value : (unsigned)value, neg, buf, base);
}

char *__cdecl _ltoa(long value, char *buf, int base)
{
    return _itoa(value, buf, base);
}

char *__cdecl _ultoa(unsigned long value, char *buf, int base)
{
    return format_unsigned(value, false, buf, base);
}

char *__cdecl _i64toa(__int64 value, char *buf, int base)
{
    bool neg = base == 10 && value < 0;
    return format_unsigned(neg ? -(uint64_t)value : (uint64_t)value, neg, buf, base);
}

char *__cdecl _ui64toa(unsigned __int64 value, char *buf, int base)
{
    return format_unsigned(value, false, buf, base);
}

int __cdecl abs(int v) { return v < 0 ? -v : v; }
long __cdecl labs(long v) { return v < 0 ? -v : v; }
__int64 __cdecl _abs64(__int64 v) { return v < 0 ? -v : v; }

div_t __cdecl div(int num, int den)
{
    div_t r = { num / den, num % den };
    return r;
}

ldiv_t __cdecl ldiv(long num, long den)
{
    ldiv_t r = { num / den, num % den };
    return r;
}

/*********************************************************************
 *      rand (MSVCRT.@)
 *
 * Microsoft's per-thread linear congruential generator; 0..RAND_MAX (0x7fff).
 */
int __cdecl rand(void)
{
    struct thread_data *data = msvcrt_thread_data();

    data->rand_seed = data->rand_seed * 214013 + 2531011;
    return (data->rand_seed >> 16) & RAND_MAX;
}

void __cdecl srand(unsigned int seed)
{
    msvcrt_thread_data()->rand_seed = seed;
}

static void swap_bytes(char *a, char *b, size_t size)
{
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

typedef int (__cdecl *compare_fn)(const void *, const void *);
typedef int (__cdecl *compare_ctx_fn)(void *, const void *, const void *);

/* The comparison of qsort (plain) or qsort_s (with the caller's context). */
struct comparator {
    compare_fn plain;
    compare_ctx_fn with_ctx;
    void *ctx;
};

static int compare(const struct comparator *c, const void *a, const void *b)
{
    return c->plain ? c->plain(a, b) : c->with_ctx(c->ctx, a, b);
}

static void insertion_sort(char *base, size_t n, size_t size, const struct comparator *cmp)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && compare(cmp, base + (j - 1) * size, base + j * size) > 0; j--)
            swap_bytes(base + (j - 1) * size, base + j * size, size);
}

/* Puts a median-of-three pivot at base, partitions, and returns the pivot's final index. */
static size_t partition(char *base, size_t n, size_t size, const struct comparator *cmp)
{
    char *lo = base + size, *mid = base + (n / 2) * size, *hi = base + (n - 1) * size;
    size_t i = 1, j = n - 1;

    if (compare(cmp, mid, lo) < 0) swap_bytes(mid, lo, size);
    if (compare(cmp, hi, mid) < 0) swap_bytes(hi, mid, size);
    if (compare(cmp, mid, lo) < 0) swap_bytes(mid, lo, size);
    swap_bytes(base, mid, size);
    for (;;) {
        while (i <= j && compare(cmp, base + i * size, base) < 0)
            i++;
        while (j >= i && compare(cmp, base + j * size, base) > 0)
            j--;
        if (i >= j)
            break;
        swap_bytes(base + i * size, base + j * size, size);
        i++, j--;
    }
    swap_bytes(base, base + j * size, size);
    return j;
}

/* Quicksort with median-of-three pivots; recursion only into the smaller part, so the depth
 * stays logarithmic. Not stable (nor is msvcrt's). */
static void sort(char *b, size_t n, size_t size, const struct comparator *cmp)
{
    while (n > 8) {
        size_t p = partition(b, n, size, cmp);
        if (p < n - p - 1) {
            sort(b, p, size, cmp);
            b += (p + 1) * size;
            n -= p + 1;
        } else {
            sort(b + (p + 1) * size, n - p - 1, size, cmp);
            n = p;
        }
    }
    insertion_sort(b, n, size, cmp);
}

/*********************************************************************
 *      qsort (MSVCRT.@)
 */
void __cdecl qsort(void *base, size_t n, size_t size, compare_fn cmp)
{
    struct comparator c = { cmp, NULL, NULL };

    if (!n || !size)
        return;
    if (crt_null(base) || crt_null((const void *)cmp)) {
        errno = EINVAL;
        return;
    }
    sort(base, n, size, &c);
}

/*********************************************************************
 *      qsort_s (MSVCRT.@)
 *
 * As qsort, the comparison getting context first ("qsort_s" page: NULL base with a non-zero
 * count, a NULL comparison or a zero width with a non-zero count -> handler, EINVAL).
 */
void __cdecl qsort_s(void *base, size_t n, size_t size, compare_ctx_fn cmp, void *ctx)
{
    struct comparator c = { NULL, cmp, ctx };

    if (!msvcrt_check_param(!(n && (crt_null(base) || !size)) && !crt_null((const void *)cmp),
                            EINVAL))
        return;
    if (n)
        sort(base, n, size, &c);
}

/*********************************************************************
 *      bsearch (MSVCRT.@)
 */
void *__cdecl bsearch(const void *key, const void *base, size_t n, size_t size, compare_fn cmp)
{
    const char *b = base;

    while (n) {
        const char *mid = b + (n / 2) * size;
        int c = cmp(key, mid);
        if (!c)
            return (void *)mid;
        if (c > 0) {
            b = mid + size;
            n -= n / 2 + 1;
        } else {
            n /= 2;
        }
    }
    return NULL;
}
