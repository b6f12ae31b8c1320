// cxx_eh.cpp: C++ exceptions of a MinGW g++ program (libgcc's SEH personality, which goes
// through RaiseException, RtlUnwindEx, RtlVirtualUnwind, RtlLookupFunctionEntry): throw and
// catch by type and by base class, rethrow, catch(...), destructors of locals during
// unwinding, nested try blocks, std::exception from the library, and an exception thrown by a
// qsort comparator through msvcrt's qsort. Expected: ISO C++17 [except]; checked with Wine 8.0.
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

struct Base { int v; explicit Base(int x) : v(x) {} virtual ~Base() {} };
struct Derived : Base { explicit Derived(int x) : Base(x) {} };

static std::string log;
struct Guard {
    const char *name;
    explicit Guard(const char *n) : name(n) {}
    ~Guard() { log += name; log += ' '; }
};

static __attribute__((noinline)) void thrower(int kind)
{
    Guard g("g1");
    if (kind == 0) throw 42;
    if (kind == 1) throw Derived(7);
    if (kind == 2) throw std::string("text");
    if (kind == 3) throw std::runtime_error("runtime");
    if (kind == 4) { std::vector<int> v; (void)v.at(3); }
}

static __attribute__((noinline)) void middle(int kind)
{
    Guard g("g2");
    thrower(kind);
}

static int compare(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    if (x == 13 || y == 13)
        throw x == 13 ? x : y;
    return x - y;
}

int main()
{
    try { middle(0); } catch (int e) { std::printf("int %d, destructors: %s\n", e, log.c_str()); }
    log.clear();
    try { middle(1); } catch (const Base &e) { std::printf("Base& with v=%d, destructors: %s\n", e.v, log.c_str()); }
    try { middle(2); } catch (int) { std::printf("wrong\n"); } catch (const std::string &s) { std::printf("string %s\n", s.c_str()); }
    try { middle(3); } catch (const std::exception &e) { std::printf("std::exception %s\n", e.what()); }
    try { middle(4); } catch (const std::out_of_range &) { std::printf("out_of_range from vector::at\n"); }
    try { middle(5); std::printf("no throw\n"); } catch (...) { std::printf("wrong\n"); }
    try {
        try { middle(0); }
        catch (int e) { std::printf("inner %d, rethrowing\n", e); throw; }
    } catch (int e) { std::printf("outer %d\n", e); }
    try {
        try { middle(1); }
        catch (const std::string &) { std::printf("wrong\n"); }
    } catch (...) { std::printf("catch(...) got what the inner try did not take\n"); }
    try {
        try { throw 1; }
        catch (int) {
            try { throw 2.5; } catch (double d) { std::printf("nested throw in a catch: %.1f\n", d); }
            throw std::string("from catch");
        }
    } catch (const std::string &s) { std::printf("%s\n", s.c_str()); }
    int values[] = { 5, 3, 13, 1, 8 };
    try { std::qsort(values, 5, sizeof(int), compare); std::printf("wrong\n"); }
    catch (int e) { std::printf("from the qsort comparator: %d\n", e); }
    int count = 0;
    for (int i = 0; i < 1000; i++)
        try { throw i; } catch (int e) { count += e == i; }
    std::printf("1000 throws caught: %d\n", count);
    return 3;
}
