/* wsprintf.c: user32's own small printf (wsprintfA/W, wvsprintfA/W): no floating point, no '*',
 * no '+' or ' ' flags, output capped at WSPRINTF_MAX characters. */
#include <stdarg.h>
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(user);

/* The documentation says "the maximum size of the buffer is 1,024 bytes"; Windows stores at most
 * 1024 characters (of either width) and then the terminator, so the caller's buffer must hold
 * 1025 characters for the longest output (docs/win32dlls.md). */
#define WSPRINTF_MAX 1024

/* Where output goes: a narrow or a wide buffer. */
struct ws_out {
    void *buf;
    BOOL wide;
    int len;
};

static BOOL put(struct ws_out *out, WCHAR ch)
{
    if (out->len >= WSPRINTF_MAX)
        return FALSE;
    if (out->wide)
        ((WCHAR *)out->buf)[out->len++] = ch;
    else
        ((char *)out->buf)[out->len++] = (char)ch;
    return TRUE;
}

static void put_repeat(struct ws_out *out, WCHAR ch, int count)
{
    while (count-- > 0 && put(out, ch))
        ;
}

/* One parsed format field. */
struct ws_spec {
    BOOL left, alt, zero;
    int width, precision;   /* precision -1: none given */
    enum { SZ_DEFAULT, SZ_SHORT, SZ_LONG, SZ_64 } size;
    WCHAR type;
};

/* A string argument, in the output's width: n units from a narrow or wide source. */
static void put_string(struct ws_out *out, const struct ws_spec *spec, const void *str, BOOL wide_src)
{
    int n = 0, max = spec->precision >= 0 ? spec->precision : WSPRINTF_MAX;
    if (!str) {
        str = "(null)";
        wide_src = FALSE;
    }
    /* Count source units up to the precision (a DBCS pair counts as two units, like Windows). */
    if (wide_src)
        while (n < max && ((const WCHAR *)str)[n]) n++;
    else
        while (n < max && ((const char *)str)[n]) n++;
    if (!spec->left)
        put_repeat(out, spec->zero ? '0' : ' ', spec->width - n);
    if (wide_src == out->wide) {
        for (int i = 0; i < n; i++)
            put(out, wide_src ? ((const WCHAR *)str)[i] : (BYTE)((const char *)str)[i]);
    } else if (wide_src) {
        char tmp[WSPRINTF_MAX * 2];
        int got = WideCharToMultiByte(CP_ACP, 0, str, n, tmp, sizeof(tmp), NULL, NULL);
        for (int i = 0; i < got; i++)
            put(out, (BYTE)tmp[i]);
    } else {
        WCHAR tmp[WSPRINTF_MAX];
        int got = MultiByteToWideChar(CP_ACP, 0, str, n, tmp, WSPRINTF_MAX);
        for (int i = 0; i < got; i++)
            put(out, tmp[i]);
    }
    if (spec->left)
        put_repeat(out, ' ', spec->width - n);
}

static void put_number(struct ws_out *out, const struct ws_spec *spec, ULONGLONG value, BOOL negative)
{
    const char *digits = spec->type == 'X' || spec->type == 'p' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned base = (spec->type == 'x' || spec->type == 'X' || spec->type == 'p') ? 16 : 10;
    char tmp[24];
    int n = 0, prec = spec->precision > 0 ? spec->precision : 1, extra;
    const char *prefix = "";
    do {
        tmp[n++] = digits[value % base];
        value /= base;
    } while (value);
    if (negative)
        prefix = "-";
    else if (spec->alt && base == 16)
        prefix = spec->type == 'X' ? "0X" : "0x";
    if (prec > WSPRINTF_MAX)
        prec = WSPRINTF_MAX;
    extra = (prec > n ? prec - n : 0) + lstrlenA(prefix);
    if (!spec->left && !spec->zero)
        put_repeat(out, ' ', spec->width - n - extra);
    for (const char *p = prefix; *p; p++)
        put(out, *p);
    if (!spec->left && spec->zero)
        put_repeat(out, '0', spec->width - n - extra);
    put_repeat(out, '0', prec - n);
    for (int i = n; i; )
        put(out, tmp[--i]);
    if (spec->left)
        put_repeat(out, ' ', spec->width - n - extra);
}

/* Reads "[-#0...][width][.prec][h|l|I64]type" after the '%'; returns units consumed, 0 when the
 * field is not complete (the caller copies the character as is). */
static int parse_spec(const void *fmt, BOOL wide, int pos, struct ws_spec *spec)
{
#define AT(i) (wide ? ((const WCHAR *)fmt)[i] : (WCHAR)(BYTE)((const char *)fmt)[i])
    int i = pos;
    memset(spec, 0, sizeof(*spec));
    spec->precision = -1;
    for (;; i++) {
        if (AT(i) == '-') spec->left = TRUE;
        else if (AT(i) == '#') spec->alt = TRUE;
        else if (AT(i) == '0') spec->zero = TRUE;
        else break;
    }
    for (; AT(i) >= '0' && AT(i) <= '9'; i++)
        if (spec->width < WSPRINTF_MAX)
            spec->width = spec->width * 10 + (AT(i) - '0');
    if (AT(i) == '.') {
        spec->precision = 0;
        for (i++; AT(i) >= '0' && AT(i) <= '9'; i++)
            if (spec->precision < WSPRINTF_MAX)
                spec->precision = spec->precision * 10 + (AT(i) - '0');
    }
    if (AT(i) == 'h') { spec->size = SZ_SHORT; i++; }
    else if (AT(i) == 'l') { spec->size = SZ_LONG; i++; }
    else if (AT(i) == 'I' && AT(i + 1) == '6' && AT(i + 2) == '4') { spec->size = SZ_64; i += 3; }
    spec->type = AT(i);
    return spec->type ? i + 1 - pos : 0;
#undef AT
}

/* Formats one field; FALSE if the type has no meaning (the caller then copies it literally). */
static BOOL format_field(struct ws_out *out, struct ws_spec *spec, va_list *args)
{
    /* In wsprintfA %c/%s are narrow and %C/%S wide; in wsprintfW the reverse; h and l force. */
    BOOL upper = spec->type == 'C' || spec->type == 'S';
    BOOL wide_arg = spec->size == SZ_LONG || (spec->size != SZ_SHORT && (out->wide != upper));
    ULONGLONG u;
    switch (spec->type) {
    case 'c': case 'C': {
        WCHAR ch = (WCHAR)va_arg(*args, int);
        if (wide_arg) {
            put_string(out, &(struct ws_spec){ .left = spec->left, .zero = spec->zero,
                       .width = spec->width, .precision = 1 }, &ch, TRUE);
        } else {
            char c = (char)ch;
            put_string(out, &(struct ws_spec){ .left = spec->left, .zero = spec->zero,
                       .width = spec->width, .precision = 1 }, &c, FALSE);
        }
        return TRUE;
    }
    case 's': case 'S':
        put_string(out, spec, va_arg(*args, const void *), wide_arg);
        return TRUE;
    case 'd': case 'i': {
        LONGLONG v = spec->size == SZ_64 ? va_arg(*args, LONGLONG) : va_arg(*args, int);
        if (spec->size == SZ_SHORT)
            v = (short)v;
        put_number(out, spec, v < 0 ? 0 - (ULONGLONG)v : (ULONGLONG)v, v < 0);
        return TRUE;
    }
    case 'u': case 'x': case 'X':
        u = spec->size == SZ_64 ? va_arg(*args, ULONGLONG) : va_arg(*args, unsigned int);
        if (spec->size == SZ_SHORT)
            u = (unsigned short)u;
        put_number(out, spec, u, FALSE);
        return TRUE;
    case 'p':
        /* A pointer: uppercase hex, zero-padded to its full size. */
        u = (ULONG_PTR)va_arg(*args, void *);
        spec->precision = 2 * sizeof(void *);
        spec->alt = FALSE;
        put_number(out, spec, u, FALSE);
        return TRUE;
    default:
        return FALSE;
    }
}

static int format(struct ws_out *out, const void *fmt, va_list args)
{
#define AT(i) (out->wide ? ((const WCHAR *)fmt)[i] : (WCHAR)(BYTE)((const char *)fmt)[i])
    va_list ap;
    int i = 0;
    va_copy(ap, args);
    while (AT(i) && out->len < WSPRINTF_MAX) {
        struct ws_spec spec;
        int used;
        if (AT(i) != '%') {
            put(out, AT(i++));
            continue;
        }
        used = parse_spec(fmt, out->wide, i + 1, &spec);
        if (!used) {            /* a lone '%' at the end: nothing more to print */
            i++;
            continue;
        }
        if (!format_field(out, &spec, &ap))
            put(out, spec.type);    /* "%%" gives "%": a type without meaning is printed as is */
        i += 1 + used;
    }
    va_end(ap);
    if (out->wide)
        ((WCHAR *)out->buf)[out->len] = 0;
    else
        ((char *)out->buf)[out->len] = 0;
    return out->len;
#undef AT
}

/***********************************************************************
 *           wvsprintfW   (user32.@)
 */
INT WINAPI wvsprintfW(LPWSTR buf, LPCWSTR fmt, va_list args)
{
    struct ws_out out = { buf, TRUE, 0 };
    if (!buf || !fmt) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return -1;
    }
    return format(&out, fmt, args);
}

INT WINAPI wvsprintfA(LPSTR buf, LPCSTR fmt, va_list args)
{
    struct ws_out out = { buf, FALSE, 0 };
    if (!buf || !fmt) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return -1;
    }
    return format(&out, fmt, args);
}

INT WINAPIV wsprintfW(LPWSTR buf, LPCWSTR fmt, ...)
{
    va_list args;
    INT ret;
    va_start(args, fmt);
    ret = wvsprintfW(buf, fmt, args);
    va_end(args);
    return ret;
}

INT WINAPIV wsprintfA(LPSTR buf, LPCSTR fmt, ...)
{
    va_list args;
    INT ret;
    va_start(args, fmt);
    ret = wvsprintfA(buf, fmt, args);
    va_end(args);
    return ret;
}
