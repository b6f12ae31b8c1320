/* cxx_tables.c: reads a function's C++ EH tables into struct eh_func: the FuncInfo of
 * __CxxFrameHandler3 (fixed-size records, magic 0x19930520-22) and the compressed FuncInfo4 of
 * __CxxFrameHandler4 (Visual C++ 2019+). FH4 layout, from the public description of the format
 * (Microsoft's ehdata4 notes): a header byte (1 catch funclet, 2 separated code, 4 BBT flags
 * follow, 8 unwind map RVA follows, 0x10 try map RVA follows, 0x20 /EHs, 0x40 noexcept), then the
 * fields it announces, the IP-to-state map RVA always, a catch funclet's frame offset last.
 * Unsigned numbers are 1-5 bytes, the low bits of the first byte giving the length; states are
 * stored plus one in the IP map; unwind entries name the state they lead to by a backward byte
 * offset. */
#include "vinho/pe_side.h"
#include "cxx_eh.h"

DEFAULT_DEBUG_CHANNEL(seh);

#define RVA(base, rva) ((void *)((ULONG64)(base) + (LONG)(rva)))

/* The FH3 tables as they lie in the image. */
struct fh3_unwind { int prev; int action; };
struct fh3_handler { UINT adjectives; int type; int catch_object; int handler; int frame; };
struct fh3_try { int low, high, catch_high, count; int handlers; };
struct fh3_ip_state { int ip; int state; };
struct fh3_func_info {
    UINT magic;
    int max_state;
    int unwind_map;
    UINT try_count;
    int try_map;
    UINT ip_count;
    int ip_map;
    int unwind_help;
    int es_types;               /* version 2 */
    int flags;                  /* version 3: 1 = synchronous (/EHs) */
};
#define CXX_MAGIC_V1 0x19930520
#define CXX_MAGIC_V3 0x19930522

static const struct fh3_func_info *fh3_info(const DISPATCHER_CONTEXT *disp)
{
    const struct fh3_func_info *fi = RVA(disp->ImageBase, *(const ULONG *)disp->HandlerData);
    UINT magic = fi->magic & 0x1fffffff;
    if (magic < CXX_MAGIC_V1 || magic > CXX_MAGIC_V3) {
        ERR("unknown FuncInfo magic %#x\n", fi->magic);
        return NULL;
    }
    return fi;
}

BOOL fh3_sizes(const DISPATCHER_CONTEXT *disp, struct eh_sizes *n)
{
    const struct fh3_func_info *fi = fh3_info(disp);
    const struct fh3_try *tries;

    if (!fi)
        return FALSE;
    tries = RVA(disp->ImageBase, fi->try_map);
    n->unwind = fi->max_state;
    n->tries = fi->try_count;
    n->handlers = 0;
    for (UINT i = 0; i < fi->try_count; i++)
        n->handlers += tries[i].count;
    return TRUE;
}

/* Fills f, whose arrays fh3_sizes sized. */
void fh3_decode(struct eh_func *f, const DISPATCHER_CONTEXT *disp)
{
    const struct fh3_func_info *fi = fh3_info(disp);
    ULONG64 base = disp->ImageBase;
    const struct fh3_unwind *uw = RVA(base, fi->unwind_map);
    const struct fh3_try *tries = RVA(base, fi->try_map);
    struct eh_handler *out = f->tries ? f->tries[0].handlers : NULL;

    f->base = base;
    f->max_state = fi->max_state;
    for (int i = 0; i < fi->max_state; i++) {
        f->unwind[i].prev = uw[i].prev;
        f->unwind[i].kind = uw[i].action ? UW_FUNCLET : UW_NONE;
        f->unwind[i].action = uw[i].action;
        f->unwind[i].object = 0;
    }
    f->try_count = fi->try_count;
    for (UINT i = 0; i < fi->try_count; i++) {
        const struct fh3_handler *h = RVA(base, tries[i].handlers);
        f->tries[i].low = tries[i].low;
        f->tries[i].high = tries[i].high;
        f->tries[i].catch_high = tries[i].catch_high;
        f->tries[i].count = tries[i].count;
        f->tries[i].handlers = out;
        for (int j = 0; j < tries[i].count; j++, out++) {
            out->adjectives = h[j].adjectives;
            out->type = h[j].type;
            out->catch_object = h[j].catch_object;
            out->handler = h[j].handler;
            out->frame = h[j].frame;
            out->cont_count = 0;
        }
    }
    f->unwind_help = fi->unwind_help;
    f->sync = (fi->magic & 0x1fffffff) >= CXX_MAGIC_V3 && (fi->flags & 1);
    f->fh4 = FALSE;
    f->is_catch = FALSE;
    f->ip_map = RVA(base, fi->ip_map);
    f->ip_count = fi->ip_count;
}

/* An FH4 compressed unsigned number: 1 to 4 bytes whose low 1-4 bits (0, 01, 011, 0111) say
 * the length, or 0x?f and the next 4 bytes as they are. */
static UINT fh4_uint(const BYTE **pp)
{
    const BYTE *b = *pp;
    if (!(b[0] & 1)) {
        *pp += 1;
        return b[0] >> 1;
    }
    if (!(b[0] & 2)) {
        *pp += 2;
        return (b[0] | b[1] << 8) >> 2;
    }
    if (!(b[0] & 4)) {
        *pp += 3;
        return (b[0] | b[1] << 8 | b[2] << 16) >> 3;
    }
    if (!(b[0] & 8)) {
        *pp += 4;
        return (b[0] | b[1] << 8 | b[2] << 16 | (UINT)b[3] << 24) >> 4;
    }
    *pp += 5;
    return b[1] | b[2] << 8 | b[3] << 16 | (UINT)b[4] << 24;
}

static int fh4_int(const BYTE **pp)
{
    int v;
    memcpy(&v, *pp, sizeof(v));
    *pp += sizeof(v);
    return v;
}

/* The FuncInfo4 header fields. */
struct fh4_info {
    BYTE header;
    int unwind_map, try_map, ip_map;
    UINT catch_frame;
    ULONG func_start;
};
enum { FH4_CATCH = 1, FH4_SEPARATED = 2, FH4_BBT = 4, FH4_UNWIND = 8, FH4_TRY = 0x10, FH4_EHS = 0x20 };

static void fh4_info(const DISPATCHER_CONTEXT *disp, struct fh4_info *fi)
{
    const BYTE *p = RVA(disp->ImageBase, *(const ULONG *)disp->HandlerData);

    fi->header = *p++;
    if (fi->header & FH4_BBT)
        fh4_uint(&p);
    fi->unwind_map = fi->header & FH4_UNWIND ? fh4_int(&p) : 0;
    fi->try_map = fi->header & FH4_TRY ? fh4_int(&p) : 0;
    fi->ip_map = fh4_int(&p);
    fi->func_start = disp->FunctionEntry->BeginAddress;
    if ((fi->header & FH4_SEPARATED) && fi->ip_map) {
        /* Code split in parts: a table of (part start, its IP map) pairs. */
        const BYTE *seg = RVA(disp->ImageBase, fi->ip_map);
        UINT count = fh4_uint(&seg);
        fi->ip_map = 0;
        for (UINT i = 0; i < count; i++) {
            int start = fh4_int(&seg), map = fh4_int(&seg);
            if ((ULONG)start == disp->FunctionEntry->BeginAddress)
                fi->ip_map = map;
        }
    }
    fi->catch_frame = fi->header & FH4_CATCH ? fh4_uint(&p) : 0;
}

BOOL fh4_sizes(const DISPATCHER_CONTEXT *disp, struct eh_sizes *n)
{
    struct fh4_info fi;
    const BYTE *p;

    fh4_info(disp, &fi);
    n->unwind = n->tries = n->handlers = 0;
    if (fi.unwind_map) {
        p = RVA(disp->ImageBase, fi.unwind_map);
        n->unwind = fh4_uint(&p);
    }
    if (fi.try_map) {
        p = RVA(disp->ImageBase, fi.try_map);
        n->tries = fh4_uint(&p);
        for (int i = 0; i < n->tries; i++) {
            const BYTE *h;
            fh4_uint(&p);
            fh4_uint(&p);
            fh4_uint(&p);
            h = RVA(disp->ImageBase, fh4_int(&p));
            n->handlers += fh4_uint(&h);
        }
    }
    return TRUE;
}

static void fh4_decode_unwind(struct eh_func *f, const BYTE *p)
{
    const BYTE *start;
    int count = fh4_uint(&p);

    start = p;
    for (int i = 0; i < count; i++) {
        struct eh_unwind *e = &f->unwind[i];
        UINT v;
        int target;

        e->off = (int)(p - start);
        v = fh4_uint(&p);
        e->kind = v & 3;                /* the UW_* values are the format's */
        e->action = e->object = 0;
        if (e->kind != UW_NONE)
            e->action = fh4_int(&p);
        if (e->kind == UW_DTOR_OBJ || e->kind == UW_DTOR_PTR)
            e->object = fh4_uint(&p);
        /* The state this one leads to, by its entry's offset; before the map's start: -1. */
        target = e->off - (int)(v >> 2);
        e->prev = -1;
        for (int j = 0; j < i && target >= 0; j++)
            if (f->unwind[j].off == target)
                e->prev = j;
    }
    f->max_state = count;
}

static struct eh_handler *fh4_decode_handlers(struct eh_func *f, struct eh_try *t, const BYTE *p,
                                              struct eh_handler *out)
{
    t->count = fh4_uint(&p);
    t->handlers = out;
    for (int j = 0; j < t->count; j++, out++) {
        BYTE header = *p++;
        out->adjectives = header & 1 ? fh4_uint(&p) : 0;
        out->type = header & 2 ? fh4_int(&p) : 0;
        out->catch_object = header & 4 ? fh4_uint(&p) : 0;
        out->handler = fh4_int(&p);
        out->frame = 0;
        out->cont_count = (header >> 4) & 3;
        if (out->cont_count > 2)
            out->cont_count = 0;        /* reserved */
        for (int k = 0; k < out->cont_count; k++)
            out->cont[k] = header & 8 ? f->base + fh4_int(&p) : f->base + f->func_start + fh4_uint(&p);
    }
    return out;
}

/* Fills f, whose arrays fh4_sizes sized. */
void fh4_decode(struct eh_func *f, const DISPATCHER_CONTEXT *disp)
{
    struct fh4_info fi;
    struct eh_handler *out = f->tries ? f->tries[0].handlers : NULL;
    const BYTE *p;

    fh4_info(disp, &fi);
    f->base = disp->ImageBase;
    f->max_state = 0;
    f->func_start = fi.func_start;
    if (fi.unwind_map)
        fh4_decode_unwind(f, RVA(f->base, fi.unwind_map));
    f->try_count = 0;
    if (fi.try_map) {
        p = RVA(f->base, fi.try_map);
        f->try_count = fh4_uint(&p);
        for (int i = 0; i < f->try_count; i++) {
            f->tries[i].low = fh4_uint(&p);
            f->tries[i].high = fh4_uint(&p);
            f->tries[i].catch_high = fh4_uint(&p);
            out = fh4_decode_handlers(f, &f->tries[i], RVA(f->base, fh4_int(&p)), out);
        }
    }
    f->unwind_help = 0;
    f->sync = (fi.header & FH4_EHS) != 0;
    f->fh4 = TRUE;
    f->is_catch = (fi.header & FH4_CATCH) != 0;
    f->catch_frame = fi.catch_frame;
    f->ip_map = fi.ip_map ? RVA(f->base, fi.ip_map) : NULL;
    f->ip_count = 0;
    if (f->ip_map) {
        p = f->ip_map;
        f->ip_count = fh4_uint(&p);
    }
}

/* The state at pc: the last IP-map entry at or before it (-1 before the first). */
int eh_state_from_ip(const struct eh_func *f, ULONG64 pc)
{
    ULONG rva = (ULONG)(pc - f->base);
    int state = -1;

    if (!f->fh4) {
        const struct fh3_ip_state *map = (const void *)f->ip_map;
        for (UINT i = 0; i < f->ip_count && (ULONG)map[i].ip <= rva; i++)
            state = map[i].state;
    } else if (f->ip_map) {
        const BYTE *p = f->ip_map;
        ULONG ip = f->func_start;
        fh4_uint(&p);
        for (UINT i = 0; i < f->ip_count; i++) {
            int s;
            ip += fh4_uint(&p);
            s = (int)fh4_uint(&p) - 1;
            if (ip > rva)
                break;
            state = s;
        }
    }
    return state;
}
