/* msvcrt.h: internal declarations shared by the sources of our msvcrt.dll.
 *
 * Headers: the sources include only vinho/pe_side.h (windows.h, winternl.h) and the compiler's
 * freestanding headers (stdarg.h, stddef.h, stdint.h, stdbool.h, limits.h). They never include
 * mingw-w64's C library headers (stdio.h, stdlib.h, string.h, ...): those declare the functions
 * we define as __declspec(dllimport) (_CRTIMP) and some as inline wrappers, which clash with the
 * definitions. Instead this header declares the types, constants and functions we export, with
 * msvcrt's own prototypes and values (Windows' errno numbers, the FILE layout programs compiled
 * against msvcrt read, the _O_* and _IO* bits). See docs/msvcrt.md. */
#ifndef VINHO_MSVCRT_H
#define VINHO_MSVCRT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include "vinho/pe_side.h"

/* ---- errno values (Windows', not Linux's) ---- */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 36
#define ENAMETOOLONG 38
#define ENOLCK 39
#define ENOSYS 40
#define ENOTEMPTY 41
#define EILSEQ 42
#define MSVCRT_NERR 43          /* _sys_nerr: messages 0..42, then "Unknown error" */

/* ---- stdio ---- */
#define EOF (-1)
#define BUFSIZ 512              /* the documented BUFSIZ; our stream buffers are STREAM_BUFSIZ */
#define STREAM_BUFSIZ 4096      /* msvcrt allocates 4 KiB stream buffers */
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* The FILE layout of msvcrt (struct _iobuf): programs compiled against it may read these fields
 * through macros, so the layout and the meaning of _ptr/_cnt/_base/_flag are msvcrt's. */
typedef struct msvcrt_file {
    char *_ptr;         /* next char to read or write */
    int _cnt;           /* chars left in the buffer (reading) or room left (writing) */
    char *_base;        /* the buffer, NULL until allocated */
    int _flag;          /* _IO* bits below */
    int _file;          /* the low-level fd */
    int _charbuf;       /* one-char buffer of unbuffered streams */
    int _bufsiz;
    char *_tmpfname;
} FILE;

/* _flag bits visible to programs (stdio.h values). */
#define _IOREAD 0x0001
#define _IOWRT 0x0002
#define _IOFBF 0x0000
#define _IOLBF 0x0040
#define _IONBF 0x0004
#define _IOMYBUF 0x0008     /* the buffer is ours (malloc'd) */
#define _IOEOF 0x0010
#define _IOERR 0x0020
#define _IOSTRG 0x0040      /* a string pseudo-stream (sprintf/sscanf) */
#define _IORW 0x0080
/* Internal _flag bits (above the documented ones, as msvcrt's own internal bits). */
#define IO_USERBUF 0x0100   /* setvbuf with the caller's buffer */
#define IO_TMPBUF 0x1000    /* a temporary buffer for one call on a console stream */
#define IO_COMMIT 0x4000    /* "c" mode / _commode: fflush also commits to disk */

#define MSVCRT_IOB_ENTRIES 20   /* the static _iob[] */
#define MSVCRT_MAX_STREAMS 512  /* msvcrt's default maximum of open streams */

extern FILE _iob[MSVCRT_IOB_ENTRIES];
#define msvcrt_stdin (&_iob[0])
#define msvcrt_stdout (&_iob[1])
#define msvcrt_stderr (&_iob[2])

/* ---- low-level I/O ---- */
#define _O_RDONLY 0x0000
#define _O_WRONLY 0x0001
#define _O_RDWR 0x0002
#define _O_ACCMODE 0x0003
#define _O_APPEND 0x0008
#define _O_RANDOM 0x0010
#define _O_SEQUENTIAL 0x0020
#define _O_TEMPORARY 0x0040
#define _O_NOINHERIT 0x0080
#define _O_CREAT 0x0100
#define _O_TRUNC 0x0200
#define _O_EXCL 0x0400
#define _O_SHORT_LIVED 0x1000
#define _O_TEXT 0x4000
#define _O_BINARY 0x8000
#define _O_WTEXT 0x10000
#define _O_U16TEXT 0x20000
#define _O_U8TEXT 0x40000
#define _O_VALID_OPEN 0x7ffff
#define _S_IWRITE 0x0080
#define _S_IREAD 0x0100

#define MSVCRT_MAX_FILES 2048   /* msvcrt's _NHANDLE_ */

/* Per-fd flags (msvcrt's _osfile bits). */
#define FD_OPEN 0x01
#define FD_EOF 0x02
#define FD_PIPE 0x08
#define FD_NOINHERIT 0x10
#define FD_APPEND 0x20
#define FD_DEV 0x40
#define FD_TEXT 0x80

/* ---- startup, exit ---- */
typedef struct { int newmode; } _startupinfo;
typedef int (__cdecl *_onexit_t)(void);
typedef void (__cdecl *_PVFV)(void);
typedef void (__cdecl *sighandler_t)(int);

#define SIGINT 2
#define SIGILL 4
#define SIGFPE 8
#define SIGSEGV 11
#define SIGTERM 15
#define SIGBREAK 21
#define SIGABRT 22
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)
#define _FPE_EXPLICITGEN 0x8c

/* _lock() ids used by code compiled against msvcrt (mingw-w64's crt uses _EXIT_LOCK1). */
#define MSVCRT_LOCK_COUNT 64
#define LOCK_SIGNAL 1
#define LOCK_STREAMS 2      /* the stream table */
#define LOCK_ENV 7
#define LOCK_FDS 11         /* the fd table */
#define LOCK_EXIT1 13

/* ---- ctype ---- */
#define _UPPER 0x0001
#define _LOWER 0x0002
#define _DIGIT 0x0004
#define _SPACE 0x0008
#define _PUNCT 0x0010
#define _CONTROL 0x0020
#define _BLANK 0x0040
#define _HEX 0x0080
#define _LEADBYTE 0x8000
#define _ALPHA (0x0100 | _UPPER | _LOWER)

typedef int64_t __time64_t;
typedef __time64_t time_t;      /* 64-bit on x64 */
typedef long clock_t;
#define CLOCKS_PER_SEC 1000

struct lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol;
    char *mon_decimal_point, *mon_thousands_sep, *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes;
    char n_sep_by_space, p_sign_posn, n_sign_posn;
};

/* ---- internal: errno.c ---- */
struct thread_data {
    int errno_value;
    unsigned long doserrno_value;
    unsigned int rand_seed;
    char *strtok_next;
    char strerror_buf[96];
};
struct thread_data *msvcrt_thread_data(void);
void msvcrt_free_thread_data(void);
bool msvcrt_init_tls(void);
void msvcrt_free_tls(void);
void msvcrt_set_errno(int err);
void msvcrt_dosmaperr(DWORD winerr);    /* sets errno (mapped) and _doserrno */
int *__cdecl _errno(void);
unsigned long *__cdecl __doserrno(void);
#define errno (*_errno())

/* ---- internal: exit.c ---- */
void msvcrt_init_locks(void);
void msvcrt_free_locks(void);
void msvcrt_process_detach(bool process_exit);
void __cdecl _lock(int id);
void __cdecl _unlock(int id);
__attribute__((noreturn)) void __cdecl _exit(int code);
__attribute__((noreturn)) void __cdecl exit(int code);
__attribute__((noreturn)) void __cdecl abort(void);
__attribute__((noreturn)) void __cdecl _amsg_exit(int rterrnum);
void msvcrt_write_stderr_raw(const char *text);

/* ---- internal: signal.c ---- */
int __cdecl raise(int sig);

/* ---- internal: args.c, environ.c ---- */
bool msvcrt_init_args(void);
bool msvcrt_init_environ(void);
void msvcrt_free_environ(void);
bool msvcrt_init_wenviron(void);
extern char **_environ;
extern wchar_t **_wenviron;

/* ---- internal: heap.c ---- */
void *__cdecl malloc(size_t size);
void *__cdecl calloc(size_t count, size_t size);
void *__cdecl realloc(void *ptr, size_t size);
void __cdecl free(void *ptr);
char *msvcrt_strdup_heap(const char *s);

/* ---- internal: lowio.c ---- */
struct ioinfo {
    HANDLE handle;
    unsigned char flags;        /* FD_* */
    bool has_peek;              /* a char read ahead from a pipe or device (text mode CR) */
    char peek;
    bool lock_ready;
    CRITICAL_SECTION lock;
};
void msvcrt_init_fds(void);
struct ioinfo *msvcrt_fd_info(int fd);      /* NULL (errno EBADF) unless fd is open */
void msvcrt_fd_lock(int fd);
void msvcrt_fd_unlock(int fd);
int msvcrt_fd_alloc(HANDLE handle, unsigned char flags);
int __cdecl _open(const char *path, int oflag, ...);
int __cdecl _close(int fd);
int __cdecl _read(int fd, void *buf, unsigned int count);
int __cdecl _write(int fd, const void *buf, unsigned int count);
long __cdecl _lseek(int fd, long offset, int whence);
int64_t __cdecl _lseeki64(int fd, int64_t offset, int whence);
int __cdecl _isatty(int fd);
int __cdecl _setmode(int fd, int mode);
int64_t msvcrt_lseek_nolock(int fd, int64_t offset, int whence);
int msvcrt_write_nolock(int fd, const void *buf, unsigned int count);
int msvcrt_read_nolock(int fd, void *buf, unsigned int count);

/* ---- internal: stdio.c, stdio_rw.c ---- */
void msvcrt_init_stdio(void);
void msvcrt_flush_all_streams(void);
void msvcrt_stream_lock(FILE *f);
void msvcrt_stream_unlock(FILE *f);
int msvcrt_flush_nolock(FILE *f);
bool msvcrt_stream_valid(FILE *f);
bool msvcrt_tmpbuf_begin(FILE *f);
void msvcrt_tmpbuf_end(FILE *f, bool started);
size_t msvcrt_fwrite_nolock(const void *ptr, size_t size, size_t count, FILE *f);
int __cdecl _filbuf(FILE *f);
int __cdecl _flsbuf(int ch, FILE *f);
int __cdecl fflush(FILE *f);
int __cdecl fputs(const char *s, FILE *f);
size_t __cdecl fwrite(const void *ptr, size_t size, size_t count, FILE *f);
int __cdecl _flushall(void);

/* ---- internal: string.c, ctype.c, locale.c ---- */
void *__cdecl memcpy(void *dst, const void *src, size_t n);
void *__cdecl memmove(void *dst, const void *src, size_t n);
void *__cdecl memset(void *dst, int c, size_t n);
int __cdecl memcmp(const void *a, const void *b, size_t n);
size_t __cdecl strlen(const char *s);
int __cdecl strcmp(const char *a, const char *b);
int __cdecl strncmp(const char *a, const char *b, size_t n);
char *__cdecl strchr(const char *s, int c);
size_t __cdecl wcslen(const wchar_t *s);
int __cdecl tolower(int c);
int __cdecl toupper(int c);
int __cdecl isspace(int c);
int __cdecl isdigit(int c);
extern const unsigned short *_pctype;
extern int __mb_cur_max;

/* Trace a stream or string argument safely. */
#define debugstr_fd(fd) (fd)

#endif /* VINHO_MSVCRT_H */
