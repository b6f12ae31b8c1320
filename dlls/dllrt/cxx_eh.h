/* cxx_eh.h: the MSVC C++ exception support that msvcrt, ucrtbase and vcruntime140 export, and the
 * decoded form of a function's EH tables that cxx_eh.c works on (cxx_tables.c reads both the
 * FH3 FuncInfo and the compressed FH4 FuncInfo4 into it). */
#ifndef VINHO_DLLRT_CXX_EH_H
#define VINHO_DLLRT_CXX_EH_H

void WINAPI _CxxThrowException(void *object, const void *ti);
EXCEPTION_DISPOSITION WINAPI __CxxFrameHandler3(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *disp);
EXCEPTION_DISPOSITION WINAPI __CxxFrameHandler4(EXCEPTION_RECORD *rec, ULONG64 frame, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *disp);
void cxx_terminate(void) __attribute__((noreturn));
char *cxx_undecorate(const char *mangled);

/* One state's unwind action. */
enum { UW_NONE, UW_DTOR_OBJ, UW_DTOR_PTR, UW_FUNCLET };
struct eh_unwind {
    int prev;                   /* the state it leads to */
    int kind;                   /* UW_*: FH3 always has funclets; FH4 may name a destructor */
    int action;                 /* RVA of the funclet or destructor */
    int object;                 /* UW_DTOR_*: the object (or where its pointer is), from the frame */
    int off;                    /* FH4: the entry's byte offset in its map (decoding only) */
};
struct eh_handler {
    UINT adjectives;            /* 1 const, 2 volatile, 8 reference, 0x40 catch(...) */
    int type;                   /* RVA of the type descriptor; 0: catch(...) */
    int catch_object;           /* where the catch parameter lives, from the parent frame */
    int handler;                /* RVA of the catch funclet */
    int frame;                  /* FH3: where the funclet keeps its parent's frame */
    int cont_count;             /* FH4: continuation addresses given by the tables (0-2) */
    ULONG64 cont[2];
};
struct eh_try {
    int low, high, catch_high, count;
    struct eh_handler *handlers;
};
struct eh_func {
    ULONG64 base;
    int max_state;
    struct eh_unwind *unwind;
    int try_count;
    struct eh_try *tries;
    int unwind_help;            /* FH3: the state slot in the parent frame; 0: none */
    BOOL sync;                  /* /EHs: catch(...) takes C++ exceptions only */
    BOOL fh4;
    BOOL is_catch;              /* FH4: these are a catch funclet's tables */
    int catch_frame;            /* FH4 catch funclet: where it keeps its parent's frame */
    const BYTE *ip_map;         /* FH3: struct fh3_ip_state[ip_count]; FH4: compressed */
    UINT ip_count;
    ULONG func_start;           /* FH4: the RVA its ip map counts from */
};
struct eh_sizes { int unwind, tries, handlers; };

BOOL fh3_sizes(const DISPATCHER_CONTEXT *disp, struct eh_sizes *n);
void fh3_decode(struct eh_func *f, const DISPATCHER_CONTEXT *disp);
BOOL fh4_sizes(const DISPATCHER_CONTEXT *disp, struct eh_sizes *n);
void fh4_decode(struct eh_func *f, const DISPATCHER_CONTEXT *disp);
int eh_state_from_ip(const struct eh_func *f, ULONG64 pc);

#endif
