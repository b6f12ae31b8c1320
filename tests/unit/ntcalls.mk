# tests/unit/ntcalls.mk: the ELF side's NT calls.
check_PROGRAMS += tests/unit/test_ntcalls
TESTS += tests/unit/test_ntcalls
tests_unit_test_ntcalls_SOURCES = tests/unit/test_ntcalls.c
tests_unit_test_ntcalls_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ntcalls_LDADD = ntcalls/libntcalls.a $(UNIT_LIBS) -lpthread
