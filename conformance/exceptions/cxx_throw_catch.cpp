/* runtimes: msvcrt ucrt */
/* exceptions/cxx_throw_catch: C++ exceptions (mingw's SEH-based personality over RtlUnwindEx):
 * catch by type and by base class, catch(...), rethrow, destructors run during unwinding in
 * reverse order.
 * Expected per the C++ standard ([except.handle], [except.ctor]); Wine 8.0 agrees. */
#include <stdio.h>   /* common.h is C only */
#include <stdexcept>

struct noisy {
    const char *name;
    explicit noisy(const char *n) : name(n) {}
    ~noisy() { printf("~%s\n", name); }
};

static void thrower(int kind)
{
    noisy a("a"), b("b");
    if (kind == 0)
        throw 42;
    if (kind == 1)
        throw std::runtime_error("runtime");
    throw 1.5;
}

int main()
{
    for (int kind = 0; kind < 3; kind++) {
        try {
            thrower(kind);
        } catch (int v) {
            printf("int %d\n", v);
        } catch (const std::exception &e) {
            printf("std::exception %s\n", e.what());
        } catch (...) {
            printf("other\n");
        }
    }
    try {
        try {
            throw std::logic_error("inner");
        } catch (...) {
            printf("rethrowing\n");
            throw;
        }
    } catch (const std::logic_error &e) {
        printf("outer %s\n", e.what());
    }
    return 0;
}
