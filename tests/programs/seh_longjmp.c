/* seh_longjmp.c: longjmp through frames with __finally blocks (clang, MSVC ABI; msvcrt's
 * _setjmp/longjmp). The buffer holds the setjmp caller's frame, so longjmp unwinds to it and
 * the termination handlers of the frames it leaves run, innermost first, with
 * _abnormal_termination() true (Microsoft Learn "longjmp": "...in C++ ... use of longjmp ...
 * unwinding"; "try-finally statement": abnormal termination includes longjmp). Checked with
 * Wine 8.0. */
typedef struct { unsigned long long part[2]; } __attribute__((aligned(16))) jmp_float128;
typedef jmp_float128 jmp_buf[16];
int __cdecl _setjmp(jmp_buf buf);
__declspec(noreturn) void __cdecl longjmp(jmp_buf buf, int value);
int printf(const char *, ...);

static jmp_buf env;
static volatile int trail;

__declspec(noinline) void jumper(int value)
{
    __try {
        trail = trail * 10 + 1;
        longjmp(env, value);
    } __finally {
        printf("  inner __finally (abnormal %d)\n", _abnormal_termination());
        trail = trail * 10 + 2;
    }
}

__declspec(noinline) void middle(int value)
{
    __try {
        jumper(value);
    } __finally {
        printf("  outer __finally (abnormal %d)\n", _abnormal_termination());
        trail = trail * 10 + 3;
    }
}

int main(void)
{
    volatile int rounds = 0;
    int r = _setjmp(env);
    printf("setjmp returned %d\n", r);
    if (rounds++ < 2)
        middle(r + 5);
    printf("trail %d\n", trail);
    return r;
}
