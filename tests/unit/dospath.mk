# tests/unit/dospath.mk: unit tests of dlls/ntdll/path.c (DOS paths to full and NT paths), built
# natively against tests/unit/path_native.h.
check_PROGRAMS += tests/unit/test_dospath
TESTS += tests/unit/test_dospath
tests_unit_test_dospath_SOURCES = tests/unit/test_dospath.c tests/unit/path_native.h dlls/ntdll/path.c
tests_unit_test_dospath_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_dospath_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_dospath_LDADD = ntcalls/libntcalls.a $(UNIT_LIBS) -lpthread
