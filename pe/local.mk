# pe/: the bounds-checked PE reader, a leaf library.
noinst_LIBRARIES += pe/libpe.a
pe_libpe_a_SOURCES = pe/pe.h pe/private.h pe/reader.c pe/imports.c pe/exports.c pe/relocs.c \
	pe/tls.c pe/resources.c pe/pdata.c
EXTRA_DIST += pe/fuzz_pe.c pe/mkseed.c

# `make fuzz` (not part of all or check): the libFuzzer target, built with clang, ASan and UBSan
# from the reader's sources, and a seed corpus of crafted images (pe/craft.c) in pe/fuzz-corpus/.
FUZZ_CC = clang
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
pe_fuzz_sources = $(addprefix $(srcdir)/,$(filter %.c,$(pe_libpe_a_SOURCES)) pe/fuzz_pe.c)

.PHONY: fuzz
fuzz: pe/fuzz_pe pe/fuzz-corpus/.seeded
	@echo "built pe/fuzz_pe; run it with:"
	@echo "    ./pe/fuzz_pe -max_total_time=120 pe/fuzz-corpus"
	@echo "(real .exe/.dll files copied into pe/fuzz-corpus make good extra seeds)"

pe/fuzz_pe: $(pe_fuzz_sources) $(srcdir)/pe/pe.h $(srcdir)/pe/private.h
	@$(MKDIR_P) pe
	$(FUZZ_CC) $(FUZZ_CFLAGS) -I$(srcdir)/pe $(pe_fuzz_sources) -o $@

pe/mkseed: $(srcdir)/pe/mkseed.c $(srcdir)/pe/craft.c $(srcdir)/pe/craft.h $(srcdir)/pe/pe.h
	@$(MKDIR_P) pe
	$(CC) $(AM_CFLAGS) $(CFLAGS) -I$(srcdir)/pe $(srcdir)/pe/mkseed.c $(srcdir)/pe/craft.c -o $@

pe/fuzz-corpus/.seeded: pe/mkseed
	@$(MKDIR_P) pe/fuzz-corpus
	./pe/mkseed pe/fuzz-corpus && touch $@

CLEANFILES += pe/fuzz_pe pe/mkseed pe/fuzz-corpus/.seeded
