/* crash.c: the report of an unhandled exception on stderr: code and name, the address as
 * module+offset (and the nearest export of the same function), the access of an access
 * violation, the registers, and a backtrace of the PE frames walked through .pdata. */
#include "vinho/pe_side.h"
#include "printf.h"
#include "seh.h"

static const struct { ULONG code; const char *name; } code_names[] = {
    { STATUS_ACCESS_VIOLATION,          "access violation" },
    { STATUS_IN_PAGE_ERROR,             "in-page error" },
    { STATUS_ILLEGAL_INSTRUCTION,       "illegal instruction" },
    { STATUS_PRIVILEGED_INSTRUCTION,    "privileged instruction" },
    { STATUS_INTEGER_DIVIDE_BY_ZERO,    "integer divide by zero" },
    { STATUS_INTEGER_OVERFLOW,          "integer overflow" },
    { STATUS_FLOAT_DIVIDE_BY_ZERO,      "float divide by zero" },
    { STATUS_FLOAT_INEXACT_RESULT,      "float inexact result" },
    { STATUS_FLOAT_INVALID_OPERATION,   "float invalid operation" },
    { STATUS_FLOAT_OVERFLOW,            "float overflow" },
    { STATUS_FLOAT_UNDERFLOW,           "float underflow" },
    { STATUS_FLOAT_STACK_CHECK,         "float stack check" },
    { STATUS_FLOAT_DENORMAL_OPERAND,    "float denormal operand" },
    { STATUS_FLOAT_MULTIPLE_TRAPS,      "float multiple traps" },
    { STATUS_FLOAT_MULTIPLE_FAULTS,     "float multiple faults" },
    { STATUS_BREAKPOINT,                "breakpoint" },
    { STATUS_SINGLE_STEP,               "single step" },
    { STATUS_STACK_OVERFLOW,            "stack overflow" },
    { STATUS_DATATYPE_MISALIGNMENT,     "datatype misalignment" },
    { STATUS_ARRAY_BOUNDS_EXCEEDED,     "array bounds exceeded" },
    { STATUS_NONCONTINUABLE_EXCEPTION,  "noncontinuable exception" },
    { STATUS_INVALID_DISPOSITION,       "invalid disposition" },
    { STATUS_INVALID_UNWIND_TARGET,     "invalid unwind target" },
    { STATUS_BAD_STACK,                 "bad stack" },
    { STATUS_HEAP_CORRUPTION,           "heap corruption" },
    { STATUS_STACK_BUFFER_OVERRUN,      "stack buffer overrun (fail fast)" },
    { STATUS_FAIL_FAST_EXCEPTION,       "fail fast exception" },
    { 0xE06D7363,                       "C++ exception (MSVC)" },
    { 0x20474343,                       "C++ exception (GCC)" },
};

const char *seh_code_name(ULONG code)
{
    for (size_t i = 0; i < sizeof(code_names) / sizeof(code_names[0]); i++)
        if (code_names[i].code == code)
            return code_names[i].name;
    return "exception";
}

static void put(const char *fmt, ...)
{
    char line[512];
    va_list args;
    va_start(args, fmt);
    int n = fmt_vsnprintf_a(line, sizeof(line), FMT_BUFFER_STANDARD, 0, NULL, NULL, fmt, args);
    va_end(args);
    if (n > (int)sizeof(line) - 1)
        n = sizeof(line) - 1;
    if (n > 0)
        __vinho_debug_write(line, n);
}

/* The export of mod with the highest address <= rva, if it lies in the same function as rva
 * (by .pdata; or within 4 KiB where the module has no entry for rva). */
static const char *nearest_export(const BYTE *base, ULONG rva, ULONG *export_rva)
{
    const IMAGE_NT_HEADERS64 *nt = (const void *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXPORT];
    const IMAGE_EXPORT_DIRECTORY *exp;
    const ULONG *funcs, *names;
    const USHORT *ords;
    const char *best = NULL;
    ULONG best_rva = 0, floor = rva > 0x1000 ? rva - 0x1000 : 0;
    RUNTIME_FUNCTION *func;
    ULONG64 img;

    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_EXPORT || !dir->VirtualAddress)
        return NULL;
    if ((func = RtlLookupFunctionEntry((ULONG64)base + rva, &img, NULL)) && img == (ULONG64)base)
        floor = func->BeginAddress;
    exp = (const void *)(base + dir->VirtualAddress);
    funcs = (const void *)(base + exp->AddressOfFunctions);
    names = (const void *)(base + exp->AddressOfNames);
    ords = (const void *)(base + exp->AddressOfNameOrdinals);
    for (ULONG i = 0; i < exp->NumberOfNames; i++) {
        ULONG f = ords[i] < exp->NumberOfFunctions ? funcs[ords[i]] : 0;
        if (f <= rva && f >= floor && f >= best_rva && (f < dir->VirtualAddress ||
                                                       f >= dir->VirtualAddress + dir->Size)) {
            best = (const char *)(base + names[i]);
            best_rva = f;
        }
    }
    *export_rva = best_rva;
    return best;
}

/* "module+0xoffset (module!export+0xoff)", or the bare address outside any module. */
static void describe(char *buf, size_t size, ULONG64 pc)
{
    struct vn_ldr_entry *entry;
    char name[64];
    ULONG len = 0, exp_rva;
    const char *exp;

    if (LdrFindEntryForAddress((void *)pc, &entry)) {
        fmt_snprintf_a(buf, size, FMT_BUFFER_STANDARD, 0, "%#llx, outside any module", pc);
        return;
    }
    RtlUnicodeToMultiByteN(name, sizeof(name) - 1, &len, entry->BaseDllName.Buffer,
                           entry->BaseDllName.Length);
    name[len] = 0;
    ULONG rva = (ULONG)(pc - (ULONG64)entry->DllBase);
    if ((exp = nearest_export(entry->DllBase, rva, &exp_rva)))
        fmt_snprintf_a(buf, size, FMT_BUFFER_STANDARD, 0, "%s+0x%lx (%s!%s+0x%lx)", name, rva, name, exp,
                       rva - exp_rva);
    else
        fmt_snprintf_a(buf, size, FMT_BUFFER_STANDARD, 0, "%s+0x%lx", name, rva);
}

static void report_registers(const CONTEXT *c)
{
    put("  rax=%016llx rbx=%016llx rcx=%016llx rdx=%016llx\n", c->Rax, c->Rbx, c->Rcx, c->Rdx);
    put("  rsi=%016llx rdi=%016llx rbp=%016llx rsp=%016llx\n", c->Rsi, c->Rdi, c->Rbp, c->Rsp);
    put("  r8 =%016llx r9 =%016llx r10=%016llx r11=%016llx\n", c->R8, c->R9, c->R10, c->R11);
    put("  r12=%016llx r13=%016llx r14=%016llx r15=%016llx\n", c->R12, c->R13, c->R14, c->R15);
    put("  rip=%016llx eflags=%08lx mxcsr=%08lx cs=%04x ss=%04x\n", c->Rip, c->EFlags, c->MxCsr,
        c->SegCs, c->SegSs);
}

static void report_backtrace(const CONTEXT *start)
{
    struct vn_teb *teb = vn_teb();
    CONTEXT ctx = *start;
    ULONG64 base, frame;
    RUNTIME_FUNCTION *func;
    void *data;
    char where[200];

    put("backtrace:\n");
    for (int i = 0; i < 64; i++) {
        if (i && !seh_known_code(ctx.Rip, NULL))
            break;
        describe(where, sizeof(where), ctx.Rip);
        put("  #%-2d %016llx %s\n", i, ctx.Rip, where);
        if (ctx.Rsp < (ULONG64)teb->StackLimit || ctx.Rsp >= (ULONG64)teb->StackBase)
            break;      /* a stack pointer outside the stack: nothing more to trust */
        seh_unwind_frame(UNW_FLAG_NHANDLER, &ctx, &base, &func, &data, &frame, NULL);
        if (ctx.Rsp <= (ULONG64)teb->StackLimit || ctx.Rsp > (ULONG64)teb->StackBase || !ctx.Rip)
            break;
    }
}

/* The report; one write per line, so that lines of several threads do not mix mid-line. */
void seh_crash_report(const EXCEPTION_RECORD *rec, const CONTEXT *ctx)
{
    char where[200];
    ULONG code = rec->ExceptionCode;

    describe(where, sizeof(where), (ULONG64)rec->ExceptionAddress);
    if (code == (ULONG)STATUS_ACCESS_VIOLATION && rec->NumberParameters >= 2) {
        ULONG_PTR kind = rec->ExceptionInformation[0];
        put("vinho: unhandled exception %#010lx (%s) at %s, %s address 0x%llx\n", code,
            seh_code_name(code), where, kind == 1 ? "writing" : kind == 8 ? "executing" : "reading",
            (ULONG64)rec->ExceptionInformation[1]);
    } else {
        put("vinho: unhandled exception %#010lx (%s) at %s\n", code, seh_code_name(code), where);
    }
    for (ULONG i = 0; i < rec->NumberParameters && i < EXCEPTION_MAXIMUM_PARAMETERS; i++)
        put("  parameter %lu: %#llx\n", i, (ULONG64)rec->ExceptionInformation[i]);
    report_registers(ctx);
    report_backtrace(ctx);
}

/***********************************************************************
 *           __vinho_crash_report   (NTDLL.@)
 *
 * For kernelbase's UnhandledExceptionFilter, which reports before its caller ends the process.
 */
void NTAPI __vinho_crash_report(const EXCEPTION_RECORD *rec, const CONTEXT *ctx)
{
    if (rec->ExceptionCode != EXCEPTION_VINHO_STUB)
        seh_crash_report(rec, ctx);
}
