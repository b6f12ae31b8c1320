/* thread_exitprocess: ExitProcess from a second thread while others run (busy in PE code, asleep,
 * blocked in a wait): the whole process ends with its code, the other threads stop before the DLLs
 * are detached (testdll's DLL_PROCESS_DETACH is the last output, with no thread detach: "the
 * other threads are terminated without DLL_THREAD_DETACH", ExitProcess documentation). */
#include <windows.h>

int testdll_add(int a, int b);

static volatile LONG spinning;

static void say(const char *text)
{
    DWORD written;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), text, lstrlenA(text), &written, NULL);
}

static DWORD WINAPI spinner(void *arg)
{
    InterlockedIncrement(&spinning);
    for (;;)
        ;
    return 0;
}

static DWORD WINAPI sleeper(void *arg)
{
    InterlockedIncrement(&spinning);
    Sleep(INFINITE);
    return 0;
}

static DWORD WINAPI waiter(void *arg)
{
    InterlockedIncrement(&spinning);
    WaitForSingleObject(CreateEventW(NULL, TRUE, FALSE, NULL), INFINITE);
    return 0;
}

static DWORD WINAPI exiter(void *arg)
{
    while (spinning < 3)
        Sleep(1);
    say("second thread calls ExitProcess(3)\r\n");
    ExitProcess(3);
}

int main(void)
{
    say(testdll_add(1, 1) == 2 ? "start\r\n" : "testdll broken\r\n");
    CreateThread(NULL, 0, spinner, NULL, 0, NULL);
    CreateThread(NULL, 0, sleeper, NULL, 0, NULL);
    CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    CreateThread(NULL, 0, exiter, NULL, 0, NULL);
    for (;;)
        Sleep(1000);
}
