# pe/: the bounds-checked PE reader, a leaf library.
noinst_LIBRARIES += pe/libpe.a
pe_libpe_a_SOURCES = pe/pe.h pe/reader.c
