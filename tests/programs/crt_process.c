/* crt_process.c: _spawn* (P_WAIT, P_NOWAIT + _cwait, environment, PATH search), _exec*,
 * system and _popen/_pclose; the children are this program again ("child" mode). Runs under
 * msvcrt and the UCRT (ucrt.list). Expected values, from Microsoft's documentation:
 * - _spawn https://learn.microsoft.com/en-us/cpp/c-runtime-library/spawn-wspawn-functions
 *   (P_WAIT: the exit code; P_NOWAIT: the process handle for _cwait; the arguments are joined
 *   by spaces: "passing _spawn the string "hi there" will result in the new process getting
 *   two arguments"; a name without extension is tried with .com, .exe, .bat, .cmd; the p forms
 *   search the PATH; -1 and ENOENT when the file is not found);
 * - _exec https://learn.microsoft.com/en-us/cpp/c-runtime-library/exec-wexec-functions
 *   (the new program replaces the caller, which ends; the caller's parent sees it end);
 * - _cwait https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/cwait
 *   (returns the handle; *termstat = the exit code);
 * - system https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/system-wsystem
 *   (NULL: non-zero if an interpreter exists; else the interpreter's return value);
 * - _popen https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/popen-wpopen and
 *   _pclose (the command's exit status; a mode other than r/w/t/b invokes the invalid-parameter
 *   handler, EINVAL). Wine disagrees: no EINVAL for the bad mode, and it has no sort.exe.
 * The commands given to system/_popen (echo, exit, sort, redirection) mean the same to cmd.exe
 * and to /bin/sh, which vinho uses when there is no cmd.exe. Output is flushed before each
 * child starts, as the pages ask. */
#include <errno.h>
#include <io.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static int child(int argc, char **argv)
{
    const char *var = getenv("VINHO_SPAWN_VAR");

    printf("  child:");
    for (int i = 2; i < argc; i++)
        printf(" [%s]", argv[i]);
    printf(" var=%s\n", var ? var : "(unset)");
    return atoi(argv[2]);
}

/* The program started by _execl: writes a file (the parent polls for it). */
static int exec_target(char **argv)
{
    FILE *f = fopen("vinho_exec.tmp", "w");
    fprintf(f, "exec'd with [%s]\n", argv[2]);
    fclose(f);
    rename("vinho_exec.tmp", "vinho_exec.txt");
    return 0;
}

static void spawns(const char *self)
{
    const char *envp[] = { "VINHO_SPAWN_VAR=from envp", "SystemRoot=C:\\windows", NULL };
    const char *argv[] = { self, "child", "9", "vector", NULL };
    intptr_t h, r;
    int status = -1;

    fflush(stdout);
    r = _spawnl(_P_WAIT, self, self, "child", "7", "hi there", NULL);
    printf("_spawnl P_WAIT: %d\n", (int)r);
    fflush(stdout);
    h = _spawnv(_P_NOWAIT, self, argv);
    r = _cwait(&status, h, _WAIT_CHILD);
    printf("_spawnv P_NOWAIT + _cwait: same handle %d, status %d\n", r == h, status);
    fflush(stdout);
    r = _spawnle(_P_WAIT, self, self, "child", "0", NULL, envp);
    printf("_spawnle: %d\n", (int)r);
    fflush(stdout);
    r = _wspawnl(_P_WAIT, L"../crt_process.exe", L"crt_process", L"child", L"5", L"wide", NULL);
    printf("_wspawnl: %d\n", (int)r);
    errno = 0;
    r = _spawnl(_P_WAIT, "vinho_missing.exe", "vinho_missing.exe", NULL);
    printf("_spawnl missing: %d errno %d\n", (int)r, errno);
    char *old_path = _strdup(getenv("PATH") ? getenv("PATH") : ""), *restore;

    restore = malloc(strlen(old_path) + 6);
    sprintf(restore, "PATH=%s", old_path);
    _putenv("PATH=..");
    fflush(stdout);
    r = _spawnlp(_P_WAIT, "crt_process", "crt_process", "child", "3", "via PATH", NULL);
    printf("_spawnlp without extension: %d\n", (int)r);
    errno = 0;
    r = _spawnl(_P_WAIT, "crt_process", "crt_process", "child", "3", NULL);
    printf("_spawnl without PATH search: %d errno %d\n", (int)r, errno);
    _putenv(restore);
}

static void execs(const char *self)
{
    int r;

    remove("vinho_exec.txt");
    fflush(stdout);
    r = (int)_spawnl(_P_WAIT, self, self, "exec", NULL);
    printf("middle process (called _execl) ended: %d\n", r);
    for (int i = 0; i < 200; i++) {
        FILE *f = fopen("vinho_exec.txt", "r");
        if (f) {
            char line[64] = "";
            fgets(line, sizeof(line), f);
            fclose(f);
            printf("exec'd program wrote: %s", line);
            remove("vinho_exec.txt");
            return;
        }
        Sleep(50);
    }
    printf("exec'd program wrote nothing\n");
}

static void shells(void)
{
    char line[64];
    FILE *p;
    int r;

    printf("system(NULL): %d\n", system(NULL) != 0);
    fflush(stdout);
    printf("system(exit 3): %d\n", system("exit 3"));
    r = system("echo written by system> vinho_sys.txt");
    p = fopen("vinho_sys.txt", "r");
    printf("system(echo > file): %d, file: %s", r, p && fgets(line, sizeof(line), p) ? line : "none\n");
    if (p)
        fclose(p);
    remove("vinho_sys.txt");

    p = _popen("echo from popen", "r");
    printf("_popen r: %s", p && fgets(line, sizeof(line), p) ? line : "nothing\n");
    printf("_pclose: %d\n", p ? _pclose(p) : -2);
    p = _popen("exit 5", "r");
    printf("_popen exit 5, _pclose: %d\n", p ? _pclose(p) : -2);
    p = _popen("sort > vinho_sorted.txt", "w");
    if (p) {
        fputs("pear\napple\n", p);
        printf("_popen w, _pclose: %d\n", _pclose(p));
        p = fopen("vinho_sorted.txt", "r");
        while (p && fgets(line, sizeof(line), p))
            printf("  sorted: %s", line);
        if (p)
            fclose(p);
        remove("vinho_sorted.txt");
    }
    errno = 0;
    p = _popen("exit 0", "x");
    printf("_popen bad mode: %s errno %d\n", p ? "a stream" : "NULL", errno);
    printf("_pclose of a plain stream: %d\n", _pclose(stdout));
}

/* The pages say a bad mode invokes the invalid-parameter handler: one that returns lets the
 * call fail with EINVAL. */
static void ignore_invalid(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line,
                           uintptr_t reserved)
{
}

int main(int argc, char **argv)
{
    _set_invalid_parameter_handler(ignore_invalid);
    if (argc > 2 && !strcmp(argv[1], "child"))
        return child(argc, argv);
    if (argc > 1 && !strcmp(argv[1], "exec")) {
        _execl(argv[0], argv[0], "exec-target", "replaced", NULL);
        printf("_execl failed: errno %d\n", errno);
        return 99;
    }
    if (argc > 1 && !strcmp(argv[1], "exec-target"))
        return exec_target(argv);
    spawns(argv[0]);
    execs(argv[0]);
    shells();
    return 0;
}
