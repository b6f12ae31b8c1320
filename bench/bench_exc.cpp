/* bench_exc.cpp: exception round trips: a C++ throw caught two frames up, COUNT times. */
/*
 * With mingw-w64 a C++ throw is RaiseException plus the SEH unwinder (RtlUnwindEx and
 * RtlVirtualUnwind over .pdata), so under vinho this measures our exception dispatch; natively
 * it is libgcc's DWARF unwinder. Both are the same source and the same work.
 */
#include "bench_os.h"

#include <exception>
#include <stdexcept>

static volatile int depth_sink;

__attribute__((noinline)) static void thrower(int i)
{
    depth_sink = i;
    throw std::runtime_error("bench");
}

__attribute__((noinline)) static void middle(int i)
{
    thrower(i);
    depth_sink = 0;   /* never reached; keeps middle() a real frame */
}

/*
 * A throw that finds no catch ends in std::terminate. Here every throw has its catch, so that
 * happens only when the system cannot dispatch exceptions yet (RaiseException returns, or the
 * unwinder finds no handler): report that as "not yet" rather than as abort()'s crash.
 */
static void no_dispatch(void)
{
    fprintf(stderr, "not yet: exception dispatch (a thrown C++ exception reached std::terminate; "
                    "RaiseException/RtlUnwindEx)\n");
    fflush(stderr);
    _Exit(BENCH_NOT_YET);
}

int main()
{
    std::set_terminate(no_dispatch);
    const int count = 100000;
    int caught = 0;
    int64_t t = bench_now_ns();
    for (int i = 0; i < count; i++) {
        try {
            middle(i);
        } catch (const std::runtime_error &) {
            caught++;
        }
    }
    bench_report("exceptions.throw", bench_now_ns() - t);
    if (caught != count) {
        fprintf(stderr, "failed: caught %d of %d\n", caught, count);
        return 1;
    }
    return 0;
}
