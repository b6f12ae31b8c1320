/* process.c: child processes. The program starts copies of itself ("process.exe child WHAT")
 * and checks: output captured through CreatePipe and STARTUPINFO std handles, ERROR_BROKEN_PIPE
 * once the child's end is closed, 32-bit exit codes through GetExitCodeProcess (300, NTSTATUS
 * codes, -1), STILL_ACTIVE (259) and TerminateProcess, the command line passed unchanged and
 * parsed by the child's CRT, an explicit environment block and folder, inherited handles keeping
 * their values (and non-inheritable ones not passed), PeekNamedPipe, ERROR_FILE_NOT_FOUND for a
 * missing program, OpenProcess/GetProcessId of self and child.
 * Expected values: the CreateProcessW, GetExitCodeProcess, CreatePipe, ReadFile ("If the write
 * end of an anonymous pipe is closed ... ERROR_BROKEN_PIPE"), PeekNamedPipe and
 * TerminateProcess documentation on learn.microsoft.com; checked with Wine 8.0, which differs in
 * two places where the documentation wins: PeekNamedPipe's lpBytesLeftThisMessage is "zero for
 * byte-type pipes" (Wine: 0 minus the bytes read), and GetProcessTimes gives the creation time
 * (Wine: 0). VINHO_TEST_VAR is set by run-tests.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

int _dowildcard = 0;

static WCHAR self[MAX_PATH];

static int child(int argc, char **argv)
{
    const char *what = argv[2];
    if (!strcmp(what, "exit"))
        ExitProcess(strtoul(argv[3], NULL, 0));
    if (!strcmp(what, "write")) {
        printf("hello from the child\n");
        fflush(stdout);
        return 0;
    }
    if (!strcmp(what, "args")) {
        printf("cmdline=[%ls]\n", wcsstr(GetCommandLineW(), L" child"));
        for (int i = 3; i < argc; i++)
            printf("argv[%d]=[%s]\n", i, argv[i]);
        return 0;
    }
    if (!strcmp(what, "env")) {
        WCHAR value[64], dir[MAX_PATH];
        DWORD n = GetEnvironmentVariableW(L"VINHO_CHILD", value, 64);
        printf("VINHO_CHILD=%ls (%lu)\n", n ? value : L"(none)", n);
        n = GetEnvironmentVariableW(L"VINHO_TEST_VAR", value, 64);
        printf("VINHO_TEST_VAR present: %s\n", n ? "yes" : "no");
        GetCurrentDirectoryW(MAX_PATH, dir);
        printf("folder=...\\%ls\n", wcsrchr(dir, '\\') + 1);
        printf("marker visible: %s\n", GetFileAttributesW(L"marker.txt") != INVALID_FILE_ATTRIBUTES ? "yes" : "no");
        return 0;
    }
    if (!strcmp(what, "handle")) {
        HANDLE h = (HANDLE)(ULONG_PTR)strtoull(argv[3], NULL, 0);
        DWORD n;
        SetLastError(0xdeadbeef);
        BOOL ok = WriteFile(h, "via inherited handle\n", 21, &n, NULL);
        printf("%s: WriteFile %d error %lu\n", argv[4], ok, ok ? 0 : GetLastError());
        return 0;
    }
    if (!strcmp(what, "sleep")) {
        Sleep(60000);
        return 1;
    }
    return 2;
}

/* Starts "process.exe child ARGS"; std handles from the arguments when out is not NULL. */
static BOOL start(const WCHAR *args, HANDLE out, BOOL inherit, PROCESS_INFORMATION *pi)
{
    WCHAR cmd[1024];
    STARTUPINFOW si = { sizeof(si) };
    swprintf(cmd, 1024, L"\"%ls\" child %ls", self, args);
    if (out) {
        si.dwFlags = STARTF_USESTDHANDLES;
        si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
        si.hStdOutput = out;
        si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    }
    return CreateProcessW(NULL, cmd, NULL, NULL, inherit, 0, NULL, NULL, &si, pi);
}

/* Reads a pipe to its end; prints what came and the error that ended it. */
static void drain(HANDLE r)
{
    char buf[256];
    DWORD n, total = 0;
    while (ReadFile(r, buf + total, sizeof(buf) - 1 - total, &n, NULL) && n)
        total += n;
    DWORD err = GetLastError();
    buf[total] = 0;
    for (char *c = buf; *c; c++)
        if (*c == '\r')
            *c = '|';
    printf("  read [%s] then error %lu\n", buf, err);
}

static void finish(PROCESS_INFORMATION *pi, const char *label)
{
    DWORD code = 0xdeadbeef;
    DWORD w = WaitForSingleObject(pi->hProcess, 30000);
    GetExitCodeProcess(pi->hProcess, &code);
    printf("%s: wait %lu exit code %#lx\n", label, w, code);
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
}

static void test_capture(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    HANDLE r, w;
    printf("capture:\n");
    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    if (!start(L"write", w, TRUE, &pi)) {
        printf("  CreateProcess failed %lu\n", GetLastError());
        return;
    }
    CloseHandle(w);
    drain(r);
    CloseHandle(r);
    finish(&pi, "  child");
}

static void test_exit_codes(void)
{
    static const WCHAR *codes[] = { L"0", L"300", L"0xc0000005", L"0xffffffff", L"0x80000100" };
    printf("exit codes:\n");
    for (int i = 0; i < 5; i++) {
        PROCESS_INFORMATION pi;
        WCHAR args[64];
        char label[64];
        swprintf(args, 64, L"exit %ls", codes[i]);
        snprintf(label, sizeof(label), "  exit %ls", codes[i]);
        if (start(args, NULL, FALSE, &pi))
            finish(&pi, label);
    }
}

static void test_still_active(void)
{
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    printf("running child:\n");
    if (!start(L"sleep", NULL, FALSE, &pi))
        return;
    GetExitCodeProcess(pi.hProcess, &code);
    printf("  exit code while running %lu, wait(0) %lu\n", code, WaitForSingleObject(pi.hProcess, 0));
    printf("  GetProcessId matches: %d\n", GetProcessId(pi.hProcess) == pi.dwProcessId);
    HANDLE again = OpenProcess(PROCESS_QUERY_INFORMATION | SYNCHRONIZE, FALSE, pi.dwProcessId);
    printf("  OpenProcess(child) %s\n", again ? "ok" : "failed");
    printf("  TerminateProcess %d\n", TerminateProcess(pi.hProcess, 77));
    WaitForSingleObject(again, 30000);
    GetExitCodeProcess(again, &code);
    printf("  through OpenProcess handle: exit code %lu\n", code);
    CloseHandle(again);
    SetLastError(0xdeadbeef);
    finish(&pi, "  terminated");
}

static void test_args(void)
{
    PROCESS_INFORMATION pi;
    printf("command line:\n");
    if (start(L"args plain \"with space\" \"quote\\\"inside\" back\\\\slash \"trail\\\\\" \"\" x\\\"y  tab\tz", NULL, FALSE, &pi))
        finish(&pi, "  args");
}

static void test_env_folder(void)
{
    static WCHAR env[] = L"VINHO_CHILD=from the parent\0OTHER=1\0";
    WCHAR cmd[MAX_PATH + 32], dir[MAX_PATH];
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE f;

    printf("environment and folder:\n");
    CreateDirectoryW(L"procdir", NULL);
    f = CreateFileW(L"procdir\\marker.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CloseHandle(f);
    GetFullPathNameW(L"procdir", MAX_PATH, dir, NULL);
    swprintf(cmd, MAX_PATH + 32, L"\"%ls\" child env", self);
    if (CreateProcessW(NULL, cmd, NULL, NULL, FALSE, CREATE_UNICODE_ENVIRONMENT, env, dir, &si, &pi))
        finish(&pi, "  explicit");
    if (CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        finish(&pi, "  inherited");
    DeleteFileW(L"procdir\\marker.txt");
    RemoveDirectoryW(L"procdir");
    SetLastError(0xdeadbeef);
    BOOL ok = CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, L"no_such_folder", &si, &pi);
    printf("  missing folder: %d error %lu\n", ok, GetLastError());
}

static void test_inherit(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    PROCESS_INFORMATION pi;
    HANDLE r, w, r2, w2;
    WCHAR args[128];

    printf("inherited handles:\n");
    CreatePipe(&r, &w, &sa, 0);             /* both ends inheritable */
    CreatePipe(&r2, &w2, NULL, 0);          /* neither */
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    DWORD flags = 9;
    GetHandleInformation(r, &flags);
    printf("  read end flags %lu, ", flags);
    GetHandleInformation(w, &flags);
    printf("write end flags %lu\n", flags);
    swprintf(args, 128, L"handle %#llx inheritable", (ULONGLONG)(ULONG_PTR)w);
    if (start(args, NULL, TRUE, &pi))
        finish(&pi, "  inheritable");
    swprintf(args, 128, L"handle %#llx not-inherited", (ULONGLONG)(ULONG_PTR)w);
    if (start(args, NULL, FALSE, &pi))
        finish(&pi, "  bInheritHandles FALSE");
    CloseHandle(w);
    drain(r);
    CloseHandle(r);
    CloseHandle(r2);
    CloseHandle(w2);
}

static void test_peek(void)
{
    HANDLE r, w;
    char buf[8] = { 0 };
    DWORD n, got = 9, avail = 9, left = 9;
    printf("peek:\n");
    CreatePipe(&r, &w, NULL, 0);
    PeekNamedPipe(r, NULL, 0, NULL, &avail, NULL);
    printf("  empty: available %lu\n", avail);
    WriteFile(w, "abcdef", 6, &n, NULL);
    BOOL ok = PeekNamedPipe(r, buf, 3, &got, &avail, &left);
    printf("  peek %d: [%s] read %lu available %lu left %lu\n", ok, buf, got, avail, left);
    memset(buf, 0, sizeof(buf));
    ReadFile(r, buf, 6, &n, NULL);
    printf("  then ReadFile: [%s]\n", buf);
    CloseHandle(w);
    SetLastError(0xdeadbeef);
    ok = PeekNamedPipe(r, NULL, 0, NULL, &avail, NULL);
    printf("  writer gone: %d error %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = ReadFile(r, buf, 6, &n, NULL);
    printf("  ReadFile: %d error %lu\n", ok, GetLastError());
    CloseHandle(r);
    CreatePipe(&r, &w, NULL, 0);
    CloseHandle(r);
    SetLastError(0xdeadbeef);
    ok = WriteFile(w, "x", 1, &n, NULL);
    printf("  write with the reader gone: %d error %lu\n", ok, GetLastError());
    CloseHandle(w);
}

static void test_errors(void)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    WCHAR cmd[] = L"no_such_program_vinho arg";
    WCHAR cmd2[] = L"C:\\no_such_folder_vinho\\prog.exe";
    DWORD code = 0;
    printf("errors:\n");
    SetLastError(0xdeadbeef);
    BOOL ok = CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    printf("  missing program: %d error %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = CreateProcessW(NULL, cmd2, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    printf("  missing folder: %d error %lu\n", ok, GetLastError());
    SetLastError(0xdeadbeef);
    ok = GetExitCodeProcess(NULL, &code);
    printf("  GetExitCodeProcess(NULL): %d error %lu\n", ok, GetLastError());
    GetExitCodeProcess(GetCurrentProcess(), &code);
    printf("  own exit code while running: %lu\n", code);
    printf("  GetProcessId(self) matches: %d\n", GetProcessId(GetCurrentProcess()) == GetCurrentProcessId());
    HANDLE me = OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, GetCurrentProcessId());
    printf("  OpenProcess(self): %s\n", me ? "ok" : "failed");
    CloseHandle(me);
    FILETIME t[4];
    printf("  GetProcessTimes(self): %d, created: %s\n", GetProcessTimes(GetCurrentProcess(), &t[0], &t[1], &t[2], &t[3]),
           t[0].dwHighDateTime ? "yes" : "no");
}

int main(int argc, char **argv)
{
    GetModuleFileNameW(NULL, self, MAX_PATH);
    if (argc > 2 && !strcmp(argv[1], "child"))
        return child(argc, argv);
    setvbuf(stdout, NULL, _IONBF, 0);
    test_capture();
    test_exit_codes();
    test_still_active();
    test_args();
    test_env_folder();
    test_inherit();
    test_peek();
    test_errors();
    return 0;
}
