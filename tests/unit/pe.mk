# tests/unit/pe.mk: unit tests of the PE reader (pe/), on images crafted in memory by pe/craft.c.
# VINHO_TEST_PE=/path/to/a.exe adds a real image to the run. --wrap=calloc lets the test inject
# allocation failures into libpe.
check_PROGRAMS += tests/unit/test_pe
TESTS += tests/unit/test_pe
tests_unit_test_pe_SOURCES = tests/unit/test_pe.c pe/craft.c pe/craft.h
tests_unit_test_pe_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pe_LDFLAGS = -Wl,--wrap=calloc
tests_unit_test_pe_LDADD = pe/libpe.a $(UNIT_LIBS)
