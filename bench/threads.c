/* threads.c: thread and lock benchmarks, built as a Windows program (Win32 calls) and as a Linux
 * program (pthreads) from the same source; bench/threads.sh runs both and prints the ratios.
 * Each test prints "name nanoseconds-per-operation". */
#include <stdio.h>
#include <stdint.h>
#ifdef _WIN32
#include <windows.h>
typedef CRITICAL_SECTION lock_t;
#define lock_init(l) InitializeCriticalSection(l)
#define lock_take(l) EnterCriticalSection(l)
#define lock_drop(l) LeaveCriticalSection(l)
typedef HANDLE thread_t;
typedef HANDLE signal_t;
#define signal_init(s) (*(s) = CreateEventW(NULL, FALSE, FALSE, NULL))
#define signal_post(s) SetEvent(*(s))
#define signal_wait(s) WaitForSingleObject(*(s), INFINITE)
static uint64_t now_ns(void)
{
    LARGE_INTEGER c, f;
    QueryPerformanceCounter(&c);
    QueryPerformanceFrequency(&f);
    return (uint64_t)(c.QuadPart * (1e9 / f.QuadPart));
}
static DWORD WINAPI trampoline(void *arg)
{
    ((void (*)(void))arg)();
    return 0;
}
static thread_t thread_start(void (*fn)(void)) { return CreateThread(NULL, 0, trampoline, fn, 0, NULL); }
static void thread_join(thread_t t) { WaitForSingleObject(t, INFINITE); CloseHandle(t); }
#else
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
typedef pthread_mutex_t lock_t;
#define lock_init(l) pthread_mutex_init(l, NULL)
#define lock_take(l) pthread_mutex_lock(l)
#define lock_drop(l) pthread_mutex_unlock(l)
typedef pthread_t thread_t;
typedef sem_t signal_t;
#define signal_init(s) sem_init(s, 0, 0)
#define signal_post(s) sem_post(s)
#define signal_wait(s) sem_wait(s)
static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}
static void *trampoline(void *arg)
{
    ((void (*)(void))arg)();
    return NULL;
}
static thread_t thread_start(void (*fn)(void))
{
    pthread_t t;
    pthread_create(&t, NULL, trampoline, fn);
    return t;
}
static void thread_join(thread_t t) { pthread_join(t, NULL); }
#endif

#define LOCK_OPS 2000000
#define CONTENDED_THREADS 4
#define CONTENDED_OPS 200000
#define PINGS 20000
#define THREADS 2000

static lock_t lock;
static volatile long counter;
static signal_t ping, pong;

static void contender(void)
{
    for (int i = 0; i < CONTENDED_OPS; i++) {
        lock_take(&lock);
        counter++;
        lock_drop(&lock);
    }
}

static void ponger(void)
{
    for (int i = 0; i < PINGS; i++) {
        signal_wait(&ping);
        signal_post(&pong);
    }
}

static void nothing(void)
{
}

int main(void)
{
    uint64_t t;
    thread_t th[CONTENDED_THREADS];

    lock_init(&lock);
    t = now_ns();
    for (int i = 0; i < LOCK_OPS; i++) {
        lock_take(&lock);
        counter++;
        lock_drop(&lock);
    }
    printf("lock_uncontended %.1f\n", (double)(now_ns() - t) / LOCK_OPS);

    t = now_ns();
    for (int i = 0; i < CONTENDED_THREADS; i++)
        th[i] = thread_start(contender);
    for (int i = 0; i < CONTENDED_THREADS; i++)
        thread_join(th[i]);
    printf("lock_contended_%d %.1f\n", CONTENDED_THREADS,
           (double)(now_ns() - t) / (CONTENDED_THREADS * CONTENDED_OPS));

    signal_init(&ping);
    signal_init(&pong);
    th[0] = thread_start(ponger);
    t = now_ns();
    for (int i = 0; i < PINGS; i++) {
        signal_post(&ping);
        signal_wait(&pong);
    }
    printf("event_pingpong %.1f\n", (double)(now_ns() - t) / PINGS);
    thread_join(th[0]);

    t = now_ns();
    for (int i = 0; i < THREADS; i++)
        thread_join(thread_start(nothing));
    printf("thread_create_join %.1f\n", (double)(now_ns() - t) / THREADS);
    return 0;
}
