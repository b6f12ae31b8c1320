/* printf_impl.h: internals shared by printf.c (parser, integers, strings) and printf_fp.c (floats). */
#ifndef VINHO_DLLRT_PRINTF_IMPL_H
#define VINHO_DLLRT_PRINTF_IMPL_H

#include "printf.h"

#define FMT_STAGE 256   /* output chars staged before a sink call */
#define FMT_ARGMAX 100  /* positional parameters, as the UCRT's _ARGMAX */

/* Flag characters of one conversion specification. */
enum {
    SP_LEFT = 0x01, SP_PLUS = 0x02, SP_SPACE = 0x04, SP_ALT = 0x08, SP_ZERO = 0x10,
};

/* Size prefixes. */
enum fmt_size {
    SZ_NONE, SZ_HH, SZ_H, SZ_L, SZ_LL, SZ_J, SZ_Z, SZ_T, SZ_LD /* L */, SZ_I, SZ_I32, SZ_I64,
    SZ_W, SZ_NATURAL /* UCRT 'T' */,
};

struct fmt_spec {
    unsigned fl;        /* SP_* */
    int width;          /* >= 0 */
    int prec;           /* -1: default */
    enum fmt_size size;
    uint32_t conv;      /* the conversion char */
    int argpos;         /* positional index of the value, -1 when sequential */
    bool bare;          /* nothing between '%' and conv (so "%%" is valid under FMT_VALIDATE) */
};

/* A positional argument, read once in order. */
union fmt_slot {
    int64_t i;
    double d;
    const void *p;
};

struct fmt_state {
    struct fmt_sink *sink;
    const struct fmt_hooks *hooks;
    unsigned flags;
    bool wide;                  /* wide format and output */
    const char *fa;             /* the format, one of these two */
    const fmt_wchar *fw;
    va_list ap;
    union fmt_slot *slots;      /* non-NULL once positional arguments were collected */
    uint64_t count;             /* chars emitted so far */
    bool failed;
    enum fmt_error error;
    size_t staged;
    union {
        char a[FMT_STAGE];
        fmt_wchar w[FMT_STAGE];
    } stage;
};

/* A field body: a few segments whose display length drives the padding. */
enum fmt_seg_kind { SEG_ASCII, SEG_FILL, SEG_NARROW, SEG_WIDE };

struct fmt_seg {
    uint8_t kind;
    char fill;          /* SEG_FILL */
    size_t n;           /* chars (SEG_NARROW: bytes) */
    const void *p;
};

#define FMT_MAX_SEGS 10

struct fmt_body {
    struct fmt_seg seg[FMT_MAX_SEGS];
    int nseg;
    size_t len;         /* display length */
};

void fmt_fail(struct fmt_state *st, enum fmt_error error);
void fmt_body_text(struct fmt_body *b, const char *s, size_t n);
void fmt_body_fill(struct fmt_body *b, char c, size_t n);
void fmt_emit_field(struct fmt_state *st, const struct fmt_spec *sp, const char *prefix,
                    size_t prefix_len, const struct fmt_body *body, bool zero_ok);
bool fmt_fetch(struct fmt_state *st, int pos, int cls, union fmt_slot *out);

/* Argument classes for positional collection. */
enum { ARG_NONE, ARG_INT32, ARG_INT64, ARG_PTR, ARG_DOUBLE };

/* printf_fp.c */
void fmt_conv_float(struct fmt_state *st, const struct fmt_spec *sp, double value);

#endif /* VINHO_DLLRT_PRINTF_IMPL_H */
