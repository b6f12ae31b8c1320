# ntcalls/: the ELF side of ntdll. One source per line, so that parallel branches merge cleanly.
noinst_LIBRARIES += ntcalls/libntcalls.a
ntcalls_libntcalls_a_SOURCES = ntcalls/ntcalls.h ntcalls/errno_map.h
ntcalls_libntcalls_a_SOURCES += ntcalls/debug.c
ntcalls_libntcalls_a_SOURCES += ntcalls/object.c
ntcalls_libntcalls_a_SOURCES += ntcalls/path.c
ntcalls_libntcalls_a_SOURCES += ntcalls/file.c
ntcalls_libntcalls_a_SOURCES += ntcalls/fileinfo.c
ntcalls_libntcalls_a_SOURCES += ntcalls/memory.c
ntcalls_libntcalls_a_SOURCES += ntcalls/process.c
ntcalls_libntcalls_a_SOURCES += ntcalls/console.c
ntcalls_libntcalls_a_SOURCES += ntcalls/sync.c
ntcalls_libntcalls_a_SOURCES += ntcalls/math.c
ntcalls_libntcalls_a_SOURCES += ntcalls/errno_map.c
ntcalls_libntcalls_a_SOURCES += ntcalls/registry.c
ntcalls_libntcalls_a_SOURCES += ntcalls/token.c
