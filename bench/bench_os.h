/* bench_os.h: the few OS calls the benchmarks need, as Win32 in the PE build and POSIX natively. */
/*
 * Every benchmark is one C source built twice: with mingw-w64 for Windows (run under vinho or
 * Wine) and with gcc for Linux. Where the two systems name the same work differently (threads,
 * locks, events, files, folders, processes, pipes), this header picks the call of the system the
 * program is built for, so that both builds do the same work through their own system's API.
 *
 * Output protocol, read by bench/timeit.c and bench/run.sh:
 *   stdout: "bench NAME NANOSECONDS" for each measured part (the program times its own work, so
 *           that start-up is not counted in a benchmark of something else);
 *   exit 0: measured; exit 77 (BENCH_NOT_YET) with "not yet: API ..." on stderr: the system
 *           answered that the call is not implemented; any other exit: a failure, said on stderr.
 * A call that vinho lacks altogether is bound to a stub that names it and ends the process
 * (exit 127); run.sh reads that line too.
 */
#ifndef BENCH_OS_H
#define BENCH_OS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BENCH_NOT_YET 77

#ifdef _WIN32
#include <windows.h>
#else
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
extern char **environ;
#endif

/* ---- reporting ---- */

static inline void bench_report(const char *name, int64_t ns)
{
    printf("bench %s %lld\n", name, (long long)ns);
    fflush(stdout);
}

/* A failed call: "not yet" when the system says it is not implemented, otherwise a failure. */
static inline void bench_fail(const char *api)
{
#ifdef _WIN32
    DWORD err = GetLastError();
    if (err == ERROR_CALL_NOT_IMPLEMENTED || err == ERROR_NOT_SUPPORTED) {
        fprintf(stderr, "not yet: %s (error %lu)\n", api, (unsigned long)err);
        exit(BENCH_NOT_YET);
    }
    fprintf(stderr, "failed: %s (error %lu)\n", api, (unsigned long)err);
#else
    if (errno == ENOSYS || errno == ENOTSUP) {
        fprintf(stderr, "not yet: %s (%s)\n", api, strerror(errno));
        exit(BENCH_NOT_YET);
    }
    fprintf(stderr, "failed: %s (%s)\n", api, strerror(errno));
#endif
    exit(1);
}

/* ---- time ---- */

static inline int64_t bench_now_ns(void)
{
#ifdef _WIN32
    static LARGE_INTEGER freq;
    LARGE_INTEGER now;
    if (!freq.QuadPart && !QueryPerformanceFrequency(&freq))
        bench_fail("QueryPerformanceFrequency");
    if (!QueryPerformanceCounter(&now))
        bench_fail("QueryPerformanceCounter");
    /* Split so that a 10 MHz counter times 1e9 cannot overflow after a long uptime. */
    return now.QuadPart / freq.QuadPart * 1000000000LL
        + now.QuadPart % freq.QuadPart * 1000000000LL / freq.QuadPart;
#else
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
#endif
}

/* ---- threads, locks, events ---- */

#ifdef _WIN32
typedef HANDLE bench_thread;
typedef CRITICAL_SECTION bench_mutex;
typedef HANDLE bench_event;
#else
typedef pthread_t bench_thread;
typedef pthread_mutex_t bench_mutex;
typedef sem_t *bench_event;
#endif

typedef void (*bench_thread_fn)(void *arg);
struct bench_thread_start { bench_thread_fn fn; void *arg; };

#ifdef _WIN32
static inline DWORD WINAPI bench_thread_entry(void *p)
#else
static inline void *bench_thread_entry(void *p)
#endif
{
    struct bench_thread_start s = *(struct bench_thread_start *)p;
    free(p);
    s.fn(s.arg);
    return 0;
}

static inline bench_thread bench_thread_create(bench_thread_fn fn, void *arg)
{
    struct bench_thread_start *s = (struct bench_thread_start *)malloc(sizeof(*s));
    bench_thread t;
    if (!s)
        bench_fail("malloc");
    s->fn = fn;
    s->arg = arg;
#ifdef _WIN32
    t = CreateThread(NULL, 0, bench_thread_entry, s, 0, NULL);
    if (!t)
        bench_fail("CreateThread");
#else
    errno = pthread_create(&t, NULL, bench_thread_entry, s);
    if (errno)
        bench_fail("pthread_create");
#endif
    return t;
}

static inline void bench_thread_join(bench_thread t)
{
#ifdef _WIN32
    if (WaitForSingleObject(t, INFINITE) != WAIT_OBJECT_0)
        bench_fail("WaitForSingleObject(thread)");
    CloseHandle(t);
#else
    errno = pthread_join(t, NULL);
    if (errno)
        bench_fail("pthread_join");
#endif
}

static inline void bench_mutex_init(bench_mutex *m)
{
#ifdef _WIN32
    InitializeCriticalSection(m);
#else
    pthread_mutex_init(m, NULL);
#endif
}

static inline void bench_mutex_lock(bench_mutex *m)
{
#ifdef _WIN32
    EnterCriticalSection(m);
#else
    pthread_mutex_lock(m);
#endif
}

static inline void bench_mutex_unlock(bench_mutex *m)
{
#ifdef _WIN32
    LeaveCriticalSection(m);
#else
    pthread_mutex_unlock(m);
#endif
}

/* An auto-reset event: a Win32 event, or a POSIX semaphore used only as 0/1. */
static inline bench_event bench_event_create(void)
{
#ifdef _WIN32
    HANDLE e = CreateEventA(NULL, FALSE, FALSE, NULL);
    if (!e)
        bench_fail("CreateEventA");
    return e;
#else
    sem_t *s = (sem_t *)malloc(sizeof(*s));
    if (!s || sem_init(s, 0, 0))
        bench_fail("sem_init");
    return s;
#endif
}

static inline void bench_event_set(bench_event e)
{
#ifdef _WIN32
    if (!SetEvent(e))
        bench_fail("SetEvent");
#else
    sem_post(e);
#endif
}

static inline void bench_event_wait(bench_event e)
{
#ifdef _WIN32
    if (WaitForSingleObject(e, INFINITE) != WAIT_OBJECT_0)
        bench_fail("WaitForSingleObject(event)");
#else
    while (sem_wait(e) && errno == EINTR)
        ;
#endif
}

/* ---- files and folders ---- */

#ifdef _WIN32
typedef HANDLE bench_file;
#define BENCH_BAD_FILE INVALID_HANDLE_VALUE
#else
typedef int bench_file;
#define BENCH_BAD_FILE (-1)
#endif

/* Opens PATH for writing (create or truncate) or for reading. */
static inline bench_file bench_file_open(const char *path, int write)
{
#ifdef _WIN32
    HANDLE h = CreateFileA(path, write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ, NULL,
                           write ? CREATE_ALWAYS : OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE)
        bench_fail("CreateFileA");
    return h;
#else
    int fd = write ? open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) : open(path, O_RDONLY);
    if (fd < 0)
        bench_fail("open");
    return fd;
#endif
}

static inline void bench_file_write(bench_file f, const void *buf, size_t len)
{
#ifdef _WIN32
    DWORD done;
    if (!WriteFile(f, buf, (DWORD)len, &done, NULL) || done != len)
        bench_fail("WriteFile");
#else
    if (write(f, buf, len) != (ssize_t)len)
        bench_fail("write");
#endif
}

/* Reads up to LEN bytes; returns how many (0 at the end). */
static inline size_t bench_file_read(bench_file f, void *buf, size_t len)
{
#ifdef _WIN32
    DWORD done;
    if (!ReadFile(f, buf, (DWORD)len, &done, NULL)) {
        if (GetLastError() == ERROR_BROKEN_PIPE)
            return 0;   /* the writer of a pipe closed it: the end of the data */
        bench_fail("ReadFile");
    }
    return done;
#else
    ssize_t n;
    while ((n = read(f, buf, len)) < 0 && errno == EINTR)
        ;
    if (n < 0)
        bench_fail("read");
    return (size_t)n;
#endif
}

static inline void bench_file_close(bench_file f)
{
#ifdef _WIN32
    if (!CloseHandle(f))
        bench_fail("CloseHandle");
#else
    if (close(f))
        bench_fail("close");
#endif
}

/* The size of PATH, by name (GetFileAttributesEx / stat). */
static inline uint64_t bench_file_size(const char *path)
{
#ifdef _WIN32
    WIN32_FILE_ATTRIBUTE_DATA d;
    if (!GetFileAttributesExA(path, GetFileExInfoStandard, &d))
        bench_fail("GetFileAttributesExA");
    return (uint64_t)d.nFileSizeHigh << 32 | d.nFileSizeLow;
#else
    struct stat st;
    if (stat(path, &st))
        bench_fail("stat");
    return (uint64_t)st.st_size;
#endif
}

static inline void bench_file_delete(const char *path)
{
#ifdef _WIN32
    if (!DeleteFileA(path))
        bench_fail("DeleteFileA");
#else
    if (unlink(path))
        bench_fail("unlink");
#endif
}

static inline void bench_mkdir(const char *path)
{
#ifdef _WIN32
    if (!CreateDirectoryA(path, NULL) && GetLastError() != ERROR_ALREADY_EXISTS)
        bench_fail("CreateDirectoryA");
#else
    if (mkdir(path, 0755) && errno != EEXIST)
        bench_fail("mkdir");
#endif
}

static inline void bench_rmdir(const char *path)
{
#ifdef _WIN32
    if (!RemoveDirectoryA(path))
        bench_fail("RemoveDirectoryA");
#else
    if (rmdir(path))
        bench_fail("rmdir");
#endif
}

/* Lists the folder DIR as a directory listing tool does (dir, ls -l, du): every entry's name and
 * size. Returns how many entries it has, "." and ".." excluded, and adds their sizes to *bytes.
 * FindNextFile hands over the size with the name; POSIX readdir gives names only, so the POSIX
 * side asks fstatat for each, which is what a Linux program that needs the sizes does. */
static inline long bench_list(const char *dir, long long *bytes)
{
    long n = 0;
#ifdef _WIN32
    char pattern[MAX_PATH];
    WIN32_FIND_DATAA fd;
    HANDLE h;
    snprintf(pattern, sizeof(pattern), "%s\\*", dir);
    h = FindFirstFileA(pattern, &fd);
    if (h == INVALID_HANDLE_VALUE)
        bench_fail("FindFirstFileA");
    do {
        if (strcmp(fd.cFileName, ".") && strcmp(fd.cFileName, "..")) {
            n++;
            *bytes += (long long)fd.nFileSizeHigh << 32 | fd.nFileSizeLow;
        }
    } while (FindNextFileA(h, &fd));
    if (GetLastError() != ERROR_NO_MORE_FILES)
        bench_fail("FindNextFileA");
    FindClose(h);
#else
    struct dirent *e;
    struct stat st;
    DIR *d = opendir(dir);
    if (!d)
        bench_fail("opendir");
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            n++;
            if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
                bench_fail("fstatat");
            *bytes += st.st_size;
        }
    closedir(d);
#endif
    return n;
}

#ifdef _WIN32
#define BENCH_SEP "\\"
#else
#define BENCH_SEP "/"
#endif

/* ---- processes and pipes ---- */

#ifdef _WIN32
typedef HANDLE bench_proc;
#else
typedef pid_t bench_proc;
#endif

/* The path of this program, to start it again as a child. */
static inline const char *bench_self(void)
{
#ifdef _WIN32
    static char path[MAX_PATH];
    DWORD n = GetModuleFileNameA(NULL, path, sizeof(path));
    if (!n || n >= sizeof(path))
        bench_fail("GetModuleFileNameA");
    return path;
#else
    return "/proc/self/exe";
#endif
}

/*
 * Starts "SELF ARG" with its stdout on OUT (a pipe's write end) or inherited (OUT is
 * BENCH_BAD_FILE); stdin and stderr are inherited.
 */
static inline bench_proc bench_spawn(const char *self, const char *arg, bench_file out)
{
#ifdef _WIN32
    char cmdline[MAX_PATH + 64];
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    snprintf(cmdline, sizeof(cmdline), "\"%s\" %s", self, arg);
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    if (out != BENCH_BAD_FILE) {
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        si.hStdOutput = out;
        si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    }
    if (!CreateProcessA(self, cmdline, NULL, NULL, out != BENCH_BAD_FILE, 0, NULL, NULL, &si,
                        &pi))
        bench_fail("CreateProcessA");
    CloseHandle(pi.hThread);
    return pi.hProcess;
#else
    posix_spawn_file_actions_t fa;
    char *argv[] = { (char *)self, (char *)arg, NULL };
    pid_t pid;
    posix_spawn_file_actions_init(&fa);
    if (out != BENCH_BAD_FILE)
        posix_spawn_file_actions_adddup2(&fa, out, 1);
    errno = posix_spawn(&pid, self, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (errno)
        bench_fail("posix_spawn");
    return pid;
#endif
}

/* Waits for P to end; returns its exit code. */
static inline int bench_wait(bench_proc p)
{
#ifdef _WIN32
    DWORD code;
    if (WaitForSingleObject(p, INFINITE) != WAIT_OBJECT_0)
        bench_fail("WaitForSingleObject(process)");
    if (!GetExitCodeProcess(p, &code))
        bench_fail("GetExitCodeProcess");
    CloseHandle(p);
    return (int)code;
#else
    int status;
    while (waitpid(p, &status, 0) < 0)
        if (errno != EINTR)
            bench_fail("waitpid");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
#endif
}

/* An anonymous pipe; the write end is inheritable, the read end is not. */
static inline void bench_pipe(bench_file *rd, bench_file *wr)
{
#ifdef _WIN32
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    if (!CreatePipe(rd, wr, &sa, 0))
        bench_fail("CreatePipe");
    if (!SetHandleInformation(*rd, HANDLE_FLAG_INHERIT, 0))
        bench_fail("SetHandleInformation");
#else
    int fds[2];
    if (pipe(fds))
        bench_fail("pipe");
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    *rd = fds[0];
    *wr = fds[1];
#endif
}

/* This process's standard output, for a child that writes into a pipe its parent gave it. */
static inline bench_file bench_stdout(void)
{
#ifdef _WIN32
    HANDLE h = GetStdHandle(STD_OUTPUT_HANDLE);
    if (h == INVALID_HANDLE_VALUE || !h)
        bench_fail("GetStdHandle");
    return h;
#else
    return 1;
#endif
}

#endif
