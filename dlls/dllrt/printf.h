/* printf.h: the printf formatting engine shared by msvcrt, ucrtbase and ntdll (Windows CRT semantics). */
#ifndef VINHO_DLLRT_PRINTF_H
#define VINHO_DLLRT_PRINTF_H

/* Freestanding: builds with -nostdlib for the PE DLLs and natively for the unit test.
 * No allocation, no global mutable state. See docs/printf.md for the semantics. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A Windows WCHAR (UTF-16 code unit). Never wchar_t, which is 32-bit on Linux. */
typedef uint16_t fmt_wchar;

/* Why a call returned -1 (or, for the buffer helpers, -2). */
enum fmt_error {
    FMT_OK = 0,
    FMT_EINVAL,     /* malformed format (FMT_VALIDATE), NULL format, disabled %n, bad size prefix */
    FMT_EILSEQ,     /* a string char could not be converted between narrow and wide */
    FMT_ESINK,      /* the sink's write() returned false */
    FMT_ETRUNC,     /* buffer helpers: the output did not fit */
    FMT_EOVERFLOW,  /* more than INT_MAX chars */
};

/* The caller's output. count is in chars of the output width (bytes for the narrow functions,
 * fmt_wchar units for the wide ones). Returning false stops formatting with FMT_ESINK. */
struct fmt_sink {
    bool (*write)(struct fmt_sink *sink, const void *data, size_t count);
    void *ctx;
    enum fmt_error error;   /* set by the engine on return */
};

#define FMT_MB_LEN_MAX 5

/* Locale hooks; pass NULL (or leave a member NULL) for the defaults: chars below 256 convert as
 * Latin-1, anything else fails, and the decimal point is '.'. */
struct fmt_hooks {
    /* One wide char to the current multibyte code page: writes 1..FMT_MB_LEN_MAX bytes to out and
     * returns their number, or -1 when it has no representation. */
    int (*wc_to_mb)(void *ctx, char *out, fmt_wchar wc);
    /* One multibyte char at in (a lead byte may be followed by its trail byte; a NUL trail byte
     * fails) to one wide char: returns the bytes consumed (>= 1) or -1. */
    int (*mb_to_wc)(void *ctx, fmt_wchar *out, const char *in);
    void *ctx;
    char decimal_point;     /* 0 means '.' (the "C" locale) */
};

/* Runtime and option bits. Without FMT_UCRT the engine behaves as the system msvcrt.dll; the UCRT
 * bits mirror the _CRT_INTERNAL_PRINTF_* options that ucrtbase's __stdio_common_* receive. */
enum fmt_flags {
    FMT_UCRT              = 0x0001, /* ucrtbase.dll semantics instead of msvcrt.dll */
    FMT_LEGACY_WIDE       = 0x0002, /* UCRT: _CRT_INTERNAL_PRINTF_LEGACY_WIDE_SPECIFIERS (%s in wprintf = wide) */
    FMT_LEGACY_MSVCRT     = 0x0004, /* UCRT: _CRT_INTERNAL_PRINTF_LEGACY_MSVCRT_COMPATIBILITY (1.#INF, F/N sizes) */
    FMT_THREE_DIGIT_EXP   = 0x0008, /* UCRT: _CRT_INTERNAL_PRINTF_LEGACY_THREE_DIGIT_EXPONENTS */
    FMT_STANDARD_ROUNDING = 0x0010, /* UCRT: _CRT_INTERNAL_PRINTF_STANDARD_ROUNDING (ties to even) */
    FMT_COUNT_OUTPUT      = 0x0020, /* UCRT: %n enabled (_set_printf_count_output(1)); msvcrt always has it */
    FMT_TWO_DIGIT_EXP     = 0x0040, /* msvcrt: _set_output_format(_TWO_DIGIT_EXPONENT) */
    FMT_VALIDATE          = 0x0080, /* the *_s functions: malformed formats and %n fail with FMT_EINVAL */
    FMT_POSITIONAL        = 0x0100, /* the *_p functions: %1$d, %*2$d (implies FMT_VALIDATE) */
};
#define FMT_FLAGS_ALL 0x01ffu

/* Formats into sink. Narrow format -> narrow output (printf family); wide format -> wide output
 * (wprintf family). Returns the number of chars written, or -1 with sink->error set. Unknown bits
 * in flags fail with FMT_EINVAL. hooks may be NULL. */
int fmt_vformat_a(struct fmt_sink *sink, unsigned flags, const struct fmt_hooks *hooks,
                  const char *format, va_list args);
int fmt_vformat_w(struct fmt_sink *sink, unsigned flags, const struct fmt_hooks *hooks,
                  const fmt_wchar *format, va_list args);

/* How a bounded buffer is finished (count = buffer size in chars). With buf == NULL nothing is
 * stored and every mode returns the full length (the _vscprintf / size-query idiom). */
enum fmt_buffer_mode {
    /* msvcrt _vsnprintf (and UCRT with _CRT_INTERNAL_PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION):
     * a NUL is appended only if it fits; returns -1 if the text did not fit (the first count
     * chars are stored), the length otherwise (== count means "fits, not terminated"). */
    FMT_BUFFER_LEGACY,
    /* C99 vsnprintf (UCRT _CRT_INTERNAL_PRINTF_STANDARD_SNPRINTF_BEHAVIOR): always terminates
     * when count > 0 and returns the full length even when truncated. */
    FMT_BUFFER_STANDARD,
    /* UCRT with neither option (vsprintf_s & co. build on it): terminates at count - 1 and
     * returns -2 when the buffer fills; -1 when count == 0. */
    FMT_BUFFER_UCRT,
};

/* ucrtbase's __stdio_common_* receive a uint64_t of _CRT_INTERNAL_PRINTF_* options (published in
 * corecrt_stdio_config.h: bit 0 LEGACY_VSPRINTF_NULL_TERMINATION, 1 STANDARD_SNPRINTF_BEHAVIOR,
 * 2 LEGACY_WIDE_SPECIFIERS, 3 LEGACY_MSVCRT_COMPATIBILITY, 4 LEGACY_THREE_DIGIT_EXPONENTS,
 * 5 STANDARD_ROUNDING). Stores FMT_UCRT plus the matching FMT_* bits and the buffer mode; returns
 * false (storing nothing) if options has other bits. The caller adds FMT_COUNT_OUTPUT,
 * FMT_VALIDATE (_s) or FMT_POSITIONAL (_p). */
bool fmt_ucrt_options(uint64_t options, unsigned *flags, enum fmt_buffer_mode *mode);

/* Bounded-buffer front ends. error may be NULL. */
int fmt_vsnprintf_a(char *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                    const struct fmt_hooks *hooks, enum fmt_error *error,
                    const char *format, va_list args);
int fmt_vsnprintf_w(fmt_wchar *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                    const struct fmt_hooks *hooks, enum fmt_error *error,
                    const fmt_wchar *format, va_list args);
int fmt_snprintf_a(char *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                   const char *format, ...);
int fmt_snprintf_w(fmt_wchar *buf, size_t count, enum fmt_buffer_mode mode, unsigned flags,
                   const fmt_wchar *format, ...);

#endif /* VINHO_DLLRT_PRINTF_H */
