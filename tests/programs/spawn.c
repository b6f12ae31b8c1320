/* spawn.c: runs one command line (argv[1], exactly) through CreateProcessA with its standard
 * output captured through a pipe, for shell-tests.sh, which starts Linux programs (/bin/echo, a
 * #! script) and vinho programs with it. Prints "out=[...]" (carriage returns as |), then
 * "exit=N" from GetExitCodeProcess, or "CreateProcess error N". */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    HANDLE r, w;
    char buf[4096];
    DWORD n, total = 0, code = 0;

    if (argc < 2)
        return 2;
    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (!CreateProcessA(NULL, argv[1], NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        printf("CreateProcess error %lu\n", GetLastError());
        return 1;
    }
    CloseHandle(w);
    while (total < sizeof(buf) - 1 && ReadFile(r, buf + total, sizeof(buf) - 1 - total, &n, NULL) && n)
        total += n;
    buf[total] = 0;
    for (char *c = buf; *c; c++)
        if (*c == '\r')
            *c = '|';
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    printf("out=[%s]\nexit=%#lx\n", buf, code);
    return 0;
}
