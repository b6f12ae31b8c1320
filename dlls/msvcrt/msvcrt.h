/* msvcrt.h: internal declarations shared by the sources of our msvcrt.dll.
 *
 * Headers: windows.h already pulls in mingw-w64's ctype.h, string.h, stdlib.h and errno.h, so
 * the sources use mingw-w64's C library headers, which carry msvcrt's own prototypes, types and
 * values (Windows' errno numbers, the FILE layout, the _O_* and _IO* bits). Two macros put
 * them in "building the CRT" mode, and are defined here before anything is included:
 *   _CRTBLD   _CRTIMP expands to nothing instead of __declspec(dllimport), so our definitions
 *             match the declarations;
 *   _MSVCRT_  data such as _pctype, __mb_cur_max, _environ, __argc is declared as plain
 *             externs instead of through __imp_ pointers.
 * A few macros that would rename our definitions (_iob, _fmode, ...) are #undef'd below. The
 * functions that mingw-w64's headers define inline (snprintf, vsnprintf, ...) we do not
 * export under those names. */
#ifndef VINHO_MSVCRT_H
#define VINHO_MSVCRT_H

#define _CRTBLD
#define _MSVCRT_
#define _CTYPE_DISABLE_MACROS   /* ctype.h would turn isalpha() & co. into macros */
#define _WCTYPE_INLINE_DEFINED  /* ... and iswalpha() & co. */
#define _SECIMP                 /* like _CRTIMP, for the *_s functions */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <_mingw.h>
/* Our functions check their pointer arguments (msvcrt's parameter validation): no nonnull
 * attributes, which would let the compiler drop those checks. */
#undef __MINGW_ATTRIB_NONNULL
#define __MINGW_ATTRIB_NONNULL(arg)
#include "vinho/pe_side.h"
#include <corecrt_startup.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>

#undef _iob
#undef _fmode
#undef _commode
#undef __iob_func
#undef _doserrno
#undef _acmdln
#undef _wcmdln

/* Values the headers do not spell (msvcrt's). */
#define MSVCRT_NERR 43              /* _sys_nerr: messages 0..42, then "Unknown error" */
#define STREAM_BUFSIZ 4096          /* msvcrt allocates 4 KiB stream buffers */
#define MSVCRT_IOB_ENTRIES _IOB_ENTRIES
#define MSVCRT_MAX_STREAMS _NSTREAM_
#define MSVCRT_MAX_FILES 2048       /* msvcrt's _NHANDLE_ */
#define _O_VALID_OPEN 0x7ffff

/* Internal FILE _flag bits (above the documented ones, as msvcrt's own internal bits). */
#define IO_USERBUF 0x0100   /* setvbuf with the caller's buffer */
#define IO_TMPBUF 0x1000    /* a temporary buffer for one call on a console stream */
#define IO_COMMIT 0x4000    /* "c" mode / _commode: fflush also commits to disk */

extern FILE _iob[_IOB_ENTRIES];
unsigned short *__cdecl __pctype_func(void);  /* ctype.c */
int __cdecl _callnewh(size_t size);             /* heap.c */
extern int _fmode, _commode;
#define msvcrt_stdin (&_iob[0])
#define msvcrt_stdout (&_iob[1])
#define msvcrt_stderr (&_iob[2])

/* True if p is NULL. gcc gives its builtin declarations of C functions (printf, fputs, ...)
 * nonnull attributes and would fold a plain NULL test of their arguments away in our
 * definitions; the empty asm hides the value from it. Use it for every argument check. */
static inline bool crt_null(const void *p)
{
    __asm__("" : "+r"(p));
    return p == NULL;
}

/* Per-fd flags (msvcrt's _osfile bits). */
#define FD_OPEN 0x01
#define FD_EOF 0x02
#define FD_PIPE 0x08
#define FD_NOINHERIT 0x10
#define FD_APPEND 0x20
#define FD_DEV 0x40
#define FD_TEXT 0x80

typedef void (__cdecl *sighandler_t)(int);
typedef struct { int newmode; } _startupinfo;     /* __getmainargs' last argument */
#ifndef _FPE_EXPLICITGEN
#define _FPE_EXPLICITGEN 0x8c
#endif

/* _lock() ids: 0..MSVCRT_LOCK_COUNT-1 are valid; code compiled against msvcrt (mingw-w64's
 * start-up code) takes some of them around its own exit tables. */
#define MSVCRT_LOCK_COUNT 64
#define LOCK_SIGNAL 1
#define LOCK_STREAMS 2      /* the stream table */
#define LOCK_ENV 7
#define LOCK_FDS 11         /* the fd table */
#define LOCK_EXIT1 13
#define LOCK_POPEN 16       /* the _popen table */
#define LOCK_TMPNAM 17      /* tmpnam's counter */

/* ---- internal: errno.c ---- */
struct thread_data {
    int errno_value;
    unsigned long doserrno_value;
    unsigned int rand_seed;
    char *strtok_next;
    char strerror_buf[96];
    wchar_t *wcstok_next;       /* wcstok */
    struct tm tm_buf;           /* gmtime/localtime */
    char time_text[26];         /* asctime/ctime */
};
struct thread_data *msvcrt_thread_data(void);
void msvcrt_free_thread_data(void);
bool msvcrt_init_tls(void);
void msvcrt_free_tls(void);
void msvcrt_dosmaperr(DWORD winerr);    /* sets errno (mapped) and _doserrno */

/* ---- internal: exit.c ---- */
void msvcrt_init_locks(void);
void msvcrt_free_locks(void);
void msvcrt_process_detach(bool process_exit);
void __cdecl _lock(int id);
void __cdecl _unlock(int id);
__attribute__((noreturn)) void __cdecl _amsg_exit(int rterrnum);
void msvcrt_write_stderr_raw(const char *text);

/* ---- internal: invalid.c ---- */
bool msvcrt_check_param(bool cond, int err);
void __cdecl _invalid_parameter_noinfo(void);
/* Runs the invalid-parameter handler, sets errno to err and returns ret from the caller
 * unless cond holds (the _s functions' parameter validation). */
#define CRT_CHECK(cond, err, ret) do { if (!msvcrt_check_param((cond), (err))) return (ret); } while (0)

/* ---- internal: time.c ---- */
void msvcrt_init_clock(void);

/* ---- internal: args.c, environ.c ---- */
bool msvcrt_init_args(void);
bool msvcrt_init_environ(void);
bool msvcrt_init_wenviron(void);
extern char **_environ;
extern wchar_t **_wenviron;

/* ---- internal: heap.c ---- */
int __cdecl _set_new_mode(int mode);
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
int msvcrt_write_nolock(int fd, const void *buf, unsigned int count);

/* ---- internal: stdio.c, stdio_rw.c ---- */
void msvcrt_init_stdio(void);
void msvcrt_flush_all_streams(void);
void msvcrt_stream_lock(FILE *f);
void msvcrt_stream_unlock(FILE *f);
int msvcrt_flush_nolock(FILE *f);
void msvcrt_stream_getbuf(FILE *f);
bool msvcrt_stream_valid(FILE *f);
bool msvcrt_stream_unbuffered(FILE *f);
bool msvcrt_tmpbuf_begin(FILE *f);
void msvcrt_tmpbuf_end(FILE *f, bool started);
size_t msvcrt_fwrite_nolock(const void *ptr, size_t size, size_t count, FILE *f);

/* ---- internal: stat.c ---- */
wchar_t *msvcrt_to_wide(const char *s);     /* malloc'd; NULL (ENOMEM) on failure */

/* ---- internal: stdio_wide.c ---- */
wint_t msvcrt_fputwc_nolock(wchar_t wc, FILE *f);
int msvcrt_vfwprintf_flags(FILE *f, unsigned flags, const wchar_t *format, va_list args);

#endif /* VINHO_MSVCRT_H */
