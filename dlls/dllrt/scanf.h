/* scanf.h: the scanf input engine shared by the CRT DLLs (msvcrt.dll semantics). */
#ifndef VINHO_DLLRT_SCANF_H
#define VINHO_DLLRT_SCANF_H

/* Freestanding: builds with -nostdlib; no allocation, no global mutable state. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Where the input comes from. get() returns the next char (0..255) or -1 at the end of the input;
 * unget() gives back the char get() returned last (the engine ungets at most one char between two
 * gets, and never -1). */
struct scan_source {
    int (*get)(struct scan_source *src);
    void (*unget)(struct scan_source *src, int c);
    void *ctx;
};

/* Hooks; hooks (or a member) may be NULL. */
struct scan_hooks {
    /* Converts the text of a float (NUL-terminated, msvcrt's syntax: sign, digits, '.', digits,
     * exponent e/E/d/D with optional sign and digits; possibly ending in an incomplete exponent
     * such as "1e+", whose valid prefix counts). Without it, float conversions are matching
     * failures. */
    double (*to_double)(const char *text, void *ctx);
    void *ctx;
    unsigned flags;     /* SCAN_* */
};

/* The secure forms (scanf_s & co.): %c, %s and %[ take a buffer size (unsigned, in chars)
 * after the pointer; a field that does not fit stores an empty string and stops the scan. */
#define SCAN_SECURE 0x1
/* The wide functions with ISO C meanings (the UCRT without _CRT_INTERNAL_SCANF_LEGACY_WIDE_
 * SPECIFIERS): %c, %s, %[ are narrow as in the narrow functions; by default (Microsoft's
 * legacy meaning) they are wide there. */
#define SCAN_ISO_WIDE 0x2

/* Reads src as format says and stores through the pointers in args. Returns the number of fields
 * assigned, or -1 when the input ended before the first conversion completed. */
int scan_vformat_a(struct scan_source *src, const char *format, va_list args,
                   const struct scan_hooks *hooks);
/* The same for a UTF-16 format and input: get() returns UTF-16 units (0..0xffff). Numbers take
 * ASCII digits only; a char above 255 stored into a narrow field (%hs, %S) stops the scan. */
int scan_vformat_w(struct scan_source *src, const uint16_t *format, va_list args,
                   const struct scan_hooks *hooks);

#endif /* VINHO_DLLRT_SCANF_H */
