/* unwind.c: x64 unwinding over .pdata/.xdata: function lookup (loaded modules and tables that
 * JITs register), and one-frame virtual unwinding per Microsoft's "x64 exception handling"
 * (unwind codes, chained unwind info, prolog and epilog rules). */
#include "vinho/pe_side.h"
#include "seh.h"

DEFAULT_DEBUG_CHANNEL(seh);

/* Unwind operations (UNWIND_CODE.UnwindOp). */
enum {
    UWOP_PUSH_NONVOL, UWOP_ALLOC_LARGE, UWOP_ALLOC_SMALL, UWOP_SET_FPREG, UWOP_SAVE_NONVOL,
    UWOP_SAVE_NONVOL_FAR, UWOP_EPILOG, UWOP_SPARE_CODE, UWOP_SAVE_XMM128, UWOP_SAVE_XMM128_FAR,
    UWOP_PUSH_MACHFRAME
};

struct unwind_info {
    BYTE version_flags;         /* version: low 3 bits, flags: high 5 */
    BYTE prolog_size;
    BYTE count;                 /* UNWIND_CODE slots */
    BYTE frame;                 /* frame register: low 4 bits, scaled offset: high 4 */
    USHORT codes[];             /* each: CodeOffset (low byte), UnwindOp (4 bits), OpInfo (4 bits) */
};

#define CODE_OFFSET(c) ((c) & 0xff)
#define CODE_OP(c)     (((c) >> 8) & 0xf)
#define CODE_INFO(c)   ((c) >> 12)

/* Tables registered at run time (RtlAddFunctionTable, RtlInstallFunctionTableCallback). */
struct dynamic_table {
    struct dynamic_table *next;
    ULONG64 id;                 /* the table address, or the callback identifier (low 2 bits 3) */
    ULONG64 base, length;
    RUNTIME_FUNCTION *table;    /* NULL: a callback table */
    ULONG count;
    PGET_RUNTIME_FUNCTION_CALLBACK callback;
    void *context;
};

static struct dynamic_table *dynamic_tables;
static volatile LONG dynamic_lock;

static void dyn_lock(void)
{
    while (__atomic_exchange_n(&dynamic_lock, 1, __ATOMIC_ACQUIRE))
        NtYieldExecution();
}

static void dyn_unlock(void)
{
    __atomic_store_n(&dynamic_lock, 0, __ATOMIC_RELEASE);
}

/* Binary search of a table sorted by BeginAddress; RVAs relative to base. */
static RUNTIME_FUNCTION *search_table(RUNTIME_FUNCTION *table, ULONG count, ULONG rva, ULONG64 base)
{
    ULONG lo = 0, hi = count;
    while (lo < hi) {
        ULONG mid = (lo + hi) / 2;
        if (rva < table[mid].BeginAddress)
            hi = mid;
        else if (rva >= table[mid].EndAddress)
            lo = mid + 1;
        else {
            RUNTIME_FUNCTION *func = &table[mid];
            if (func->UnwindData & 1)   /* an indirect entry: points at the real one */
                func = (RUNTIME_FUNCTION *)(base + (func->UnwindData & ~1u));
            return func;
        }
    }
    return NULL;
}

/* The .pdata of the module holding pc, if any. */
static RUNTIME_FUNCTION *module_table(ULONG64 pc, ULONG64 *base, ULONG *count)
{
    struct vn_ldr_entry *entry;
    IMAGE_NT_HEADERS64 *nt;
    IMAGE_DATA_DIRECTORY *dir;

    if (LdrFindEntryForAddress((void *)pc, &entry))
        return NULL;
    *base = (ULONG64)entry->DllBase;
    nt = (IMAGE_NT_HEADERS64 *)(*base + ((IMAGE_DOS_HEADER *)*base)->e_lfanew);
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_EXCEPTION)
        return NULL;
    dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_EXCEPTION];
    if (!dir->VirtualAddress || !dir->Size)
        return NULL;
    *count = dir->Size / sizeof(RUNTIME_FUNCTION);
    return (RUNTIME_FUNCTION *)(*base + dir->VirtualAddress);
}

static RUNTIME_FUNCTION *lookup_dynamic(ULONG64 pc, ULONG64 *base)
{
    RUNTIME_FUNCTION *func = NULL;
    *base = 0;
    struct dynamic_table *t;
    dyn_lock();
    for (t = dynamic_tables; t; t = t->next) {
        if (pc < t->base || pc - t->base >= t->length)
            continue;
        *base = t->base;
        if (t->table)
            func = search_table(t->table, t->count, (ULONG)(pc - t->base), t->base);
        else
            break;      /* a callback: called without the lock (it may take its own) */
        if (func)
            break;
    }
    dyn_unlock();
    if (t && !t->table)
        func = t->callback(pc, t->context);
    return func;
}

/* The history table of one dispatch or unwind (which the caller zeroes, as on Windows) remembers
 * the functions found in modules' .pdata: the unwind walks again the frames its dispatch walked,
 * so most of its lookups are a short scan instead of the module list and a binary search.
 * Tables registered at run time are not remembered (a JIT may replace them). Our use of the
 * fields: Count entries used (<= UNWIND_HISTORY_TABLE_SIZE), GlobalHint the entry found or added
 * last (the scan starts there: the unwind meets the frames in the order the dispatch added
 * them), LocalHint the entry replaced next once the table is full. */
static RUNTIME_FUNCTION *history_find(UNWIND_HISTORY_TABLE *history, ULONG64 pc, ULONG64 *base)
{
    ULONG count = history->Count < UNWIND_HISTORY_TABLE_SIZE ? history->Count : UNWIND_HISTORY_TABLE_SIZE;
    ULONG i = history->GlobalHint < count ? history->GlobalHint : 0;
    for (ULONG n = 0; n < count; n++, i = i + 1 < count ? i + 1 : 0) {
        UNWIND_HISTORY_TABLE_ENTRY *e = &history->Entry[i];
        ULONG64 rva = pc - e->ImageBase;
        if (pc >= e->ImageBase && e->FunctionEntry && rva >= e->FunctionEntry->BeginAddress &&
            rva < e->FunctionEntry->EndAddress) {
            history->GlobalHint = (BYTE)i;
            *base = e->ImageBase;
            return e->FunctionEntry;
        }
    }
    return NULL;
}

static void history_add(UNWIND_HISTORY_TABLE *history, ULONG64 base, RUNTIME_FUNCTION *func)
{
    ULONG slot = history->Count;
    if (slot >= UNWIND_HISTORY_TABLE_SIZE) {
        slot = history->LocalHint % UNWIND_HISTORY_TABLE_SIZE;
        history->LocalHint = (BYTE)((slot + 1) % UNWIND_HISTORY_TABLE_SIZE);
    } else {
        history->Count++;
    }
    history->Entry[slot].ImageBase = base;
    history->Entry[slot].FunctionEntry = func;
    history->GlobalHint = (BYTE)slot;
}

/***********************************************************************
 *           RtlLookupFunctionEntry   (NTDLL.@)
 *
 * The RUNTIME_FUNCTION covering pc, from the .pdata of the module holding it or from a table
 * registered at run time; NULL for a leaf function or code nobody described. history (optional,
 * zeroed by the caller before its first use) caches what was found (see history_find).
 */
PRUNTIME_FUNCTION NTAPI RtlLookupFunctionEntry(ULONG64 pc, ULONG64 *base, UNWIND_HISTORY_TABLE *history)
{
    RUNTIME_FUNCTION *table, *func = NULL;
    ULONG count = 0;

    *base = 0;
    if (history && (func = history_find(history, pc, base)))
        return func;
    if ((table = module_table(pc, base, &count))) {
        func = search_table(table, count, (ULONG)(pc - *base), *base);
        if (func && history)
            history_add(history, *base, func);
    } else if (!*base) {
        func = lookup_dynamic(pc, base);
    }
    return func;
}

/***********************************************************************
 *           RtlAddFunctionTable   (NTDLL.@)
 */
BOOLEAN NTAPI RtlAddFunctionTable(RUNTIME_FUNCTION *table, DWORD count, DWORD64 base)
{
    struct dynamic_table *t = RtlAllocateHeap(process_heap(), HEAP_ZERO_MEMORY, sizeof(*t));
    if (!t || !table || !count)
        return FALSE;
    t->id = (ULONG64)table;
    t->table = table;
    t->count = count;
    t->base = base;
    t->length = table[count - 1].EndAddress;
    dyn_lock();
    t->next = dynamic_tables;
    dynamic_tables = t;
    dyn_unlock();
    TRACE("%p count %lu base %#llx\n", table, count, base);
    return TRUE;
}

/***********************************************************************
 *           RtlInstallFunctionTableCallback   (NTDLL.@)
 *
 * The identifier must have its two low bits set (Microsoft docs).
 */
BOOLEAN NTAPI RtlInstallFunctionTableCallback(DWORD64 id, DWORD64 base, DWORD length,
                                              PGET_RUNTIME_FUNCTION_CALLBACK callback, PVOID context,
                                              PCWSTR dll)
{
    struct dynamic_table *t;
    if ((id & 3) != 3 || !callback)
        return FALSE;
    if (dll)
        FIXME("out-of-process callback DLL %s is not used\n", debugstr_w(dll));
    if (!(t = RtlAllocateHeap(process_heap(), HEAP_ZERO_MEMORY, sizeof(*t))))
        return FALSE;
    t->id = id;
    t->base = base;
    t->length = length;
    t->callback = callback;
    t->context = context;
    dyn_lock();
    t->next = dynamic_tables;
    dynamic_tables = t;
    dyn_unlock();
    return TRUE;
}

/***********************************************************************
 *           RtlDeleteFunctionTable   (NTDLL.@)
 */
BOOLEAN NTAPI RtlDeleteFunctionTable(RUNTIME_FUNCTION *table)
{
    struct dynamic_table **p, *found = NULL;
    dyn_lock();
    for (p = &dynamic_tables; *p; p = &(*p)->next)
        if ((*p)->id == (ULONG64)table) {
            found = *p;
            *p = found->next;
            break;
        }
    dyn_unlock();
    if (found)
        RtlFreeHeap(process_heap(), 0, found);
    return found != NULL;
}

static ULONG code_slots(USHORT code)
{
    switch (CODE_OP(code)) {
    case UWOP_ALLOC_LARGE:      return CODE_INFO(code) ? 3 : 2;
    case UWOP_SAVE_NONVOL:
    case UWOP_SAVE_XMM128:
    case UWOP_EPILOG:           return 2;
    case UWOP_SAVE_NONVOL_FAR:
    case UWOP_SAVE_XMM128_FAR:
    case UWOP_SPARE_CODE:       return 3;
    default:                    return 1;
    }
}

static inline ULONG64 *int_reg(CONTEXT *ctx, int reg)
{
    return &ctx->Rax + reg;     /* Rax..R15 follow each other in the unwind codes' order */
}

static void restore_int(CONTEXT *ctx, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int reg, ULONG64 *slot)
{
    *int_reg(ctx, reg) = *slot;
    if (ptrs)
        ptrs->IntegerContext[reg] = slot;
}

static void restore_xmm(CONTEXT *ctx, KNONVOLATILE_CONTEXT_POINTERS *ptrs, int reg, M128A *slot)
{
    (&ctx->Xmm0)[reg] = *slot;
    if (ptrs)
        ptrs->FloatingContext[reg] = slot;
}

/* Does the code at pc look like an epilog (add/lea rsp, pops, then ret or a jump out of the
 * function)? The x64 ABI restricts epilogs to exactly this form so that unwinders can tell. */
static BOOL is_epilog(const BYTE *pc, ULONG64 base, const RUNTIME_FUNCTION *func, int frame_reg)
{
    const BYTE *p = pc;
    if ((p[0] & 0xf8) == 0x48) {
        if (p[0] == 0x48 && p[1] == 0x83 && p[2] == 0xc4)
            p += 4;                                     /* add rsp, imm8 */
        else if (p[0] == 0x48 && p[1] == 0x81 && p[2] == 0xc4)
            p += 7;                                     /* add rsp, imm32 */
        else if (p[1] == 0x8d && (p[2] & 0x38) == 0x20 && frame_reg &&
                 (p[2] & 7) + ((p[0] & 1) << 3) == frame_reg) {
            if ((p[2] >> 6) == 1)       p += 4;         /* lea rsp, [reg + disp8] */
            else if ((p[2] >> 6) == 2)  p += 7;         /* lea rsp, [reg + disp32] */
            else return FALSE;
        }
    }
    for (;;) {
        if ((p[0] & 0xf8) == 0x58)                      /* pop reg */
            p += 1;
        else if ((p[0] & 0xf0) == 0x40 && (p[1] & 0xf8) == 0x58)
            p += 2;                                     /* pop r8..r15 */
        else
            break;
    }
    if (p[0] == 0xc3 || (p[0] == 0xf3 && p[1] == 0xc3) || p[0] == 0xc2)
        return TRUE;
    if (p[0] == 0xe9 || p[0] == 0xeb) {                 /* jmp: a tail call out of the function */
        LONG64 rel = p[0] == 0xe9 ? *(const LONG *)(p + 1) : (signed char)p[1];
        ULONG64 target = (ULONG64)(p + (p[0] == 0xe9 ? 5 : 2)) + rel - base;
        return target < func->BeginAddress || target >= func->EndAddress;
    }
    if (p[0] == 0xff && p[1] == 0x25)                   /* jmp [rip + disp32] */
        return TRUE;
    if ((p[0] & 0xf8) == 0x48 && p[1] == 0xff && ((p[2] & 0x38) == 0x20))
        return TRUE;                                    /* rex.w jmp reg/mem */
    return FALSE;
}

/* Runs the epilog at pc on ctx: the frame is left the way its ret leaves it. */
static void run_epilog(const BYTE *p, CONTEXT *ctx, KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    if (p[0] == 0x48 && p[1] == 0x83 && p[2] == 0xc4) {
        ctx->Rsp += (signed char)p[3];
        p += 4;
    } else if (p[0] == 0x48 && p[1] == 0x81 && p[2] == 0xc4) {
        ctx->Rsp += *(const LONG *)(p + 3);
        p += 7;
    } else if ((p[0] & 0xf8) == 0x48 && p[1] == 0x8d) {
        int reg = (p[2] & 7) + ((p[0] & 1) << 3);
        if ((p[2] >> 6) == 1) {
            ctx->Rsp = *int_reg(ctx, reg) + (signed char)p[3];
            p += 4;
        } else {
            ctx->Rsp = *int_reg(ctx, reg) + *(const LONG *)(p + 3);
            p += 7;
        }
    }
    for (;;) {
        int reg;
        if ((p[0] & 0xf8) == 0x58)
            reg = p[0] & 7, p += 1;
        else if ((p[0] & 0xf0) == 0x40 && (p[1] & 0xf8) == 0x58)
            reg = (p[1] & 7) + ((p[0] & 1) << 3), p += 2;
        else
            break;
        restore_int(ctx, ptrs, reg, (ULONG64 *)ctx->Rsp);
        ctx->Rsp += 8;
    }
    ctx->Rip = *(ULONG64 *)ctx->Rsp;
    ctx->Rsp += 8;
}

/* Applies the codes of one unwind info; prolog_pos is how far into its prolog pc is (or ~0).
 * Returns TRUE if a machine frame set Rip and Rsp already. */
static BOOL apply_codes(const struct unwind_info *info, ULONG prolog_pos, ULONG64 frame, CONTEXT *ctx,
                        KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    for (ULONG i = 0; i < info->count; i += code_slots(info->codes[i])) {
        USHORT c = info->codes[i];
        int reg = CODE_INFO(c);
        if (prolog_pos < CODE_OFFSET(c))
            continue;       /* not executed yet */
        switch (CODE_OP(c)) {
        case UWOP_PUSH_NONVOL:
            restore_int(ctx, ptrs, reg, (ULONG64 *)ctx->Rsp);
            ctx->Rsp += 8;
            break;
        case UWOP_ALLOC_LARGE:
            ctx->Rsp += reg ? *(const ULONG *)&info->codes[i + 1] : info->codes[i + 1] * 8u;
            break;
        case UWOP_ALLOC_SMALL:
            ctx->Rsp += reg * 8 + 8;
            break;
        case UWOP_SET_FPREG:
            ctx->Rsp = *int_reg(ctx, info->frame & 15) - (info->frame >> 4) * 16;
            break;
        case UWOP_SAVE_NONVOL:
            restore_int(ctx, ptrs, reg, (ULONG64 *)(frame + info->codes[i + 1] * 8u));
            break;
        case UWOP_SAVE_NONVOL_FAR:
            restore_int(ctx, ptrs, reg, (ULONG64 *)(frame + *(const ULONG *)&info->codes[i + 1]));
            break;
        case UWOP_SAVE_XMM128:
            restore_xmm(ctx, ptrs, reg, (M128A *)(frame + info->codes[i + 1] * 16u));
            break;
        case UWOP_SAVE_XMM128_FAR:
            restore_xmm(ctx, ptrs, reg, (M128A *)(frame + *(const ULONG *)&info->codes[i + 1]));
            break;
        case UWOP_PUSH_MACHFRAME: {
            ULONG64 *mf = (ULONG64 *)ctx->Rsp + (reg ? 1 : 0);   /* past the error code */
            ctx->Rip = mf[0];
            ctx->EFlags = (ULONG)mf[2];
            ctx->Rsp = mf[3];
            return TRUE;
        }
        case UWOP_EPILOG:       /* version 2 epilog descriptions: epilogs are decoded instead */
        case UWOP_SPARE_CODE:
            break;
        default:
            FIXME("unknown unwind code %u\n", CODE_OP(c));
            break;
        }
    }
    return FALSE;
}

/* Has the prolog at prolog_pos already set the frame register? */
static BOOL frame_reg_set(const struct unwind_info *info, ULONG prolog_pos)
{
    for (ULONG i = 0; i < info->count; i += code_slots(info->codes[i]))
        if (CODE_OP(info->codes[i]) == UWOP_SET_FPREG)
            return prolog_pos >= CODE_OFFSET(info->codes[i]);
    return FALSE;
}

static const RUNTIME_FUNCTION *chained_entry(const struct unwind_info *info)
{
    return (const RUNTIME_FUNCTION *)&info->codes[(info->count + 1) & ~1];
}

/***********************************************************************
 *           RtlVirtualUnwind   (NTDLL.@)
 *
 * Unwinds one frame of the function func at pc: ctx becomes its caller's context. Returns the
 * frame's language handler of the kind asked for (UNW_FLAG_EHANDLER or UHANDLER), if pc is in
 * its body; *frame is the establisher frame.
 */
PEXCEPTION_ROUTINE NTAPI RtlVirtualUnwind(ULONG type, ULONG64 base, ULONG64 pc, RUNTIME_FUNCTION *func,
                                          CONTEXT *ctx, PVOID *data, ULONG64 *frame,
                                          KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    const struct unwind_info *info = (const struct unwind_info *)(base + func->UnwindData);
    const struct unwind_info *primary = info;
    ULONG offset = (ULONG)(pc - base - func->BeginAddress);
    ULONG prolog_pos = offset < info->prolog_size ? offset : ~0u;
    int frame_reg = info->frame & 15;
    ULONG64 establisher;

    if ((info->version_flags & 7) > 2)
        FIXME("unwind info version %u\n", info->version_flags & 7);
    if (frame_reg && (prolog_pos == ~0u || frame_reg_set(info, prolog_pos)))
        establisher = *int_reg(ctx, frame_reg) - (info->frame >> 4) * 16;
    else
        establisher = ctx->Rsp;
    *frame = establisher;
    if (data)
        *data = NULL;

    if (prolog_pos == ~0u && is_epilog((const BYTE *)pc, base, func, frame_reg)) {
        TRACE("pc %#llx is in an epilog\n", pc);
        run_epilog((const BYTE *)pc, ctx, ptrs);
        return NULL;
    }
    for (;;) {
        if (apply_codes(info, prolog_pos, establisher, ctx, ptrs))
            goto done;
        if (!((info->version_flags >> 3) & UNW_FLAG_CHAININFO))
            break;
        func = (RUNTIME_FUNCTION *)chained_entry(info);
        info = (const struct unwind_info *)(base + func->UnwindData);
        prolog_pos = ~0u;    /* a chained parent's prolog ran before this part was entered */
    }
    ctx->Rip = *(ULONG64 *)ctx->Rsp;
    ctx->Rsp += 8;
done:
    if (offset >= primary->prolog_size && ((primary->version_flags >> 3) & type)) {
        const ULONG *handler = (const ULONG *)&primary->codes[(primary->count + 1) & ~1];
        if (data)
            *data = (void *)(handler + 1);
        return (PEXCEPTION_ROUTINE)(base + *handler);
    }
    return NULL;
}

/* One frame up from ctx: by its unwind info, or as a leaf function (return address at rsp).
 * Returns the language handler of the kind asked for, *frame the establisher frame. */
PEXCEPTION_ROUTINE seh_unwind_frame(ULONG type, CONTEXT *ctx, ULONG64 *base, RUNTIME_FUNCTION **func,
                                    void **data, ULONG64 *frame, UNWIND_HISTORY_TABLE *history)
{
    *func = RtlLookupFunctionEntry(ctx->Rip, base, history);
    *data = NULL;
    if (*func)
        return RtlVirtualUnwind(type, *base, ctx->Rip, *func, ctx, data, frame, NULL);
    *frame = ctx->Rsp;
    ctx->Rip = *(ULONG64 *)ctx->Rsp;
    ctx->Rsp += 8;
    return NULL;
}

/* Is pc in a loaded module or a registered table? Frame walks stop at other code (the ELF
 * side's start function) rather than guess at a leaf frame there. */
BOOLEAN seh_known_code(ULONG64 pc, UNWIND_HISTORY_TABLE *history)
{
    struct vn_ldr_entry *entry;
    ULONG64 base;
    if (history && RtlLookupFunctionEntry(pc, &base, history))
        return TRUE;    /* a function with unwind info: remembered for the unwind that follows */
    if (!LdrFindEntryForAddress((void *)pc, &entry))
        return TRUE;
    return lookup_dynamic(pc, &base) != NULL || base != 0;
}

/***********************************************************************
 *           RtlCaptureStackBackTrace   (NTDLL.@)
 *
 * Return addresses of the caller's callers, skipping the first `skip`; the hash (optional) is
 * their sum, as documented ("a value that can be used to organize hash tables").
 */
USHORT NTAPI RtlCaptureStackBackTrace(ULONG skip, ULONG count, PVOID *trace, ULONG *hash)
{
    CONTEXT ctx;
    ULONG64 base, frame, sum = 0;
    RUNTIME_FUNCTION *func;
    void *data;
    struct vn_teb *teb = vn_teb();
    USHORT n = 0;

    RtlCaptureContext(&ctx);
    seh_unwind_frame(UNW_FLAG_NHANDLER, &ctx, &base, &func, &data, &frame, NULL);  /* this function */
    while (n < count && seh_known_code(ctx.Rip, NULL) && ctx.Rsp > (ULONG64)teb->StackLimit &&
           ctx.Rsp <= (ULONG64)teb->StackBase) {
        if (skip)
            skip--;
        else {
            trace[n++] = (void *)ctx.Rip;
            sum += ctx.Rip;
        }
        seh_unwind_frame(UNW_FLAG_NHANDLER, &ctx, &base, &func, &data, &frame, NULL);
    }
    if (hash)
        *hash = (ULONG)sum;
    return n;
}
