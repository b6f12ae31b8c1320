/* cxx_eh.c: C++ exceptions of the MSVC ABI (x64): _CxxThrowException raises 0xE06D7363 with a
 * ThrowInfo; __CxxFrameHandler3 reads a function's FuncInfo (try blocks, catch handlers,
 * unwind map, IP-to-state map) and catches by type through the thrown type's catchable-type
 * list, running catch funclets through an unwind consolidation (RtlUnwindEx with
 * STATUS_UNWIND_CONSOLIDATE) so the thrower's frame, which holds the exception object, stays
 * alive during the catch. Shared by msvcrt (and later vcruntime140); data layouts follow the
 * public descriptions of the MSVC EH tables (docs/exceptions.md). */
#include "vinho/pe_side.h"
#include "cxx_eh.h"

DEFAULT_DEBUG_CHANNEL(seh);

#define CXX_EXCEPTION       0xE06D7363
#define CXX_MAGIC_V1        0x19930520
#define CXX_MAGIC_V3        0x19930522

struct cxx_pmd { int mdisp, pdisp, vdisp; };
struct cxx_type_descriptor { const void *vtable; void *spare; char name[]; };
struct cxx_catchable_type {
    UINT properties;                /* 1 simple type, 2 by reference only, 4 virtual base */
    int type;                       /* RVA of the type descriptor */
    struct cxx_pmd offset;          /* where this base class lies in the thrown object */
    int size;
    int copy_ctor;                  /* RVA, 0 if bitwise copyable */
};
struct cxx_catchable_array { int count; int types[]; };
struct cxx_throw_info { UINT attributes; int destructor, forward_compat, catchable; };

struct cxx_unwind_entry { int prev; int action; };
struct cxx_handler {
    UINT adjectives;                /* 1 const, 2 volatile, 8 reference, 0x40 catch(...) */
    int type;                       /* RVA of the type descriptor; 0: catch(...) */
    int catch_object;               /* where the catch parameter lives, from the parent frame */
    int handler;                    /* RVA of the catch funclet */
    int frame;                      /* where the funclet keeps its parent's frame, from its own */
};
struct cxx_try_block { int low, high, catch_high, count; int handlers; };
struct cxx_ip_state { int ip; int state; };
struct cxx_func_info {
    UINT magic;
    int max_state;
    int unwind_map;
    UINT try_count;
    int try_map;
    UINT ip_count;
    int ip_map;
    int unwind_help;                /* the state slot, from the parent frame (-2: use ip map) */
    int es_types;                   /* version 2 */
    int flags;                      /* version 3: 1 = synchronous (/EHs) */
};

/* The exception being handled by a running catch block (per thread), for "throw;". */
struct cxx_caught {
    struct cxx_caught *prev;
    ULONG_PTR params[4];
    ULONG64 parent;                 /* the frame and catch funclet that handle it */
    ULONG funclet;
    BOOL cxx;
};
static DWORD caught_tls = TLS_OUT_OF_INDEXES;

static struct cxx_caught *get_caught(void)
{
    if (caught_tls == TLS_OUT_OF_INDEXES) {
        DWORD index = TlsAlloc();
        if (InterlockedCompareExchange((LONG *)&caught_tls, index, TLS_OUT_OF_INDEXES) != (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(index);
    }
    return TlsGetValue(caught_tls);
}

static void set_caught(struct cxx_caught *c)
{
    TlsSetValue(caught_tls, c);
}

#define RVA(base, rva) ((void *)((ULONG64)(base) + (LONG)(rva)))

/***********************************************************************
 *           _CxxThrowException   (MSVCRT.@)
 *
 * "throw obj" (ti describes its type); "throw;" when both are NULL: the exception of the
 * innermost running catch block again.
 */
void WINAPI _CxxThrowException(void *object, const void *ti)
{
    ULONG_PTR params[4] = { CXX_MAGIC_V1, (ULONG_PTR)object, (ULONG_PTR)ti, 0 };
    void *base = NULL;

    if (!object && !ti) {
        struct cxx_caught *c = get_caught();
        if (!c) {
            ERR("throw; with no exception being handled\n");
            cxx_terminate();
        }
        memcpy(params, c->params, sizeof(params));
    } else {
        RtlPcToFileHeader((void *)ti, &base);
        params[3] = (ULONG_PTR)base;
    }
    TRACE("object %p throw info %p base %p\n", (void *)params[1], (void *)params[2], (void *)params[3]);
    RaiseException(CXX_EXCEPTION, EXCEPTION_NONCONTINUABLE, 4, params);
}

static BOOL is_cxx_exception(const EXCEPTION_RECORD *rec)
{
    return rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 &&
           rec->ExceptionInformation[0] >= CXX_MAGIC_V1 && rec->ExceptionInformation[0] <= CXX_MAGIC_V3 &&
           rec->ExceptionInformation[2];
}

static int state_from_ip(const struct cxx_func_info *fi, ULONG64 base, ULONG64 pc)
{
    const struct cxx_ip_state *map = RVA(base, fi->ip_map);
    ULONG rva = (ULONG)(pc - base);
    int state = -1;
    for (UINT i = 0; i < fi->ip_count && (ULONG)map[i].ip <= rva; i++)
        state = map[i].state;
    return state;
}

static int *state_slot(const struct cxx_func_info *fi, ULONG64 frame)
{
    return fi->unwind_help ? (int *)(frame + fi->unwind_help) : NULL;
}

/* The state of the parent function frame: its slot if the runtime set one, else by pc. */
static int current_state(const struct cxx_func_info *fi, ULONG64 base, ULONG64 frame, ULONG64 pc,
                         BOOL funclet)
{
    int *slot = state_slot(fi, frame);
    if (!funclet && slot && *slot != -2)
        return *slot;
    return state_from_ip(fi, base, pc);
}

/* Runs the unwind actions (destructors) from state cur down to target. */
static void unwind_to_state(const struct cxx_func_info *fi, ULONG64 base, ULONG64 frame, int cur, int target)
{
    const struct cxx_unwind_entry *map = RVA(base, fi->unwind_map);
    while (cur > target && cur < fi->max_state) {
        int next = map[cur].prev;
        if (map[cur].action) {
            TRACE("state %d: unwind action %#llx frame %#llx\n", cur, base + map[cur].action, frame);
            ((void (WINAPI *)(ULONG64, ULONG64))RVA(base, map[cur].action))(0, frame);
        }
        cur = next;
    }
}

/* The frame of the function itself: a catch funclet finds it where it saved it. */
static ULONG64 parent_frame(const struct cxx_func_info *fi, ULONG64 base, const DISPATCHER_CONTEXT *disp,
                            ULONG64 frame, const struct cxx_try_block **funclet_try)
{
    const struct cxx_try_block *tries = RVA(base, fi->try_map);
    *funclet_try = NULL;
    for (UINT i = 0; i < fi->try_count; i++) {
        const struct cxx_handler *h = RVA(base, tries[i].handlers);
        for (int j = 0; j < tries[i].count; j++)
            if ((ULONG)h[j].handler == disp->FunctionEntry->BeginAddress) {
                *funclet_try = &tries[i];
                return *(ULONG64 *)(frame + h[j].frame);
            }
    }
    return frame;
}

static const struct cxx_type_descriptor *handler_type(const struct cxx_handler *h, ULONG64 base)
{
    const struct cxx_type_descriptor *td;
    if ((h->adjectives & 0x40) || !h->type)
        return NULL;
    td = RVA(base, h->type);
    return td->name[0] ? td : NULL;
}

/* The catchable type of the thrown object that handler h accepts, or NULL. */
static const struct cxx_catchable_type *find_catchable(const struct cxx_handler *h, ULONG64 base,
                                                       const EXCEPTION_RECORD *rec)
{
    const struct cxx_type_descriptor *want = handler_type(h, base);
    const struct cxx_throw_info *ti = (const void *)rec->ExceptionInformation[2];
    ULONG64 tbase = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;
    const struct cxx_catchable_array *types = RVA(tbase, ti->catchable);

    for (int i = 0; i < types->count; i++) {
        const struct cxx_catchable_type *ct = RVA(tbase, types->types[i]);
        const struct cxx_type_descriptor *td = RVA(tbase, ct->type);
        if (!want)
            return ct;
        if (td != want && strcmp(td->name, want->name))
            continue;
        if ((ct->properties & 2) && !(h->adjectives & 8))
            continue;           /* this type can only be caught by reference */
        if ((ti->attributes & 1) && !(h->adjectives & 1))
            continue;           /* a const object to a non-const handler */
        return ct;
    }
    return NULL;
}

static void *adjust_pointer(void *obj, const struct cxx_pmd *pmd)
{
    char *p = (char *)obj + pmd->mdisp;
    if (pmd->pdisp >= 0) {
        const int *vbtable = *(const int **)((char *)obj + pmd->pdisp);
        p += *(const int *)((const char *)vbtable + pmd->vdisp) + pmd->pdisp;
    }
    return p;
}

/* Initialises the catch parameter in the parent frame from the thrown object. */
static void copy_catch_object(const struct cxx_handler *h, const struct cxx_catchable_type *ct, ULONG64 frame,
                              const EXCEPTION_RECORD *rec)
{
    void *obj = (void *)rec->ExceptionInformation[1];
    void **dest = (void **)(frame + h->catch_object);
    ULONG64 tbase = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;

    if (!h->catch_object || !h->type || !ct)
        return;         /* catch(...), or a handler without a named parameter */
    if (h->adjectives & 8) {
        *dest = adjust_pointer(obj, &ct->offset);
    } else if (ct->properties & 1) {
        memcpy(dest, obj, ct->size);
        if (ct->size == sizeof(void *) && *dest)        /* a pointer to a class: to its base */
            *dest = adjust_pointer(*dest, &ct->offset);
    } else if (!ct->copy_ctor) {
        memcpy(dest, adjust_pointer(obj, &ct->offset), ct->size);
    } else if (ct->properties & 4) {
        ((void (WINAPI *)(void *, void *, int))RVA(tbase, ct->copy_ctor))(dest, adjust_pointer(obj, &ct->offset), 1);
    } else {
        ((void (WINAPI *)(void *, void *))RVA(tbase, ct->copy_ctor))(dest, adjust_pointer(obj, &ct->offset));
    }
}

static void destroy_object(const ULONG_PTR *params)
{
    const struct cxx_throw_info *ti = (const void *)params[2];
    if (ti && ti->destructor && params[1])
        ((void (WINAPI *)(void *))RVA(params[3], ti->destructor))((void *)params[1]);
}

/* The parameters of the consolidation record that runs a catch block. */
enum { CB_FUNC, CB_PARENT, CB_FUNC_INFO, CB_BASE, CB_HANDLER, CB_TRY, CB_CATCHABLE, CB_RECORD, CB_STATE,
       CB_IN_CATCH, CB_COUNT };
static ULONG64 WINAPI call_catch_block(EXCEPTION_RECORD *cons);

/* An exception leaves catch funclet `funclet` of frame parent: the exception it was handling
 * ends with it, unless it is the one leaving ("throw;"). */
static void leave_catch_block(ULONG64 parent, ULONG funclet, const EXCEPTION_RECORD *rec)
{
    struct cxx_caught *c = get_caught();
    if (!c || c->parent != parent || c->funclet != funclet)
        return;
    if (rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters == CB_COUNT &&
        rec->ExceptionInformation[CB_FUNC] == (ULONG_PTR)call_catch_block)
        rec = (const EXCEPTION_RECORD *)rec->ExceptionInformation[CB_RECORD];   /* the exception itself */
    set_caught(c->prev);
    if (c->cxx && !(is_cxx_exception(rec) && rec->ExceptionInformation[1] == c->params[1]))
        destroy_object(c->params);
}

/* The consolidation callback (runs on the stack below the thrower): destructors of the try
 * block, the catch parameter, the catch funclet; returns where the function goes on. */

static ULONG64 WINAPI call_catch_block(EXCEPTION_RECORD *cons)
{
    ULONG64 parent = cons->ExceptionInformation[CB_PARENT], base = cons->ExceptionInformation[CB_BASE];
    const struct cxx_func_info *fi = (const void *)cons->ExceptionInformation[CB_FUNC_INFO];
    const struct cxx_handler *h = (const void *)cons->ExceptionInformation[CB_HANDLER];
    const struct cxx_try_block *tb = (const void *)cons->ExceptionInformation[CB_TRY];
    EXCEPTION_RECORD *rec = (EXCEPTION_RECORD *)cons->ExceptionInformation[CB_RECORD];
    const struct cxx_unwind_entry *map = RVA(base, fi->unwind_map);
    int outside = tb->low < fi->max_state ? map[tb->low].prev : -1;
    /* Catching in a catch block (a try inside it): the function's state stays its own. */
    int *slot = cons->ExceptionInformation[CB_IN_CATCH] ? NULL : state_slot(fi, parent);
    struct cxx_caught caught;
    ULONG64 cont;

    unwind_to_state(fi, base, parent, (int)cons->ExceptionInformation[CB_STATE], outside);
    if (slot)
        *slot = outside;
    if (is_cxx_exception(rec))
        copy_catch_object(h, (const void *)cons->ExceptionInformation[CB_CATCHABLE], parent, rec);
    caught.prev = get_caught();
    memcpy(caught.params, rec->ExceptionInformation, sizeof(caught.params));
    caught.parent = parent;
    caught.funclet = h->handler;
    caught.cxx = is_cxx_exception(rec);
    set_caught(&caught);
    TRACE("calling catch block %#llx with frame %#llx\n", base + h->handler, parent);
    cont = ((ULONG64 (WINAPI *)(ULONG64, ULONG64))RVA(base, h->handler))(base + h->handler, parent);
    set_caught(caught.prev);
    if (slot)
        *slot = -2;
    if (caught.cxx)
        destroy_object(caught.params);
    TRACE("catch block done: continuing at %#llx\n", cont);
    return cont;
}

/* Dispatch: the first handler of an enclosing try block that takes the exception gets it. */
static void find_catch(EXCEPTION_RECORD *rec, ULONG64 frame, ULONG64 parent, const struct cxx_func_info *fi,
                       DISPATCHER_CONTEXT *disp, int state, const struct cxx_try_block *in_catch, CONTEXT *ctx)
{
    const struct cxx_try_block *tries = RVA(disp->ImageBase, fi->try_map);
    BOOL cxx = is_cxx_exception(rec);
    BOOL sync = (fi->magic & 0x1fffffff) >= CXX_MAGIC_V3 && (fi->flags & 1);  /* no SEH in catch(...) */

    for (UINT i = 0; i < fi->try_count; i++) {
        const struct cxx_handler *h = RVA(disp->ImageBase, tries[i].handlers);
        if (state < tries[i].low || state > tries[i].high)
            continue;
        /* In a catch block only the try blocks inside it: the others are the function's, seen
         * when the walk reaches the function's own frame. */
        if (in_catch && (tries[i].low <= in_catch->high || tries[i].high > in_catch->catch_high))
            continue;
        for (int j = 0; j < tries[i].count; j++) {
            const struct cxx_catchable_type *ct = NULL;
            EXCEPTION_RECORD cons = { 0 };
            if (cxx ? !(ct = find_catchable(&h[j], disp->ImageBase, rec))
                    : (sync || handler_type(&h[j], disp->ImageBase)))
                continue;
            TRACE("try block %u handler %d takes it (frame %#llx)\n", i, j, parent);
            cons.ExceptionCode = STATUS_UNWIND_CONSOLIDATE;
            cons.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
            cons.NumberParameters = CB_COUNT;
            cons.ExceptionInformation[CB_FUNC] = (ULONG_PTR)call_catch_block;
            cons.ExceptionInformation[CB_PARENT] = parent;
            cons.ExceptionInformation[CB_FUNC_INFO] = (ULONG_PTR)fi;
            cons.ExceptionInformation[CB_BASE] = disp->ImageBase;
            cons.ExceptionInformation[CB_HANDLER] = (ULONG_PTR)&h[j];
            cons.ExceptionInformation[CB_TRY] = (ULONG_PTR)&tries[i];
            cons.ExceptionInformation[CB_CATCHABLE] = (ULONG_PTR)ct;
            cons.ExceptionInformation[CB_RECORD] = (ULONG_PTR)rec;
            cons.ExceptionInformation[CB_STATE] = state;
            cons.ExceptionInformation[CB_IN_CATCH] = in_catch != NULL;
            /* The target ip does not matter: the callback returns where to go on. */
            RtlUnwindEx((void *)frame, (void *)disp->ControlPc, &cons, NULL, ctx, disp->HistoryTable);
        }
    }
}

/***********************************************************************
 *           __CxxFrameHandler3   (MSVCRT.@)
 *
 * Also __CxxFrameHandler and __CxxFrameHandler2: FuncInfo versions 1 to 3 share the layout.
 */
EXCEPTION_DISPOSITION WINAPI __CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *disp)
{
    const struct cxx_func_info *fi = RVA(disp->ImageBase, *(const ULONG *)disp->HandlerData);
    const struct cxx_try_block *funclet_try;
    ULONG64 parent = parent_frame(fi, disp->ImageBase, disp, frame, &funclet_try);
    int state;

    if ((fi->magic & 0x1fffffff) < CXX_MAGIC_V1 || (fi->magic & 0x1fffffff) > CXX_MAGIC_V3) {
        ERR("unknown FuncInfo magic %#x\n", fi->magic);
        return ExceptionContinueSearch;
    }
    state = current_state(fi, disp->ImageBase, parent, disp->ControlPc, funclet_try != NULL);
    TRACE("code %#lx flags %#lx frame %#llx parent %#llx state %d%s\n", rec->ExceptionCode,
          rec->ExceptionFlags, frame, parent, state, funclet_try ? " (catch block)" : "");
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) {
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            return ExceptionContinueSearch;     /* the catch callback unwinds this frame's part */
        if (funclet_try) {
            const struct cxx_unwind_entry *map = RVA(disp->ImageBase, fi->unwind_map);
            unwind_to_state(fi, disp->ImageBase, parent, state,
                            funclet_try->low < fi->max_state ? map[funclet_try->low].prev : -1);
            leave_catch_block(parent, disp->FunctionEntry->BeginAddress, rec);
        } else {
            unwind_to_state(fi, disp->ImageBase, parent, state, -1);
        }
        return ExceptionContinueSearch;
    }
    if (fi->try_count)
        find_catch(rec, frame, parent, fi, disp, state, funclet_try, ctx);
    return ExceptionContinueSearch;
}

/* terminate() and unexpected(): the handlers set by set_terminate/set_unexpected. */
typedef void (__cdecl *cxx_handler_func)(void);
static cxx_handler_func terminate_handler, unexpected_handler;
void __cdecl abort(void);

/***********************************************************************
 *           ?terminate@@YAXXZ   (MSVCRT.@)
 */
void cxx_terminate(void)
{
    cxx_handler_func handler = terminate_handler;
    TRACE("handler %p\n", handler);
    if (handler)
        handler();
    abort();
    for (;;)
        ;
}

/***********************************************************************
 *           ?set_terminate@@YAP6AXXZP6AXXZ@Z   (MSVCRT.@)
 */
cxx_handler_func __cdecl cxx_set_terminate(cxx_handler_func func)
{
    return InterlockedExchangePointer((void **)&terminate_handler, (void *)func);
}

/***********************************************************************
 *           ?unexpected@@YAXXZ   (MSVCRT.@)
 */
void __cdecl cxx_unexpected(void)
{
    if (unexpected_handler)
        unexpected_handler();
    cxx_terminate();
}

/***********************************************************************
 *           ?set_unexpected@@YAP6AXXZP6AXXZ@Z   (MSVCRT.@)
 */
cxx_handler_func __cdecl cxx_set_unexpected(cxx_handler_func func)
{
    return InterlockedExchangePointer((void **)&unexpected_handler, (void *)func);
}

/* type_info as MSVC lays it out: its vtable, the demangled name once asked for, the decorated
 * name (".H", ".?AVname@@"). */
struct cxx_type_info {
    const void *vtable;
    char *name;
    char mangled[];
};

/* The readable name of a decorated type name: built-in types and plain (non-nested) classes;
 * others stay decorated. */
static char *undecorate(const char *mangled)
{
    static const struct { const char *code, *name; } basic[] = {
        { ".C", "signed char" }, { ".D", "char" }, { ".E", "unsigned char" }, { ".F", "short" },
        { ".G", "unsigned short" }, { ".H", "int" }, { ".I", "unsigned int" }, { ".J", "long" },
        { ".K", "unsigned long" }, { ".M", "float" }, { ".N", "double" }, { ".O", "long double" },
        { "._J", "__int64" }, { "._K", "unsigned __int64" }, { "._N", "bool" }, { "._W", "wchar_t" },
    };
    const char *text = mangled, *kind = NULL;
    size_t len;
    char *out;

    for (size_t i = 0; i < sizeof(basic) / sizeof(basic[0]); i++)
        if (!strcmp(mangled, basic[i].code))
            text = basic[i].name;
    if (!strncmp(mangled, ".?AV", 4))
        kind = "class ";
    else if (!strncmp(mangled, ".?AU", 4))
        kind = "struct ";
    else if (!strncmp(mangled, ".?AT", 4))
        kind = "union ";
    len = strlen(text);
    if (kind && len > 6 && !strcmp(mangled + len - 2, "@@") && !memchr(mangled + 4, '@', len - 6)) {
        out = HeapAlloc(GetProcessHeap(), 0, strlen(kind) + len);
        if (out) {
            strcpy(out, kind);
            memcpy(out + strlen(kind), mangled + 4, len - 6);
            out[strlen(kind) + len - 6] = 0;
        }
        return out;
    }
    if (text == mangled)
        text++;
    out = HeapAlloc(GetProcessHeap(), 0, strlen(text) + 1);
    if (out)
        strcpy(out, text);
    return out;
}

/***********************************************************************
 *           ?name@type_info@@QEBAPEBDXZ   (MSVCRT.@)
 */
const char *WINAPI cxx_type_info_name(struct cxx_type_info *ti)
{
    if (!ti->name) {
        char *name = undecorate(ti->mangled);
        if (name && InterlockedCompareExchangePointer((void **)&ti->name, name, NULL))
            HeapFree(GetProcessHeap(), 0, name);
    }
    return ti->name ? ti->name : ti->mangled + 1;
}

/***********************************************************************
 *           ?raw_name@type_info@@QEBAPEBDXZ   (MSVCRT.@)
 */
const char *WINAPI cxx_type_info_raw_name(const struct cxx_type_info *ti)
{
    return ti->mangled;
}

/***********************************************************************
 *           ??8type_info@@QEBA_NAEBV0@@Z   (MSVCRT.@)
 */
BOOLEAN WINAPI cxx_type_info_equal(const struct cxx_type_info *a, const struct cxx_type_info *b)
{
    return a == b || !strcmp(a->mangled + 1, b->mangled + 1);
}

/***********************************************************************
 *           ??9type_info@@QEBA_NAEBV0@@Z   (MSVCRT.@)
 */
BOOLEAN WINAPI cxx_type_info_not_equal(const struct cxx_type_info *a, const struct cxx_type_info *b)
{
    return !cxx_type_info_equal(a, b);
}

/***********************************************************************
 *           ?before@type_info@@QEBA_NAEBV0@@Z   (MSVCRT.@)
 */
BOOLEAN WINAPI cxx_type_info_before(const struct cxx_type_info *a, const struct cxx_type_info *b)
{
    return strcmp(a->mangled + 1, b->mangled + 1) < 0;
}

/***********************************************************************
 *           ??1type_info@@UEAA@XZ   (MSVCRT.@)
 */
void WINAPI cxx_type_info_dtor(struct cxx_type_info *ti)
{
    HeapFree(GetProcessHeap(), 0, ti->name);
    ti->name = NULL;
}

/* The scalar deleting destructor, type_info's only virtual function. */
void *WINAPI cxx_type_info_deleting_dtor(struct cxx_type_info *ti, unsigned flags)
{
    cxx_type_info_dtor(ti);
    if (flags & 1)
        HeapFree(GetProcessHeap(), 0, ti);
    return ti;
}

/* ??_7type_info@@6B@: the vtable every type descriptor points at. */
const void *const cxx_type_info_vtable[] = { (const void *)cxx_type_info_deleting_dtor };
