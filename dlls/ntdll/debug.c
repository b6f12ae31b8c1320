/* debug.c: the PE side of the trace facility: formats a line and hands it to the ELF side. */
#include "vinho/pe_side.h"
#include "printf.h"

static const char *const channel_names[DBCH_COUNT] = {
#define DEBUG_CHANNEL(name) [DBCH_##name] = #name,
#include "vinho/debug_channels.def"
#undef DEBUG_CHANNEL
};

static const char *level_name(int level)
{
    return level == DBL_ERR ? "err" : level == DBL_WARN ? "warn" : level == DBL_FIXME ? "fixme" : "trace";
}

void __vinho_dbg_log(int channel, int level, const char *func, const char *fmt, ...)
{
    char line[1024];
    va_list args;
    int n = fmt_snprintf_a(line, sizeof(line), FMT_BUFFER_STANDARD, 0, "%04lx:%s:%s:%s ",
                           (unsigned long)(ULONG_PTR)vn_teb()->ClientIdThread, level_name(level),
                           channel_names[channel], func);
    if (n < 0 || n >= (int)sizeof(line))
        return;
    va_start(args, fmt);
    int m = fmt_vsnprintf_a(line + n, sizeof(line) - n, FMT_BUFFER_STANDARD, 0, NULL, NULL, fmt, args);
    va_end(args);
    n = m < 0 ? n : n + m < (int)sizeof(line) - 1 ? n + m : (int)sizeof(line) - 2;
    if (n > 0 && line[n - 1] != '\n')
        line[n++] = '\n';
    __vinho_debug_write(line, n);
}

static char *dbgstr_buffer(void)
{
    static char ring[16][200];
    static LONG next;
    return ring[__atomic_fetch_add(&next, 1, __ATOMIC_RELAXED) & 15];
}

static void put_hex(char **p, unsigned value, int digits)
{
    static const char hex[] = "0123456789abcdef";
    *(*p)++ = '\\';
    *(*p)++ = 'x';
    while (digits--)
        *(*p)++ = hex[(value >> (digits * 4)) & 15];
}

const char *__vinho_dbgstr_a(const char *str, int count)
{
    char *buf, *p;
    if (!str)
        return "(null)";
    if ((ULONG_PTR)str < 0x10000)
        return "(invalid)";
    p = buf = dbgstr_buffer();
    *p++ = '"';
    for (int i = 0; (count < 0 ? str[i] != 0 : i < count) && p < buf + 190; i++) {
        unsigned char c = str[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            *p++ = c;
        else
            put_hex(&p, c, 2);
    }
    *p++ = '"';
    *p = 0;
    return buf;
}

const char *__vinho_dbgstr_w(const unsigned short *str, int count)
{
    char *buf, *p;
    if (!str)
        return "(null)";
    if ((ULONG_PTR)str < 0x10000)
        return "(invalid)";
    p = buf = dbgstr_buffer();
    *p++ = 'L';
    *p++ = '"';
    for (int i = 0; (count < 0 ? str[i] != 0 : i < count) && p < buf + 188; i++) {
        unsigned c = str[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            *p++ = c;
        else
            put_hex(&p, c, 4);
    }
    *p++ = '"';
    *p = 0;
    return buf;
}
