/* bench_spawn.c: starting a trivial child process and waiting for it, COUNT times. */
/*
 * bench_spawn COUNT    starts "bench_spawn child" COUNT times, one after the other
 * bench_spawn child    exits 7 at once (the parent checks the code, so the child really ran)
 */
#include "bench_os.h"

int main(int argc, char **argv)
{
    const char *self;
    long count;
    int64_t t;

    if (argc == 2 && !strcmp(argv[1], "child"))
        return 7;
    if (argc != 2 || (count = atol(argv[1])) <= 0) {
        fprintf(stderr, "usage: bench_spawn COUNT\n");
        return 2;
    }
    self = bench_self();
    t = bench_now_ns();
    for (long i = 0; i < count; i++) {
        int code = bench_wait(bench_spawn(self, "child", BENCH_BAD_FILE));
        if (code != 7) {
            fprintf(stderr, "failed: child %ld exited %d, expected 7\n", i, code);
            return code == BENCH_NOT_YET ? BENCH_NOT_YET : 1;
        }
    }
    bench_report("spawn", bench_now_ns() - t);
    return 0;
}
