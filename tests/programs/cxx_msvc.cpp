// cxx_msvc.cpp: C++ exceptions of the MSVC ABI (clang for x86_64-pc-windows-msvc; our
// msvcrt's _CxxThrowException and __CxxFrameHandler3): throw and catch by type, by base class
// (reference and pointer), by value through a copy constructor, rethrow, catch(...),
// destructors of locals during unwinding (innermost frame first), nested try blocks inside a
// catch block, an exception thrown by a qsort comparator through msvcrt's qsort, the thrown
// object destroyed once after its catch block, type_info::name of a struct, a class and int. No C++ library headers:
// they are MSVC's. Expected: ISO C++17 [except]; checked with Wine 8.0.
extern "C" int printf(const char *, ...);
extern "C" void qsort(void *, unsigned long long, unsigned long long, int (*)(const void *, const void *));
#ifdef CXX_VCRT
// The deleting destructors of the virtual classes name operator delete, which a Visual C++
// program gets from the static part of its runtime: the program's own replacement here.
extern "C" void free(void *);
void operator delete(void *p) noexcept { free(p); }
void operator delete(void *p, unsigned long long) noexcept { free(p); }
#endif
#ifdef CXX_VCRT
// vcruntime140's type_info (<vcruntime_typeinfo.h>): name() goes through __std_type_info_name.
struct type_info_data { const char *undecorated; char decorated[1]; };
extern "C" const char *__std_type_info_name(type_info_data *, void *list);
alignas(16) static char type_info_root[16];      // the program's SLIST_HEADER of names
class type_info {
public:
    virtual ~type_info();
    const char *name() const { return __std_type_info_name(&data, type_info_root); }
private:
    mutable type_info_data data;
};
#else
class type_info {     // as MSVC's <vcruntime_typeinfo.h> declares it: the global one is std's
public:
    virtual ~type_info();
    const char *name() const;
private:
    void *data;
    char decorated[1];
};
#endif
namespace std { using ::type_info; }

static int live;        // thrown objects alive
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
    explicit Guard(const char *n) : name(n) {}
    ~Guard() { printf(" ~%s", name); }
};

static Derived d(0);

__declspec(noinline) void thrower(int kind)
{
    Guard g("thrower");
    if (kind == 0) throw 42;
    if (kind == 1) throw Derived(7);
    if (kind == 2) throw Other{ 9 };
    if (kind == 3) throw &d;
    if (kind == 4) throw 2.5;
}

__declspec(noinline) void middle(int kind)
{
    Guard g("middle");
    thrower(kind);
}

static int compare(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (x == 13 || y == 13)
        throw Other{ 13 };
    return x - y;
}

#ifdef CXX_VCRT
// vcruntime140's exception state: __uncaught_exceptions (std::uncaught_exceptions: thrown, not
// yet caught), __current_exception (the record a catch block handles, std::current_exception),
// _is_exception_typeof. Microsoft Learn: "uncaught_exceptions", "current_exception".
struct EXCEPTION_RECORD_ { unsigned code, flags; void *next, *address; unsigned count; };
struct EXCEPTION_POINTERS_ { EXCEPTION_RECORD_ *rec; void *ctx; };
extern "C" int __uncaught_exceptions();
extern "C" void **__current_exception();
extern "C" void **__current_exception_context();
extern "C" int _is_exception_typeof(const type_info &, EXCEPTION_POINTERS_ *);
static int seen_uncaught = -1;
struct Probe { ~Probe() { seen_uncaught = __uncaught_exceptions(); } };
__declspec(noinline) void probe_throw() { Probe p; throw Derived(3); }

static void vcrt_extras()
{
    printf("uncaught before: %d, current exception outside a catch: %p\n", __uncaught_exceptions(),
           *__current_exception());
    try { probe_throw(); }
    catch (Base &) {
        EXCEPTION_RECORD_ *rec = (EXCEPTION_RECORD_ *)*__current_exception();
        EXCEPTION_POINTERS_ ep = { rec, *__current_exception_context() };
        printf("in a destructor during unwinding: %d; in the catch block: %d; code %#x, context %s\n",
               seen_uncaught, __uncaught_exceptions(), rec->code, ep.ctx ? "set" : "null");
        printf("_is_exception_typeof: Base %d, Derived %d, Other %d\n", _is_exception_typeof(typeid(Base), &ep),
               _is_exception_typeof(typeid(Derived), &ep), _is_exception_typeof(typeid(Other), &ep));
    }
    printf("after: %d, %p\n", __uncaught_exceptions(), *__current_exception());
}
#endif

int main()
{
    try { middle(0); } catch (int e) { printf(" -> int %d\n", e); }
    try { middle(1); } catch (const Base &e) { printf(" -> Base& %s %d\n", e.what(), e.v); }
    printf("thrown objects alive after the catch: %d\n", live - 1);
    try { middle(1); } catch (Base e) { printf(" -> Base by value %s %d\n", e.what(), e.v); }
    try { middle(2); } catch (int) { printf("wrong\n"); } catch (Other o) { printf(" -> Other %d\n", o.code); }
    try { middle(3); } catch (Base *p) { printf(" -> Base* %s\n", p->what()); }
    try { middle(4); } catch (...) { printf(" -> catch(...)\n"); }
    try {
        try { middle(0); }
        catch (int e) { printf(" -> inner %d, rethrow", e); throw; }
    } catch (int e) { printf(" -> outer %d\n", e); }
    try {
        try { middle(1); }
        catch (Base &) { printf(" -> rethrow of a class;"); throw; }
    } catch (Base &b) { printf(" outer gets %s %d\n", b.what(), b.v); }
    try {
        try { middle(1); }
        catch (Derived &d) {
            printf(" -> caught %d;", d.v);
            try { throw Other{ 5 }; } catch (Other o) { printf(" nested in the catch block: %d;", o.code); }
            throw Other{ 6 };
        }
    } catch (Other o) { printf(" thrown from the catch block: %d\n", o.code); }
    int values[] = { 5, 3, 13, 1, 8 };
    try { qsort(values, 5, sizeof(int), compare); printf("wrong\n"); }
    catch (Other o) { printf("from the qsort comparator: %d\n", o.code); }
    int count = 0;
    for (int i = 0; i < 1000; i++)
        try { throw i; } catch (int e) { count += e == i; }
    printf("1000 throws caught: %d\n", count);
    printf("type_info names: %s, %s, %s\n", typeid(Other).name(), typeid(int).name(), typeid(Derived).name());
    printf("thrown objects alive at the end: %d\n", live - 1);
#ifdef CXX_VCRT
    vcrt_extras();
#endif
    return 4;
}
