/* message.c: FormatMessageW/A: message texts from a string, a module's message table or the
 * system's, with %1..%99 inserts, escapes and line-width rules (docs/messages.md). */
#include "kernelbase.h"
#include "../dllrt/printf.h"

DEFAULT_DEBUG_CHANNEL(kernel);

#define RT_MESSAGETABLE_ID 11
#define MAX_INSERT 99

/* The system message table: the English texts Windows shows for the Win32 errors programs meet
 * most. Ids not listed fail with ERROR_MR_MID_NOT_FOUND, as an id missing from Windows' table. */
static const struct { DWORD id; const char *text; } system_messages[] = {
    { 0, "The operation completed successfully." },
    { 1, "Incorrect function." },
    { 2, "The system cannot find the file specified." },
    { 3, "The system cannot find the path specified." },
    { 4, "The system cannot open the file." },
    { 5, "Access is denied." },
    { 6, "The handle is invalid." },
    { 8, "Not enough memory resources are available to process this command." },
    { 11, "An attempt was made to load a program with an incorrect format." },
    { 13, "The data is invalid." },
    { 14, "Not enough memory resources are available to complete this operation." },
    { 15, "The system cannot find the drive specified." },
    { 16, "The directory cannot be removed." },
    { 17, "The system cannot move the file to a different disk drive." },
    { 18, "There are no more files." },
    { 19, "The media is write protected." },
    { 21, "The device is not ready." },
    { 23, "Data error (cyclic redundancy check)." },
    { 29, "The system cannot write to the specified device." },
    { 30, "The system cannot read from the specified device." },
    { 31, "A device attached to the system is not functioning." },
    { 32, "The process cannot access the file because it is being used by another process." },
    { 33, "The process cannot access the file because another process has locked a portion of the file." },
    { 38, "Reached the end of the file." },
    { 39, "The disk is full." },
    { 50, "The request is not supported." },
    { 53, "The network path was not found." },
    { 80, "The file exists." },
    { 82, "The directory or file cannot be created." },
    { 87, "The parameter is incorrect." },
    { 109, "The pipe has been ended." },
    { 110, "The system cannot open the device or file specified." },
    { 111, "The file name is too long." },
    { 112, "There is not enough space on the disk." },
    { 120, "This function is not supported on this system." },
    { 122, "The data area passed to a system call is too small." },
    { 123, "The filename, directory name, or volume label syntax is incorrect." },
    { 126, "The specified module could not be found." },
    { 127, "The specified procedure could not be found." },
    { 131, "An attempt was made to move the file pointer before the beginning of the file." },
    { 145, "The directory is not empty." },
    { 161, "The specified path is invalid." },
    { 170, "The requested resource is in use." },
    { 183, "Cannot create a file when that file already exists." },
    { 193, "%1 is not a valid Win32 application." },
    { 203, "The system could not find the environment option that was entered." },
    { 206, "The filename or extension is too long." },
    { 232, "The pipe is being closed." },
    { 233, "No process is on the other end of the pipe." },
    { 234, "More data is available." },
    { 258, "The wait operation timed out." },
    { 259, "No more data is available." },
    { 267, "The directory name is invalid." },
    { 317, "The system cannot find message text for message number 0x%1 in the message file for %2." },
    { 487, "Attempt to access invalid address." },
    { 995, "The I/O operation has been aborted because of either a thread exit or an application request." },
    { 996, "Overlapped I/O event is not in a signaled state." },
    { 997, "Overlapped I/O operation is in progress." },
    { 998, "Invalid access to memory location." },
    { 1113, "No mapping for the Unicode character exists in the target multi-byte code page." },
    { 1168, "Element not found." },
    { 1450, "Insufficient system resources exist to complete the requested service." },
    { 1460, "This operation returned because the timeout period expired." },
};

/* A growing UTF-16 output. */
struct out {
    WCHAR *buf;
    size_t len, cap;
    bool failed;
};

static void out_put(struct out *o, const WCHAR *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->len + n + 1) * 2;
        WCHAR *grown = o->buf ? HeapReAlloc(GetProcessHeap(), 0, o->buf, cap * sizeof(WCHAR))
                              : HeapAlloc(GetProcessHeap(), 0, cap * sizeof(WCHAR));
        if (!grown) {
            o->failed = true;
            return;
        }
        o->buf = grown;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n * sizeof(WCHAR));
    o->len += n;
    o->buf[o->len] = 0;
}

static void out_char(struct out *o, WCHAR c)
{
    out_put(o, &c, 1);
}

/* ---- where the text comes from ---- */

/* The message of id in a module's RT_MESSAGETABLE resource (name 1, the first language), as a
 * fresh UTF-16 string; NULL if absent. The image is mapped: offsets are checked against its size. */
static WCHAR *module_message(HMODULE module, DWORD id)
{
    const BYTE *base = (const BYTE *)module;
    const IMAGE_NT_HEADERS *nt;
    const IMAGE_DATA_DIRECTORY *dir;
    DWORD size, rva, level_id[2] = { RT_MESSAGETABLE_ID, 1 };
    const IMAGE_RESOURCE_DIRECTORY *rd;
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *e;
    const IMAGE_RESOURCE_DATA_ENTRY *data = NULL;

    if (((const IMAGE_DOS_HEADER *)base)->e_magic != IMAGE_DOS_SIGNATURE)
        return NULL;
    nt = (const IMAGE_NT_HEADERS *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    size = nt->OptionalHeader.SizeOfImage;
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_RESOURCE)
        return NULL;
    dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_RESOURCE];
    if (!dir->VirtualAddress || dir->VirtualAddress >= size)
        return NULL;
    const BYTE *root = base + dir->VirtualAddress;
    rd = (const IMAGE_RESOURCE_DIRECTORY *)root;
    /* type 11 -> name 1 -> first language */
    for (int level = 0; level < 3; level++) {
        DWORD n = rd->NumberOfNamedEntries + rd->NumberOfIdEntries, off = 0;
        e = (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(rd + 1);
        for (DWORD i = 0; i < n; i++, e++)
            if (level == 2 || (!e->NameIsString && e->Id == level_id[level])) {
                off = e->OffsetToData;
                break;
            }
        if (!off)
            return NULL;
        if ((off & 0x7fffffff) >= size - dir->VirtualAddress)
            return NULL;
        if (level < 2) {
            if (!(off & 0x80000000))
                return NULL;
            rd = (const IMAGE_RESOURCE_DIRECTORY *)(root + (off & 0x7fffffff));
        } else {
            if (off & 0x80000000)
                return NULL;
            data = (const IMAGE_RESOURCE_DATA_ENTRY *)(root + off);
        }
    }
    rva = data->OffsetToData;
    if (rva >= size || data->Size > size - rva || data->Size < sizeof(DWORD))
        return NULL;
    const BYTE *table = base + rva, *end = table + data->Size;
    DWORD blocks = *(const DWORD *)table;
    if (blocks > (data->Size - sizeof(DWORD)) / 12)
        return NULL;
    for (DWORD b = 0; b < blocks; b++) {
        const DWORD *blk = (const DWORD *)(table + 4 + b * 12);  /* LowId, HighId, OffsetToEntries */
        if (id < blk[0] || id > blk[1])
            continue;
        const BYTE *entry = table + blk[2];
        for (DWORD i = blk[0]; i < id; i++) {
            if (entry + 4 > end || *(const WORD *)entry < 4)
                return NULL;
            entry += *(const WORD *)entry;
        }
        if (entry + 4 > end)
            return NULL;
        WORD len = *(const WORD *)entry, flags = *(const WORD *)(entry + 2);
        if (len < 4 || entry + len > end)
            return NULL;
        const BYTE *text = entry + 4;
        size_t bytes = len - 4;
        WCHAR *w;
        if (flags & 1) {    /* MESSAGE_RESOURCE_UNICODE */
            size_t n = bytes / 2;
            if (!(w = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(WCHAR))))
                return NULL;
            memcpy(w, text, n * sizeof(WCHAR));
            w[n] = 0;
        } else {
            int n = MultiByteToWideChar(CP_ACP, 0, (const char *)text, (int)bytes, NULL, 0);
            if (!(w = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(WCHAR))))
                return NULL;
            MultiByteToWideChar(CP_ACP, 0, (const char *)text, (int)bytes, w, n);
            w[n] = 0;
        }
        return w;
    }
    return NULL;
}

/* The system's text for id, with the "\r\n" every system message ends with. */
static WCHAR *system_message(DWORD id)
{
    for (size_t i = 0; i < ARRAYSIZE(system_messages); i++) {
        if (system_messages[i].id != id)
            continue;
        const char *t = system_messages[i].text;
        size_t n = strlen(t);
        WCHAR *w = HeapAlloc(GetProcessHeap(), 0, (n + 3) * sizeof(WCHAR));
        if (!w)
            return NULL;
        for (size_t k = 0; k < n; k++)
            w[k] = (unsigned char)t[k];
        w[n] = '\r';
        w[n + 1] = '\n';
        w[n + 2] = 0;
        return w;
    }
    return NULL;
}

/* ---- formatting ---- */

struct args {
    const DWORD_PTR *slots;     /* ARGUMENT_ARRAY, or the va_list's 8-byte slots (x64) */
    bool ansi;                  /* FormatMessageA: %s inserts are char strings */
};

/* One insert: %n!fmt! (fmt defaults to s) with the printf engine; '*' takes the next slots. */
static void put_insert(struct out *o, const struct args *a, unsigned n, const WCHAR *fmt, size_t fmt_len)
{
    WCHAR spec[32], buf[512], *text = buf;
    DWORD_PTR v[3];
    unsigned used = 0, slot = n - 1;
    int len;

    if (fmt_len + 2 > ARRAYSIZE(spec))
        return;
    spec[0] = '%';
    memcpy(spec + 1, fmt, fmt_len * sizeof(WCHAR));
    spec[fmt_len + 1] = 0;
    for (size_t i = 0; i < fmt_len && used < 2; i++)
        if (fmt[i] == '*')
            v[used++] = a->slots[slot++];
    v[used] = a->slots[slot];
    /* In FormatMessageA a plain %s insert is a narrow string; the wide engine spells that %hs. */
    if (a->ansi && fmt_len && (fmt[fmt_len - 1] == 's' || fmt[fmt_len - 1] == 'c') &&
        (fmt_len < 2 || (fmt[fmt_len - 2] != 'h' && fmt[fmt_len - 2] != 'l' && fmt[fmt_len - 2] != 'w'))) {
        spec[fmt_len + 1] = spec[fmt_len];
        spec[fmt_len] = 'h';
        spec[fmt_len + 2] = 0;
    }
    len = fmt_snprintf_w(buf, ARRAYSIZE(buf), FMT_BUFFER_STANDARD, 0, spec, v[0], v[1], v[2]);
    if (len < 0)
        return;
    if ((size_t)len >= ARRAYSIZE(buf)) {
        if (!(text = HeapAlloc(GetProcessHeap(), 0, (len + 1) * sizeof(WCHAR)))) {
            o->failed = true;
            return;
        }
        fmt_snprintf_w(text, len + 1, FMT_BUFFER_STANDARD, 0, spec, v[0], v[1], v[2]);
    }
    out_put(o, text, len);
    if (text != buf)
        HeapFree(GetProcessHeap(), 0, text);
}

/* Expands template into o. Returns FALSE with the last error set on a bad insert. */
static BOOL format(struct out *o, const WCHAR *t, DWORD flags, const struct args *a)
{
    DWORD width = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK;

    while (*t) {
        if (*t == '\r' || *t == '\n') {
            /* A line break of the text itself: kept without a width, a space with one. */
            if (t[0] == '\r' && t[1] == '\n')
                t++;
            t++;
            if (width)
                out_char(o, ' ');
            else
                out_put(o, L"\r\n", 2);
            continue;
        }
        if (*t != '%') {
            out_char(o, *t++);
            continue;
        }
        t++;
        if (*t >= '1' && *t <= '9') {
            const WCHAR *start = t - 1;
            unsigned n = *t++ - '0';
            if (*t >= '0' && *t <= '9')
                n = n * 10 + (*t++ - '0');
            const WCHAR *fmt = L"s";
            size_t fmt_len = 1;
            if (*t == '!') {
                const WCHAR *end = t + 1;
                while (*end && *end != '!')
                    end++;
                if (!*end) {
                    SetLastError(ERROR_INVALID_PARAMETER);
                    return FALSE;
                }
                fmt = t + 1;
                fmt_len = end - fmt;
                t = end + 1;
            }
            if (flags & FORMAT_MESSAGE_IGNORE_INSERTS) {
                out_put(o, start, t - start);
            } else if (!a->slots) {
                SetLastError(ERROR_INVALID_PARAMETER);
                return FALSE;
            } else {
                put_insert(o, a, n, fmt, fmt_len);
            }
            continue;
        }
        switch (*t) {
        case 0:     /* a lone % at the end */
            break;
        case '0':   /* end of the message, no line break */
            return TRUE;
        case 'n':
            out_put(o, L"\r\n", 2);
            t++;
            break;
        case 'r':
            out_char(o, '\r');
            t++;
            break;
        case 't':
            out_char(o, '\t');
            t++;
            break;
        default:    /* %% %. %! %space and any other char: the char itself */
            out_char(o, *t++);
            break;
        }
    }
    return TRUE;
}

/* Wraps lines longer than width at the last space (a word longer than width stays whole). */
static void wrap(struct out *o, DWORD width)
{
    size_t line_start = 0, last_space = (size_t)-1;

    if (!width || width == FORMAT_MESSAGE_MAX_WIDTH_MASK || o->failed)
        return;
    for (size_t i = 0; i < o->len; i++) {
        if (o->buf[i] == '\n') {
            line_start = i + 1;
            last_space = (size_t)-1;
            continue;
        }
        if (o->buf[i] == ' ')
            last_space = i;
        if (i - line_start >= width && last_space != (size_t)-1) {
            /* replace the space by \r\n */
            out_char(o, 0);     /* room for one more char */
            if (o->failed)
                return;
            o->len--;
            memmove(o->buf + last_space + 2, o->buf + last_space + 1,
                    (o->len - last_space - 1 + 1) * sizeof(WCHAR));
            o->buf[last_space] = '\r';
            o->buf[last_space + 1] = '\n';
            o->len++;
            line_start = last_space + 2;
            i = last_space + 1;
            last_space = (size_t)-1;
        }
    }
}

/* Finds the template (a fresh copy) for the flags, or fails with the Windows error. */
static WCHAR *find_template(DWORD flags, const void *source, DWORD id, bool ansi)
{
    WCHAR *t = NULL;

    if (flags & FORMAT_MESSAGE_FROM_STRING) {
        if (!source) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
        if (ansi) {
            t = kb_strdup_AtoW(source);
        } else {
            size_t n = 0;
            while (((const WCHAR *)source)[n])
                n++;
            if ((t = HeapAlloc(GetProcessHeap(), 0, (n + 1) * sizeof(WCHAR))))
                memcpy(t, source, (n + 1) * sizeof(WCHAR));
        }
        if (!t)
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return t;
    }
    if (flags & FORMAT_MESSAGE_FROM_HMODULE)
        t = module_message(source ? kb_module_base((HMODULE)source) : GetModuleHandleW(NULL), id);
    if (!t && (flags & FORMAT_MESSAGE_FROM_SYSTEM))
        t = system_message(id);
    if (!t) {
        TRACE("no text for message %#lx\n", (unsigned long)id);
        SetLastError(ERROR_MR_MID_NOT_FOUND);
    }
    return t;
}

/* The common part of the W and A forms: the expanded message in *result (heap, UTF-16). */
static BOOL format_message(DWORD flags, const void *source, DWORD id, void *args, bool ansi,
                           struct out *result)
{
    struct args a = { NULL, ansi };
    WCHAR *t;
    BOOL ok;

    if (!(flags & (FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_FROM_SYSTEM))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (args)
        a.slots = (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) ? (const DWORD_PTR *)args
                                                         : (const DWORD_PTR *)*(va_list *)args;
    if (!(t = find_template(flags, source, id, ansi)))
        return FALSE;
    memset(result, 0, sizeof(*result));
    out_put(result, L"", 0);
    ok = format(result, t, flags, &a);
    HeapFree(GetProcessHeap(), 0, t);
    if (ok)
        wrap(result, flags & FORMAT_MESSAGE_MAX_WIDTH_MASK);
    if (ok && result->failed) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        ok = FALSE;
    }
    if (!ok)
        HeapFree(GetProcessHeap(), 0, result->buf);
    return ok;
}

/***********************************************************************
 *           FormatMessageW   (kernelbase.@)
 */
DWORD WINAPI FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPWSTR buffer,
                            DWORD size, va_list *args)
{
    struct out o;

    TRACE("%#lx %p %#lx %#lx %p %lu\n", (unsigned long)flags, source, (unsigned long)id,
          (unsigned long)lang, buffer, (unsigned long)size);
    if (!buffer) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!format_message(flags, source, id, args, false, &o))
        return 0;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        size_t n = o.len + 1 > size ? o.len + 1 : size;
        WCHAR *mem = LocalAlloc(LMEM_FIXED, n * sizeof(WCHAR));
        if (!mem) {
            HeapFree(GetProcessHeap(), 0, o.buf);
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return 0;
        }
        memcpy(mem, o.buf, (o.len + 1) * sizeof(WCHAR));
        *(WCHAR **)buffer = mem;
    } else if (o.len + 1 > size) {
        HeapFree(GetProcessHeap(), 0, o.buf);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    } else {
        memcpy(buffer, o.buf, (o.len + 1) * sizeof(WCHAR));
    }
    HeapFree(GetProcessHeap(), 0, o.buf);
    return o.len;
}

/***********************************************************************
 *           FormatMessageA   (kernelbase.@)
 *
 * The template (a string, or a message table's text) and %s inserts are in the ANSI code page;
 * sizes count bytes.
 */
DWORD WINAPI FormatMessageA(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPSTR buffer,
                            DWORD size, va_list *args)
{
    struct out o;
    int n;

    TRACE("%#lx %p %#lx %#lx %p %lu\n", (unsigned long)flags, source, (unsigned long)id,
          (unsigned long)lang, buffer, (unsigned long)size);
    if (!buffer) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!format_message(flags, source, id, args, true, &o))
        return 0;
    n = WideCharToMultiByte(CP_ACP, 0, o.buf, (int)o.len + 1, NULL, 0, NULL, NULL);
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        char *mem = LocalAlloc(LMEM_FIXED, (DWORD)n > size ? (DWORD)n : size);
        if (!mem) {
            HeapFree(GetProcessHeap(), 0, o.buf);
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return 0;
        }
        WideCharToMultiByte(CP_ACP, 0, o.buf, (int)o.len + 1, mem, n, NULL, NULL);
        *(char **)buffer = mem;
    } else if ((DWORD)n > size) {
        HeapFree(GetProcessHeap(), 0, o.buf);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    } else {
        WideCharToMultiByte(CP_ACP, 0, o.buf, (int)o.len + 1, buffer, n, NULL, NULL);
    }
    HeapFree(GetProcessHeap(), 0, o.buf);
    return n - 1;
}
