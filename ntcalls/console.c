/* console.c: the console as Windows programs see it, over a Unix terminal. A handle is a console
 * handle exactly when its descriptor is a terminal; anything else (file, pipe) is not, and the
 * console calls fail on it with STATUS_INVALID_HANDLE as on Windows. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

NTSTATUS WINAPI __vinho_console_set_mode(HANDLE handle, ULONG mode)
{
    struct file *file;
    NTSTATUS status = get_console(handle, &file);
    if (status)
        return status;
    TRACE("%p %#x\n", handle, mode);
    file->console_mode = mode | MODE_SET_FLAG;
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
