# tests/unit/heap.mk: unit tests of dlls/ntdll/heap.c (the Rtl heap), built natively against
# tests/unit/heap_native.h with mmap standing in for the gate's virtual memory calls.
# tests/unit/bench_heap is the same program with the exports in the native calling convention,
# for `tests/unit/bench_heap bench` (malloc/free timings against glibc); it is not a test.
check_PROGRAMS += tests/unit/test_heap tests/unit/bench_heap
TESTS += tests/unit/test_heap
tests_unit_test_heap_SOURCES = tests/unit/test_heap.c tests/unit/heap_native.h \
	dlls/ntdll/heap.c dlls/ntdll/heap.h
tests_unit_test_heap_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_heap_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_heap_LDADD = $(UNIT_LIBS) -lpthread
tests_unit_bench_heap_SOURCES = $(tests_unit_test_heap_SOURCES)
tests_unit_bench_heap_CPPFLAGS = $(tests_unit_test_heap_CPPFLAGS) -DHEAP_NATIVE_SYSV
tests_unit_bench_heap_CFLAGS = $(UNIT_CFLAGS) -O2
tests_unit_bench_heap_LDADD = $(UNIT_LIBS) -lpthread
