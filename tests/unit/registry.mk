# tests/unit/registry.mk: the ELF side's registry and token.
check_PROGRAMS += tests/unit/test_registry
TESTS += tests/unit/test_registry
tests_unit_test_registry_SOURCES = tests/unit/test_registry.c
tests_unit_test_registry_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_registry_LDADD = ntcalls/libntcalls.a $(UNIT_LIBS) -lpthread
