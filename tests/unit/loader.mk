# tests/unit/loader.mk: unit tests of the loader (loader/libloader.a: everything but main.c): the
# command line it builds, API set names, Unix paths as Windows paths, and loading crafted images
# (pe/craft.c) in --check mode; with our real DLLs too when the build tree has them (run from its top).
check_PROGRAMS += tests/unit/test_loader
TESTS += tests/unit/test_loader
tests_unit_test_loader_SOURCES = tests/unit/test_loader.c pe/craft.c pe/craft.h
tests_unit_test_loader_CFLAGS = $(UNIT_CFLAGS) $(LIBELF_CFLAGS) $(LIBUNWIND_CFLAGS)
tests_unit_test_loader_LDADD = loader/libloader.a ntcalls/libntcalls.a pe/libpe.a $(LIBELF_LIBS) \
	$(UNIT_LIBS) -lpthread -lm
