/* seh_try.c: __try/__except/__finally as the MSVC ABI compiles them (clang for the
 * x86_64-pc-windows-msvc target; Makefile.in links it with mingw-w64): scope tables in .xdata
 * run by __C_specific_handler (Microsoft docs, "try-except statement", "try-finally
 * statement", "x64 exception handling"). Integer divide by zero, a NULL read with the
 * access-violation information, int3, a filter that continues execution, __finally blocks
 * run during the unwind (innermost first) and on normal exit, a nested exception raised in a
 * filter, RaiseException with parameters, a noncontinuable exception that a filter tries to
 * continue (STATUS_NONCONTINUABLE_EXCEPTION), and a stack overflow caught twice, the stack
 * guard re-armed with _resetstkoflw in between. Checked with Wine 8.0, which differs where
 * the documentation says otherwise: there GetExceptionCode() in an __except block is 0 ("try-
 * except statement": it may be used in the handler block), the __finally of a __try that
 * was never entered runs during an unwind, and a stack overflow ends the process (the
 * _resetstkoflw documentation shows this very recovery loop).
 * mingw-w64's windows.h does not compile for the MSVC target: the declarations are here. */
typedef unsigned long DWORD;
typedef unsigned long long ULONG_PTR;
typedef struct _EXCEPTION_RECORD {
    DWORD ExceptionCode, ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    void *ExceptionAddress;
    DWORD NumberParameters;
    ULONG_PTR ExceptionInformation[15];
} EXCEPTION_RECORD;
typedef struct { EXCEPTION_RECORD *ExceptionRecord; void *ContextRecord; } EXCEPTION_POINTERS;
__declspec(dllimport) void __stdcall RaiseException(DWORD, DWORD, DWORD, const ULONG_PTR *);
__declspec(dllimport) void __stdcall ExitProcess(unsigned);
int printf(const char *, ...);
int fflush(void *);
int _resetstkoflw(void);
unsigned long _exception_code(void);
void *_exception_info(void);
#define GetExceptionCode _exception_code
#define GetExceptionInformation() ((EXCEPTION_POINTERS *)_exception_info())
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

static volatile int zero, *volatile null_ptr;
static int fixed = 5;

__declspec(noinline) static int divide(int a) { return a / zero; }
__declspec(noinline) static int read_null(void) { return *null_ptr; }
__declspec(noinline) static void breakpoint(void) { __debugbreak(); }

static int av_filter(EXCEPTION_POINTERS *p)
{
    EXCEPTION_RECORD *r = p->ExceptionRecord;
    printf("filter: code %#lx, %lu parameters, access %llu at %#llx\n", r->ExceptionCode,
           r->NumberParameters, r->ExceptionInformation[0], r->ExceptionInformation[1]);
    return EXCEPTION_EXECUTE_HANDLER;
}

static int fix_zero(DWORD code)
{
    if (code != 0xC0000094)
        return EXCEPTION_CONTINUE_SEARCH;
    zero = 1;           /* the idiv reads zero again when execution continues */
    return EXCEPTION_CONTINUE_EXECUTION;
}

__declspec(noinline) static void with_finally(int depth)
{
    __try {
        if (depth == 0)
            read_null();
        else
            with_finally(depth - 1);
    } __finally {
        printf("__finally at depth %d (abnormal: %d)\n", depth, _abnormal_termination());
    }
}

static int nested_filter(void)
{
    __try {
        divide(1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        printf("exception inside a filter caught there: %#lx\n", GetExceptionCode());
    }
    return EXCEPTION_EXECUTE_HANDLER;
}

static int depth_reached;
__declspec(noinline) static int recurse(volatile char *prev, int n)
{
    volatile char frame[1024];
    frame[0] = (char)n;
    depth_reached = n;
    return recurse(frame, n + 1) + prev[0];
}

static int noncontinuable_filter(EXCEPTION_POINTERS *p)
{
    if (p->ExceptionRecord->ExceptionCode == 0xE0000002)
        return EXCEPTION_CONTINUE_EXECUTION;
    printf("then %#lx, its ExceptionRecord the first: %#lx\n", p->ExceptionRecord->ExceptionCode,
           p->ExceptionRecord->ExceptionRecord ? p->ExceptionRecord->ExceptionRecord->ExceptionCode : 0);
    return EXCEPTION_EXECUTE_HANDLER;
}

int main(void)
{
    ULONG_PTR args[2] = { 7, 9 };
    char start = 0;

    __try { divide(1); printf("not reached\n"); }
    __except (EXCEPTION_EXECUTE_HANDLER) { printf("divide: %#lx\n", GetExceptionCode()); }

    __try { read_null(); }
    __except (av_filter(GetExceptionInformation())) { printf("NULL read: %#lx\n", GetExceptionCode()); }

    __try { breakpoint(); }
    __except (GetExceptionCode() == 0x80000003) { printf("int3: %#lx\n", GetExceptionCode()); }

    zero = 0;
    __try { printf("continued: 10 / fixed zero = %d\n", divide(10)); }
    __except (fix_zero(GetExceptionCode())) { printf("not reached\n"); }
    zero = 0;

    __try { with_finally(2); }
    __except (EXCEPTION_EXECUTE_HANDLER) { printf("after the __finally blocks: %#lx\n", GetExceptionCode()); }
    __try { printf("normal exit of a __try\n"); }
    __finally { printf("__finally on normal exit (abnormal: %d)\n", _abnormal_termination()); }

    __try { read_null(); }
    __except (nested_filter()) { printf("outer handler: %#lx\n", GetExceptionCode()); }

    __try { RaiseException(0xE0000001, 0, 2, args); }
    __except (EXCEPTION_EXECUTE_HANDLER) {
        EXCEPTION_POINTERS *p = 0;
        printf("RaiseException: %#lx\n", GetExceptionCode());
        (void)p;
    }
    __try { RaiseException(0xE0000001, 0, 2, args); }
    __except (printf("parameters %llu %llu\n", GetExceptionInformation()->ExceptionRecord->ExceptionInformation[0],
                     GetExceptionInformation()->ExceptionRecord->ExceptionInformation[1]), 1) {}

    __try { RaiseException(0xE0000002, 1 /* EXCEPTION_NONCONTINUABLE */, 0, 0); printf("not reached\n"); }
    __except (noncontinuable_filter(GetExceptionInformation())) { printf("noncontinuable handled\n"); }

    for (int round = 1; round <= 2; round++) {
        __try { recurse(&start, 0); }
        __except (GetExceptionCode() == 0xC00000FD) {
            printf("stack overflow %d caught after %s frames\n", round, depth_reached > 50 ? "many" : "few");
        }
        printf("_resetstkoflw: %d\n", _resetstkoflw());
    }
    fflush(0);
    return 0;
}
