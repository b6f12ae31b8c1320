# ntcalls/: the ELF side of ntdll.
noinst_LIBRARIES += ntcalls/libntcalls.a
ntcalls_libntcalls_a_SOURCES = ntcalls/debug.c ntcalls/object.c ntcalls/path.c \
	ntcalls/file.c ntcalls/fileinfo.c ntcalls/memory.c ntcalls/process.c ntcalls/console.c ntcalls/sync.c \
	ntcalls/math.c ntcalls/errno_map.c ntcalls/errno_map.h ntcalls/ntcalls.h
