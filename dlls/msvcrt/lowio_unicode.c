/* lowio_unicode.c: the Unicode text modes of the fd layer (_O_U16TEXT, _O_U8TEXT, _O_WTEXT):
 * _read and _write move UTF-16 units (the stream layer's wide chars), the file holds UTF-16LE
 * or UTF-8 with CR LF line ends, and a console gets the characters through WriteConsoleW.
 *
 * From Microsoft's "_setmode", "_open, _wopen" and "fopen, _wfopen" pages: in these modes the
 * byte counts of _read/_write must be even (they are wide chars: EINVAL otherwise); output
 * translates LF to CR LF; input CR LF to LF. A file opened for writing in a Unicode mode starts
 * with a BOM when it is empty (FF FE for UTF-16LE, EF BB BF for UTF-8); a file opened for
 * reading that starts with a BOM is read in the BOM's encoding and the BOM is skipped.
 * _O_WTEXT is UTF-16LE unless a BOM says UTF-8. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

#define CHUNK_UNITS 2048

bool msvcrt_fd_unicode(int fd)
{
    struct ioinfo *info = msvcrt_fd_info(fd);
    return info && info->unicode;
}

static bool is_console(struct ioinfo *info)
{
    DWORD mode;
    return (info->flags & FD_DEV) && GetConsoleMode(info->handle, &mode);
}

static unsigned short unit_at(const char *buf, size_t i)
{
    return (unsigned char)buf[2 * i] | (unsigned char)buf[2 * i + 1] << 8;
}

/* UTF-8 of one code point into out; returns the byte count. */
static int utf8_put(unsigned char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = 0xc0 | cp >> 6;
        out[1] = 0x80 | (cp & 0x3f);
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = 0xe0 | cp >> 12;
        out[1] = 0x80 | ((cp >> 6) & 0x3f);
        out[2] = 0x80 | (cp & 0x3f);
        return 3;
    }
    out[0] = 0xf0 | cp >> 18;
    out[1] = 0x80 | ((cp >> 12) & 0x3f);
    out[2] = 0x80 | ((cp >> 6) & 0x3f);
    out[3] = 0x80 | (cp & 0x3f);
    return 4;
}

/* Console output: the characters, as they are. */
static int console_write(struct ioinfo *info, const char *buf, unsigned units)
{
    wchar_t chunk[CHUNK_UNITS];
    unsigned done = 0;

    while (done < units) {
        unsigned n = units - done < CHUNK_UNITS ? units - done : CHUNK_UNITS;
        DWORD written;
        for (unsigned i = 0; i < n; i++)
            chunk[i] = unit_at(buf, done + i);
        if (!WriteConsoleW(info->handle, chunk, n, &written, NULL)) {
            msvcrt_dosmaperr(GetLastError());
            return done ? (int)done * 2 : -1;
        }
        done += n;
    }
    return units * 2;
}

/* File or pipe output: UTF-16LE or UTF-8 with CR LF. A high surrogate at the end of a UTF-8
 * write waits in the fd for its pair. Returns the caller's bytes written or -1. */
static int file_write(struct ioinfo *info, const char *buf, unsigned units)
{
    unsigned char chunk[CHUNK_UNITS * 4 + 8];
    bool utf8 = info->unicode == _O_U8TEXT;
    unsigned done = 0;

    while (done < units) {
        unsigned len = 0, start = done;
        while (done < units && len < CHUNK_UNITS * 4) {
            unsigned cp = unit_at(buf, done++);
            if (cp == '\n') {
                if (utf8) {
                    chunk[len++] = '\r';
                } else {
                    chunk[len++] = '\r';
                    chunk[len++] = 0;
                }
            }
            if (!utf8) {
                chunk[len++] = cp & 0xff;
                chunk[len++] = cp >> 8;
                continue;
            }
            if (info->pending_high) {
                if (cp >= 0xdc00 && cp < 0xe000) {
                    cp = 0x10000 + ((info->pending_high - 0xd800) << 10) + (cp - 0xdc00);
                } else {
                    len += utf8_put(chunk + len, 0xfffd);   /* a lone high surrogate */
                }
                info->pending_high = 0;
            }
            if (cp >= 0xd800 && cp < 0xdc00) {
                info->pending_high = cp;
                continue;
            }
            if (cp >= 0xdc00 && cp < 0xe000)
                cp = 0xfffd;    /* a lone low surrogate, as WideCharToMultiByte does */
            len += utf8_put(chunk + len, cp);
        }
        if (len) {
            int written = msvcrt_write_raw(info, (const char *)chunk, len);
            if (written < 0)
                return start ? (int)start * 2 : -1;
            if ((unsigned)written < len)
                return start * 2;   /* short write: count only the chunks that made it */
        }
    }
    return units * 2;
}

int msvcrt_unicode_write(struct ioinfo *info, const void *buf, unsigned int count)
{
    if (count & 1) {
        errno = EINVAL;
        return -1;
    }
    if (is_console(info))
        return console_write(info, buf, count / 2);
    return file_write(info, buf, count / 2);
}

/* Reads bytes until a UTF-8 sequence cut at the end of p[0..n) is complete. */
static int complete_utf8(struct ioinfo *info, char *p, int n, int room)
{
    int lead = n - 1, need;

    while (lead > 0 && n - lead < 4 && ((unsigned char)p[lead] & 0xc0) == 0x80)
        lead--;
    if (lead < 0 || n == 0)
        return n;
    need = ((unsigned char)p[lead] >= 0xf0) ? 4 : ((unsigned char)p[lead] >= 0xe0) ? 3 :
           ((unsigned char)p[lead] >= 0xc0) ? 2 : 1;
    while (n - lead < need && n < room) {
        int got = msvcrt_read_raw(info, p + n, 1);
        if (got <= 0)
            break;
        n++;
    }
    return n;
}

/* UTF-8 input: read up to count/2 bytes (each makes at most one unit), CR LF -> LF, decode. */
static int utf8_read(struct ioinfo *info, char *buf, unsigned int count)
{
    char raw[CHUNK_UNITS + 4];
    unsigned want = count / 2 < CHUNK_UNITS ? count / 2 : CHUNK_UNITS;
    int n, units;
    wchar_t *out = (wchar_t *)buf;

    if ((n = msvcrt_read_raw(info, raw, want)) <= 0)
        return n;
    n = msvcrt_text_input(info, raw, n);
    n = complete_utf8(info, raw, n, sizeof(raw));
    units = MultiByteToWideChar(CP_UTF8, 0, raw, n, NULL, 0);
    if ((unsigned)units * 2 > count) {
        FIXME("UTF-8 input longer than the buffer\n");
        units = count / 2;
    }
    if (((uintptr_t)buf & 1) == 0) {
        units = MultiByteToWideChar(CP_UTF8, 0, raw, n, out, units);
    } else {
        wchar_t tmp[CHUNK_UNITS + 4];
        units = MultiByteToWideChar(CP_UTF8, 0, raw, n, tmp, units);
        memcpy(buf, tmp, units * 2);
    }
    return units * 2;
}

/* UTF-16LE input: whole units, CR LF -> LF. A CR unit at the end looks at the next unit. */
static int utf16_read(struct ioinfo *info, char *buf, unsigned int count)
{
    int n = msvcrt_read_raw(info, buf, count), out = 0;

    if (n <= 0)
        return n;
    if (n & 1) {
        int got = msvcrt_read_raw(info, buf + n, 1);
        n += got > 0 ? 1 : -1;   /* an odd last byte at end of file is dropped */
    }
    for (int i = 0; i < n / 2; i++) {
        unsigned short u = unit_at(buf, i);
        if (u == '\r') {
            char next[2];
            unsigned short nu = 0;
            if (i + 1 < n / 2) {
                nu = unit_at(buf, i + 1);
            } else if (msvcrt_read_raw(info, next, 2) == 2) {
                nu = unit_at(next, 0);
                if (nu != '\n' && !(info->flags & (FD_DEV | FD_PIPE))) {
                    LARGE_INTEGER back = { .QuadPart = -2 };
                    SetFilePointerEx(info->handle, back, NULL, FILE_CURRENT);
                } else if (nu != '\n') {
                    FIXME("CR at the end of a UTF-16 pipe read: the next unit is lost\n");
                }
            }
            if (nu == '\n') {
                u = '\n';
                if (i + 1 < n / 2)
                    i++;
            }
        }
        buf[2 * out] = u & 0xff;
        buf[2 * out + 1] = u >> 8;
        out++;
    }
    return out * 2;
}

int msvcrt_unicode_read(struct ioinfo *info, void *buf, unsigned int count)
{
    if (count & 1) {
        errno = EINVAL;
        return -1;
    }
    if (info->unicode == _O_U8TEXT)
        return utf8_read(info, buf, count);
    return utf16_read(info, buf, count);
}

/* Sets fd's Unicode mode at open time: a BOM at the start of a readable file decides the
 * encoding and is skipped; an empty file opened for writing gets the BOM of the mode. */
int msvcrt_fd_set_unicode(int fd, int mode, int oflag)
{
    static const unsigned char bom8[3] = { 0xef, 0xbb, 0xbf }, bom16[2] = { 0xff, 0xfe };
    struct ioinfo *info = msvcrt_fd_info(fd);
    LARGE_INTEGER zero = { .QuadPart = 0 }, size;
    unsigned char head[3];
    DWORD got = 0, written;
    bool empty;

    if (!info)
        return -1;
    info->flags |= FD_TEXT;
    info->unicode = mode;
    if (info->flags & (FD_DEV | FD_PIPE))
        return 0;
    empty = GetFileSizeEx(info->handle, &size) && size.QuadPart == 0;
    if (!empty && (oflag & _O_ACCMODE) != _O_WRONLY) {
        SetFilePointerEx(info->handle, zero, NULL, FILE_BEGIN);
        ReadFile(info->handle, head, 3, &got, NULL);
        if (got == 3 && !memcmp(head, bom8, 3)) {
            info->unicode = _O_U8TEXT;
            got = 3;
        } else if (got >= 2 && !memcmp(head, bom16, 2)) {
            info->unicode = _O_U16TEXT;
            got = 2;
        } else {
            got = 0;
        }
        size.QuadPart = got;
        SetFilePointerEx(info->handle, size, NULL, FILE_BEGIN);
        if (oflag & _O_APPEND)
            SetFilePointerEx(info->handle, zero, NULL, FILE_END);
    } else if (empty && (oflag & _O_ACCMODE) != _O_RDONLY) {
        bool utf8 = mode == _O_U8TEXT;
        if (!WriteFile(info->handle, utf8 ? bom8 : bom16, utf8 ? 3 : 2, &written, NULL)) {
            msvcrt_dosmaperr(GetLastError());
            return -1;
        }
    }
    if (info->unicode == _O_WTEXT)
        info->unicode = _O_U16TEXT;
    TRACE("fd %d: mode %#x -> %#x\n", fd, mode, info->unicode);
    return 0;
}
