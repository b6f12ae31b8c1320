/* bench_threads.c: thread create+join, locks with and without contention, event ping-pong. */
/*
 * bench_threads create | lock | contended | pingpong
 * Win32: CreateThread, CRITICAL_SECTION, auto-reset events. POSIX: pthreads, a mutex, semaphores.
 */
#include "bench_os.h"

static bench_mutex mutex;
static volatile long counter;

static void nothing(void *arg)
{
    (void)arg;
}

static void bench_create(void)
{
    int64_t t = bench_now_ns();
    for (int i = 0; i < 2000; i++)
        bench_thread_join(bench_thread_create(nothing, NULL));
    bench_report("threads.create", bench_now_ns() - t);
}

static void bench_lock(void)
{
    int64_t t;
    bench_mutex_init(&mutex);
    t = bench_now_ns();
    for (int i = 0; i < 20000000; i++) {
        bench_mutex_lock(&mutex);
        counter++;
        bench_mutex_unlock(&mutex);
    }
    bench_report("threads.lock", bench_now_ns() - t);
}

enum { CONTENDED_ROUNDS = 2000000 };

static void contend(void *arg)
{
    (void)arg;
    for (int i = 0; i < CONTENDED_ROUNDS; i++) {
        bench_mutex_lock(&mutex);
        counter++;
        bench_mutex_unlock(&mutex);
    }
}

static void bench_contended(void)
{
    bench_thread a, b;
    int64_t t;
    bench_mutex_init(&mutex);
    t = bench_now_ns();
    a = bench_thread_create(contend, NULL);
    b = bench_thread_create(contend, NULL);
    bench_thread_join(a);
    bench_thread_join(b);
    bench_report("threads.contended", bench_now_ns() - t);
    if (counter != 2L * CONTENDED_ROUNDS) {
        fprintf(stderr, "failed: counter %ld, expected %ld (the lock let two in)\n", counter,
                2L * CONTENDED_ROUNDS);
        exit(1);
    }
}

enum { PINGS = 50000 };
static bench_event ping, pong;

static void ponger(void *arg)
{
    (void)arg;
    for (int i = 0; i < PINGS; i++) {
        bench_event_wait(ping);
        bench_event_set(pong);
    }
}

static void bench_pingpong(void)
{
    bench_thread th;
    int64_t t;
    ping = bench_event_create();
    pong = bench_event_create();
    th = bench_thread_create(ponger, NULL);
    t = bench_now_ns();
    for (int i = 0; i < PINGS; i++) {
        bench_event_set(ping);
        bench_event_wait(pong);
    }
    bench_report("threads.pingpong", bench_now_ns() - t);
    bench_thread_join(th);
}

int main(int argc, char **argv)
{
    const char *what = argc == 2 ? argv[1] : "";
    if (!strcmp(what, "create"))
        bench_create();
    else if (!strcmp(what, "lock"))
        bench_lock();
    else if (!strcmp(what, "contended"))
        bench_contended();
    else if (!strcmp(what, "pingpong"))
        bench_pingpong();
    else {
        fprintf(stderr, "usage: bench_threads create|lock|contended|pingpong\n");
        return 2;
    }
    return 0;
}
