/* debug.h: trace channels (VINHO_DEBUG=+relay,warn-heap,...), shared by the ELF and PE sides.
 *
 * In a file: DEFAULT_DEBUG_CHANNEL(file); then ERR/WARN/FIXME/TRACE("fmt", ...). The flag is
 * tested before any argument is evaluated or formatted, so a disabled trace costs one load and
 * one branch. Lines go to stderr as "tid:level:channel:function message". */
#ifndef VINHO_DEBUG_H
#define VINHO_DEBUG_H

enum debug_channel {
#define DEBUG_CHANNEL(name) DBCH_##name,
#include "vinho/debug_channels.def"
#undef DEBUG_CHANNEL
    DBCH_COUNT
};

/* Bits of one channel's flag byte. */
enum debug_level { DBL_ERR = 1, DBL_WARN = 2, DBL_FIXME = 4, DBL_TRACE = 8 };
#define DBL_DEFAULT DBL_ERR

#ifdef _WIN32
/* PE side: ntdll exports the flag bytes (filled by the loader) and the formatter. */
# ifdef VINHO_NTDLL_BUILD
extern unsigned char __vinho_debug_channels[DBCH_COUNT];
# else
extern __declspec(dllimport) unsigned char __vinho_debug_channels[DBCH_COUNT];
# endif
# define vinho_debug_channels __vinho_debug_channels
# define VINHO_DBG_DECL __declspec(dllimport)
#else
extern unsigned char vinho_debug_channels[DBCH_COUNT];
# define VINHO_DBG_DECL
#endif

#if defined(_WIN32) && defined(VINHO_NTDLL_BUILD)
# undef VINHO_DBG_DECL
# define VINHO_DBG_DECL
#endif

VINHO_DBG_DECL void __vinho_dbg_log(int channel, int level, const char *func, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
VINHO_DBG_DECL const char *__vinho_dbgstr_w(const unsigned short *str, int count);
VINHO_DBG_DECL const char *__vinho_dbgstr_a(const char *str, int count);

#define vinho_dbg_on(ch, lvl) \
    (__builtin_expect((vinho_debug_channels[ch] & (lvl)) != 0, 0))
#define VINHO_DBG(lvl, ...) do { \
        if (vinho_dbg_on(__vinho_dbch, lvl)) \
            __vinho_dbg_log(__vinho_dbch, lvl, __func__, __VA_ARGS__); \
    } while (0)

#define DEFAULT_DEBUG_CHANNEL(ch) static const int __vinho_dbch __attribute__((unused)) = DBCH_##ch
#define ERR(...)   VINHO_DBG(DBL_ERR, __VA_ARGS__)
#define WARN(...)  VINHO_DBG(DBL_WARN, __VA_ARGS__)
#define FIXME(...) VINHO_DBG(DBL_FIXME, __VA_ARGS__)
#define TRACE(...) VINHO_DBG(DBL_TRACE, __VA_ARGS__)
#define TRACE_ON(ch) vinho_dbg_on(DBCH_##ch, DBL_TRACE)
/* A partial implementation says so once per process. */
#define FIXME_ONCE(...) do { static int done_; if (!done_) { done_ = 1; FIXME(__VA_ARGS__); } } while (0)

/* Safe, truncated, quoted dumps of possibly bad strings; count < 0 means NUL-terminated. */
#define debugstr_w(s) __vinho_dbgstr_w((const unsigned short *)(s), -1)
#define debugstr_wn(s, n) __vinho_dbgstr_w((const unsigned short *)(s), (n))
#define debugstr_a(s) __vinho_dbgstr_a((s), -1)
#define debugstr_an(s, n) __vinho_dbgstr_a((s), (n))

#ifndef _WIN32
/* ELF side: parse a VINHO_DEBUG value into the flag bytes; unknown names are reported. */
void vinho_debug_parse(const char *spec);
#endif

#endif
