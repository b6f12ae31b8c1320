/* except.c: msvcrt's part of structured exceptions: _XcptFilter (the filter that MSVC's
 * start-up code puts around main, mapping exceptions to C signals) and _purecall. */
#include "msvcrt.h"
#include <float.h>

DEFAULT_DEBUG_CHANNEL(seh);

/* The C signal an exception code raises, as documented for signal() ("SIGFPE: floating-point
 * error", "SIGILL: illegal instruction", "SIGSEGV: illegal storage access"); 0: none. */
static int exception_signal(DWORD code, int *fpe)
{
    static const struct { DWORD code; int fpe; } fpe_codes[] = {
        { STATUS_FLOAT_DENORMAL_OPERAND, _FPE_DENORMAL }, { STATUS_FLOAT_DIVIDE_BY_ZERO, _FPE_ZERODIVIDE },
        { STATUS_FLOAT_INEXACT_RESULT, _FPE_INEXACT }, { STATUS_FLOAT_INVALID_OPERATION, _FPE_INVALID },
        { STATUS_FLOAT_OVERFLOW, _FPE_OVERFLOW }, { STATUS_FLOAT_STACK_CHECK, _FPE_STACKOVERFLOW },
        { STATUS_FLOAT_UNDERFLOW, _FPE_UNDERFLOW },
    };
    if (code == (DWORD)STATUS_ACCESS_VIOLATION)
        return SIGSEGV;
    if (code == (DWORD)STATUS_ILLEGAL_INSTRUCTION || code == (DWORD)STATUS_PRIVILEGED_INSTRUCTION)
        return SIGILL;
    for (size_t i = 0; i < sizeof(fpe_codes) / sizeof(fpe_codes[0]); i++)
        if (fpe_codes[i].code == code) {
            *fpe = fpe_codes[i].fpe;
            return SIGFPE;
        }
    return 0;
}

/*********************************************************************
 *      _XcptFilter (MSVCRT.@)
 *
 * A signal handler installed for the exception's signal is called (reset to SIG_DFL first)
 * and execution continues; SIG_IGN continues too; otherwise UnhandledExceptionFilter decides.
 */
int __cdecl _XcptFilter(unsigned long code, struct _EXCEPTION_POINTERS *ptrs)
{
    int fpe = 0, sig = exception_signal(code, &fpe);
    __p_sig_fn_t handler;

    TRACE("(%#lx, %p) signal %d\n", code, ptrs, sig);
    if (!sig || (handler = signal(sig, SIG_DFL)) == SIG_DFL || handler == SIG_ERR)
        return UnhandledExceptionFilter(ptrs);
    if (handler == SIG_IGN) {
        signal(sig, SIG_IGN);
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    if (sig == SIGFPE)
        ((void (__cdecl *)(int, int))(void (*)(void))handler)(sig, fpe);
    else
        handler(sig);
    return EXCEPTION_CONTINUE_EXECUTION;
}

/*********************************************************************
 *      _purecall (MSVCRT.@)
 *
 * A call through a pure virtual slot: run-time error R6025.
 */
void __cdecl _purecall(void)
{
    _amsg_exit(25);
}

/*********************************************************************
 *      _resetstkoflw (MSVCRT.@)
 *
 * After a stack overflow was handled, puts a guard page back at the bottom of the committed
 * stack (TEB StackLimit), so that the next overflow is caught too. Nonzero on success; 0 when
 * the caller still runs within that page (documented: it cannot be re-armed from there).
 */
int __cdecl _resetstkoflw(void)
{
    ULONG_PTR guard = ((ULONG_PTR)vn_teb()->StackLimit + 0xfff) & ~(ULONG_PTR)0xfff;
    volatile char here;
    DWORD old;

    if ((ULONG_PTR)&here < guard + 2 * 0x1000)
        return 0;
    TRACE("guard page at %#llx\n", (ULONG64)guard);
    return VirtualProtect((void *)guard, 0x1000, PAGE_READWRITE | PAGE_GUARD, &old) != 0;
}

/*********************************************************************
 *      ??2@YAPEAX_K@Z (MSVCRT.@)
 *
 * operator new (and new[]): while memory runs out, the new handler (_set_new_handler) runs and
 * the allocation is tried again; with none, or when it returns 0, msvcrt's returns NULL (it
 * does not throw std::bad_alloc).
 */
void *__cdecl msvcrt_operator_new(size_t size)
{
    void *p;
    while (!(p = malloc(size ? size : 1)) && _callnewh(size))
        ;
    if (!p)
        WARN("out of memory for %Iu bytes\n", size);
    return p;
}

/*********************************************************************
 *      ??3@YAXPEAX@Z (MSVCRT.@)
 */
void __cdecl msvcrt_operator_delete(void *p)
{
    free(p);
}
