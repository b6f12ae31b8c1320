// cxx_msvc.cpp: C++ exceptions of the MSVC ABI (clang for x86_64-pc-windows-msvc; our
// msvcrt's _CxxThrowException and __CxxFrameHandler3): throw and catch by type, by base class
// (reference and pointer), by value through a copy constructor, rethrow, catch(...),
// destructors of locals during unwinding (innermost frame first), nested try blocks inside a
// catch block, an exception thrown by a qsort comparator through msvcrt's qsort, the thrown
// object destroyed once after its catch block, type_info::name of a struct, a class and int. No C++ library headers:
// they are MSVC's. Expected: ISO C++17 [except]; checked with Wine 8.0.
extern "C" int printf(const char *, ...);
extern "C" void qsort(void *, unsigned long long, unsigned long long, int (*)(const void *, const void *));
class type_info {     // as MSVC's <vcruntime_typeinfo.h> declares it: the global one is std's
public:
    virtual ~type_info();
    const char *name() const;
private:
    void *data;
    char decorated[1];
};
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
    return 4;
}
