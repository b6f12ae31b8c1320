/* unwind.c: RtlVirtualUnwind on unwind data built by hand and registered with
 * RtlAddFunctionTable, per Microsoft's "x64 exception handling" (the UNWIND_INFO and
 * UNWIND_CODE layouts, "Unwind procedure", "Chained unwind info structures", the epilog rules):
 * a frame-pointer function unwound from its body, from the middle of its prolog (only the
 * codes already executed apply) and from its epilog (simulated from the code bytes); large
 * allocations, far saves and a machine frame with an error code; chained unwind info; the
 * language handler returned only from the body; RtlLookupFunctionEntry through a registered
 * table and a RtlInstallFunctionTableCallback callback; RtlDeleteFunctionTable; RtlRestoreContext
 * with a STATUS_LONGJUMP record takes the registers of the _JUMP_BUFFER it points to.
 * The code bytes are never run. Checked with Wine 8.0. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>

/* It returns a second time when the context it captured is restored. */
NTSYSAPI VOID NTAPI RtlCaptureContext(PCONTEXT) __attribute__((returns_twice));

#define UWOP_PUSH_NONVOL 0
#define UWOP_ALLOC_LARGE 1
#define UWOP_ALLOC_SMALL 2
#define UWOP_SET_FPREG 3
#define UWOP_SAVE_NONVOL 4
#define UWOP_SAVE_NONVOL_FAR 5
#define UWOP_SAVE_XMM128 8
#define UWOP_SAVE_XMM128_FAR 9
#define UWOP_PUSH_MACHFRAME 10
#define CODE(off, op, info) ((USHORT)((off) | ((op) << 8) | ((info) << 12)))
#define REG_RBX 3
#define REG_RBP 5
#define REG_RSI 6
#define REG_R12 12

static BYTE *image;             /* code at 0, unwind info at 0x1000 */
static RUNTIME_FUNCTION table[3];
static int failures;

static void check(const char *what, ULONG64 got, ULONG64 want)
{
    if (got != want) {
        printf("%s: got %#llx, want %#llx\n", what, got, want);
        failures++;
    }
}

static const BYTE f1_code[] = {
    0x53,                               /* 00 push rbx */
    0x55,                               /* 01 push rbp */
    0x48, 0x83, 0xec, 0x48,             /* 02 sub rsp, 0x48 */
    0x48, 0x89, 0x74, 0x24, 0x30,       /* 06 mov [rsp+0x30], rsi */
    0x0f, 0x29, 0x74, 0x24, 0x20,       /* 0b movaps [rsp+0x20], xmm6 */
    0x48, 0x8d, 0x6c, 0x24, 0x10,       /* 10 lea rbp, [rsp+0x10] */
    0xb8, 0x01, 0x00, 0x00, 0x00,       /* 15 mov eax, 1 */
    0x90,                               /* 1a nop */
    0x48, 0x8d, 0x65, 0x38,             /* 1b lea rsp, [rbp+0x38] */
    0x5d,                               /* 1f pop rbp */
    0x5b,                               /* 20 pop rbx */
    0xc3,                               /* 21 ret */
};

static void build(void)
{
    USHORT *u;
    memcpy(image, f1_code, sizeof(f1_code));
    /* f1: frame register rbp at rsp + 0x10, with an exception and a termination handler */
    u = (USHORT *)(image + 0x1000);
    image[0x1000] = 1 | ((UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER) << 3);
    image[0x1001] = 0x15;
    image[0x1002] = 8;
    image[0x1003] = REG_RBP | (1 << 4);
    u[2] = CODE(0x15, UWOP_SET_FPREG, 0);
    u[3] = CODE(0x10, UWOP_SAVE_XMM128, 6); u[4] = 0x20 / 16;
    u[5] = CODE(0x0b, UWOP_SAVE_NONVOL, REG_RSI); u[6] = 0x30 / 8;
    u[7] = CODE(0x06, UWOP_ALLOC_SMALL, (0x48 - 8) / 8);
    u[8] = CODE(0x02, UWOP_PUSH_NONVOL, REG_RBP);
    u[9] = CODE(0x01, UWOP_PUSH_NONVOL, REG_RBX);
    *(ULONG *)(image + 0x1014) = 0x300;         /* handler RVA, then its data */
    *(ULONG *)(image + 0x1018) = 0x12345678;
    table[0].BeginAddress = 0; table[0].EndAddress = sizeof(f1_code); table[0].UnwindData = 0x1000;

    /* f2: machine frame with error code, 32-bit allocation, far saves; prolog size 0 */
    memset(image + 0x40, 0x90, 0x20);
    u = (USHORT *)(image + 0x1100);
    image[0x1100] = 1;
    image[0x1102] = 10;
    u[2] = CODE(0, UWOP_SAVE_XMM128_FAR, 7); u[3] = 0x20; u[4] = 1;     /* 0x10020 */
    u[5] = CODE(0, UWOP_SAVE_NONVOL_FAR, REG_R12); u[6] = 0x10; u[7] = 1;   /* 0x10010 */
    u[8] = CODE(0, UWOP_ALLOC_LARGE, 1); u[9] = 0x40; u[10] = 1;        /* 0x10040 */
    u[11] = CODE(0, UWOP_PUSH_MACHFRAME, 1);
    table[1].BeginAddress = 0x40; table[1].EndAddress = 0x60; table[1].UnwindData = 0x1100;

    /* f3: push r12, chained to the parent part at 0x1200 (push rbx, sub rsp 0x20) */
    image[0x80] = 0x41; image[0x81] = 0x54;
    memset(image + 0x82, 0x90, 0x1e);
    u = (USHORT *)(image + 0x1180);
    image[0x1180] = 1 | (UNW_FLAG_CHAININFO << 3);
    image[0x1181] = 2;
    image[0x1182] = 1;
    u[2] = CODE(2, UWOP_PUSH_NONVOL, REG_R12);
    *(RUNTIME_FUNCTION *)(image + 0x1188) = (RUNTIME_FUNCTION){ 0xa0, 0xc0, 0x1200 };
    u = (USHORT *)(image + 0x1200);
    image[0x1200] = 1;
    image[0x1201] = 5;
    image[0x1202] = 2;
    u[2] = CODE(5, UWOP_ALLOC_SMALL, (0x20 - 8) / 8);
    u[3] = CODE(1, UWOP_PUSH_NONVOL, REG_RBX);
    table[2].BeginAddress = 0x80; table[2].EndAddress = 0xa0; table[2].UnwindData = 0x1180;
}

static PEXCEPTION_ROUTINE unwind(ULONG off, CONTEXT *ctx, ULONG64 *frame, void **data)
{
    ULONG64 base;
    RUNTIME_FUNCTION *f = RtlLookupFunctionEntry((ULONG64)image + off, &base, NULL);
    check("lookup base", base, (ULONG64)image);
    if (!f)
        return NULL;
    return RtlVirtualUnwind(UNW_FLAG_EHANDLER, base, (ULONG64)image + off, f, ctx, data, frame, NULL);
}

/* f1's frame at s: xmm6 at 0x20, rsi at 0x30, rbp at 0x48, rbx at 0x50, return at 0x58. */
static void f1_stack(ULONG64 *s)
{
    memset(s, 0, 0x100);
    s[0x20 / 8] = 0x6666; s[0x28 / 8] = 0x6667;
    s[0x30 / 8] = 0x5151;
    s[0x48 / 8] = 0xbbbb;
    s[0x50 / 8] = 0xb0b0;
    s[0x58 / 8] = 0x1234567;
}

static void test_f1(ULONG64 *s)
{
    CONTEXT ctx;
    ULONG64 frame;
    void *data;
    PEXCEPTION_ROUTINE h;

    f1_stack(s);
    memset(&ctx, 0, sizeof(ctx));
    ctx.Rsp = (ULONG64)s - 0x100;       /* an alloca below the frame: rbp is what counts */
    ctx.Rbp = (ULONG64)s + 0x10;
    h = unwind(0x1a, &ctx, &frame, &data);
    check("body handler", (ULONG64)h, (ULONG64)image + 0x300);
    check("body handler data", data ? *(ULONG *)data : 0, 0x12345678);
    check("body frame", frame, (ULONG64)s);
    check("body rip", ctx.Rip, 0x1234567);
    check("body rsp", ctx.Rsp, (ULONG64)s + 0x60);
    check("body rbx", ctx.Rbx, 0xb0b0);
    check("body rbp", ctx.Rbp, 0xbbbb);
    check("body rsi", ctx.Rsi, 0x5151);
    check("body xmm6", ctx.Xmm6.Low, 0x6666);

    memset(&ctx, 0, sizeof(ctx));       /* in the prolog, after sub rsp: three codes apply */
    ctx.Rsp = (ULONG64)s;
    ctx.Rsi = 0xaaaa;
    h = unwind(0x06, &ctx, &frame, &data);
    check("prolog handler", (ULONG64)h, 0);
    check("prolog frame", frame, (ULONG64)s);
    check("prolog rip", ctx.Rip, 0x1234567);
    check("prolog rsp", ctx.Rsp, (ULONG64)s + 0x60);
    check("prolog rbx", ctx.Rbx, 0xb0b0);
    check("prolog rsi (not saved yet)", ctx.Rsi, 0xaaaa);

    memset(&ctx, 0, sizeof(ctx));       /* at the epilog's lea: the epilog is simulated */
    ctx.Rbp = (ULONG64)s + 0x10;
    ctx.Rsp = (ULONG64)s;
    ctx.Rsi = 0xaaaa;
    h = unwind(0x1b, &ctx, &frame, &data);
    check("epilog handler", (ULONG64)h, 0);
    check("epilog rip", ctx.Rip, 0x1234567);
    check("epilog rsp", ctx.Rsp, (ULONG64)s + 0x60);
    check("epilog rbp", ctx.Rbp, 0xbbbb);
    check("epilog rbx", ctx.Rbx, 0xb0b0);
    check("epilog rsi (its mov is not an epilog instruction)", ctx.Rsi, 0xaaaa);

    memset(&ctx, 0, sizeof(ctx));       /* at pop rbx: one pop and the ret remain */
    ctx.Rsp = (ULONG64)s + 0x50;
    ctx.Rbp = 0xbbbb;
    unwind(0x20, &ctx, &frame, &data);
    check("last pop rip", ctx.Rip, 0x1234567);
    check("last pop rsp", ctx.Rsp, (ULONG64)s + 0x60);
    check("last pop rbx", ctx.Rbx, 0xb0b0);
}

static void test_f2(void)
{
    ULONG64 *s = VirtualAlloc(NULL, 0x11000, MEM_COMMIT, PAGE_READWRITE), frame;
    CONTEXT ctx;
    void *data;

    s[0x10010 / 8] = 0x1212;
    s[0x10020 / 8] = 0x7777; s[0x10028 / 8] = 0x7778;
    s[0x10040 / 8] = 0xe;               /* error code */
    s[0x10048 / 8] = 0xabcdef;          /* rip, cs, eflags, rsp, ss */
    s[0x10050 / 8] = 0x33;
    s[0x10058 / 8] = 0x246;
    s[0x10060 / 8] = 0x7ff00000;
    s[0x10068 / 8] = 0x2b;
    memset(&ctx, 0, sizeof(ctx));
    ctx.Rsp = (ULONG64)s;
    unwind(0x48, &ctx, &frame, &data);
    check("machframe rip", ctx.Rip, 0xabcdef);
    check("machframe rsp", ctx.Rsp, 0x7ff00000);
    check("far r12", ctx.R12, 0x1212);
    check("far xmm7", ctx.Xmm7.Low, 0x7777);
    VirtualFree(s, 0, MEM_RELEASE);
}

static void test_f3(ULONG64 *s)
{
    CONTEXT ctx;
    ULONG64 frame;
    void *data;

    memset(s, 0, 0x100);
    s[0] = 0xc12;                       /* r12, then 0x20 bytes, rbx, return */
    s[5] = 0xb3;
    s[6] = 0x7654321;
    memset(&ctx, 0, sizeof(ctx));
    ctx.Rsp = (ULONG64)s;
    unwind(0x90, &ctx, &frame, &data);
    check("chained rip", ctx.Rip, 0x7654321);
    check("chained rsp", ctx.Rsp, (ULONG64)s + 0x38);
    check("chained r12", ctx.R12, 0xc12);
    check("chained rbx", ctx.Rbx, 0xb3);
}

static RUNTIME_FUNCTION *CALLBACK callback(DWORD64 pc, PVOID context)
{
    printf("callback for offset %#llx, context %s\n", pc - (ULONG64)image, (char *)context);
    return &table[0];
}

static volatile int jumped;

static __attribute__((noipa)) void do_longjmp(_JUMP_BUFFER *jb)
{
    EXCEPTION_RECORD rec = { 0 };
    CONTEXT ctx;
    rec.ExceptionCode = STATUS_LONGJUMP;
    rec.NumberParameters = 1;
    rec.ExceptionInformation[0] = (ULONG_PTR)jb;
    RtlCaptureContext(&ctx);
    RtlRestoreContext(&ctx, &rec);
}

static __attribute__((noipa)) void test_longjmp(void)
{
    CONTEXT ctx;
    _JUMP_BUFFER jb;

    RtlCaptureContext(&ctx);
    if (jumped++) {
        printf("longjmp record: back after RtlCaptureContext (%d)\n", jumped);
        return;
    }
    memset(&jb, 0, sizeof(jb));
    jb.Frame = ctx.Rsp;
    jb.Rbx = ctx.Rbx; jb.Rsp = ctx.Rsp; jb.Rbp = ctx.Rbp; jb.Rsi = ctx.Rsi; jb.Rdi = ctx.Rdi;
    jb.R12 = ctx.R12; jb.R13 = ctx.R13; jb.R14 = ctx.R14; jb.R15 = ctx.R15; jb.Rip = ctx.Rip;
    jb.MxCsr = ctx.MxCsr;
    jb.FpCsr = 0x27f;
    memcpy(&jb.Xmm6, &ctx.Xmm6, 10 * sizeof(ctx.Xmm6));
    do_longjmp(&jb);
    printf("not reached\n");
}

int main(void)
{
    static ULONG64 stack[64] __attribute__((aligned(16)));
    ULONG64 base;

    image = VirtualAlloc(NULL, 0x2000, MEM_COMMIT, PAGE_EXECUTE_READWRITE);
    build();
    printf("before registering: %p\n", RtlLookupFunctionEntry((ULONG64)image + 0x10, &base, NULL));
    printf("RtlAddFunctionTable: %d\n", RtlAddFunctionTable(table, 3, (ULONG64)image));
    test_f1(stack);
    test_f2();
    test_f3(stack);
    printf("RtlDeleteFunctionTable: %d\n", RtlDeleteFunctionTable(table));
    printf("again: %d\n", RtlDeleteFunctionTable(table));
    printf("after deleting: %p\n", RtlLookupFunctionEntry((ULONG64)image + 0x10, &base, NULL));
    printf("RtlInstallFunctionTableCallback: %d\n",
           RtlInstallFunctionTableCallback((ULONG64)image | 3, (ULONG64)image, 0x1000, callback, "ctx", NULL));
    printf("callback entry is f1: %d\n", RtlLookupFunctionEntry((ULONG64)image + 0x10, &base, NULL) == &table[0]);
    printf("bad identifier refused: %d\n",
           !RtlInstallFunctionTableCallback((ULONG64)image, (ULONG64)image, 0x1000, callback, "ctx", NULL));
    test_longjmp();
    printf("%d failures\n", failures);
    return failures;
}
