/* timeit.c: runs commands in alternation and prints each run's wall time and peak memory. */
/*
 * Usage: timeit [-n RUNS] [-w WARMUP] [-t SECONDS] [-b SECONDS] [-o DIR]
 *               CMD [ARGS...] [:: CMD [ARGS...]]...
 *
 * Runs WARMUP rounds, then RUNS rounds; a round runs every command once, in the order given
 * (A B A B ...), so that a slow drift of the machine (frequency scaling, a neighbour's load)
 * touches every command alike. Each child gets /dev/null as stdin. Its stdout goes to /dev/null
 * and its stderr is kept, so that a failure shows; with -o DIR they go to DIR/out.N and
 * DIR/err.N instead (N the command's index, rewritten at each run), and the lines
 * "bench NAME NANOSECONDS" that the program printed (its own timing of its work, see
 * bench_os.h) are passed on. For every measured run it prints:
 *
 *     T CMD_INDEX RUN_INDEX NANOSECONDS MAXRSS_KB EXIT_STATUS
 *     R CMD_INDEX RUN_INDEX NAME NANOSECONDS          (one per "bench" line, with -o)
 *
 * Wall time is CLOCK_MONOTONIC from just before posix_spawn to just after wait4 returns.
 * Peak memory is the child's own ru_maxrss from wait4 (kB): posix_spawn uses vfork semantics,
 * so the child never holds a copy of this process and the number is the command's alone.
 * EXIT_STATUS is the exit code, or 128+signal, or 124 when the run took longer than -t SECONDS
 * (then its whole process group is killed). A command whose warm-up run fails is not run again:
 * "F CMD_INDEX EXIT_STATUS" says so, and its err.N keeps why. With -b SECONDS, a command whose
 * runs (warm-up included) have taken that long in total stops after its current run, with at
 * least one measured run: "B CMD_INDEX MEASURED_RUNS" says so. That keeps a very slow runner
 * (Wine starting 200 processes) from taking the whole time; its median is then of fewer runs.
 * It never judges the numbers; run.sh does the statistics.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_COMMANDS 8

struct result { long long ns; long maxrss_kb; int status; };

static const char *out_dir;     /* -o: where the children's stdout and stderr go */
static long timeout_s;          /* -t: 0 for none */
static long budget_s;           /* -b: 0 for none */
static volatile sig_atomic_t alarmed;

static void on_alarm(int sig)
{
    (void)sig;
    alarmed = 1;
}

static void usage(FILE *out)
{
    fprintf(out, "Usage: timeit [-n RUNS] [-w WARMUP] [-t SECONDS] [-b SECONDS] [-o DIR] "
                 "CMD [ARGS...] [:: CMD [ARGS...]]...\n"
                 "Prints \"T cmd run ns maxrss_kb exit\" for each measured run.\n");
}

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Sends the child's stdout and stderr to DIR/out.INDEX and DIR/err.INDEX, or stdout to null. */
static void add_outputs(posix_spawn_file_actions_t *fa, int index)
{
    char path[4096];
    if (!out_dir) {
        posix_spawn_file_actions_addopen(fa, 1, "/dev/null", O_WRONLY, 0);
        return;
    }
    snprintf(path, sizeof(path), "%s/out.%d", out_dir, index);
    posix_spawn_file_actions_addopen(fa, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    snprintf(path, sizeof(path), "%s/err.%d", out_dir, index);
    posix_spawn_file_actions_addopen(fa, 2, path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
}

/* Waits for PID; after -t seconds kills its process group and reports status 124. */
static bool wait_child(pid_t pid, int *wstatus, struct rusage *ru, bool *timed_out)
{
    struct itimerval it = { { 0, 0 }, { timeout_s, 0 } };
    *timed_out = false;
    alarmed = 0;
    if (timeout_s)
        setitimer(ITIMER_REAL, &it, NULL);
    while (wait4(pid, wstatus, 0, ru) < 0) {
        if (errno != EINTR) {
            perror("timeit: wait4");
            return false;
        }
        if (alarmed && !*timed_out) {
            *timed_out = true;
            kill(-pid, SIGKILL);
        }
    }
    if (timeout_s) {
        it.it_value.tv_sec = 0;
        setitimer(ITIMER_REAL, &it, NULL);
    }
    return true;
}

/* One run of argv, in its own process group; false if it could not be started. */
static bool run_once(char **argv, int index, struct result *r)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    struct rusage ru;
    long long start;
    bool timed_out;
    pid_t pid;
    int err, wstatus;

    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    add_outputs(&fa, index);
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    start = now_ns();
    err = posix_spawnp(&pid, argv[0], &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (err) {
        fprintf(stderr, "timeit: %s: %s\n", argv[0], strerror(err));
        return false;
    }
    if (!wait_child(pid, &wstatus, &ru, &timed_out))
        return false;
    r->ns = now_ns() - start;
    r->maxrss_kb = ru.ru_maxrss;
    r->status = timed_out ? 124
        : WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    return true;
}

/* Passes on the "bench NAME NS" lines of command INDEX's last output. */
static void print_reports(int index, long round)
{
    char path[4096], line[512], name[256];
    long long ns;
    FILE *f;
    snprintf(path, sizeof(path), "%s/out.%d", out_dir, index);
    if (!(f = fopen(path, "r")))
        return;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "bench %255s %lld", name, &ns) == 2)
            printf("R %d %ld %s %lld\n", index, round, name, ns);
    fclose(f);
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
    bool dropped[MAX_COMMANDS] = { false };
    long long used_ns[MAX_COMMANDS] = { 0 };
    struct sigaction sa;
    struct result r;
    int opt, ncmds;

    while ((opt = getopt(argc, argv, "+n:w:t:b:o:h")) != -1) {
        switch (opt) {
        case 'n': runs = parse_count(optarg, "run"); break;
        case 'w': warmup = parse_count(optarg, "warm-up"); break;
        case 't': timeout_s = parse_count(optarg, "timeout"); break;
        case 'b': budget_s = parse_count(optarg, "budget"); break;
        case 'o': out_dir = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;   /* no SA_RESTART: the alarm must interrupt wait4 */
    sigaction(SIGALRM, &sa, NULL);
    ncmds = split_commands(argc - optind, argv + optind, cmds);
    for (long round = 0; round < warmup; round++) {
        for (int c = 0; c < ncmds; c++) {
            if (dropped[c])
                continue;
            if (!run_once(cmds[c], c, &r))
                return 1;
            used_ns[c] += r.ns;
            if (r.status != 0) {
                dropped[c] = true;
                printf("F %d %d\n", c, r.status);
            }
        }
    }
    for (long round = 0; round < runs; round++) {
        for (int c = 0; c < ncmds; c++) {
            if (dropped[c])
                continue;
            if (!run_once(cmds[c], c, &r))
                return 1;
            printf("T %d %ld %lld %ld %d\n", c, round, r.ns, r.maxrss_kb, r.status);
            if (out_dir)
                print_reports(c, round);
            used_ns[c] += r.ns;
            if (budget_s && used_ns[c] >= budget_s * 1000000000LL && round + 1 < runs) {
                dropped[c] = true;
                printf("B %d %ld\n", c, round + 1);
            }
        }
    }
    return fflush(stdout) ? 1 : 0;
}
