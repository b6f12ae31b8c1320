/* stdio.c: FILE streams: the stream table and its locks, buffering (_filbuf/_flsbuf, the
 * temporary buffer of console streams), fopen/fclose/fflush, seeking and stream state. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);


FILE _iob[MSVCRT_IOB_ENTRIES];

/* Streams beyond _iob carry their lock with them; slots are allocated once and reused. */
struct file_ex {
    FILE file;
    CRITICAL_SECTION lock;
};

static FILE *stream_table[MSVCRT_MAX_STREAMS];
static CRITICAL_SECTION iob_locks[MSVCRT_IOB_ENTRIES];
/* The temporary buffers of stdout and stderr on a console (one library call's output). */
static char tmpbuf_out[STREAM_BUFSIZ], tmpbuf_err[STREAM_BUFSIZ];

static bool is_iob(FILE *f)
{
    return f >= _iob && f < _iob + MSVCRT_IOB_ENTRIES;
}

static bool in_use(FILE *f)
{
    return f->_flag & (_IOREAD | _IOWRT | _IORW | IO_INUSE);
}

static bool has_buffer(FILE *f)
{
    return f->_flag & (_IOMYBUF | _IONBF | IO_USERBUF | IO_TMPBUF);
}

void msvcrt_init_stdio(void)
{
    static const int modes[3] = { _IOREAD, _IOWRT, _IOWRT };

    for (int i = 0; i < MSVCRT_IOB_ENTRIES; i++) {
        InitializeCriticalSection(&iob_locks[i]);
        stream_table[i] = &_iob[i];
        _iob[i]._file = i < 3 ? i : -1;
        _iob[i]._flag = i < 3 ? modes[i] : 0;
    }
}

void msvcrt_stream_lock(FILE *f)
{
    if (is_iob(f))
        EnterCriticalSection(&iob_locks[f - _iob]);
    else
        EnterCriticalSection(&((struct file_ex *)f)->lock);
}

void msvcrt_stream_unlock(FILE *f)
{
    if (is_iob(f))
        LeaveCriticalSection(&iob_locks[f - _iob]);
    else
        LeaveCriticalSection(&((struct file_ex *)f)->lock);
}

/* Rejects NULL (EINVAL), as msvcrt's parameter validation does. */
bool msvcrt_stream_valid(FILE *f)
{
    if (crt_null(f)) {
        errno = EINVAL;
        return false;
    }
    return true;
}

/* A free stream slot, claimed (IO_INUSE), or NULL with EMFILE. */
static FILE *stream_alloc(void)
{
    FILE *found = NULL;

    _lock(LOCK_STREAMS);
    for (int i = 0; i < MSVCRT_MAX_STREAMS && !found; i++) {
        if (!stream_table[i]) {
            struct file_ex *fx = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*fx));
            if (!fx)
                break;
            InitializeCriticalSection(&fx->lock);
            stream_table[i] = &fx->file;
        }
        if (!in_use(stream_table[i])) {
            found = stream_table[i];
            memset(found, 0, sizeof(*found));
            found->_flag = IO_INUSE;
            found->_file = -1;
        }
    }
    _unlock(LOCK_STREAMS);
    if (!found)
        errno = EMFILE;
    return found;
}

/* The buffer of a stream that has none yet: 4 KiB, or the one-char buffer if out of memory. */
void msvcrt_stream_getbuf(FILE *f)
{
    if ((f->_base = malloc(STREAM_BUFSIZ))) {
        f->_flag |= _IOMYBUF;
        f->_bufsiz = STREAM_BUFSIZ;
    } else {
        f->_flag |= _IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 1;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
}

/* stdout and stderr on a console get no buffer: they are flushed after every library call
 * (documented), which msvcrt_tmpbuf_begin/end arrange. */
static bool console_std_stream(FILE *f)
{
    return (f == msvcrt_stdout || f == msvcrt_stderr) && _isatty(f->_file);
}

/* Writes go straight to the fd: _IONBF, or a console stdout/stderr outside a library call. */
bool msvcrt_stream_unbuffered(FILE *f)
{
    return (f->_flag & _IONBF) || (!has_buffer(f) && console_std_stream(f));
}

bool msvcrt_tmpbuf_begin(FILE *f)
{
    if (has_buffer(f) || !(f->_flag & (_IOWRT | _IORW)) || (f->_flag & _IOREAD) ||
        !console_std_stream(f))
        return false;
    f->_base = f->_ptr = f == msvcrt_stdout ? tmpbuf_out : tmpbuf_err;
    f->_bufsiz = f->_cnt = STREAM_BUFSIZ;
    f->_flag |= IO_TMPBUF | _IOWRT;
    return true;
}

void msvcrt_tmpbuf_end(FILE *f, bool started)
{
    if (!started)
        return;
    msvcrt_flush_nolock(f);
    f->_flag &= ~IO_TMPBUF;
    f->_base = f->_ptr = NULL;
    f->_bufsiz = f->_cnt = 0;
}

/*********************************************************************
 *      _flsbuf (MSVCRT.@)
 *
 * Called by putc when the buffer is full (or absent): writes the buffer out and stores ch.
 */
int __cdecl _flsbuf(int ch, FILE *f)
{
    int pending;

    if (!(f->_flag & (_IOWRT | _IORW)) || (f->_flag & _IOSTRG)) {
        f->_flag |= _IOERR;
        return EOF;
    }
    if (f->_flag & _IOREAD) {
        /* Switching from reading to writing needs a seek, unless reading hit the end. */
        f->_cnt = 0;
        if (!(f->_flag & _IOEOF)) {
            f->_flag |= _IOERR;
            return EOF;
        }
        f->_ptr = f->_base;
        f->_flag &= ~_IOREAD;
    }
    f->_flag |= _IOWRT;
    f->_flag &= ~_IOEOF;
    if (!has_buffer(f) && !console_std_stream(f))
        msvcrt_stream_getbuf(f);
    if (f->_flag & (_IOMYBUF | IO_USERBUF | IO_TMPBUF)) {
        pending = f->_ptr - f->_base;
        f->_ptr = f->_base + 1;
        f->_cnt = f->_bufsiz - 1;
        if (pending > 0 && _write(f->_file, f->_base, pending) != pending) {
            f->_flag |= _IOERR;
            f->_ptr = f->_base;
            f->_cnt = 0;
            return EOF;
        }
        *f->_base = (char)ch;
    } else {
        char c = (char)ch;
        if (_write(f->_file, &c, 1) != 1) {
            f->_flag |= _IOERR;
            return EOF;
        }
    }
    return ch & 0xff;
}

/*********************************************************************
 *      _filbuf (MSVCRT.@)
 *
 * Called by getc when the buffer is empty: refills it and returns its first char.
 */
int __cdecl _filbuf(FILE *f)
{
    int n;

    if (!in_use(f) || (f->_flag & _IOSTRG))
        return EOF;
    if ((f->_flag & _IOWRT) || !(f->_flag & (_IOREAD | _IORW))) {
        f->_flag |= _IOERR;
        return EOF;
    }
    f->_flag |= _IOREAD;
    if (!has_buffer(f))
        msvcrt_stream_getbuf(f);
    n = _read(f->_file, f->_base, f->_bufsiz);
    if (n <= 0) {
        f->_flag |= n ? _IOERR : _IOEOF;
        f->_cnt = 0;
        return EOF;
    }
    f->_ptr = f->_base + 1;
    f->_cnt = n - 1;
    return *f->_base & 0xff;
}

/* Writes out pending output; discards unread input (documented for fflush on input). */
int msvcrt_flush_nolock(FILE *f)
{
    int ret = 0, pending = f->_base ? f->_ptr - f->_base : 0;

    if ((f->_flag & _IOWRT) && pending > 0 && (f->_flag & (_IOMYBUF | IO_USERBUF | IO_TMPBUF))) {
        if (_write(f->_file, f->_base, pending) != pending) {
            f->_flag |= _IOERR;
            ret = EOF;
        } else if ((f->_flag & IO_COMMIT) && _commit(f->_file)) {
            f->_flag |= _IOERR;
            ret = EOF;
        }
    }
    if (f->_flag & _IOSTRG)
        return ret;
    f->_ptr = f->_base;
    f->_cnt = 0;
    if (f->_flag & _IORW)
        f->_flag &= ~(_IOWRT | _IOREAD);
    return ret;
}

/* Flushes every stream open for writing; returns the number of open streams, or -1 if a
 * flush failed and want_errors is set. */
static int flush_streams(bool want_errors)
{
    int count = 0, failed = 0;

    _lock(LOCK_STREAMS);
    for (int i = 0; i < MSVCRT_MAX_STREAMS && stream_table[i]; i++) {
        FILE *f = stream_table[i];
        msvcrt_stream_lock(f);
        if (in_use(f)) {
            count++;
            if ((f->_flag & _IOWRT) && msvcrt_flush_nolock(f))
                failed = 1;
        }
        msvcrt_stream_unlock(f);
    }
    _unlock(LOCK_STREAMS);
    return want_errors && failed ? -1 : count;
}

void msvcrt_flush_all_streams(void)
{
    flush_streams(false);
}

/*********************************************************************
 *      _flushall (MSVCRT.@)
 *
 * Returns the number of open streams.
 */
int __cdecl _flushall(void)
{
    return flush_streams(false);
}

/*********************************************************************
 *      fflush (MSVCRT.@)
 *
 * fflush(NULL) flushes every output stream.
 */
int __cdecl fflush(FILE *f)
{
    int ret;

    if (!f)
        return flush_streams(true) < 0 ? EOF : 0;
    msvcrt_stream_lock(f);
    ret = msvcrt_flush_nolock(f);
    msvcrt_stream_unlock(f);
    return ret;
}

/* ", ccs=ENCODING" at the end of a mode: UNICODE, UTF-8 or UTF-16LE (the "fopen" page), as
 * the _open flag of that Unicode text mode. */
static bool parse_ccs(const char *p, int *oflag)
{
    static const struct { const char *name; int flag; } encodings[] = {
        { "UNICODE", _O_WTEXT }, { "UTF-8", _O_U8TEXT }, { "UTF-16LE", _O_U16TEXT },
    };

    while (*p == ' ')
        p++;
    if (strncmp(p, "ccs", 3))
        return false;
    for (p += 3; *p == ' '; p++)
        ;
    if (*p++ != '=')
        return false;
    while (*p == ' ')
        p++;
    for (size_t i = 0; i < sizeof(encodings) / sizeof(encodings[0]); i++) {
        size_t len = strlen(encodings[i].name);
        if (!_strnicmp(p, encodings[i].name, len) && !p[len + strspn(p + len, " ")]) {
            *oflag |= encodings[i].flag;
            return true;
        }
    }
    return false;
}

/* fopen's mode string -> _open flags and stream flags; false (EINVAL) if malformed. */
static bool parse_mode(const char *mode, int *oflag, int *sflag)
{
    bool seen_tb = false;

    switch (*mode++) {
    case 'r': *oflag = _O_RDONLY; *sflag = _IOREAD; break;
    case 'w': *oflag = _O_WRONLY | _O_CREAT | _O_TRUNC; *sflag = _IOWRT; break;
    case 'a': *oflag = _O_WRONLY | _O_CREAT | _O_APPEND; *sflag = _IOWRT; break;
    default: return false;
    }
    if (_commode & IO_COMMIT)
        *sflag |= IO_COMMIT;
    for (; *mode; mode++) {
        switch (*mode) {
        case '+':
            *oflag = (*oflag & ~_O_ACCMODE) | _O_RDWR;
            *sflag = (*sflag & IO_COMMIT) | _IORW;
            break;
        case 't': case 'b':
            if (seen_tb)
                return false;
            seen_tb = true;
            *oflag |= *mode == 't' ? _O_TEXT : _O_BINARY;
            break;
        case 'c': *sflag |= IO_COMMIT; break;
        case 'n': *sflag &= ~IO_COMMIT; break;
        case 'S': *oflag |= _O_SEQUENTIAL; break;
        case 'R': *oflag |= _O_RANDOM; break;
        case 'T': *oflag |= _O_SHORT_LIVED; break;
        case 'D': *oflag |= _O_TEMPORARY; break;
        case 'N': *oflag |= _O_NOINHERIT; break;
        case ' ': break;
        case ',':
            return parse_ccs(mode + 1, oflag) && !(*oflag & _O_BINARY);
        default:
            return false;
        }
    }
    return true;
}

/* fopen & co.: a stream over fd (opened with shflag, _sopen's sharing, when fd < 0), in
 * target (freopen: already locked and closed) or in a new slot. */
FILE *msvcrt_stream_open(const char *patha, const wchar_t *pathw, int fd, const char *mode,
                         int shflag, FILE *target)
{
    int oflag, sflag;
    FILE *f = target;

    if (crt_null(mode) || (fd < 0 && !patha && !pathw) || !parse_mode(mode, &oflag, &sflag)) {
        errno = EINVAL;
        return NULL;
    }
    if (!f && !(f = stream_alloc()))
        return NULL;
    if (fd < 0 && patha)
        fd = _sopen(patha, oflag, shflag, _S_IREAD | _S_IWRITE);
    else if (fd < 0)
        fd = _wsopen(pathw, oflag, shflag, _S_IREAD | _S_IWRITE);
    else if (oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT))
        _setmode(fd, oflag & (_O_WTEXT | _O_U16TEXT | _O_U8TEXT));
    if (fd < 0) {
        f->_flag = 0;
        return NULL;
    }
    f->_file = fd;
    f->_flag = sflag;
    return f;
}

static FILE *stream_open(const char *patha, const wchar_t *pathw, int fd, const char *mode)
{
    return msvcrt_stream_open(patha, pathw, fd, mode, _SH_DENYNO, NULL);
}

/* A wide mode string as a narrow one (ASCII only); false (EINVAL) otherwise. */
bool msvcrt_mode_to_narrow(const wchar_t *mode, char *out, size_t size)
{
    size_t i;

    for (i = 0; mode[i] && i < size - 1; i++) {
        if (mode[i] > 0x7f)
            break;
        out[i] = (char)mode[i];
    }
    out[i] = 0;
    if (mode[i]) {
        errno = EINVAL;
        return false;
    }
    return true;
}

/* Ends a stream's use of its fd and buffer (fclose and freopen); the slot stays locked. */
int msvcrt_stream_close_nolock(FILE *f)
{
    int ret = msvcrt_flush_nolock(f);

    if (f->_flag & _IOMYBUF)
        free(f->_base);
    if (_close(f->_file) < 0)
        ret = EOF;
    if (f->_tmpfname)
        free(f->_tmpfname);
    memset(f, 0, sizeof(*f));
    f->_file = -1;
    return ret;
}

/*********************************************************************
 *      fopen (MSVCRT.@)
 */
FILE *__cdecl fopen(const char *path, const char *mode)
{
    FILE *f = !crt_null(path) ? stream_open(path, NULL, -1, mode) : (errno = EINVAL, NULL);

    TRACE("(%s, %s) -> %p\n", debugstr_a(path), debugstr_a(mode), f);
    return f;
}

/*********************************************************************
 *      _wfopen (MSVCRT.@)
 */
FILE *__cdecl _wfopen(const wchar_t *path, const wchar_t *mode)
{
    char amode[64];
    FILE *f;

    if (crt_null(path) || crt_null(mode)) {
        errno = EINVAL;
        return NULL;
    }
    f = msvcrt_mode_to_narrow(mode, amode, sizeof(amode)) ? stream_open(NULL, path, -1, amode)
                                                           : NULL;
    TRACE("(%s, %s) -> %p\n", debugstr_w(path), debugstr_w(mode), f);
    return f;
}

/*********************************************************************
 *      _fdopen (MSVCRT.@)
 */
FILE *__cdecl _fdopen(int fd, const char *mode)
{
    if (!msvcrt_fd_info(fd))
        return NULL;
    return stream_open(NULL, NULL, fd, mode);
}

/*********************************************************************
 *      fclose (MSVCRT.@)
 */
int __cdecl fclose(FILE *f)
{
    int ret = EOF;

    TRACE("(%p)\n", f);
    if (!msvcrt_stream_valid(f))
        return EOF;
    msvcrt_stream_lock(f);
    if (f->_flag & _IOSTRG) {
        f->_flag = 0;
    } else if (in_use(f)) {
        ret = msvcrt_stream_close_nolock(f);
    }
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      _fcloseall (MSVCRT.@)
 *
 * Closes every stream but stdin, stdout, stderr; returns how many.
 */
int __cdecl _fcloseall(void)
{
    int count = 0;

    _lock(LOCK_STREAMS);
    for (int i = 3; i < MSVCRT_MAX_STREAMS && stream_table[i]; i++)
        if (in_use(stream_table[i]) && fclose(stream_table[i]) != EOF)
            count++;
    _unlock(LOCK_STREAMS);
    return count;
}
