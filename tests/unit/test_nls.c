/* test_nls.c: dlls/ntdll/nls.c (code-page conversion, case mapping, Rtl string functions)
 * compiled natively against nls_native.h.
 *
 * Expected values come from: the Unicode consortium's mapping tables (MAPPINGS/VENDORS/MICSFT/
 * WINDOWS/CP1252.TXT, PC/CP437.TXT, PC/CP850.TXT); Microsoft's documentation of
 * MultiByteToWideChar, WideCharToMultiByte, RtlUTF8ToUnicodeN, RtlUnicodeToUTF8N,
 * RtlUnicodeStringToInteger (its example table) and RtlHashUnicodeString; RFC 3629 and the
 * Unicode Standard chapter 3 (Table 3-7 well-formed UTF-8, "U+FFFD Substitution of Maximal
 * Subparts", whose examples are used below). Output buffers are poisoned to catch stray writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nls_native.h"
#include "vinho/debug.h"
#include "../../dlls/ntdll/nls.h"

/* winnls.h's names for the flags. */
#define MB_PRECOMPOSED          NLS_MB_PRECOMPOSED
#define MB_COMPOSITE            NLS_MB_COMPOSITE
#define MB_USEGLYPHCHARS        NLS_MB_USEGLYPHCHARS
#define MB_ERR_INVALID_CHARS    NLS_MB_ERR_INVALID_CHARS
#define WC_COMPOSITECHECK       NLS_WC_COMPOSITECHECK
#define WC_DISCARDNS            NLS_WC_DISCARDNS
#define WC_SEPCHARS             NLS_WC_SEPCHARS
#define WC_DEFAULTCHAR          NLS_WC_DEFAULTCHAR
#define WC_ERR_INVALID_CHARS    NLS_WC_ERR_INVALID_CHARS
#define WC_NO_BEST_FIT          NLS_WC_NO_BEST_FIT_CHARS

#define POISON_W 0xCCCC
#define POISON_B 0xCC
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- stand-ins for the rest of ntdll ---- */

unsigned char vinho_debug_channels[DBCH_COUNT];

void __vinho_dbg_log(int channel, int level, const char *func, const char *fmt, ...)
{
    va_list args;

    fprintf(stderr, "nls:%d:%s ", level, func);
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    (void)channel;
}

const char *__vinho_dbgstr_a(const char *str, int count)
{
    (void)str, (void)count;
    return "\"...\"";
}

const char *__vinho_dbgstr_w(const unsigned short *str, int count)
{
    (void)str, (void)count;
    return "L\"...\"";
}

static int alloc_fail;      /* the next RtlAllocateHeap calls fail */
static int alloc_live;      /* blocks not yet freed */

PVOID WINAPI RtlAllocateHeap(HANDLE heap, ULONG flags, SIZE_T size)
{
    (void)heap, (void)flags;
    if (alloc_fail)
        return NULL;
    alloc_live++;
    return malloc(size ? size : 1);
}

BOOLEAN WINAPI RtlFreeHeap(HANDLE heap, ULONG flags, PVOID ptr)
{
    (void)heap, (void)flags;
    if (ptr)
        alloc_live--;
    free(ptr);
    return TRUE;
}

static int setup(void **state)
{
    (void)state;
    nls_set_acp_oemcp(1252, 437);
    alloc_fail = 0;
    alloc_live = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_int_equal(alloc_live, 0);
    return 0;
}

/* ---- helpers ---- */

static void poison_w(uint16_t *buf, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = POISON_W;
}

static int mb2wc(unsigned int cp, uint32_t flags, const char *src, int len, uint16_t *dst,
                 int dstlen, uint32_t *err)
{
    *err = 0xdeadbeef;
    return nls_mb_to_wc(cp, flags, src, len, dst, dstlen, err);
}

static int wc2mb(unsigned int cp, uint32_t flags, const uint16_t *src, int len, char *dst,
                 int dstlen, const char *def, int *used, uint32_t *err)
{
    *err = 0xdeadbeef;
    return nls_wc_to_mb(cp, flags, src, len, dst, dstlen, def, used, err);
}

static void init_ustr(UNICODE_STRING *s, WCHAR *buf, USHORT max)
{
    s->Buffer = buf;
    s->Length = 0;
    s->MaximumLength = max;
}

/* ---- single-byte code pages ---- */

struct sbcs_fact { unsigned int cp; uint8_t byte; uint16_t wc; };

/* Spot checks from the Unicode consortium's tables (and, for 81, Windows' own behaviour). */
static const struct sbcs_fact sbcs_facts[] = {
    { 1252, 0x41, 0x0041 }, { 1252, 0x80, 0x20AC }, { 1252, 0x81, 0x0081 },
    { 1252, 0x8A, 0x0160 }, { 1252, 0x8D, 0x008D }, { 1252, 0x99, 0x2122 },
    { 1252, 0x9F, 0x0178 }, { 1252, 0xA0, 0x00A0 }, { 1252, 0xE9, 0x00E9 },
    { 1252, 0xFF, 0x00FF },
    { 437, 0x80, 0x00C7 }, { 437, 0x9B, 0x00A2 }, { 437, 0xB0, 0x2591 },
    { 437, 0xC9, 0x2554 }, { 437, 0xE1, 0x00DF }, { 437, 0xE3, 0x03C0 },
    { 437, 0xFE, 0x25A0 }, { 437, 0xFF, 0x00A0 },
    { 850, 0x9B, 0x00F8 }, { 850, 0xD5, 0x0131 }, { 850, 0xEE, 0x00AF },
    { 28591, 0x80, 0x0080 }, { 28591, 0xE9, 0x00E9 },
    { 20127, 0x41, 0x0041 }, { 20127, 0xC1, 0x0041 },
};

static void test_sbcs_facts(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(sbcs_facts); i++) {
        const struct sbcs_fact *f = &sbcs_facts[i];
        uint16_t wc[2];
        uint32_t err;

        poison_w(wc, 2);
        assert_int_equal(mb2wc(f->cp, 0, (const char *)&f->byte, 1, wc, 2, &err), 1);
        assert_int_equal(wc[0], f->wc);
        assert_int_equal(wc[1], POISON_W);
    }
}

/* Every byte converts to one character and back to itself, without the default character. */
static void check_round_trip(unsigned int cp)
{
    for (unsigned int b = 0; b < 256; b++) {
        char in = (char)b, out[2] = { (char)POISON_B, (char)POISON_B };
        uint16_t wc;
        uint32_t err;
        int used = -1;

        assert_int_equal(mb2wc(cp, 0, &in, 1, &wc, 1, &err), 1);
        assert_int_equal(wc2mb(cp, 0, &wc, 1, out, 2, NULL, &used, &err), 1);
        assert_int_equal((uint8_t)out[0], b);
        assert_int_equal((uint8_t)out[1], POISON_B);
        assert_int_equal(used, 0);
    }
}

static void test_sbcs_round_trip(void **state)
{
    (void)state;
    check_round_trip(1252);
    check_round_trip(437);
    check_round_trip(850);
    check_round_trip(28591);
}

/* US-ASCII has no character above U+007F: they take the default character. */
static void test_20127(void **state)
{
    const uint16_t src[] = { 'a', 0x00E9, 0x20AC };
    char out[4];
    uint32_t err;
    int used = 0;

    (void)state;
    assert_int_equal(wc2mb(20127, WC_NO_BEST_FIT, src, 3, out, 4, NULL, &used, &err), 3);
    assert_memory_equal(out, "a??", 3);
    assert_int_equal(used, 1);
}

static void test_sbcs_default_char(void **state)
{
    const uint16_t src[] = { 'x', 0x4E00, 0xD83D, 0xDE00 };
    char out[8];
    uint32_t err;
    int used = 0;

    (void)state;
    assert_int_equal(wc2mb(1252, 0, src, 4, out, 8, NULL, &used, &err), 4);
    assert_memory_equal(out, "x???", 4);
    assert_int_equal(used, 1);
    assert_int_equal(wc2mb(1252, 0, src, 2, out, 8, "*", NULL, &err), 2);
    assert_memory_equal(out, "x*", 2);
    /* Size query, and the default char flag, without an output buffer. */
    used = 0;
    assert_int_equal(wc2mb(1252, 0, src, 2, NULL, 0, NULL, &used, &err), 2);
    assert_int_equal(used, 1);
}

/* Best fit: letters with diacritics the code page lacks become the base letter, unless
 * WC_NO_BEST_FIT_CHARS; that is not a use of the default character. */
static void test_sbcs_best_fit(void **state)
{
    const uint16_t src[] = { 0x0100, 0x0107, 0x01D5, 0x2260 };
    char out[4];
    uint32_t err;
    int used = -1;

    (void)state;
    assert_int_equal(wc2mb(1252, 0, src, 3, out, 4, NULL, &used, &err), 3);
    assert_memory_equal(out, "AcU", 3);
    assert_int_equal(used, 0);
    assert_int_equal(wc2mb(20127, 0, src, 3, out, 4, NULL, &used, &err), 3);
    assert_memory_equal(out, "AcU", 3);
    assert_int_equal(wc2mb(1252, WC_NO_BEST_FIT, src, 3, out, 4, NULL, &used, &err), 3);
    assert_memory_equal(out, "???", 3);
    assert_int_equal(used, 1);
    /* Not a letter: U+2260 (not equal) does not become '='. */
    assert_int_equal(wc2mb(1252, 0, src + 3, 1, out, 4, NULL, &used, &err), 1);
    assert_int_equal(out[0], '?');
}

static void test_mb_composite(void **state)
{
    uint16_t wc[6];
    uint32_t err;

    (void)state;
    poison_w(wc, 6);
    assert_int_equal(mb2wc(1252, MB_COMPOSITE, "\xC4" "b\xE9", 3, wc, 6, &err), 5);
    assert_int_equal(wc[0], 'A');
    assert_int_equal(wc[1], 0x0308);
    assert_int_equal(wc[2], 'b');
    assert_int_equal(wc[3], 'e');
    assert_int_equal(wc[4], 0x0301);
    assert_int_equal(wc[5], POISON_W);
    assert_int_equal(mb2wc(1252, MB_COMPOSITE, "\xC4", 1, NULL, 0, &err), 2);
    /* The decomposition does not fit: nothing is split. */
    assert_int_equal(mb2wc(1252, MB_COMPOSITE, "\xC4", 1, wc, 1, &err), 0);
    assert_int_equal(err, NLS_ERROR_INSUFFICIENT_BUFFER);
    /* MB_PRECOMPOSED is the default and changes nothing. */
    assert_int_equal(mb2wc(1252, MB_PRECOMPOSED, "\xC4", 1, wc, 6, &err), 1);
    assert_int_equal(wc[0], 0x00C4);
}

struct composite_case {
    uint32_t flags;
    uint16_t src[3];
    int srclen;
    const char *out;
    int used;
};

static const struct composite_case composite_cases[] = {
    { WC_COMPOSITECHECK, { 'A', 0x0308 }, 2, "\xC4", 0 },
    { WC_COMPOSITECHECK, { 'e', 0x0301, 'x' }, 3, "\xE9x", 0 },
    { 0, { 'A', 0x0308 }, 2, "A?", 1 },                            /* no composition asked */
    { WC_COMPOSITECHECK, { 'A', 0x0304 }, 2, "A?", 1 },            /* A-macron not in 1252 */
    { WC_COMPOSITECHECK | WC_SEPCHARS, { 'A', 0x0304 }, 2, "A?", 1 },
    { WC_COMPOSITECHECK | WC_DISCARDNS, { 'A', 0x0304 }, 2, "A", 0 },
    { WC_COMPOSITECHECK | WC_DEFAULTCHAR, { 'A', 0x0304 }, 2, "?", 1 },
};

static void test_wc_compositecheck(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(composite_cases); i++) {
        const struct composite_case *c = &composite_cases[i];
        char out[4];
        uint32_t err;
        int used = -1, n = (int)strlen(c->out);

        assert_int_equal(wc2mb(1252, c->flags | WC_NO_BEST_FIT, c->src, c->srclen, out, 4, NULL,
                               &used, &err), n);
        assert_memory_equal(out, c->out, (size_t)n);
        assert_int_equal(used, c->used);
    }
}

static void test_mb_glyph_chars(void **state)
{
    uint16_t wc[3];
    uint32_t err;

    (void)state;
    assert_int_equal(mb2wc(437, MB_USEGLYPHCHARS, "\x01\x7F" "A", 3, wc, 3, &err), 3);
    assert_int_equal(wc[0], 0x263A);
    assert_int_equal(wc[1], 0x2302);
    assert_int_equal(wc[2], 'A');
    assert_int_equal(mb2wc(1252, MB_USEGLYPHCHARS, "\x01\x7F", 2, wc, 3, &err), 2);
    assert_int_equal(wc[0], 0x0001);
    assert_int_equal(wc[1], 0x007F);
}

/* ---- UTF-8 ---- */

struct utf8_case {
    const char *in;
    int inlen;
    int nout;
    uint16_t out[6];
    int invalid;
};

#define U8(s) s, (int)sizeof(s) - 1

/* Ill-formed input gives one U+FFFD per maximal subpart (Unicode Standard 3.9, Table 3-8). */
static const struct utf8_case utf8_cases[] = {
    { U8("A"), 1, { 0x41 }, 0 },
    { U8("\xC3\xA9"), 1, { 0xE9 }, 0 },
    { U8("\xE2\x82\xAC"), 1, { 0x20AC }, 0 },
    { U8("\xF0\x9F\x98\x80"), 2, { 0xD83D, 0xDE00 }, 0 },
    { U8("\xEF\xBB\xBF" "a"), 2, { 0xFEFF, 'a' }, 0 },             /* the BOM is a character */
    { U8("\xED\x9F\xBF"), 1, { 0xD7FF }, 0 },
    { U8("\xEE\x80\x80"), 1, { 0xE000 }, 0 },
    { U8("\xF4\x8F\xBF\xBF"), 2, { 0xDBFF, 0xDFFF }, 0 },          /* U+10FFFF */
    { U8("\0"), 1, { 0 }, 0 },
    { U8("\xC0\x80"), 2, { 0xFFFD, 0xFFFD }, 1 },                   /* overlong NUL */
    { U8("\xC1\xBF"), 2, { 0xFFFD, 0xFFFD }, 1 },
    { U8("\xE0\x80\x80"), 3, { 0xFFFD, 0xFFFD, 0xFFFD }, 1 },
    { U8("\xE0\x9F\xBF"), 3, { 0xFFFD, 0xFFFD, 0xFFFD }, 1 },
    { U8("\xF0\x8F\xBF\xBF"), 4, { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD }, 1 },
    { U8("\xED\xA0\x80"), 3, { 0xFFFD, 0xFFFD, 0xFFFD }, 1 },       /* surrogate D800 */
    { U8("\xED\xBF\xBF"), 3, { 0xFFFD, 0xFFFD, 0xFFFD }, 1 },
    { U8("\xF4\x90\x80\x80"), 4, { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD }, 1 },   /* > U+10FFFF */
    { U8("\xF5\x80\x80\x80"), 4, { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD }, 1 },
    { U8("\xFF"), 1, { 0xFFFD }, 1 },
    { U8("\x80"), 1, { 0xFFFD }, 1 },
    { U8("\xC3"), 1, { 0xFFFD }, 1 },                              /* truncated at the end */
    { U8("\xE2\x82"), 1, { 0xFFFD }, 1 },
    { U8("\xF0\x9F\x98"), 1, { 0xFFFD }, 1 },
    { U8("\xE2\x82" "A"), 2, { 0xFFFD, 'A' }, 1 },                  /* truncated in the middle */
    { U8("\xF0\x9F\x98" "A"), 2, { 0xFFFD, 'A' }, 1 },
    { U8("a\xC3"), 2, { 'a', 0xFFFD }, 1 },
    { U8("\xC0\x41\x42"), 3, { 0xFFFD, 'A', 'B' }, 1 },            /* Raymond Chen's example */
    /* The Unicode Standard's example: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 */
    { U8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64"), 0, { 0 }, 1 },
};

static void test_utf8_decode(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(utf8_cases) - 1; i++) {
        const struct utf8_case *c = &utf8_cases[i];
        uint16_t wc[8];
        uint32_t err;

        poison_w(wc, 8);
        assert_int_equal(mb2wc(NLS_CP_UTF8, 0, c->in, c->inlen, wc, 8, &err), c->nout);
        assert_memory_equal(wc, c->out, (size_t)c->nout * 2);
        assert_int_equal(wc[c->nout], POISON_W);
        assert_int_equal(mb2wc(NLS_CP_UTF8, 0, c->in, c->inlen, NULL, 0, &err), c->nout);
        if (c->invalid) {
            assert_int_equal(mb2wc(NLS_CP_UTF8, MB_ERR_INVALID_CHARS, c->in, c->inlen, wc, 8,
                                   &err), 0);
            assert_int_equal(err, NLS_ERROR_NO_UNICODE_TRANSLATION);
            assert_int_equal(mb2wc(NLS_CP_UTF8, MB_ERR_INVALID_CHARS, c->in, c->inlen, NULL, 0,
                                   &err), 0);
            assert_int_equal(err, NLS_ERROR_NO_UNICODE_TRANSLATION);
        } else {
            assert_int_equal(mb2wc(NLS_CP_UTF8, MB_ERR_INVALID_CHARS, c->in, c->inlen, wc, 8, &err),
                             c->nout);
        }
    }
}

static void test_utf8_maximal_subparts(void **state)
{
    const struct utf8_case *c = &utf8_cases[ARRAY_SIZE(utf8_cases) - 1];
    static const uint16_t expect[] = { 'a', 0xFFFD, 0xFFFD, 0xFFFD, 'b', 0xFFFD, 'c', 0xFFFD,
                                       0xFFFD, 'd' };
    uint16_t wc[16];
    uint32_t err;

    (void)state;
    assert_int_equal(mb2wc(NLS_CP_UTF8, 0, c->in, c->inlen, wc, 16, &err), (int)ARRAY_SIZE(expect));
    assert_memory_equal(wc, expect, sizeof(expect));
}

struct utf16_case {
    uint16_t in[4];
    int inlen;
    const char *out;
    int invalid;
};

static const struct utf16_case utf16_cases[] = {
    { { 'A' }, 1, "A", 0 },
    { { 0x00E9 }, 1, "\xC3\xA9", 0 },
    { { 0x20AC }, 1, "\xE2\x82\xAC", 0 },
    { { 0xFEFF }, 1, "\xEF\xBB\xBF", 0 },
    { { 0xD83D, 0xDE00 }, 2, "\xF0\x9F\x98\x80", 0 },
    { { 0xDBFF, 0xDFFF }, 2, "\xF4\x8F\xBF\xBF", 0 },
    { { 0xD800 }, 1, "\xEF\xBF\xBD", 1 },
    { { 0xDC00 }, 1, "\xEF\xBF\xBD", 1 },
    { { 0xD800, 'A' }, 2, "\xEF\xBF\xBD" "A", 1 },
    { { 0xDE00, 0xD83D }, 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 1 },     /* pair in the wrong order */
};

static void test_utf8_encode(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(utf16_cases); i++) {
        const struct utf16_case *c = &utf16_cases[i];
        int n = (int)strlen(c->out);
        char out[12];
        uint32_t err;

        memset(out, POISON_B, sizeof(out));
        assert_int_equal(wc2mb(NLS_CP_UTF8, 0, c->in, c->inlen, out, 12, NULL, NULL, &err), n);
        assert_memory_equal(out, c->out, (size_t)n);
        assert_int_equal((uint8_t)out[n], POISON_B);
        assert_int_equal(wc2mb(NLS_CP_UTF8, 0, c->in, c->inlen, NULL, 0, NULL, NULL, &err), n);
        n = wc2mb(NLS_CP_UTF8, WC_ERR_INVALID_CHARS, c->in, c->inlen, out, 12, NULL, NULL, &err);
        if (c->invalid) {
            assert_int_equal(n, 0);
            assert_int_equal(err, NLS_ERROR_NO_UNICODE_TRANSLATION);
        } else {
            assert_int_equal(n, (int)strlen(c->out));
        }
    }
}

/* ---- lengths and buffers ---- */

static void test_nul_terminated(void **state)
{
    const uint16_t wsrc[] = { 'h', 0xE9, 0 };
    uint16_t wc[8];
    char out[8];
    uint32_t err;

    (void)state;
    poison_w(wc, 8);
    assert_int_equal(mb2wc(1252, 0, "abc", -1, wc, 8, &err), 4);
    assert_int_equal(wc[3], 0);
    assert_int_equal(wc[4], POISON_W);
    assert_int_equal(mb2wc(1252, 0, "abc", -1, NULL, 0, &err), 4);
    assert_int_equal(mb2wc(1252, 0, "abc", -2, wc, 8, &err), 4);     /* any negative length */
    assert_int_equal(wc2mb(NLS_CP_UTF8, 0, wsrc, -1, out, 8, NULL, NULL, &err), 4);
    assert_memory_equal(out, "h\xC3\xA9", 4);
    assert_int_equal(wc2mb(1252, 0, wsrc, -1, NULL, 0, NULL, NULL, &err), 3);
    /* A non-NULL buffer with length 0 is a size query too. */
    assert_int_equal(mb2wc(1252, 0, "abc", 3, wc, 0, &err), 3);
}

static void test_buffer_too_small(void **state)
{
    const uint16_t wsrc[] = { 'a', 0x20AC };
    uint16_t wc[4];
    char out[4];
    uint32_t err;

    (void)state;
    assert_int_equal(mb2wc(1252, 0, "abc", 3, wc, 3, &err), 3);
    assert_int_equal(mb2wc(1252, 0, "abc", 3, wc, 2, &err), 0);
    assert_int_equal(err, NLS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(mb2wc(1252, 0, "abc", -1, wc, 3, &err), 0);   /* no room for the NUL */
    assert_int_equal(err, NLS_ERROR_INSUFFICIENT_BUFFER);
    /* A surrogate pair is never split. */
    poison_w(wc, 4);
    assert_int_equal(mb2wc(NLS_CP_UTF8, 0, "a\xF0\x9F\x98\x80", 5, wc, 2, &err), 0);
    assert_int_equal(err, NLS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(wc[1], POISON_W);
    /* Nor a UTF-8 sequence. */
    memset(out, POISON_B, sizeof(out));
    assert_int_equal(wc2mb(NLS_CP_UTF8, 0, wsrc, 2, out, 3, NULL, NULL, &err), 0);
    assert_int_equal(err, NLS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal((uint8_t)out[1], POISON_B);
    assert_int_equal(wc2mb(NLS_CP_UTF8, 0, wsrc, 2, out, 4, NULL, NULL, &err), 4);
}

struct param_case {
    const char *what;
    int wide;
    unsigned int cp;
    uint32_t flags;
    int srcnull, srclen, dstnull, dstlen, same, defchar, used;
    uint32_t err;
};

static const struct param_case param_cases[] = {
    { "NULL source", 0, 1252, 0, 1, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "empty source", 0, 1252, 0, 0, 0, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "negative output", 0, 1252, 0, 0, 3, 0, -1, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "NULL output", 0, 1252, 0, 0, 3, 1, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "same buffers", 0, 1252, 0, 0, 3, 0, 8, 1, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "unknown cp", 0, 1234, 0, 0, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "CP_MACCP", 0, NLS_CP_MACCP, 0, 0, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "UTF-16 is no code page", 0, 1200, 0, 0, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "UTF-8 flags", 0, NLS_CP_UTF8, MB_PRECOMPOSED, 0, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_FLAGS },
    { "unknown flag", 0, 1252, 0x100, 0, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_FLAGS },
    { "precomposed+composite", 0, 1252, MB_PRECOMPOSED | MB_COMPOSITE, 0, 3, 0, 8, 0, 0, 0,
      NLS_ERROR_INVALID_FLAGS },
    { "w: NULL source", 1, 1252, 0, 1, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "w: empty source", 1, 1252, 0, 0, 0, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "w: negative output", 1, 1252, 0, 0, 3, 0, -5, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "w: NULL output", 1, 1252, 0, 0, 3, 1, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "w: same buffers", 1, 1252, 0, 0, 3, 0, 8, 1, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "w: unknown cp", 1, 42, 0, 0, 3, 0, 8, 0, 0, 0, NLS_ERROR_INVALID_PARAMETER },
    { "w: UTF-8 flags", 1, NLS_CP_UTF8, WC_COMPOSITECHECK, 0, 3, 0, 8, 0, 0, 0,
      NLS_ERROR_INVALID_FLAGS },
    { "w: UTF-8 no-best-fit", 1, NLS_CP_UTF8, WC_NO_BEST_FIT, 0, 3, 0, 8, 0, 0, 0,
      NLS_ERROR_INVALID_FLAGS },
    { "w: SBCS invalid-chars", 1, 1252, WC_ERR_INVALID_CHARS, 0, 3, 0, 8, 0, 0, 0,
      NLS_ERROR_INVALID_FLAGS },
    { "w: UTF-8 default char", 1, NLS_CP_UTF8, 0, 0, 3, 0, 8, 0, 1, 0,
      NLS_ERROR_INVALID_PARAMETER },
    { "w: UTF-8 used flag", 1, NLS_CP_UTF8, 0, 0, 3, 0, 8, 0, 0, 1, NLS_ERROR_INVALID_PARAMETER },
};

static void test_parameters(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(param_cases); i++) {
        const struct param_case *c = &param_cases[i];
        union { char b[16]; uint16_t w[8]; } src = { "abc" }, dst;
        uint16_t wsrc[4] = { 'a', 'b', 'c', 0 };
        uint32_t err;
        int used, ret;

        print_message("%s\n", c->what);
        if (c->wide)
            ret = wc2mb(c->cp, c->flags, c->srcnull ? NULL : c->same ? src.w : wsrc, c->srclen,
                        c->dstnull ? NULL : c->same ? src.b : dst.b, c->dstlen,
                        c->defchar ? "?" : NULL, c->used ? &used : NULL, &err);
        else
            ret = mb2wc(c->cp, c->flags, c->srcnull ? NULL : src.b, c->srclen,
                        c->dstnull ? NULL : c->same ? src.w : dst.w, c->dstlen, &err);
        assert_int_equal(ret, 0);
        assert_int_equal(err, c->err);
    }
}

/* ---- process code pages and code-page information ---- */

static void test_acp_oemcp(void **state)
{
    uint16_t wc[2];
    uint32_t err;

    (void)state;
    assert_int_equal(nls_get_acp(), 1252);
    assert_int_equal(nls_get_oemcp(), 437);
    assert_int_equal(mb2wc(NLS_CP_ACP, 0, "\x80", 1, wc, 2, &err), 1);
    assert_int_equal(wc[0], 0x20AC);
    assert_int_equal(mb2wc(NLS_CP_THREAD_ACP, 0, "\x80", 1, wc, 2, &err), 1);
    assert_int_equal(wc[0], 0x20AC);
    assert_int_equal(mb2wc(NLS_CP_OEMCP, 0, "\x80", 1, wc, 2, &err), 1);
    assert_int_equal(wc[0], 0x00C7);

    assert_int_equal(nls_set_acp_oemcp(NLS_CP_UTF8, 850), 1);
    assert_int_equal(mb2wc(NLS_CP_ACP, 0, "\xC3\xA9", 2, wc, 2, &err), 1);
    assert_int_equal(wc[0], 0x00E9);
    assert_int_equal(mb2wc(NLS_CP_OEMCP, 0, "\x9B", 1, wc, 2, &err), 1);
    assert_int_equal(wc[0], 0x00F8);
    /* Unknown or pseudo code pages are refused and change nothing. */
    assert_int_equal(nls_set_acp_oemcp(936, NLS_CP_ACP), 0);
    assert_int_equal(nls_get_acp(), NLS_CP_UTF8);
    assert_int_equal(nls_get_oemcp(), 850);
    assert_int_equal(nls_set_acp_oemcp(1252, 437), 1);
}

static void test_cpinfo(void **state)
{
    struct nls_cpinfo info;

    (void)state;
    assert_true(nls_get_cpinfo(NLS_CP_ACP, &info));
    assert_int_equal(info.codepage, 1252);
    assert_int_equal(info.max_char_size, 1);
    assert_int_equal(info.default_char, '?');
    assert_int_equal(info.unicode_default, '?');
    assert_string_equal(info.name, "1252  (ANSI - Latin I)");
    assert_true(nls_get_cpinfo(NLS_CP_OEMCP, &info));
    assert_int_equal(info.codepage, 437);
    assert_true(nls_get_cpinfo(NLS_CP_UTF8, &info));
    assert_int_equal(info.max_char_size, 4);
    assert_int_equal(info.unicode_default, 0xFFFD);
    assert_string_equal(info.name, "65001 (UTF-8)");
    assert_false(nls_get_cpinfo(NLS_CP_UTF7, &info));
    assert_false(nls_get_cpinfo(1200, &info));
}

/* ---- case mapping ---- */

struct case_pair { uint16_t lower, upper; };

/* Simple case mappings of UnicodeData.txt. */
static const struct case_pair case_pairs[] = {
    { 'a', 'A' }, { 'z', 'Z' }, { 0x00E9, 0x00C9 }, { 0x00FF, 0x0178 }, { 0x0101, 0x0100 },
    { 0x0180, 0x0243 }, { 0x03C3, 0x03A3 }, { 0x0430, 0x0410 }, { 0x0452, 0x0402 },
    { 0x0561, 0x0531 }, { 0x1E01, 0x1E00 }, { 0x24D0, 0x24B6 }, { 0x2C30, 0x2C00 },
    { 0xA641, 0xA640 }, { 0xFF41, 0xFF21 },
};

static void test_case_mapping(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(case_pairs); i++) {
        assert_int_equal(RtlUpcaseUnicodeChar(case_pairs[i].lower), case_pairs[i].upper);
        assert_int_equal(RtlDowncaseUnicodeChar(case_pairs[i].upper), case_pairs[i].lower);
    }
    /* One-way and unmapped characters. */
    assert_int_equal(nls_upcase(0x03C2), 0x03A3);   /* final sigma */
    assert_int_equal(nls_upcase(0x00B5), 0x039C);   /* micro sign */
    assert_int_equal(nls_upcase(0x00DF), 0x00DF);   /* sharp s: full mapping "SS" is not 1:1 */
    assert_int_equal(nls_upcase('1'), '1');
    assert_int_equal(nls_upcase(0xD800), 0xD800);
    assert_int_equal(nls_upcase(0xFFFF), 0xFFFF);
    assert_int_equal(nls_downcase(0x212A), 'k');    /* Kelvin sign */
    assert_int_equal(nls_downcase('a'), 'a');
}

/* ---- Rtl conversions with explicit lengths ---- */

static void test_rtl_multibyte_n(void **state)
{
    WCHAR wc[8];
    char out[8];
    ULONG len = 0xdeadbeef;

    (void)state;
    poison_w(wc, 8);
    assert_int_equal(RtlMultiByteToUnicodeN(wc, 6, &len, "h\xE9llo", 5), STATUS_SUCCESS);
    assert_int_equal(len, 6);
    assert_int_equal(wc[1], 0x00E9);
    assert_int_equal(wc[3], POISON_W);
    assert_int_equal(RtlMultiByteToUnicodeSize(&len, "h\xE9llo", 5), STATUS_SUCCESS);
    assert_int_equal(len, 10);
    assert_int_equal(RtlOemToUnicodeN(wc, 4, &len, "\x80\x81\x82", 3), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(len, 4);
    assert_int_equal(wc[0], 0x00C7);
    assert_int_equal(RtlOemToUnicodeN(wc, 16, &len, "\x80\x81\x82", 3), STATUS_SUCCESS);
    assert_int_equal(len, 6);

    memset(out, POISON_B, sizeof(out));
    assert_int_equal(RtlUnicodeToMultiByteN(out, 2, &len, (const WCHAR[]){ 0x20AC, 'a', 'b' }, 6),
                     STATUS_SUCCESS);
    assert_int_equal(len, 2);
    assert_memory_equal(out, "\x80" "a", 2);
    assert_int_equal((uint8_t)out[2], POISON_B);
    assert_int_equal(RtlUnicodeToMultiByteSize(&len, (WCHAR[]){ 0x20AC, 'a', 'b' }, 6),
                     STATUS_SUCCESS);
    assert_int_equal(len, 3);
    assert_int_equal(RtlUnicodeToOemN(out, 1, &len, (const WCHAR[]){ 0x00C7, 'a' }, 4),
                     STATUS_BUFFER_OVERFLOW);
    assert_int_equal(len, 1);
    assert_int_equal((uint8_t)out[0], 0x80);
}

/* RtlOemToUnicodeN may convert an SBCS string in place (documented). */
static void test_rtl_oem_in_place(void **state)
{
    union { char b[8]; WCHAR w[4]; } buf;
    ULONG len;

    (void)state;
    memcpy(buf.b, "ab\x80\x9B", 4);
    assert_int_equal(RtlOemToUnicodeN(buf.w, sizeof(buf.w), &len, buf.b, 4), STATUS_SUCCESS);
    assert_int_equal(len, 8);
    assert_int_equal(buf.w[0], 'a');
    assert_int_equal(buf.w[1], 'b');
    assert_int_equal(buf.w[2], 0x00C7);
    assert_int_equal(buf.w[3], 0x00A2);
}

static void test_rtl_utf8_n(void **state)
{
    WCHAR wc[4];
    char out[8];
    ULONG len = 0;

    (void)state;
    assert_int_equal(RtlUTF8ToUnicodeN(NULL, 0, &len, "h\xC3\xA9", 3), STATUS_SUCCESS);
    assert_int_equal(len, 4);
    assert_int_equal(RtlUTF8ToUnicodeN(wc, 8, &len, "h\xC3\xA9", 3), STATUS_SUCCESS);
    assert_int_equal(len, 4);
    assert_int_equal(wc[1], 0x00E9);
    assert_int_equal(RtlUTF8ToUnicodeN(wc, 8, &len, "h\xC3", 2), STATUS_SOME_NOT_MAPPED);
    assert_int_equal(wc[1], 0xFFFD);
    poison_w(wc, 4);
    assert_int_equal(RtlUTF8ToUnicodeN(wc, 2, &len, "abc", 3), STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 2);
    assert_int_equal(wc[0], 'a');
    assert_int_equal(wc[1], POISON_W);
    assert_int_equal(RtlUTF8ToUnicodeN(wc, 8, NULL, "abc", 3), STATUS_SUCCESS);
    assert_int_equal(RtlUTF8ToUnicodeN(NULL, 0, NULL, "abc", 3), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlUTF8ToUnicodeN(wc, 8, &len, NULL, 3), STATUS_INVALID_PARAMETER_4);

    assert_int_equal(RtlUnicodeToUTF8N(NULL, 0, &len, (const WCHAR[]){ 'h', 0xE9 }, 4),
                     STATUS_SUCCESS);
    assert_int_equal(len, 3);
    assert_int_equal(RtlUnicodeToUTF8N(out, 8, &len, (const WCHAR[]){ 0xD800, 'a' }, 4),
                     STATUS_SOME_NOT_MAPPED);
    assert_int_equal(len, 4);
    assert_memory_equal(out, "\xEF\xBF\xBD" "a", 4);
    assert_int_equal(RtlUnicodeToUTF8N(out, 2, &len, (const WCHAR[]){ 'a', 0xE9 }, 4),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(len, 1);
    assert_int_equal(RtlUnicodeToUTF8N(out, 8, &len, (const WCHAR[]){ 'a' }, 1),
                     STATUS_INVALID_PARAMETER_5);
    assert_int_equal(RtlUnicodeToUTF8N(out, 8, &len, NULL, 2), STATUS_INVALID_PARAMETER_4);
    assert_int_equal(RtlUnicodeToUTF8N(NULL, 0, NULL, (const WCHAR[]){ 'a' }, 2),
                     STATUS_INVALID_PARAMETER);
}

/* ---- counted strings ---- */

static void test_init_strings(void **state)
{
    static WCHAR big[40000];
    UNICODE_STRING us;
    STRING s;

    (void)state;
    RtlInitUnicodeString(&us, (const WCHAR[]){ 'a', 'b', 'c', 0 });
    assert_int_equal(us.Length, 6);
    assert_int_equal(us.MaximumLength, 8);
    RtlInitUnicodeString(&us, NULL);
    assert_int_equal(us.Length, 0);
    assert_int_equal(us.MaximumLength, 0);
    assert_null(us.Buffer);
    for (size_t i = 0; i < ARRAY_SIZE(big) - 1; i++)
        big[i] = 'x';
    RtlInitUnicodeString(&us, big);
    assert_int_equal(us.Length, 0xFFFC);
    assert_int_equal(us.MaximumLength, 0xFFFE);
    assert_int_equal(RtlInitUnicodeStringEx(&us, big), STATUS_NAME_TOO_LONG);
    assert_int_equal(RtlInitUnicodeStringEx(&us, (const WCHAR[]){ 'a', 0 }), STATUS_SUCCESS);
    assert_int_equal(us.Length, 2);

    RtlInitAnsiString(&s, "hello");
    assert_int_equal(s.Length, 5);
    assert_int_equal(s.MaximumLength, 6);
    RtlInitString(&s, NULL);
    assert_int_equal(s.Length, 0);
    assert_int_equal(s.MaximumLength, 0);
    assert_null(s.Buffer);
}

static void test_create_free(void **state)
{
    UNICODE_STRING us;

    (void)state;
    assert_true(RtlCreateUnicodeString(&us, (const WCHAR[]){ 'h', 'i', 0 }));
    assert_int_equal(us.Length, 4);
    assert_int_equal(us.MaximumLength, 6);
    assert_int_equal(us.Buffer[2], 0);
    RtlFreeUnicodeString(&us);
    assert_null(us.Buffer);
    assert_int_equal(us.MaximumLength, 0);

    assert_true(RtlCreateUnicodeStringFromAsciiz(&us, "\x80x"));
    assert_int_equal(us.Length, 4);
    assert_int_equal(us.Buffer[0], 0x20AC);
    assert_int_equal(us.Buffer[2], 0);
    RtlFreeUnicodeString(&us);

    alloc_fail = 1;
    assert_false(RtlCreateUnicodeString(&us, (const WCHAR[]){ 'h', 0 }));
    assert_false(RtlCreateUnicodeStringFromAsciiz(&us, "h"));
    alloc_fail = 0;
}

static void test_ansi_to_unicode(void **state)
{
    UNICODE_STRING us;
    STRING s;
    WCHAR buf[8];

    (void)state;
    RtlInitAnsiString(&s, "ab\x80");
    assert_int_equal(RtlAnsiStringToUnicodeString(&us, &s, TRUE), STATUS_SUCCESS);
    assert_int_equal(us.Length, 6);
    assert_int_equal(us.MaximumLength, 8);
    assert_int_equal(us.Buffer[2], 0x20AC);
    assert_int_equal(us.Buffer[3], 0);
    RtlFreeUnicodeString(&us);

    poison_w(buf, 8);
    init_ustr(&us, buf, 8);
    assert_int_equal(RtlAnsiStringToUnicodeString(&us, &s, FALSE), STATUS_SUCCESS);
    assert_int_equal(us.Length, 6);
    assert_int_equal(buf[3], 0);
    /* The text must fit; its NUL only when there is room. */
    poison_w(buf, 8);
    init_ustr(&us, buf, 7);
    assert_int_equal(RtlAnsiStringToUnicodeString(&us, &s, FALSE), STATUS_SUCCESS);
    assert_int_equal(buf[3], POISON_W);
    init_ustr(&us, buf, 6);
    assert_int_equal(RtlAnsiStringToUnicodeString(&us, &s, FALSE), STATUS_BUFFER_OVERFLOW);

    RtlInitAnsiString(&s, "\x80");
    assert_int_equal(RtlOemStringToUnicodeString(&us, &s, TRUE), STATUS_SUCCESS);
    assert_int_equal(us.Buffer[0], 0x00C7);
    RtlFreeUnicodeString(&us);

    alloc_fail = 1;
    assert_int_equal(RtlAnsiStringToUnicodeString(&us, &s, TRUE), STATUS_NO_MEMORY);
    alloc_fail = 0;
}

static void test_unicode_to_ansi(void **state)
{
    WCHAR text[] = { 'h', 0x20AC, 'l', 0x4E00, 'o' };
    UNICODE_STRING us = { sizeof(text), sizeof(text), text };
    STRING s;
    char buf[8];

    (void)state;
    assert_int_equal(RtlUnicodeStringToAnsiString(&s, &us, TRUE), STATUS_SUCCESS);
    assert_int_equal(s.Length, 5);
    assert_int_equal(s.MaximumLength, 6);
    assert_string_equal(s.Buffer, "h\x80l?o");
    RtlFreeAnsiString(&s);
    assert_null(s.Buffer);

    /* Too small: converted as far as it goes, NUL-terminated, STATUS_BUFFER_OVERFLOW. */
    memset(buf, POISON_B, sizeof(buf));
    s.Buffer = buf, s.Length = 0, s.MaximumLength = 3;
    assert_int_equal(RtlUnicodeStringToAnsiString(&s, &us, FALSE), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(s.Length, 2);
    assert_string_equal(buf, "h\x80");
    assert_int_equal((uint8_t)buf[3], POISON_B);
    s.MaximumLength = 0;
    assert_int_equal(RtlUnicodeStringToAnsiString(&s, &us, FALSE), STATUS_BUFFER_OVERFLOW);

    us.Length = 2;
    text[0] = 0x00C7;
    assert_int_equal(RtlUnicodeStringToOemString(&s, &us, TRUE), STATUS_SUCCESS);
    assert_int_equal((uint8_t)s.Buffer[0], 0x80);
    RtlFreeAnsiString(&s);
}

static void test_copy_append(void **state)
{
    WCHAR buf[8], text[] = { 'a', 'b', 'c' };
    UNICODE_STRING dst, src = { 6, 6, text };

    (void)state;
    poison_w(buf, 8);
    init_ustr(&dst, buf, 4);
    RtlCopyUnicodeString(&dst, &src);
    assert_int_equal(dst.Length, 4);
    assert_int_equal(buf[2], POISON_W);
    init_ustr(&dst, buf, 16);
    RtlCopyUnicodeString(&dst, &src);
    assert_int_equal(dst.Length, 6);
    assert_int_equal(buf[3], 0);
    RtlCopyUnicodeString(&dst, NULL);
    assert_int_equal(dst.Length, 0);

    assert_int_equal(RtlAppendUnicodeToString(&dst, (const WCHAR[]){ 'x', 'y', 0 }),
                     STATUS_SUCCESS);
    assert_int_equal(RtlAppendUnicodeStringToString(&dst, &src), STATUS_SUCCESS);
    assert_int_equal(dst.Length, 10);
    assert_memory_equal(buf, ((const WCHAR[]){ 'x', 'y', 'a', 'b', 'c', 0 }), 12);
    assert_int_equal(RtlAppendUnicodeStringToString(&dst, &src), STATUS_SUCCESS);  /* full */
    assert_int_equal(dst.Length, 16);
    assert_int_equal(RtlAppendUnicodeToString(&dst, (const WCHAR[]){ 'z', 0 }),
                     STATUS_BUFFER_TOO_SMALL);
    assert_int_equal(dst.Length, 16);
    assert_int_equal(RtlAppendUnicodeToString(&dst, NULL), STATUS_SUCCESS);
    /* Exactly full: no NUL. */
    poison_w(buf, 8);
    init_ustr(&dst, buf, 6);
    assert_int_equal(RtlAppendUnicodeStringToString(&dst, &src), STATUS_SUCCESS);
    assert_int_equal(buf[3], POISON_W);
}

struct compare_case {
    const char *a, *b;
    int ci, sign, equal, prefix;
};

static const struct compare_case compare_cases[] = {
    { "abc", "abc", 0, 0, 1, 1 },
    { "abc", "ABC", 0, 1, 0, 0 },
    { "abc", "ABC", 1, 0, 1, 1 },
    { "ab", "abc", 0, -1, 0, 1 },
    { "abc", "ab", 0, 1, 0, 0 },
    { "abd", "abc", 1, 1, 0, 0 },
    { "", "x", 0, -1, 0, 1 },
};

static void to_ustr(UNICODE_STRING *us, WCHAR *buf, const char *s)
{
    size_t n = strlen(s);

    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)s[i];
    us->Buffer = buf;
    us->Length = us->MaximumLength = (USHORT)(n * 2);
}

static void test_compare(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(compare_cases); i++) {
        const struct compare_case *c = &compare_cases[i];
        WCHAR ba[8], bb[8];
        UNICODE_STRING a, b;
        LONG r;

        to_ustr(&a, ba, c->a);
        to_ustr(&b, bb, c->b);
        r = RtlCompareUnicodeString(&a, &b, (BOOLEAN)c->ci);
        assert_int_equal((r > 0) - (r < 0), c->sign);
        assert_int_equal(RtlEqualUnicodeString(&a, &b, (BOOLEAN)c->ci), c->equal);
        assert_int_equal(RtlPrefixUnicodeString(&a, &b, (BOOLEAN)c->ci), c->prefix);
    }
}

static void test_upcase_string(void **state)
{
    WCHAR text[] = { 'a', 0x00E9, 'Z' }, buf[4];
    UNICODE_STRING src = { 6, 6, text }, dst;

    (void)state;
    assert_int_equal(RtlUpcaseUnicodeString(&dst, &src, TRUE), STATUS_SUCCESS);
    assert_int_equal(dst.Length, 6);
    assert_memory_equal(dst.Buffer, ((const WCHAR[]){ 'A', 0x00C9, 'Z' }), 6);
    RtlFreeUnicodeString(&dst);
    init_ustr(&dst, buf, 4);
    assert_int_equal(RtlDowncaseUnicodeString(&dst, &src, FALSE), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(RtlDowncaseUnicodeString(&src, &src, FALSE), STATUS_SUCCESS);   /* in place */
    assert_memory_equal(text, ((const WCHAR[]){ 'a', 0x00E9, 'z' }), 6);
    alloc_fail = 1;
    assert_int_equal(RtlUpcaseUnicodeString(&dst, &src, TRUE), STATUS_NO_MEMORY);
    alloc_fail = 0;
}

static void test_hash(void **state)
{
    WCHAR b1[4], b2[4];
    UNICODE_STRING s1, s2;
    ULONG h1, h2;

    (void)state;
    to_ustr(&s1, b1, "AB");
    to_ustr(&s2, b2, "ab");
    assert_int_equal(RtlHashUnicodeString(&s1, FALSE, 1, &h1), STATUS_SUCCESS);
    assert_int_equal(h1, 0x41u * 65599u + 0x42u);
    assert_int_equal(RtlHashUnicodeString(&s1, FALSE, 0, &h2), STATUS_SUCCESS);
    assert_int_equal(h1, h2);
    assert_int_equal(RtlHashUnicodeString(&s2, FALSE, 1, &h2), STATUS_SUCCESS);
    assert_int_not_equal(h1, h2);
    assert_int_equal(RtlHashUnicodeString(&s2, TRUE, 1, &h2), STATUS_SUCCESS);
    assert_int_equal(h1, h2);
    assert_int_equal(RtlHashUnicodeString(&s1, FALSE, 2, &h1), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlHashUnicodeString(&s1, FALSE, 1, NULL), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlHashUnicodeString(NULL, FALSE, 1, &h1), STATUS_INVALID_PARAMETER);
}

/* ---- integers ---- */

struct int_case { const char *in; ULONG base; NTSTATUS status; ULONG value; };

static const struct int_case int_cases[] = {
    { "123", 10, STATUS_SUCCESS, 123 },                 /* the documentation's examples */
    { "-345", 10, STATUS_SUCCESS, (ULONG)-345 },
    { "xyz", 10, STATUS_SUCCESS, 0 },
    { "+678abc", 10, STATUS_SUCCESS, 678 },
    { "+678abc", 16, STATUS_SUCCESS, 0x678abc },
    { "0x1A", 0, STATUS_SUCCESS, 26 },
    { "0o17", 0, STATUS_SUCCESS, 15 },
    { "0b101", 0, STATUS_SUCCESS, 5 },
    { "  \t42", 0, STATUS_SUCCESS, 42 },
    { "-0x10", 0, STATUS_SUCCESS, (ULONG)-16 },
    { "0x1A", 16, STATUS_SUCCESS, 0 },                  /* prefixes only with base 0 */
    { "0", 0, STATUS_SUCCESS, 0 },
    { "4294967295", 10, STATUS_SUCCESS, 0xFFFFFFFF },
    { "4294967296", 10, STATUS_SUCCESS, 0 },            /* wraps */
    { "12", 3, STATUS_INVALID_PARAMETER, 0xdeadbeef },
    { "12", 36, STATUS_INVALID_PARAMETER, 0xdeadbeef },
};

static void test_string_to_integer(void **state)
{
    (void)state;
    for (size_t i = 0; i < ARRAY_SIZE(int_cases); i++) {
        const struct int_case *c = &int_cases[i];
        WCHAR buf[16];
        UNICODE_STRING us;
        ULONG v = 0xdeadbeef;

        print_message("\"%s\" base %u\n", c->in, (unsigned int)c->base);
        assert_int_equal(RtlCharToInteger(c->in, c->base, &v), c->status);
        assert_int_equal(v, c->value);
        to_ustr(&us, buf, c->in);
        v = 0xdeadbeef;
        assert_int_equal(RtlUnicodeStringToInteger(&us, c->base, &v), c->status);
        assert_int_equal(v, c->value);
    }
}

static void test_string_to_integer_edges(void **state)
{
    UNICODE_STRING us = { 0, 0, NULL };
    ULONG v;

    (void)state;
    assert_int_equal(RtlUnicodeStringToInteger(&us, 10, &v), STATUS_INVALID_PARAMETER);
    assert_int_equal(RtlCharToInteger("1", 10, NULL), STATUS_ACCESS_VIOLATION);
}

static void test_integer_to_string(void **state)
{
    char buf[8];
    WCHAR wbuf[8];
    UNICODE_STRING us;

    (void)state;
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(RtlIntegerToChar(123, 10, 4, buf), STATUS_SUCCESS);
    assert_string_equal(buf, "123");
    memset(buf, 'x', sizeof(buf));
    assert_int_equal(RtlIntegerToChar(123, 0, 3, buf), STATUS_SUCCESS);    /* exact: no NUL */
    assert_memory_equal(buf, "123x", 4);
    assert_int_equal(RtlIntegerToChar(123, 10, 2, buf), STATUS_BUFFER_OVERFLOW);
    assert_int_equal(RtlIntegerToChar(255, 16, 8, buf), STATUS_SUCCESS);
    assert_string_equal(buf, "FF");
    assert_int_equal(RtlIntegerToChar(5, 2, 8, buf), STATUS_SUCCESS);
    assert_string_equal(buf, "101");
    assert_int_equal(RtlIntegerToChar(8, 8, 8, buf), STATUS_SUCCESS);
    assert_string_equal(buf, "10");
    assert_int_equal(RtlIntegerToChar(5, 3, 8, buf), STATUS_INVALID_PARAMETER);

    poison_w(wbuf, 8);
    init_ustr(&us, wbuf, 10);
    assert_int_equal(RtlIntegerToUnicodeString(0xFFFF, 16, &us), STATUS_SUCCESS);
    assert_int_equal(us.Length, 8);
    assert_memory_equal(wbuf, ((const WCHAR[]){ 'F', 'F', 'F', 'F', 0 }), 10);
    assert_int_equal(wbuf[5], POISON_W);
    init_ustr(&us, wbuf, 8);    /* the digits alone do not count as fitting */
    assert_int_equal(RtlIntegerToUnicodeString(0xFFFF, 16, &us), STATUS_BUFFER_OVERFLOW);
    init_ustr(&us, wbuf, 6);
    assert_int_equal(RtlIntegerToUnicodeString(123, 10, &us), STATUS_BUFFER_OVERFLOW);
    init_ustr(&us, wbuf, 16);
    assert_int_equal(RtlIntegerToUnicodeString(0, 0, &us), STATUS_SUCCESS);
    assert_int_equal(us.Length, 2);
    assert_int_equal(wbuf[0], '0');
    assert_int_equal(wbuf[1], 0);
}

/* ---- the private exports kernelbase calls ---- */

static void test_private_exports(void **state)
{
    const WCHAR src[] = { 'a', 0x4E00 };
    WCHAR wc[4];
    char out[4];
    DWORD err = 0;
    BOOL used = FALSE;

    (void)state;
    assert_int_equal(__vinho_nls_convert_mb_to_wc(NLS_CP_UTF8, 0, "a", 1, wc, 4, &err), 1);
    assert_int_equal(__vinho_nls_convert_mb_to_wc(NLS_CP_UTF8, 0, "a", 0, wc, 4, &err), 0);
    assert_int_equal(err, NLS_ERROR_INVALID_PARAMETER);
    assert_int_equal(__vinho_nls_convert_wc_to_mb(1252, 0, src, 2, out, 4, NULL, &used, &err), 2);
    assert_true(used);
    assert_int_equal(__vinho_nls_convert_wc_to_mb(1252, 0, src, 2, out, 1, NULL, &used, &err), 0);
    assert_int_equal(err, NLS_ERROR_INSUFFICIENT_BUFFER);
}

/* CompareString's order (dlls/ntdll/sort.c): a table of pairs and the sign of their comparison,
 * both ways round. The expectations are those of tests/programs/locale.c, checked with Wine. */
static void test_sort_order(void **state)
{
    static const struct { uint32_t flags; const char *a, *b; int want; } cases[] = {
        { 0, "a", "B", -1 },            { 0, "a", "A", -1 },      { 0, "A", "b", -1 },
        { NLS_NORM_IGNORECASE, "abc", "ABC", 0 },
        { 0, "co-op", "coop", 1 },      { 0, "co-op", "cop", -1 },
        { NLS_SORT_STRINGSORT, "a-b", "ab", -1 },
        { 0, "10", "9", -1 },           { NLS_SORT_DIGITSASNUMBERS, "10", "9", 1 },
        { NLS_SORT_DIGITSASNUMBERS, "file10", "file9", 1 },
        { 0, "!", "1", -1 },            { 0, "1", "a", -1 },      { 0, "_", "a", -1 },
        { 0, "abc", "ab", 1 },          { NLS_NORM_IGNORESYMBOLS, "a.b", "ab", 0 },
        { 0, "", "", 0 },               { 0, "", "a", -1 },
    };
    uint16_t a[16], b[16];
    (void)state;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t na = strlen(cases[i].a), nb = strlen(cases[i].b);
        for (size_t j = 0; j < na; j++)
            a[j] = (unsigned char)cases[i].a[j];
        for (size_t j = 0; j < nb; j++)
            b[j] = (unsigned char)cases[i].b[j];
        int got = nls_compare(cases[i].flags, a, na, b, nb);
        int back = nls_compare(cases[i].flags, b, nb, a, na);
        if (got != cases[i].want || back != -cases[i].want)
            fail_msg("case %zu: \"%s\" vs \"%s\" flags %#x: got %d/%d, want %d", i, cases[i].a,
                     cases[i].b, cases[i].flags, got, back, cases[i].want);
    }
    /* accents: base letter first, then accents, composed and decomposed alike */
    const uint16_t e[] = { 'e' }, e_acute[] = { 0x00e9 }, e_comb[] = { 'e', 0x0301 }, f[] = { 'f' };
    assert_int_equal(nls_compare(0, e, 1, e_acute, 1), -1);
    assert_int_equal(nls_compare(0, e_acute, 1, f, 1), -1);
    assert_int_equal(nls_compare(NLS_NORM_IGNORENONSPACE, e, 1, e_acute, 1), 0);
    assert_int_equal(nls_compare(0, e_comb, 2, e_acute, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_sbcs_facts),
        T(test_sbcs_round_trip),
        T(test_20127),
        T(test_sbcs_default_char),
        T(test_sbcs_best_fit),
        T(test_mb_composite),
        T(test_wc_compositecheck),
        T(test_mb_glyph_chars),
        T(test_utf8_decode),
        T(test_utf8_maximal_subparts),
        T(test_utf8_encode),
        T(test_nul_terminated),
        T(test_buffer_too_small),
        T(test_parameters),
        T(test_acp_oemcp),
        T(test_cpinfo),
        T(test_case_mapping),
        T(test_rtl_multibyte_n),
        T(test_rtl_oem_in_place),
        T(test_rtl_utf8_n),
        T(test_init_strings),
        T(test_create_free),
        T(test_ansi_to_unicode),
        T(test_unicode_to_ansi),
        T(test_copy_append),
        T(test_compare),
        T(test_upcase_string),
        T(test_hash),
        T(test_string_to_integer),
        T(test_string_to_integer_edges),
        T(test_integer_to_string),
        T(test_private_exports),
        T(test_sort_order),
#undef T
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
