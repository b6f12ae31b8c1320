/* bench_crt.c: the C runtime: formatted output, qsort, malloc/free churn, strlen and memcpy. */
/*
 * bench_crt sprintf | printf | qsort | malloc | string
 * Under vinho and Wine these exercise msvcrt.dll (the program is built with
 * __USE_MINGW_ANSI_STDIO=0, so printf is the DLL's); natively, glibc.
 */
#include "bench_os.h"

static volatile size_t sink;

static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

static void bench_sprintf(void)
{
    char buf[256];
    int64_t t = bench_now_ns();
    size_t total = 0;
    for (int i = 0; i < 400000; i++)
        total += (size_t)sprintf(buf, "%d %5u %-8s %x %08.3f %c %ld %e|", i, i * 7u, "name",
                                 i * 13, i / 7.0, 'a' + i % 26, (long)i * 3, i * 1.5e-3);
    bench_report("crt.sprintf", bench_now_ns() - t);
    sink = total;
}

static void bench_printf(void)
{
    int64_t t = bench_now_ns();
    for (int i = 0; i < 200000; i++)
        printf("line %d %5u %-8s %x %08.3f\n", i, i * 7u, "name", i * 13, i / 7.0);
    fflush(stdout);
    bench_report("crt.printf", bench_now_ns() - t);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void bench_qsort(void)
{
    enum { N = 1000000 };
    int *v = malloc(N * sizeof(*v));
    int64_t t;
    if (!v)
        bench_fail("malloc");
    for (int i = 0; i < N; i++)
        v[i] = (int)rng();
    t = bench_now_ns();
    qsort(v, N, sizeof(*v), cmp_int);
    bench_report("crt.qsort", bench_now_ns() - t);
    for (int i = 1; i < N; i++)
        if (v[i - 1] > v[i]) {
            fprintf(stderr, "failed: qsort left the array unsorted\n");
            exit(1);
        }
    free(v);
}

/* Sizes from 8 bytes to 4 KiB, frees in a shuffled order: the churn of a real program's heap. */
static void bench_malloc(void)
{
    enum { SLOTS = 4096, ROUNDS = 3000000 };
    static void *slot[SLOTS];
    int64_t t = bench_now_ns();
    for (int i = 0; i < ROUNDS; i++) {
        uint32_t r = rng();
        int k = r % SLOTS;
        free(slot[k]);
        slot[k] = malloc(8 + (r >> 12) % 4096);
        if (!slot[k])
            bench_fail("malloc");
        *(char *)slot[k] = 1;
    }
    for (int k = 0; k < SLOTS; k++)
        free(slot[k]);
    bench_report("crt.malloc", bench_now_ns() - t);
}

static void bench_string(void)
{
    enum { SIZE = 16 * 1024 * 1024 };
    char *a = malloc(SIZE), *b = malloc(SIZE);
    size_t total = 0;
    int64_t t;
    if (!a || !b)
        bench_fail("malloc");
    memset(a, 'a', SIZE - 1);
    a[SIZE - 1] = 0;
    memset(b, 0, SIZE);
    t = bench_now_ns();
    for (int i = 0; i < 20; i++) {
        a[i] = 'b';   /* a write between passes, so that no pass can be skipped */
        memcpy(b, a, SIZE);
        total += strlen(b);
    }
    bench_report("crt.string", bench_now_ns() - t);
    sink = total;
    free(a);
    free(b);
}

int main(int argc, char **argv)
{
    const char *what = argc == 2 ? argv[1] : "";
    if (!strcmp(what, "sprintf"))
        bench_sprintf();
    else if (!strcmp(what, "printf"))
        bench_printf();
    else if (!strcmp(what, "qsort"))
        bench_qsort();
    else if (!strcmp(what, "malloc"))
        bench_malloc();
    else if (!strcmp(what, "string"))
        bench_string();
    else {
        fprintf(stderr, "usage: bench_crt sprintf|printf|qsort|malloc|string\n");
        return 2;
    }
    return 0;
}
