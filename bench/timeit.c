/* timeit.c: runs commands in alternation and prints each run's wall time and peak memory. */
/*
 * Usage: timeit [-n RUNS] [-w WARMUP] CMD [ARGS...] [:: CMD [ARGS...]]...
 *
 * Runs WARMUP rounds, then RUNS rounds; a round runs every command once, in the order given
 * (A B A B ...), so that a slow drift of the machine (frequency scaling, a neighbour's load)
 * touches every command alike. Each child gets /dev/null as stdin and stdout; stderr is kept so
 * that a failure shows. For every measured run it prints one line to stdout:
 *
 *     CMD_INDEX RUN_INDEX NANOSECONDS MAXRSS_KB EXIT_STATUS
 *
 * Wall time is CLOCK_MONOTONIC from just before posix_spawn to just after wait4 returns.
 * Peak memory is the child's own ru_maxrss from wait4 (kB): posix_spawn uses vfork semantics,
 * so the child never holds a copy of this process and the number is the command's alone.
 * EXIT_STATUS is the exit code, or 128+signal. It never judges the numbers; run.sh does the
 * statistics.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_COMMANDS 8

struct result { long long ns; long maxrss_kb; int status; };

static void usage(FILE *out)
{
    fprintf(out, "Usage: timeit [-n RUNS] [-w WARMUP] CMD [ARGS...] [:: CMD [ARGS...]]...\n"
                 "Prints \"cmd run ns maxrss_kb exit\" for each measured run.\n");
}

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* One run of argv with stdin and stdout on /dev/null; false if it could not be started. */
static bool run_once(char **argv, struct result *r)
{
    posix_spawn_file_actions_t fa;
    struct rusage ru;
    long long start;
    pid_t pid;
    int err, wstatus;

    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    start = now_ns();
    err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err) {
        fprintf(stderr, "timeit: %s: %s\n", argv[0], strerror(err));
        return false;
    }
    while (wait4(pid, &wstatus, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("timeit: wait4");
            return false;
        }
    }
    r->ns = now_ns() - start;
    r->maxrss_kb = ru.ru_maxrss;
    r->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    return true;
}

static long parse_count(const char *s, const char *what)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end || v < 0 || v > 1000000) {
        fprintf(stderr, "timeit: bad %s count \"%s\"\n", what, s);
        exit(2);
    }
    return v;
}

/* Splits argv at "::" into at most MAX_COMMANDS NULL-terminated commands; returns how many. */
static int split_commands(int argc, char **argv, char **cmds[MAX_COMMANDS])
{
    int n = 0;
    for (int i = 0; i < argc; ) {
        if (n == MAX_COMMANDS) {
            fprintf(stderr, "timeit: at most %d commands\n", MAX_COMMANDS);
            exit(2);
        }
        cmds[n] = argv + i;
        while (i < argc && strcmp(argv[i], "::"))
            i++;
        if (argv + i == cmds[n]) {
            fprintf(stderr, "timeit: empty command\n");
            exit(2);
        }
        if (i < argc)
            argv[i++] = NULL;   /* the "::" becomes the command's terminator */
        n++;
    }
    return n;
}

int main(int argc, char **argv)
{
    long runs = 10, warmup = 1;
    char **cmds[MAX_COMMANDS];
    struct result r;
    int opt, ncmds;

    while ((opt = getopt(argc, argv, "+n:w:h")) != -1) {
        switch (opt) {
        case 'n': runs = parse_count(optarg, "run"); break;
        case 'w': warmup = parse_count(optarg, "warm-up"); break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    ncmds = split_commands(argc - optind, argv + optind, cmds);
    for (long round = 0; round < warmup; round++)
        for (int c = 0; c < ncmds; c++)
            if (!run_once(cmds[c], &r))
                return 1;
    for (long round = 0; round < runs; round++) {
        for (int c = 0; c < ncmds; c++) {
            if (!run_once(cmds[c], &r))
                return 1;
            printf("%d %ld %lld %ld %d\n", c, round, r.ns, r.maxrss_kb, r.status);
        }
    }
    return fflush(stdout) ? 1 : 0;
}
