/* thread_dll: DLL_THREAD_ATTACH/DETACH: testdll.dll (linked, so it is initialised before the
 * program's TLS callback would be... the program's own TLS callback gets thread reasons too),
 * the order of the notifications around a thread's start routine, FLS callbacks at thread exit,
 * DisableThreadLibraryCalls (testdll has no TLS variables of its own, so it works and testdll's
 * DllMain hears no more of threads; Wine 8 refuses it for any DLL with a TLS directory, which
 * every mingw-w64 DLL has), and a thread created by a thread. Everything is reported with
 * WriteFile, so that the order is the order of the calls. */
#include <windows.h>

int testdll_add(int a, int b);

static void say(const char *text)
{
    DWORD written;
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), text, lstrlenA(text), &written, NULL);
}

static void NTAPI tls_callback(void *module, DWORD reason, void *reserved)
{
    if (reason == DLL_THREAD_ATTACH)
        say("exe TLS callback: thread attach\r\n");
    else if (reason == DLL_THREAD_DETACH)
        say("exe TLS callback: thread detach\r\n");
}

__attribute__((section(".CRT$XLY"), used)) PIMAGE_TLS_CALLBACK tls_callback_ptr = tls_callback;

static void WINAPI fls_callback(void *value)
{
    say((const char *)value);
}

static DWORD fls_index;

static DWORD WINAPI inner(void *arg)
{
    say("inner thread runs\r\n");
    return 0;
}

static DWORD WINAPI worker(void *arg)
{
    say("thread start routine runs\r\n");
    FlsSetValue(fls_index, "FLS callback at thread exit\r\n");
    if (arg) {
        HANDLE h = CreateThread(NULL, 0, inner, NULL, 0, NULL);
        WaitForSingleObject(h, INFINITE);
        CloseHandle(h);
    }
    say("thread start routine returns\r\n");
    return 0;
}

static void run(void *arg)
{
    HANDLE h = CreateThread(NULL, 0, worker, arg, 0, NULL);
    WaitForSingleObject(h, INFINITE);
    CloseHandle(h);
}

int main(void)
{
    say(testdll_add(2, 3) == 5 ? "testdll linked\r\n" : "testdll broken\r\n");
    fls_index = FlsAlloc(fls_callback);
    say("-- one thread\r\n");
    run(NULL);
    say("-- a thread that makes a thread\r\n");
    run((void *)1);
    say("-- after DisableThreadLibraryCalls(testdll)\r\n");
    DisableThreadLibraryCalls(GetModuleHandleA("testdll.dll"));
    run(NULL);
    say("-- FlsFree with a value set\r\n");
    FlsSetValue(fls_index, "FLS callback from FlsFree\r\n");
    FlsFree(fls_index);
    say("-- exit\r\n");
    return 0;
}
