// throw.cpp: the cost of one C++ throw caught two frames up, and of one RaiseException caught by
// a vectored handler (Windows only); prints nanoseconds per round trip. Built for Windows
// (mingw-w64, run under vinho or wine) and natively (the Linux C++ runtime) by exceptions.sh.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#ifdef _WIN32
#include <windows.h>
static LONG CALLBACK skip(EXCEPTION_POINTERS *p)
{
    return p->ExceptionRecord->ExceptionCode == 0xE0000042 ? EXCEPTION_CONTINUE_EXECUTION
                                                            : EXCEPTION_CONTINUE_SEARCH;
}
#endif

static __attribute__((noinline)) void inner(int i) { if (i >= 0) throw i; }
static __attribute__((noinline)) void outer(int i) { inner(i); }

int main(int argc, char **argv)
{
    int n = argc > 1 ? std::atoi(argv[1]) : 20000, caught = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; i++)
        try { outer(i); } catch (int e) { caught += e == i; }
    auto t1 = std::chrono::steady_clock::now();
    std::printf("cxx_throw_ns %.0f\n", std::chrono::duration<double, std::nano>(t1 - t0).count() / n);
#ifdef _WIN32
    AddVectoredExceptionHandler(1, skip);
    t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < n; i++)
        RaiseException(0xE0000042, 0, 0, NULL);
    t1 = std::chrono::steady_clock::now();
    std::printf("raise_vectored_ns %.0f\n", std::chrono::duration<double, std::nano>(t1 - t0).count() / n);
#endif
    return caught == n ? 0 : 1;
}
