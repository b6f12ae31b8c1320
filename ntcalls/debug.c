/* debug.c: the ELF side of the trace facility: VINHO_DEBUG parsing, line output, string dumps. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "vinho/gate.h"
#include "vinho/debug.h"

unsigned char vinho_debug_channels[DBCH_COUNT];
static const char *const channel_names[DBCH_COUNT] = {
#define DEBUG_CHANNEL(name) [DBCH_##name] = #name,
#include "vinho/debug_channels.def"
#undef DEBUG_CHANNEL
};
static const char *const level_names[] = { "err", "warn", "fixme", "trace" };

static int level_bits(const char *name, size_t len)
{
    for (int i = 0; i < 4; i++)
        if (strlen(level_names[i]) == len && !strncmp(name, level_names[i], len))
            return 1 << i;
    return 0;
}

/* One item: [level](+|-)channel, or a bare channel meaning +channel. "all" sets every channel. */
static void parse_item(const char *item, size_t len)
{
    int bits = DBL_ERR | DBL_WARN | DBL_FIXME | DBL_TRACE, on = 1;
    size_t i = 0;
    while (i < len && item[i] != '+' && item[i] != '-')
        i++;
    if (i < len && i > 0) {
        bits = level_bits(item, i);
        if (!bits) {
            fprintf(stderr, "vinho: VINHO_DEBUG: unknown level '%.*s'\n", (int)i, item);
            return;
        }
    }
    if (i < len) {
        on = item[i] == '+';
        item += i + 1;
        len -= i + 1;
    }
    for (int ch = 0; ch < DBCH_COUNT; ch++) {
        if (strlen(channel_names[ch]) != len || strncmp(channel_names[ch], item, len))
            continue;
        for (int c = 0; c < DBCH_COUNT; c++) {
            if (ch != DBCH_all && c != ch)
                continue;
            if (on)
                vinho_debug_channels[c] |= bits;
            else
                vinho_debug_channels[c] &= ~bits;
        }
        return;
    }
    fprintf(stderr, "vinho: VINHO_DEBUG: unknown channel '%.*s'\n", (int)len, item);
}

void vinho_debug_parse(const char *spec)
{
    memset(vinho_debug_channels, DBL_DEFAULT, sizeof(vinho_debug_channels));
    if (!spec)
        return;
    while (*spec) {
        size_t len = strcspn(spec, ",");
        if (len)
            parse_item(spec, len);
        spec += len;
        if (*spec == ',')
            spec++;
    }
}

void __vinho_dbg_log(int channel, int level, const char *func, const char *fmt, ...)
{
    char line[1024];
    int lvl = level == DBL_ERR ? 0 : level == DBL_WARN ? 1 : level == DBL_FIXME ? 2 : 3;
    int n = snprintf(line, sizeof(line), "%04lx:%s:%s:%s ", (long)syscall(SYS_gettid),
                     level_names[lvl], channel_names[channel], func);
    va_list args;
    va_start(args, fmt);
    if (n >= 0 && (size_t)n < sizeof(line))
        vsnprintf(line + n, sizeof(line) - n, fmt, args);
    va_end(args);
    n = strlen(line);
    if (n && line[n - 1] != '\n' && (size_t)n < sizeof(line) - 1)
        line[n++] = '\n';
    (void)!write(2, line, n);
}

/* A ring of buffers so that several dumps can appear in one trace line. */
static char *dbgstr_buffer(void)
{
    static __thread char ring[8][200];
    static __thread unsigned next;
    return ring[next++ % 8];
}

const char *__vinho_dbgstr_a(const char *str, int count)
{
    char *buf = dbgstr_buffer(), *p = buf;
    if (!str)
        return "(null)";
    *p++ = '"';
    for (int i = 0; (count < 0 ? str[i] != 0 : i < count) && p < buf + 190; i++) {
        unsigned char c = str[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            *p++ = c;
        else
            p += sprintf(p, "\\x%02x", c);
    }
    *p++ = '"';
    *p = 0;
    return buf;
}

const char *__vinho_dbgstr_w(const unsigned short *str, int count)
{
    char *buf = dbgstr_buffer(), *p = buf;
    if (!str)
        return "(null)";
    *p++ = 'L';
    *p++ = '"';
    for (int i = 0; (count < 0 ? str[i] != 0 : i < count) && p < buf + 188; i++) {
        unsigned c = str[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            *p++ = c;
        else
            p += sprintf(p, "\\x%04x", c);
    }
    *p++ = '"';
    *p = 0;
    return buf;
}

/* Gate calls: the PE side's trace output and flags. */
NTSTATUS WINAPI __vinho_debug_write(const char *text, ULONG length)
{
    (void)!write(2, text, length);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_debug_flags(const void **flags)
{
    *flags = vinho_debug_channels;
    return STATUS_SUCCESS;
}
