// cxx_fh4.cpp: __CxxFrameHandler4 (vcruntime140_1.dll) on FH4 tables. clang 14 cannot emit
// FH4 (LLVM only has __CxxFrameHandler3), so fh4_try is written by hand in cxx_fh4_func.S with
// hand-built FuncInfo4 tables (the compressed format of Visual C++ 2019+); the thrower and the
// helpers here are clang-built C++ (FH3). fh4_try is, in C++:
//     Guard g("g");
//     try {                                   // outer
//         Guard *g2 = new-in-place Guard("g2"); (destroyed through a pointer)
//         try { fh4_throw(kind); }            // inner
//         catch (int e) { note(e); if (e == 42) throw; }
//         catch (Base &b) { note_base(&b); }  // continuation address in the tables
//         note("after the inner try");
//     } catch (...) { note(); if (kind == 3) throw; }
//     note("after the outer try");
// Covered: catch by type and by base class, catch(...), rethrow to an outer try of the same
// function and out of it, destructors during unwinding (FH4's DtorWithObj and DtorWithPtrToObj
// entries, and the FH3 thrower's), all five lengths of compressed numbers. Expected: ISO C++17
// [except]; not run under Wine's vcruntime140_1 (it has FH4, the same result is expected).
extern "C" int printf(const char *, ...);

// The deleting destructors of the virtual classes name operator delete, which a Visual C++
// program gets from the static part of its runtime: the program's own replacement here.
extern "C" void free(void *);
void operator delete(void *p) noexcept { free(p); }
void operator delete(void *p, unsigned long long) noexcept { free(p); }
static int live;
struct Base {
    int v;
    explicit Base(int x) : v(x) { live++; }
    Base(const Base &o) : v(o.v) { live++; }
    virtual ~Base() { live--; }
    virtual const char *what() const { return "Base"; }
};
struct Derived : Base {
    explicit Derived(int x) : Base(x) {}
    const char *what() const override { return "Derived"; }
};
struct Other { int code; };
struct Guard {
    const char *name;
    ~Guard() { printf(" ~%s", name); }
};

extern "C" int fh4_try(int kind);

extern "C" void guard_ctor(Guard *g, const char *name) { g->name = name; }
extern "C" void guard_dtor(Guard *g) { g->~Guard(); }
extern "C" void note(const char *fmt, long value) { printf(fmt, value); }
extern "C" void note_base(Base *b) { printf(" inner Base& %s %d", b->what(), b->v); }

extern "C" __declspec(noinline) void fh4_throw(int kind)
{
    Guard g{ "thrower" };
    if (kind == 0) throw 42;
    if (kind == 1) throw Derived(7);
    if (kind == 2) throw Other{ 9 };
    if (kind == 3) throw 2.5;
}

int main()
{
    for (int kind = 0; kind < 3; kind++) {
        printf("kind %d:", kind);
        int r = fh4_try(kind);
        printf(" -> returned %d\n", r);
    }
    try {
        printf("kind 3:");
        fh4_try(3);
        printf(" wrong\n");
    } catch (double d) {
        printf(" -> the caller caught %g\n", d);
    }
    printf("kind 5:");
    printf(" -> returned %d\n", fh4_try(5));
    printf("thrown objects alive: %d\n", live);
    return 0;
}
