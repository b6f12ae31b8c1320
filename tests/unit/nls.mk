# tests/unit/nls.mk: unit tests of dlls/ntdll/nls.c (code pages, case mapping, Rtl strings),
# built natively against tests/unit/nls_native.h.
check_PROGRAMS += tests/unit/test_nls
TESTS += tests/unit/test_nls
tests_unit_test_nls_SOURCES = tests/unit/test_nls.c tests/unit/nls_native.h \
	dlls/ntdll/nls.c dlls/ntdll/nls_tables.c dlls/ntdll/nls.h \
	dlls/ntdll/sort.c
tests_unit_test_nls_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit -I$(top_srcdir)/dlls/ntdll
tests_unit_test_nls_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_nls_LDADD = $(UNIT_LIBS)
