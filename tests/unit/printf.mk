# tests/unit/printf.mk: unit tests of this topic (owned by its module).
# The printf engine of dlls/dllrt (shared by msvcrt, ucrtbase and ntdll), built natively.
check_PROGRAMS += tests/unit/test_printf
TESTS += tests/unit/test_printf
tests_unit_test_printf_SOURCES = tests/unit/test_printf.c dlls/dllrt/printf.c \
	dlls/dllrt/printf_fp.c dlls/dllrt/printf.h dlls/dllrt/printf_impl.h
tests_unit_test_printf_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/dlls/dllrt
tests_unit_test_printf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_printf_LDADD = $(UNIT_LIBS)
