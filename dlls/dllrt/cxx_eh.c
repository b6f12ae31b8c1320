/* cxx_eh.c: C++ exceptions of the MSVC ABI (x64): _CxxThrowException raises 0xE06D7363 with a
 * ThrowInfo; __CxxFrameHandler3 and __CxxFrameHandler4 read a function's EH tables (through
 * cxx_tables.c: try blocks, catch handlers, unwind map, IP-to-state map) and catch by type
 * through the thrown type's catchable-type list, running catch funclets through an unwind
 * consolidation (RtlUnwindEx with STATUS_UNWIND_CONSOLIDATE) so the thrower's frame, which holds
 * the exception object, stays alive during the catch. Shared by msvcrt, ucrtbase and
 * vcruntime140(_1); data layouts follow the public descriptions of the MSVC EH tables
 * (docs/exceptions.md). */
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

/* The exception being handled by a running catch block, for "throw;" and the state of the
 * function around it. */
struct cxx_caught {
    struct cxx_caught *prev;
    ULONG_PTR params[4];
    ULONG64 parent;                 /* the frame and catch funclet that handle it */
    ULONG funclet;
    int outside;                    /* the function's state around the try block */
    BOOL in_catch;                  /* a try block inside another catch block */
    BOOL cxx;
    EXCEPTION_RECORD *prev_rec;     /* __current_exception(_context) before it */
    CONTEXT *prev_ctx;
};

typedef void (__cdecl *se_translator_func)(unsigned int, EXCEPTION_POINTERS *);

/* Per-thread state. */
struct eh_thread {
    struct cxx_caught *caught;      /* innermost running catch block */
    ULONG64 left_parent;            /* a catch block an exception left: its frame and the */
    int left_outside;               /* state the function is back in (FH4 has no state slot) */
    EXCEPTION_RECORD *cur_rec;      /* __current_exception */
    CONTEXT *cur_ctx;               /* __current_exception_context */
    int processing;                 /* __processing_throw */
    int uncaught;                   /* thrown and not caught yet: __uncaught_exceptions */
    se_translator_func translator;  /* _set_se_translator */
};
static DWORD eh_tls = TLS_OUT_OF_INDEXES;

static struct eh_thread *eh_thread(void)
{
    struct eh_thread *t;
    DWORD error;

    if (eh_tls == TLS_OUT_OF_INDEXES) {
        DWORD index = TlsAlloc();
        if (InterlockedCompareExchange((LONG *)&eh_tls, index, TLS_OUT_OF_INDEXES) != (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(index);
    }
    error = GetLastError();
    t = TlsGetValue(eh_tls);
    if (!t) {
        t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t));
        if (!t) {
            ERR("out of memory for the exception state\n");
            cxx_terminate();
        }
        TlsSetValue(eh_tls, t);
    }
    SetLastError(error);
    return t;
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
    struct eh_thread *t = eh_thread();
    void *base = NULL;

    if (!object && !ti) {
        if (!t->caught) {
            ERR("throw; with no exception being handled\n");
            cxx_terminate();
        }
        memcpy(params, t->caught->params, sizeof(params));
    } else {
        RtlPcToFileHeader((void *)ti, &base);
        params[3] = (ULONG_PTR)base;
    }
    t->uncaught++;
    TRACE("object %p throw info %p base %p\n", (void *)params[1], (void *)params[2], (void *)params[3]);
    RaiseException(CXX_EXCEPTION, EXCEPTION_NONCONTINUABLE, 4, params);
}

static BOOL is_cxx_exception(const EXCEPTION_RECORD *rec)
{
    return rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters >= 3 &&
           rec->ExceptionInformation[0] >= CXX_MAGIC_V1 && rec->ExceptionInformation[0] <= CXX_MAGIC_V3 &&
           rec->ExceptionInformation[2];
}

static int *state_slot(const struct eh_func *f, ULONG64 frame)
{
    return f->unwind_help ? (int *)(frame + f->unwind_help) : NULL;
}

/* The state a try block's catch blocks leave the function in. */
static int outside_state(const struct eh_func *f, const struct eh_try *tb)
{
    return tb->low < f->max_state ? f->unwind[tb->low].prev : -1;
}

/* The state of the parent function frame: FH3 keeps it in its slot while a catch block runs;
 * for FH4 the running (or just left) catch blocks say it; else the pc does. */
static int current_state(const struct eh_func *f, ULONG64 frame, ULONG64 pc, BOOL funclet)
{
    int *slot = state_slot(f, frame);
    struct eh_thread *t;

    if (funclet)
        return eh_state_from_ip(f, pc);
    if (slot)
        return *slot != -2 ? *slot : eh_state_from_ip(f, pc);
    t = eh_thread();
    for (struct cxx_caught *c = t->caught; c; c = c->prev)
        if (c->parent == frame && !c->in_catch)
            return c->outside;
    if (t->left_parent == frame)
        return t->left_outside;
    return eh_state_from_ip(f, pc);
}

/* Runs the unwind actions (destructors) from state cur down to target. */
static void unwind_to_state(const struct eh_func *f, ULONG64 frame, int cur, int target)
{
    struct eh_thread *t = eh_thread();

    while (cur > target && cur >= 0 && cur < f->max_state) {
        const struct eh_unwind *e = &f->unwind[cur];
        TRACE("state %d: unwind action %d %#llx frame %#llx\n", cur, e->kind, f->base + e->action, frame);
        t->processing++;
        switch (e->kind) {
        case UW_FUNCLET:
            ((void (WINAPI *)(ULONG64, ULONG64))RVA(f->base, e->action))(0, frame);
            break;
        case UW_DTOR_OBJ:
            ((void (WINAPI *)(void *))RVA(f->base, e->action))((void *)(frame + e->object));
            break;
        case UW_DTOR_PTR:
            ((void (WINAPI *)(void *))RVA(f->base, e->action))(*(void **)(frame + e->object));
            break;
        }
        t->processing--;
        cur = e->prev;
    }
}

/* The frame of the function itself: a catch funclet finds it where it saved it. */
static ULONG64 parent_frame(const struct eh_func *f, const DISPATCHER_CONTEXT *disp, ULONG64 frame,
                            const struct eh_try **funclet_try)
{
    ULONG64 parent = frame;

    *funclet_try = NULL;
    if (f->fh4 && f->is_catch)
        parent = *(ULONG64 *)(frame + f->catch_frame);
    for (int i = 0; i < f->try_count; i++) {
        const struct eh_handler *h = f->tries[i].handlers;
        for (int j = 0; j < f->tries[i].count; j++)
            if ((ULONG)h[j].handler == disp->FunctionEntry->BeginAddress) {
                *funclet_try = &f->tries[i];
                return f->fh4 ? parent : *(ULONG64 *)(frame + h[j].frame);
            }
    }
    if (f->fh4 && f->is_catch)
        FIXME("catch funclet %#lx not in its try map\n", disp->FunctionEntry->BeginAddress);
    return parent;
}

static const struct cxx_type_descriptor *handler_type(const struct eh_handler *h, ULONG64 base)
{
    const struct cxx_type_descriptor *td;
    if ((h->adjectives & 0x40) || !h->type)
        return NULL;
    td = RVA(base, h->type);
    return td->name[0] ? td : NULL;
}

/* The catchable type of the thrown object that handler h accepts, or NULL. */
static const struct cxx_catchable_type *find_catchable(const struct eh_handler *h, ULONG64 base,
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
static void copy_catch_object(const struct eh_handler *h, const struct cxx_catchable_type *ct, ULONG64 frame,
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
enum { CB_FUNC, CB_PARENT, CB_EH_FUNC, CB_HANDLER, CB_TRY, CB_CATCHABLE, CB_RECORD, CB_CONTEXT, CB_STATE,
       CB_IN_CATCH, CB_COUNT };
static ULONG64 WINAPI call_catch_block(EXCEPTION_RECORD *cons);

/* An exception leaves catch funclet `funclet` of frame parent: the exception it was handling
 * ends with it, unless it is the one leaving ("throw;"). */
static void leave_catch_block(ULONG64 parent, ULONG funclet, const EXCEPTION_RECORD *rec)
{
    struct eh_thread *t = eh_thread();
    struct cxx_caught *c = t->caught;

    if (!c || c->parent != parent || c->funclet != funclet)
        return;
    if (rec->ExceptionCode == (DWORD)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters == CB_COUNT &&
        rec->ExceptionInformation[CB_FUNC] == (ULONG_PTR)call_catch_block)
        rec = (const EXCEPTION_RECORD *)rec->ExceptionInformation[CB_RECORD];   /* the exception itself */
    t->caught = c->prev;
    t->cur_rec = c->prev_rec;
    t->cur_ctx = c->prev_ctx;
    if (!c->in_catch) {
        t->left_parent = parent;
        t->left_outside = c->outside;
    }
    if (c->cxx && !(is_cxx_exception(rec) && rec->ExceptionInformation[1] == c->params[1]))
        destroy_object(c->params);
}

/* The continuation a catch funclet chose: its return value, or with FH4 tables that list the
 * continuations, the index of one of them. */
static ULONG64 continuation(const struct eh_handler *h, ULONG64 ret)
{
    if (h->cont_count && ret < (ULONG64)h->cont_count)
        return h->cont[ret];
    if (h->cont_count == 1)
        return h->cont[0];
    return ret;
}

/* The consolidation callback (runs on the stack below the thrower): destructors of the try
 * block, the catch parameter, the catch funclet; returns where the function goes on. */
static ULONG64 WINAPI call_catch_block(EXCEPTION_RECORD *cons)
{
    ULONG64 parent = cons->ExceptionInformation[CB_PARENT];
    const struct eh_func *f = (const void *)cons->ExceptionInformation[CB_EH_FUNC];
    const struct eh_handler *h = (const void *)cons->ExceptionInformation[CB_HANDLER];
    const struct eh_try *tb = (const void *)cons->ExceptionInformation[CB_TRY];
    EXCEPTION_RECORD *rec = (EXCEPTION_RECORD *)cons->ExceptionInformation[CB_RECORD];
    int outside = outside_state(f, tb);
    BOOL in_catch = cons->ExceptionInformation[CB_IN_CATCH] != 0;
    /* Catching in a catch block (a try inside it): the function's state stays its own. */
    int *slot = in_catch ? NULL : state_slot(f, parent);
    struct eh_thread *t = eh_thread();
    struct cxx_caught caught;
    ULONG64 cont;

    if (t->left_parent == parent)
        t->left_parent = 0;
    unwind_to_state(f, parent, (int)cons->ExceptionInformation[CB_STATE], outside);
    if (slot)
        *slot = outside;
    if (is_cxx_exception(rec)) {
        t->processing++;
        copy_catch_object(h, (const void *)cons->ExceptionInformation[CB_CATCHABLE], parent, rec);
        t->processing--;
        if (t->uncaught > 0)
            t->uncaught--;
    }
    caught.prev = t->caught;
    memcpy(caught.params, rec->ExceptionInformation, sizeof(caught.params));
    caught.parent = parent;
    caught.funclet = h->handler;
    caught.outside = outside;
    caught.in_catch = in_catch;
    caught.cxx = is_cxx_exception(rec);
    caught.prev_rec = t->cur_rec;
    caught.prev_ctx = t->cur_ctx;
    t->caught = &caught;
    t->cur_rec = rec;
    t->cur_ctx = (CONTEXT *)cons->ExceptionInformation[CB_CONTEXT];
    TRACE("calling catch block %#llx with frame %#llx\n", f->base + h->handler, parent);
    cont = ((ULONG64 (WINAPI *)(ULONG64, ULONG64))RVA(f->base, h->handler))(f->base + h->handler, parent);
    cont = continuation(h, cont);
    t->caught = caught.prev;
    t->cur_rec = caught.prev_rec;
    t->cur_ctx = caught.prev_ctx;
    if (slot)
        *slot = -2;
    if (caught.cxx)
        destroy_object(caught.params);
    TRACE("catch block done: continuing at %#llx\n", cont);
    return cont;
}

/* Dispatch: the first handler of an enclosing try block that takes the exception gets it. */
static void find_catch(EXCEPTION_RECORD *rec, ULONG64 frame, ULONG64 parent, const struct eh_func *f,
                       DISPATCHER_CONTEXT *disp, int state, const struct eh_try *in_catch, CONTEXT *ctx)
{
    BOOL cxx = is_cxx_exception(rec);

    for (int i = 0; i < f->try_count; i++) {
        const struct eh_try *tb = &f->tries[i];
        if (state < tb->low || state > tb->high)
            continue;
        /* In a catch block only the try blocks inside it: the others are the function's, seen
         * when the walk reaches the function's own frame. */
        if (in_catch && (tb->low <= in_catch->high || tb->high > in_catch->catch_high))
            continue;
        for (int j = 0; j < tb->count; j++) {
            const struct eh_handler *h = &tb->handlers[j];
            const struct cxx_catchable_type *ct = NULL;
            EXCEPTION_RECORD cons = { 0 };
            if (cxx ? !(ct = find_catchable(h, f->base, rec)) : (f->sync || handler_type(h, f->base)))
                continue;
            TRACE("try block %d handler %d takes it (frame %#llx)\n", i, j, parent);
            cons.ExceptionCode = STATUS_UNWIND_CONSOLIDATE;
            cons.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
            cons.NumberParameters = CB_COUNT;
            cons.ExceptionInformation[CB_FUNC] = (ULONG_PTR)call_catch_block;
            cons.ExceptionInformation[CB_PARENT] = parent;
            cons.ExceptionInformation[CB_EH_FUNC] = (ULONG_PTR)f;
            cons.ExceptionInformation[CB_HANDLER] = (ULONG_PTR)h;
            cons.ExceptionInformation[CB_TRY] = (ULONG_PTR)tb;
            cons.ExceptionInformation[CB_CATCHABLE] = (ULONG_PTR)ct;
            cons.ExceptionInformation[CB_RECORD] = (ULONG_PTR)rec;
            cons.ExceptionInformation[CB_CONTEXT] = (ULONG_PTR)ctx;
            cons.ExceptionInformation[CB_STATE] = state;
            cons.ExceptionInformation[CB_IN_CATCH] = in_catch != NULL;
            /* The target ip does not matter: the callback returns where to go on. The tables
             * in f stay valid: the callback runs on the stack below this frame. */
            RtlUnwindEx((void *)frame, (void *)disp->ControlPc, &cons, NULL, ctx, disp->HistoryTable);
        }
    }
}

/* Both frame handlers, on the decoded tables. */
static EXCEPTION_DISPOSITION frame_handler(const struct eh_func *f, EXCEPTION_RECORD *rec, ULONG64 frame,
                                           CONTEXT *ctx, DISPATCHER_CONTEXT *disp)
{
    const struct eh_try *funclet_try;
    ULONG64 parent = parent_frame(f, disp, frame, &funclet_try);
    int state = current_state(f, parent, disp->ControlPc, funclet_try != NULL);
    struct eh_thread *t;

    TRACE("code %#lx flags %#lx frame %#llx parent %#llx state %d%s%s\n", rec->ExceptionCode,
          rec->ExceptionFlags, frame, parent, state, funclet_try ? " (catch block)" : "",
          f->fh4 ? " FH4" : "");
    if (rec->ExceptionFlags & (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)) {
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            return ExceptionContinueSearch;     /* the catch callback unwinds this frame's part */
        if (funclet_try) {
            unwind_to_state(f, parent, state, outside_state(f, funclet_try));
            leave_catch_block(parent, disp->FunctionEntry->BeginAddress, rec);
        } else {
            unwind_to_state(f, parent, state, -1);
            t = eh_thread();
            if (t->left_parent == parent)
                t->left_parent = 0;
        }
        return ExceptionContinueSearch;
    }
    if (!f->try_count)
        return ExceptionContinueSearch;
    t = eh_thread();
    if (!is_cxx_exception(rec) && t->translator) {
        /* _set_se_translator: the translator may throw a C++ exception in its place. */
        EXCEPTION_POINTERS ptrs = { rec, ctx };
        TRACE("calling SE translator %p\n", t->translator);
        t->translator(rec->ExceptionCode, &ptrs);
    }
    find_catch(rec, frame, parent, f, disp, state, funclet_try, ctx);
    return ExceptionContinueSearch;
}

/* The decoded tables live in the frame handler's frame (alloca): the catch callback that
 * uses them runs below it. */
#define DECODE_AND_HANDLE(sizes, decode)                                                        \
    struct eh_sizes n;                                                                          \
    struct eh_func f = { 0 };                                                                   \
    if (!sizes(disp, &n))                                                                       \
        return ExceptionContinueSearch;                                                         \
    f.unwind = __builtin_alloca(n.unwind * sizeof(*f.unwind) + 1);                              \
    f.tries = n.tries ? __builtin_alloca(n.tries * sizeof(*f.tries)) : NULL;                    \
    if (f.tries)                                                                                \
        f.tries[0].handlers = __builtin_alloca(n.handlers * sizeof(struct eh_handler) + 1);     \
    decode(&f, disp);                                                                           \
    return frame_handler(&f, rec, frame, ctx, disp)

/***********************************************************************
 *           __CxxFrameHandler3   (MSVCRT.@)
 *
 * Also __CxxFrameHandler and __CxxFrameHandler2: FuncInfo versions 1 to 3 share the layout.
 */
EXCEPTION_DISPOSITION WINAPI __CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *disp)
{
    DECODE_AND_HANDLE(fh3_sizes, fh3_decode);
}

/***********************************************************************
 *           __CxxFrameHandler4   (VCRUNTIME140_1.@)
 *
 * The compressed tables of Visual C++ 2019 and later (cxx_tables.c).
 */
EXCEPTION_DISPOSITION WINAPI __CxxFrameHandler4(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *disp)
{
    DECODE_AND_HANDLE(fh4_sizes, fh4_decode);
}

/***********************************************************************
 *           __current_exception   (VCRUNTIME140.@)
 *
 * Where the record of the exception the running catch block handles is (std::current_exception).
 */
void **__cdecl __current_exception(void)
{
    return (void **)&eh_thread()->cur_rec;
}

/***********************************************************************
 *           __current_exception_context   (VCRUNTIME140.@)
 */
void **__cdecl __current_exception_context(void)
{
    return (void **)&eh_thread()->cur_ctx;
}

/***********************************************************************
 *           __processing_throw   (VCRUNTIME140.@)
 *
 * Nonzero while the runtime runs destructors or copies a catch parameter for a throw.
 */
int *__cdecl __processing_throw(void)
{
    return &eh_thread()->processing;
}

/***********************************************************************
 *           __uncaught_exceptions   (VCRUNTIME140.@)
 *
 * Exceptions thrown and not yet caught on this thread (std::uncaught_exceptions).
 */
int __cdecl __uncaught_exceptions(void)
{
    return eh_thread()->uncaught;
}

/***********************************************************************
 *           __uncaught_exception   (VCRUNTIME140.@)
 */
BOOL __cdecl __uncaught_exception(void)
{
    return eh_thread()->uncaught != 0;
}

/***********************************************************************
 *           _set_se_translator   (VCRUNTIME140.@)
 *
 * Per thread, as documented; returns the previous translator.
 */
se_translator_func __cdecl _set_se_translator(se_translator_func func)
{
    struct eh_thread *t = eh_thread();
    se_translator_func old = t->translator;
    t->translator = func;
    return old;
}

/***********************************************************************
 *           __DestructExceptionObject   (VCRUNTIME140.@)
 */
void __cdecl __DestructExceptionObject(EXCEPTION_RECORD *rec)
{
    if (rec && is_cxx_exception(rec))
        destroy_object(rec->ExceptionInformation);
}

/***********************************************************************
 *           _is_exception_typeof   (VCRUNTIME140.@)
 *
 * 1 if the C++ exception of ptrs can be caught as type (a type_info): one of its catchable types.
 */
int __cdecl _is_exception_typeof(const void *type, EXCEPTION_POINTERS *ptrs)
{
    const EXCEPTION_RECORD *rec = ptrs ? ptrs->ExceptionRecord : NULL;
    const char *want = (const char *)type + 2 * sizeof(void *);     /* type_info's decorated name */
    const struct cxx_throw_info *ti;
    const struct cxx_catchable_array *types;
    ULONG64 tbase;

    if (!rec || !is_cxx_exception(rec))
        return 0;
    ti = (const void *)rec->ExceptionInformation[2];
    tbase = rec->NumberParameters >= 4 ? rec->ExceptionInformation[3] : 0;
    types = RVA(tbase, ti->catchable);
    for (int i = 0; i < types->count; i++) {
        const struct cxx_catchable_type *ct = RVA(tbase, types->types[i]);
        const struct cxx_type_descriptor *td = RVA(tbase, ct->type);
        if (!strcmp(td->name, want))
            return 1;
    }
    return 0;
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
 *           _get_terminate   (UCRTBASE.@)
 */
cxx_handler_func __cdecl cxx_get_terminate(void)
{
    return terminate_handler;
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
char *cxx_undecorate(const char *mangled)
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
        char *name = cxx_undecorate(ti->mangled);
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
