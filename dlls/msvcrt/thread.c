/* thread.c: _beginthread, _beginthreadex and their _end functions, over CreateThread. */
#include "msvcrt.h"

void __cdecl _endthread(void);

/* _beginthread's threads close their own handle when they end: it waits in a TLS slot. */
static INIT_ONCE slot_once = INIT_ONCE_STATIC_INIT;
static DWORD handle_slot = TLS_OUT_OF_INDEXES;

static BOOL WINAPI alloc_slot(INIT_ONCE *once, void *param, void **context)
{
    handle_slot = TlsAlloc();
    return handle_slot != TLS_OUT_OF_INDEXES;
}

struct begin_data {
    void (__cdecl *start)(void *);
    void *arg;
    HANDLE handle;
};

static DWORD WINAPI begin_trampoline(void *param)
{
    struct begin_data data = *(struct begin_data *)param;
    HeapFree(GetProcessHeap(), 0, param);
    TlsSetValue(handle_slot, data.handle);
    data.start(data.arg);
    _endthread();
    return 0;
}

/*********************************************************************
 *		_beginthreadex (MSVCRT.@)
 *
 * 0 and errno on failure.
 */
uintptr_t __cdecl _beginthreadex(void *security, unsigned int stack,
                                 unsigned int (__stdcall *start)(void *), void *arg,
                                 unsigned int flags, unsigned int *id)
{
    HANDLE h;
    if (!start) {
        *_errno() = EINVAL;
        return 0;
    }
    h = CreateThread(security, stack, (LPTHREAD_START_ROUTINE)start, arg, flags, (DWORD *)id);
    if (!h)
        msvcrt_dosmaperr(GetLastError());
    return (uintptr_t)h;
}

/*********************************************************************
 *		_beginthread (MSVCRT.@)
 *
 * -1 and errno on failure. The handle is closed by the thread when it ends.
 */
uintptr_t __cdecl _beginthread(void (__cdecl *start)(void *), unsigned int stack, void *arg)
{
    struct begin_data *data;
    HANDLE h;
    if (!start) {
        *_errno() = EINVAL;
        return (uintptr_t)-1;
    }
    if (!InitOnceExecuteOnce(&slot_once, alloc_slot, NULL, NULL) ||
        !(data = HeapAlloc(GetProcessHeap(), 0, sizeof(*data)))) {
        *_errno() = EAGAIN;
        return (uintptr_t)-1;
    }
    data->start = start;
    data->arg = arg;
    if (!(h = CreateThread(NULL, stack, begin_trampoline, data, CREATE_SUSPENDED, NULL))) {
        msvcrt_dosmaperr(GetLastError());
        HeapFree(GetProcessHeap(), 0, data);
        return (uintptr_t)-1;
    }
    data->handle = h;
    ResumeThread(h);
    return (uintptr_t)h;
}

void __cdecl _endthreadex(unsigned int code)
{
    ExitThread(code);
}

void __cdecl _endthread(void)
{
    HANDLE h = handle_slot != TLS_OUT_OF_INDEXES ? TlsGetValue(handle_slot) : NULL;
    if (h)
        CloseHandle(h);
    ExitThread(0);
}
