# tests/unit/: cmocka tests of the ELF side (and of pure PE-side modules compiled natively).
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LIBS = $(CMOCKA_LIBS)
include tests/unit/pe.mk
include tests/unit/errors.mk
include tests/unit/printf.mk
include tests/unit/heap.mk
include tests/unit/nls.mk
include tests/unit/ntcalls.mk
include tests/unit/loader.mk
include tests/unit/dospath.mk
include tests/unit/registry.mk
