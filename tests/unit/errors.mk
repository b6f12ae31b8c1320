# tests/unit/errors.mk: the two error tables, errno -> NTSTATUS (ntcalls/errno_map.c) and
# NTSTATUS -> Win32 (dlls/ntdll/status_map.c, built natively here). See docs/errors.md.
check_PROGRAMS += tests/unit/test_errors
TESTS += tests/unit/test_errors
tests_unit_test_errors_SOURCES = tests/unit/test_errors.c ntcalls/errno_map.c \
	dlls/ntdll/status_map.c
tests_unit_test_errors_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_errors_LDADD = $(UNIT_LIBS)
