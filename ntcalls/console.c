/* console.c: the console as Windows programs see it, over a Unix terminal. A handle is a console
 * handle exactly when its descriptor is a terminal; anything else (file, pipe) is not, and the
 * console calls fail on it with STATUS_INVALID_HANDLE as on Windows. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(console);

/* Default modes of a new console's input and output buffers (SetConsoleMode documentation). */
#define DEFAULT_INPUT_MODE  0x01f7  /* processed, line, echo, window?, mouse, insert, quick edit, extended */
#define DEFAULT_OUTPUT_MODE 0x0003  /* processed output, wrap at end of line */
#define MODE_SET_FLAG 0x80000000u   /* console_mode holds a mode set by the program */

static NTSTATUS get_console(HANDLE handle, struct file **file)
{
    NTSTATUS status = get_file(handle, file, NULL);
    if (status)
        return status == STATUS_OBJECT_TYPE_MISMATCH ? STATUS_INVALID_HANDLE : status;
    if (!(*file)->tty)      /* asked once per file: ReadFile asks before every read */
        (*file)->tty = isatty((*file)->fd) ? 1 : 2;
    if ((*file)->tty != 1) {
        object_unref(&(*file)->obj);
        return STATUS_INVALID_HANDLE;
    }
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_console_get_mode(HANDLE handle, ULONG *mode)
{
    struct file *file;
    NTSTATUS status = get_console(handle, &file);
    if (status)
        return status;
    if (file->console_mode & MODE_SET_FLAG)
        *mode = file->console_mode & ~MODE_SET_FLAG;
    else
        *mode = file->fd == 0 ? DEFAULT_INPUT_MODE : DEFAULT_OUTPUT_MODE;
    object_unref(&file->obj);
    return STATUS_SUCCESS;
}

/* Input modes are the terminal's line discipline: line input is ICANON (the terminal edits the
 * line: echo, backspace), echo is ECHO, processed input is ISIG (Ctrl-C is a signal). */
#define ENABLE_PROCESSED_INPUT 0x0001
#define ENABLE_LINE_INPUT      0x0002
#define ENABLE_ECHO_INPUT      0x0004

static pthread_mutex_t term_lock = PTHREAD_MUTEX_INITIALIZER;
static struct termios saved_termios;
static int saved_fd = -1;               /* the terminal whose settings we changed */

/* Puts the terminal back as we found it: at exit, and before a raw read's end. */
void console_restore_terminal(void)
{
    if (saved_fd >= 0)
        tcsetattr(saved_fd, TCSANOW, &saved_termios);
}

static void apply_input_mode(int fd, ULONG mode)
{
    struct termios t;
    pthread_mutex_lock(&term_lock);
    if (tcgetattr(fd, &t) == 0) {
        if (saved_fd < 0) {
            saved_termios = t;
            saved_fd = fd;
        }
        t.c_lflag &= ~(ICANON | ECHO | ISIG);
        t.c_lflag |= (mode & ENABLE_LINE_INPUT ? ICANON : 0) | (mode & ENABLE_ECHO_INPUT ? ECHO : 0) |
                     (mode & ENABLE_PROCESSED_INPUT ? ISIG : 0);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        tcsetattr(fd, TCSANOW, &t);
    }
    pthread_mutex_unlock(&term_lock);
}

static bool is_input(struct file *file)
{
    return file->fd == 0;
}

NTSTATUS WINAPI __vinho_console_set_mode(HANDLE handle, ULONG mode)
{
    struct file *file;
    NTSTATUS status = get_console(handle, &file);
    if (status)
        return status;
    TRACE("%p %#x\n", handle, mode);
    file->console_mode = mode | MODE_SET_FLAG;
    if (is_input(file))
        apply_input_mode(file->fd, mode);
    object_unref(&file->obj);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_console_write(HANDLE handle, const WCHAR *text, ULONG count, ULONG *written)
{
    struct file *file;
    size_t len, done = 0;
    char *utf8;
    NTSTATUS status = get_console(handle, &file);

    if (status)
        return status;
    if (!(utf8 = utf16_to_utf8(text, count, &len))) {
        object_unref(&file->obj);
        return STATUS_NO_MEMORY;
    }
    while (done < len) {
        ssize_t n = write(file->fd, utf8 + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            status = errno_to_status(errno);
            break;
        }
        done += n;
    }
    free(utf8);
    object_unref(&file->obj);
    if (written)
        *written = status ? 0 : count;
    return status;
}

/* Line input as the terminal's cooked mode delivers it, in UTF-16 with "\r\n" line ends. */
NTSTATUS WINAPI __vinho_console_read(HANDLE handle, WCHAR *buffer, ULONG count, ULONG *read_count)
{
    struct file *file;
    char bytes[4096];
    size_t wlen;
    ssize_t n;
    WCHAR *wide;
    NTSTATUS status = get_console(handle, &file);

    if (status)
        return status;
    /* Leave room for the "\n" -> "\r\n" growth. */
    size_t want = count / 2 ? count / 2 : 1;
    if (want > sizeof(bytes))
        want = sizeof(bytes);
    do {
        n = read(file->fd, bytes, want);
    } while (n < 0 && errno == EINTR);
    object_unref(&file->obj);
    if (n < 0)
        return errno_to_status(errno);
    if (!(wide = utf8_to_utf16(bytes, n, &wlen)))
        return STATUS_NO_MEMORY;
    ULONG out = 0;
    for (size_t i = 0; i < wlen && out < count; i++) {
        if (wide[i] == '\n' && out + 1 < count)
            buffer[out++] = '\r';
        buffer[out++] = wide[i];
    }
    free(wide);
    *read_count = out;
    return STATUS_SUCCESS;
}

/* The terminal's size in cells (TIOCGWINSZ; 80x25 when it does not say). */
static void terminal_size(int fd, ULONG *cols, ULONG *rows)
{
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row) {
        *cols = ws.ws_col;
        *rows = ws.ws_row;
    } else {
        *cols = 80;
        *rows = 25;
    }
}

/* Asks the terminal where its cursor is (DSR, "ESC [ 6 n" -> "ESC [ row ; col R"), on the input
 * descriptor when it is the same terminal; false when it does not answer within 200 ms. */
static bool cursor_position(int out_fd, ULONG *x, ULONG *y)
{
    struct stat a, b;
    struct termios t, raw;
    char buf[32];
    size_t len = 0;
    bool ok = false;
    unsigned row, col;

    if (!isatty(0) || fstat(0, &a) || fstat(out_fd, &b) || a.st_rdev != b.st_rdev ||
        tcgetattr(0, &t))
        return false;
    raw = t;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &raw);
    if (write(out_fd, "\033[6n", 4) == 4) {
        struct pollfd p = { 0, POLLIN, 0 };
        while (len < sizeof(buf) - 1 && poll(&p, 1, 200) == 1) {
            if (read(0, buf + len, 1) != 1)
                break;
            if (buf[len++] == 'R')
                break;
        }
        buf[len] = 0;
        char *esc = strstr(buf, "\033[");
        if (esc && sscanf(esc + 2, "%u;%uR", &row, &col) == 2 && row && col) {
            *x = col - 1;
            *y = row - 1;
            ok = true;
        }
    }
    tcsetattr(0, TCSANOW, &t);
    return ok;
}

/***********************************************************************
 *           __vinho_console_info
 *
 * A screen buffer's size and cursor: info[0..3] = columns, rows, cursor x, cursor y (0, 0 when
 * the terminal does not report it).
 */
NTSTATUS WINAPI __vinho_console_info(HANDLE handle, ULONG *info)
{
    struct file *file;
    ULONG out[4] = { 0 };
    NTSTATUS status = get_console(handle, &file);
    if (status)
        return status;
    terminal_size(file->fd, &out[0], &out[1]);
    if (!cursor_position(file->fd, &out[2], &out[3]))
        out[2] = out[3] = 0;
    object_unref(&file->obj);
    memcpy(info, out, sizeof(out));
    return STATUS_SUCCESS;
}

/* Ctrl-C: with a dispatcher from kernelbase (SetConsoleCtrlHandler), SIGINT runs it on a new
 * thread, as Windows does: the signal handler writes a byte to a pipe; a thread of ours (all
 * signals blocked) reads it and starts the Windows thread. Without a dispatcher, SIGINT keeps its
 * Linux meaning (the process ends; a vinho parent sees STATUS_CONTROL_C_EXIT). */
static void *dispatcher;
static int ctrl_pipe[2] = { -1, -1 };

static void on_sigint(int sig)
{
    int saved = errno;
    char event = 0;     /* CTRL_C_EVENT */
    ssize_t n = write(ctrl_pipe[1], &event, 1);   /* full: Ctrl-C events are already waiting */
    (void)n;
    errno = saved;
}

static void *ctrl_thread(void *arg)
{
    char event;
    for (;;) {
        ssize_t n = read(ctrl_pipe[0], &event, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return NULL;
        void *fn = __atomic_load_n(&dispatcher, __ATOMIC_ACQUIRE);
        HANDLE h;
        if (fn && !NtCreateThreadEx(&h, 0x1fffff /* THREAD_ALL_ACCESS */, NULL, NtCurrentProcess(),
                                    fn, (void *)(ULONG_PTR)event, 0, 0, 0, 0, NULL))
            NtClose(h);
        else if (fn)
            ERR("cannot start the thread of a Ctrl-C event\n");
    }
}

static NTSTATUS start_ctrl_thread(void)
{
    pthread_attr_t attr;
    pthread_t thread;
    sigset_t all, old;
    int err;

    if (pipe2(ctrl_pipe, O_CLOEXEC) < 0)
        return errno_to_status(errno);
    fcntl(ctrl_pipe[1], F_SETFL, O_NONBLOCK);   /* the signal handler never blocks */
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 1024 * 1024);
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    err = pthread_create(&thread, &attr, ctrl_thread, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    return err ? STATUS_INSUFFICIENT_RESOURCES : STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_console_ctrl(void *function)
{
    static pthread_mutex_t ctrl_lock = PTHREAD_MUTEX_INITIALIZER;
    struct sigaction sa;
    NTSTATUS status = STATUS_SUCCESS;

    TRACE("%p\n", function);
    if (function)   /* Ctrl-C handlers run on threads of their own from now on */
        thread_mark_multithreaded();
    pthread_mutex_lock(&ctrl_lock);
    if (function && ctrl_pipe[0] < 0)
        status = start_ctrl_thread();
    pthread_mutex_unlock(&ctrl_lock);
    if (status)
        return status;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = function ? on_sigint : SIG_DFL;
    sa.sa_flags = SA_RESTART;
    __atomic_store_n(&dispatcher, function, __ATOMIC_RELEASE);
    if (sigaction(SIGINT, &sa, NULL) < 0)
        return errno_to_status(errno);
    return STATUS_SUCCESS;
}

/* ---- key events (ReadConsoleInputW and friends) ------------------------------------------- */

struct key_record {             /* INPUT_RECORD holding a KEY_EVENT_RECORD */
    WORD EventType, pad;
    BOOL bKeyDown;
    WORD wRepeatCount, wVirtualKeyCode, wVirtualScanCode;
    WCHAR UnicodeChar;
    DWORD dwControlKeyState;
};
_Static_assert(sizeof(struct key_record) == 20, "INPUT_RECORD size");

#define KEY_EVENT 1
#define SHIFT_PRESSED 0x10
#define LEFT_CTRL_PRESSED 0x08
#define LEFT_ALT_PRESSED 0x02
#define INPUT_PEEK 1            /* __vinho_console_input flags */
#define INPUT_NO_WAIT 2
#define INPUT_FLUSH 4

static struct key_record queue[256];
static ULONG queue_len;         /* under term_lock */

/* Escape sequences of the usual terminals (xterm, VT220) and their virtual keys. */
static const struct { const char *seq; WORD vk; } escapes[] = {
    { "[A", 0x26 }, { "[B", 0x28 }, { "[C", 0x27 }, { "[D", 0x25 },         /* arrows */
    { "OA", 0x26 }, { "OB", 0x28 }, { "OC", 0x27 }, { "OD", 0x25 },
    { "[H", 0x24 }, { "[F", 0x23 }, { "OH", 0x24 }, { "OF", 0x23 },         /* home, end */
    { "[1~", 0x24 }, { "[4~", 0x23 }, { "[2~", 0x2d }, { "[3~", 0x2e },     /* ins, del */
    { "[5~", 0x21 }, { "[6~", 0x22 },                                       /* page up, down */
    { "OP", 0x70 }, { "OQ", 0x71 }, { "OR", 0x72 }, { "OS", 0x73 },         /* F1-F4 */
    { "[15~", 0x74 }, { "[17~", 0x75 }, { "[18~", 0x76 }, { "[19~", 0x77 }, /* F5-F8 */
    { "[20~", 0x78 }, { "[21~", 0x79 }, { "[23~", 0x7a }, { "[24~", 0x7b }, /* F9-F12 */
};

/* A key down and its key up, as Windows reports a key press. */
static void queue_key(WORD vk, WCHAR ch, DWORD state)
{
    for (int down = 1; down >= 0 && queue_len < 256; down--) {
        struct key_record *r = &queue[queue_len++];
        memset(r, 0, sizeof(*r));
        r->EventType = KEY_EVENT;
        r->bKeyDown = down;
        r->wRepeatCount = 1;
        r->wVirtualKeyCode = vk;
        r->UnicodeChar = ch;
        r->dwControlKeyState = state;
    }
}

/* The virtual key of a character typed on a US keyboard. */
static void queue_char(WCHAR c)
{
    if (c >= 'a' && c <= 'z')
        queue_key(c - 'a' + 'A', c, 0);
    else if (c >= 'A' && c <= 'Z')
        queue_key(c, c, SHIFT_PRESSED);
    else if (c >= '0' && c <= '9')
        queue_key(c, c, 0);
    else if (c == '\r' || c == '\n')
        queue_key(0x0d, '\r', 0);                      /* VK_RETURN */
    else if (c == 0x7f || c == 0x08)
        queue_key(0x08, 0x08, 0);                      /* VK_BACK */
    else if (c == '\t')
        queue_key(0x09, '\t', 0);
    else if (c == ' ')
        queue_key(0x20, ' ', 0);
    else if (c == 0x1b)
        queue_key(0x1b, 0x1b, 0);                      /* VK_ESCAPE */
    else if (c >= 1 && c <= 26)
        queue_key('A' + c - 1, c, LEFT_CTRL_PRESSED);  /* Ctrl+letter */
    else
        queue_key(0, c, 0);                            /* no key of its own: the character */
}

/* Turns the bytes the terminal sent into key events. */
static void parse_input(const char *bytes, size_t len)
{
    size_t wlen, i = 0;
    while (i < len) {
        if (bytes[i] == 0x1b && i + 1 < len) {
            size_t k;
            for (k = 0; k < sizeof(escapes) / sizeof(escapes[0]); k++) {
                size_t n = strlen(escapes[k].seq);
                if (i + 1 + n <= len && !memcmp(bytes + i + 1, escapes[k].seq, n)) {
                    queue_key(escapes[k].vk, 0, 0);
                    i += 1 + n;
                    break;
                }
            }
            if (k < sizeof(escapes) / sizeof(escapes[0]))
                continue;
        }
        size_t n = 1;       /* one UTF-8 character */
        while (i + n < len && ((unsigned char)bytes[i + n] & 0xc0) == 0x80)
            n++;
        WCHAR *w = utf8_to_utf16(bytes + i, n, &wlen);
        for (size_t j = 0; w && j < wlen; j++)
            queue_char(w[j]);
        free(w);
        i += n;
    }
}

/* Reads what the terminal has (waiting for something when wait is set) with the line discipline
 * off, so that each key arrives as it is pressed. */
static void fill_queue(int fd, bool wait)
{
    struct termios t, raw;
    char bytes[128];
    ssize_t n;
    bool changed = tcgetattr(fd, &t) == 0;
    if (changed) {
        raw = t;
        raw.c_lflag &= ~(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(fd, TCSANOW, &raw);
    }
    struct pollfd p = { fd, POLLIN, 0 };
    while (queue_len < 128 && poll(&p, 1, wait && !queue_len ? -1 : 0) == 1) {
        if ((n = read(fd, bytes, sizeof(bytes))) <= 0)
            break;
        parse_input(bytes, n);
    }
    if (changed)
        tcsetattr(fd, TCSANOW, &t);
}

/***********************************************************************
 *           __vinho_console_input
 *
 * ReadConsoleInputW (wait, remove), PeekConsoleInputW (no wait, keep), the number of events
 * (count 0, no wait) and FlushConsoleInputBuffer (flush): key events only.
 */
NTSTATUS WINAPI __vinho_console_input(HANDLE handle, void *records, ULONG count, ULONG *got, ULONG flags)
{
    struct key_record copy[256];
    struct file *file;
    ULONG n = 0, pending;
    NTSTATUS status = get_console(handle, &file);

    if (status)
        return status;
    if (!is_input(file)) {
        object_unref(&file->obj);
        return STATUS_INVALID_HANDLE;
    }
    pthread_mutex_lock(&term_lock);
    if (flags & INPUT_FLUSH) {
        tcflush(file->fd, TCIFLUSH);
        queue_len = 0;
    } else {
        fill_queue(file->fd, !(flags & INPUT_NO_WAIT));
        n = count < queue_len ? count : queue_len;
        memcpy(copy, queue, n * sizeof(*copy));
        if (!(flags & INPUT_PEEK)) {
            memmove(queue, queue + n, (queue_len - n) * sizeof(*queue));
            queue_len -= n;
        }
    }
    pending = queue_len;
    pthread_mutex_unlock(&term_lock);
    object_unref(&file->obj);
    if (records && n)   /* caller memory: with no lock held */
        memcpy(records, copy, n * sizeof(*copy));
    if (got)
        *got = count ? n : pending;
    return STATUS_SUCCESS;
}

/* Digits of a double as the host's C library prints them: exact, and the same as Windows'
 * for every precision (both print the correctly rounded decimal expansion). The PE side adds
 * each runtime's own spelling of exponents, infinities and NaNs. */
NTSTATUS WINAPI __vinho_format_double(char *buffer, ULONG size, const char *format, double value,
                                      ULONG *written)
{
    const char *p = format;
    int n;
    if (*p++ != '%')
        return STATUS_INVALID_PARAMETER;
    p += strspn(p, "-+ #0");
    p += strspn(p, "0123456789");
    if (*p == '.') {
        p++;
        p += strspn(p, "0123456789");
    }
    if (!*p || !strchr("eEfFgGaA", *p) || p[1])
        return STATUS_INVALID_PARAMETER;
    n = snprintf(buffer, size, format, value);
    if (n < 0)
        return STATUS_INVALID_PARAMETER;
    if (written)
        *written = n;
    return (ULONG)n < size ? STATUS_SUCCESS : STATUS_BUFFER_TOO_SMALL;
}
