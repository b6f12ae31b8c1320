/* usershared.c: KUSER_SHARED_DATA, the read-only page at 0x7ffe0000 where Windows programs read
 * the clocks without a system call (Go's runtime reads InterruptTime and SystemTime there).
 *
 * Our own DLLs never read it (their clocks are gate calls), and most programs do not either, so
 * the page is only reserved at start-up and made on the first access: the fault handler
 * (loader/signal.c) calls user_shared_data_fault, which maps it and starts its clock thread, and
 * the access is made again. A process that never reads the page has no clock thread, no memfd
 * and no timer wake-ups. (A system call given a pointer into the page before any read of it
 * fails with EFAULT, as for any unmapped page; nothing passes it to one.)
 *
 * The page is a memfd mapped twice: read-only at the fixed address for PE code, writable
 * elsewhere for the clock thread, which refreshes the times every millisecond (Windows refreshes
 * them at each timer interrupt: 15.6 ms by default, 1 ms after timeBeginPeriod(1) by any process;
 * we give the finer one, which no program can tell from a busy Windows machine). A time is a
 * KSYSTEM_TIME, written High2Time, LowPart, High1Time, so that a reader that sees High1Time ==
 * High2Time has a consistent value (the documented reading loop). Offsets are those of the
 * public KUSER_SHARED_DATA layout of Windows 10 x64. */
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(module);

#define USER_SHARED_DATA ((void *)0x7ffe0000)
#define USD_TICK_COUNT_MULTIPLIER 0x004
#define USD_INTERRUPT_TIME 0x008
#define USD_SYSTEM_TIME 0x014
#define USD_TIME_ZONE_BIAS 0x020
#define USD_IMAGE_NUMBER_LOW 0x02c
#define USD_IMAGE_NUMBER_HIGH 0x02e
#define USD_NT_SYSTEM_ROOT 0x030
#define USD_NT_BUILD_NUMBER 0x260
#define USD_NT_PRODUCT_TYPE 0x264
#define USD_PRODUCT_TYPE_IS_VALID 0x268
#define USD_NT_MAJOR_VERSION 0x26c
#define USD_NT_MINOR_VERSION 0x270
#define USD_NUMBER_OF_PHYSICAL_PAGES 0x2e8
#define USD_TICK_COUNT 0x320
#define EPOCH_1601 116444736000000000LL     /* 1970-01-01 as a FILETIME */

static uint8_t *usd;   /* the writable view */

static void put32(size_t off, uint32_t v) { __atomic_store_n((uint32_t *)(usd + off), v, __ATOMIC_RELEASE); }

static void put_system_time(size_t off, int64_t value)
{
    put32(off + 8, (uint32_t)((uint64_t)value >> 32));     /* High2Time */
    put32(off, (uint32_t)value);                            /* LowPart */
    put32(off + 4, (uint32_t)((uint64_t)value >> 32));     /* High1Time */
}

static int64_t clock_100ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 10000000LL + ts.tv_nsec / 100;
}

static void refresh(bool with_bias)
{
    int64_t interrupt = clock_100ns(CLOCK_MONOTONIC);
    put_system_time(USD_INTERRUPT_TIME, interrupt);
    put_system_time(USD_SYSTEM_TIME, clock_100ns(CLOCK_REALTIME) + EPOCH_1601);
    /* TickCountMultiplier 2^24: the tick count is in milliseconds. */
    put_system_time(USD_TICK_COUNT, interrupt / 10000);
    if (with_bias) {
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        put_system_time(USD_TIME_ZONE_BIAS, -(int64_t)tm.tm_gmtoff * 10000000);
    }
}

static void *clock_thread(void *arg)
{
    struct timespec ms = { 0, 1000000 };
    for (unsigned n = 1;; n++) {
        nanosleep(&ms, NULL);
        refresh(n % 1000 == 0);
    }
    return arg;
}

/* Start-up: the address is only reserved (one mmap); the page is made on its first access. */
void user_shared_data_init(void)
{
    if (mmap(USER_SHARED_DATA, 0x1000, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE |
             MAP_FIXED_NOREPLACE, -1, 0) != USER_SHARED_DATA)
        WARN("cannot reserve KUSER_SHARED_DATA at %p\n", USER_SHARED_DATA);
    else
        virtual_register_lazy_page(USER_SHARED_DATA, user_shared_data_fault);
}

static void fill_page(void)
{
    static const char root[] = "C:\\windows";
    put32(USD_TICK_COUNT_MULTIPLIER, 1u << 24);
    *(uint16_t *)(usd + USD_IMAGE_NUMBER_LOW) = 0x8664;
    *(uint16_t *)(usd + USD_IMAGE_NUMBER_HIGH) = 0x8664;
    for (size_t i = 0; i < sizeof(root); i++)
        ((uint16_t *)(usd + USD_NT_SYSTEM_ROOT))[i] = (unsigned char)root[i];
    put32(USD_NT_BUILD_NUMBER, 19045);
    put32(USD_NT_PRODUCT_TYPE, 1);          /* NtProductWinNt: a workstation */
    put32(USD_PRODUCT_TYPE_IS_VALID, 1);
    put32(USD_NT_MAJOR_VERSION, 10);
    put32(USD_NT_MINOR_VERSION, 0);
    put32(USD_NUMBER_OF_PHYSICAL_PAGES, (uint32_t)sysconf(_SC_PHYS_PAGES));
    refresh(true);
}

/* Maps the page over its reservation and starts the clock thread; false if it cannot. */
static bool make_page(void)
{
    pthread_attr_t attr;
    pthread_t thread;
    sigset_t all, old;
    void *ro;
    int fd = memfd_create("vinho-user-shared-data", MFD_CLOEXEC);

    if (fd < 0 || ftruncate(fd, 0x1000) < 0 ||
        (usd = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)) == MAP_FAILED) {
        if (fd >= 0)
            close(fd);
        return false;
    }
    fill_page();
    ro = mmap(USER_SHARED_DATA, 0x1000, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
    close(fd);
    if (ro != USER_SHARED_DATA)
        return false;
    /* The clock thread takes no signal: they are all for the Windows threads. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 128 * 1024);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attr, clock_thread, NULL))
        WARN("no clock thread: KUSER_SHARED_DATA times stay still\n");
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return true;
}

/* From the fault handler: a first access to the reserved page makes it, and the access is made
 * again (true). Other faults, and a write to the page once made, are not ours (false). Called
 * on the faulting thread, which is in PE code or in a gate call's access to a caller's pointer,
 * so that it holds no lock of libc's. */
bool user_shared_data_fault(const void *addr, bool write)
{
    enum { RESERVED, MAKING, MADE, FAILED };
    static int state = RESERVED;
    int seen = RESERVED;

    if ((uintptr_t)addr - (uintptr_t)USER_SHARED_DATA >= 0x1000)
        return false;
    if (__atomic_compare_exchange_n(&state, &seen, MAKING, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
        bool made = make_page();
        if (!made)
            WARN("cannot make KUSER_SHARED_DATA: its accesses fault\n");
        __atomic_store_n(&state, made ? MADE : FAILED, __ATOMIC_RELEASE);
        return made;
    }
    while (seen == MAKING) {        /* another thread's first access is making it */
        sched_yield();
        seen = __atomic_load_n(&state, __ATOMIC_ACQUIRE);
    }
    /* Made (now or before this fault was handled): a read succeeds when made again; a write to
     * the read-only page is the program's access violation. */
    return seen == MADE && !write;
}
