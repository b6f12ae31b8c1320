/* jmp.c: longjmp for msvcrt, ucrtbase and vcruntime140 (_setjmp is in setjmp.S). With a Frame
 * in the buffer, longjmp unwinds to it as Windows does (RtlUnwind with a STATUS_LONGJUMP record
 * whose parameter is the buffer): __finally blocks and C++ destructors of the frames it leaves
 * run, then ntdll resumes with the buffer's registers. Without one it just restores them. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(seh);

struct jump_buffer {
    ULONG64 frame, rbx, rsp, rbp, rsi, rdi, r12, r13, r14, r15, rip;
    ULONG mxcsr;
    USHORT fpcsr, spare;
    M128A xmm[10];
};

void crt_longjmp_restore(const struct jump_buffer *jb, int value) __attribute__((noreturn));

/***********************************************************************
 *           longjmp   (MSVCRT.@)
 *
 * setjmp returns value then, or 1 for 0 (C11 7.13.2.1).
 */
void __cdecl crt_longjmp(struct jump_buffer *jb, int value)
{
    if (!value)
        value = 1;
    TRACE("jb %p frame %#llx rip %#llx value %d\n", jb, jb->frame, jb->rip, value);
    if (jb->frame) {
        EXCEPTION_RECORD rec = { 0 };
        rec.ExceptionCode = STATUS_LONGJUMP;
        rec.NumberParameters = 1;
        rec.ExceptionInformation[0] = (ULONG_PTR)jb;
        RtlUnwind((void *)jb->frame, (void *)jb->rip, &rec, (void *)(ULONG_PTR)value);
    }
    crt_longjmp_restore(jb, value);
}
