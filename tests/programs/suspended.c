/* suspended.c: CreateProcessW creation flags. CREATE_SUSPENDED: the child's main thread starts
 * only at ResumeThread on the returned thread handle (the child here reads a file the parent
 * writes only after a pause and before resuming it, so a child that ran early finds no file);
 * ResumeThread returns the previous suspend count (1, then 0); the child is STILL_ACTIVE (259)
 * while suspended. Many inherited handles (600, past any small fixed table) all reach the child.
 * DEBUG_PROCESS and DEBUG_ONLY_THIS_PROCESS fail: vinho has no debugging API.
 * Expected values: https://learn.microsoft.com/windows/win32/procthread/process-creation-flags
 * ("CREATE_SUSPENDED: The primary thread of the new process is created in a suspended state, and
 * does not run until the ResumeThread function is called"), ResumeThread ("the return value is
 * the thread's previous suspend count"), GetExitCodeProcess (STILL_ACTIVE). Checked with Wine
 * 8.0, which differs in the debug lines only: Wine debugs the child, vinho fails loudly with
 * ERROR_NOT_SUPPORTED (50) and a FIXME (a documented gap, docs/processes.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

#define MANY 600

static WCHAR self[MAX_PATH];

static int child(int argc, char **argv)
{
    if (!strcmp(argv[2], "read")) {
        char buf[32] = "";
        DWORD n = 0;
        HANDLE h = CreateFileA("suspended_go.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE,
                               NULL, OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE)
            return 2;   /* ran before the parent wrote the file: not suspended */
        ReadFile(h, buf, sizeof(buf) - 1, &n, NULL);
        CloseHandle(h);
        return strcmp(buf, "resumed") ? 3 : 7;
    }
    if (!strcmp(argv[2], "handles")) {
        /* argv[3], argv[4]: the first and last inherited handle values */
        HANDLE first = (HANDLE)(ULONG_PTR)strtoull(argv[3], NULL, 0);
        HANDLE last = (HANDLE)(ULONG_PTR)strtoull(argv[4], NULL, 0);
        DWORD type1 = GetFileType(first), type2 = GetFileType(last);
        return type1 == FILE_TYPE_DISK && type2 == FILE_TYPE_DISK ? 9 : 4;
    }
    return 1;
}

static BOOL start(const char *args, DWORD flags, BOOL inherit, PROCESS_INFORMATION *pi)
{
    WCHAR cmd[MAX_PATH * 2];
    STARTUPINFOW si = { sizeof(si) };
    swprintf(cmd, MAX_PATH * 2, L"\"%ls\" child %hs", self, args);
    return CreateProcessW(NULL, cmd, NULL, NULL, inherit, flags, NULL, NULL, &si, pi);
}

static void suspended(void)
{
    PROCESS_INFORMATION pi;
    DWORD code = 0, n;
    HANDLE h;

    DeleteFileA("suspended_go.txt");
    if (!start("read", CREATE_SUSPENDED, FALSE, &pi)) {
        printf("CREATE_SUSPENDED: failed %lu\n", GetLastError());
        return;
    }
    printf("CREATE_SUSPENDED: started\n");
    printf("wait while suspended: %s\n", WaitForSingleObject(pi.hProcess, 300) == WAIT_TIMEOUT ? "timeout" : "ended");
    GetExitCodeProcess(pi.hProcess, &code);
    printf("exit code while suspended: %lu\n", code);
    h = CreateFileA("suspended_go.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL,
                    CREATE_ALWAYS, 0, NULL);
    WriteFile(h, "resumed", 7, &n, NULL);
    CloseHandle(h);
    printf("ResumeThread: %lu\n", ResumeThread(pi.hThread));
    printf("ResumeThread again: %lu\n", ResumeThread(pi.hThread));
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    printf("child exit code: %lu (7: it saw the file)\n", code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    DeleteFileA("suspended_go.txt");
}

static void many_handles(void)
{
    static HANDLE h[MANY];
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    char args[64];
    DWORD code = 0;
    int opened = 0;

    for (int i = 0; i < MANY; i++) {
        h[i] = CreateFileA("suspended_many.txt", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           &sa, OPEN_ALWAYS, 0, NULL);
        opened += h[i] != INVALID_HANDLE_VALUE;
    }
    snprintf(args, sizeof(args), "handles %#llx %#llx", (unsigned long long)(ULONG_PTR)h[0],
             (unsigned long long)(ULONG_PTR)h[MANY - 1]);
    if (!start(args, 0, TRUE, &pi)) {
        printf("inherit %d handles: failed %lu\n", opened, GetLastError());
    } else {
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &code);
        printf("inherit %d handles: child exit %lu (9: first and last are files)\n", opened, code);
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    }
    for (int i = 0; i < MANY; i++)
        CloseHandle(h[i]);
    DeleteFileA("suspended_many.txt");
}

static void debug_flags(void)
{
    static const DWORD flags[] = { DEBUG_PROCESS, DEBUG_ONLY_THIS_PROCESS };
    for (int i = 0; i < 2; i++) {
        PROCESS_INFORMATION pi;
        SetLastError(0xdeadbeef);
        BOOL ok = start("read", flags[i], FALSE, &pi);
        printf("debug flag %lu: %s err=%lu\n", flags[i], ok ? "started" : "failed", ok ? 0 : GetLastError());
        if (ok) {
            TerminateProcess(pi.hProcess, 0);
            CloseHandle(pi.hThread);
            CloseHandle(pi.hProcess);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child"))
        return child(argc, argv);
    GetModuleFileNameW(NULL, self, MAX_PATH);
    suspended();
    many_handles();
    debug_flags();
    return 0;
}
