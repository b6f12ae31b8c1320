# ntcalls/: the ELF side of ntdll.
noinst_LIBRARIES += ntcalls/libntcalls.a
ntcalls_libntcalls_a_SOURCES = ntcalls/gate.c ntcalls/debug.c
