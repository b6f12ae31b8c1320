/* bench_pipe.c: MB megabytes through an anonymous pipe from a child process to its parent. */
/*
 * bench_pipe MB           the parent: makes the pipe, starts "bench_pipe child:MB" with its
 *                         stdout on the pipe's write end, reads everything, waits for the child
 * bench_pipe child:MB     the child: writes MB megabytes to stdout in 64 KiB blocks
 *
 * This is a throughput benchmark: the clock starts when the first block has arrived, so the
 * child's start-up (measured by bench_spawn and the startup rows) is not part of it. The time
 * covers the rest of the data, the end of the child and the wait for it.
 */
#include "bench_os.h"

#define BLOCK (64 * 1024)

static char buf[BLOCK];

int main(int argc, char **argv)
{
    bench_file rd, wr;
    bench_proc child;
    char arg[32];
    long long got = 0, want;
    size_t n;
    int64_t t;
    int code;

    if (argc == 2 && !strncmp(argv[1], "child:", 6)) {
        long blocks = atol(argv[1] + 6) * (1024 * 1024 / BLOCK);
        bench_file out = bench_stdout();
        memset(buf, 'p', sizeof(buf));
        for (long i = 0; i < blocks; i++)
            bench_file_write(out, buf, sizeof(buf));
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: bench_pipe MB\n");
        return 2;
    }
    want = atoll(argv[1]) * 1024 * 1024;
    snprintf(arg, sizeof(arg), "child:%s", argv[1]);
    bench_pipe(&rd, &wr);
    child = bench_spawn(bench_self(), arg, wr);
    bench_file_close(wr);   /* only the child holds the write end now, so its exit ends the data */
    t = 0;
    while ((n = bench_file_read(rd, buf, sizeof(buf))) > 0) {
        if (!t)
            t = bench_now_ns();     /* the child runs: from here on it is the pipe's speed */
        got += (long long)n;
    }
    if (!t)
        t = bench_now_ns();
    bench_file_close(rd);
    code = bench_wait(child);
    bench_report("pipe", bench_now_ns() - t);
    if (code != 0 || got != want) {
        fprintf(stderr, "failed: child exit %d, %lld bytes of %lld\n", code, got, want);
        return code == BENCH_NOT_YET ? BENCH_NOT_YET : 1;
    }
    return 0;
}
