/* nls.c: code-page conversion with MultiByteToWideChar/WideCharToMultiByte semantics, case
 * mapping, and the Rtl string functions of ntdll built on them.
 *
 * Only the export signatures use Windows types; tests/unit/test_nls.c builds this file natively
 * with tests/unit/nls_native.h standing in for the mingw-w64 headers. Behaviour follows
 * Microsoft's documentation of MultiByteToWideChar, WideCharToMultiByte and the Rtl routines,
 * RFC 3629 for UTF-8, and the Unicode Standard (chapter 3, "U+FFFD Substitution of Maximal
 * Subparts") for how ill-formed UTF-8 is replaced. Choices and gaps: docs/nls.md. */
#ifdef _WIN32
# define WIN32_NO_STATUS
# include <windows.h>
# undef WIN32_NO_STATUS
# include <ntstatus.h>
# include <winternl.h>
#else
# include "nls_native.h"
#endif
#include <limits.h>
#include <string.h>
#include "vinho/debug.h"
#include "nls.h"

DEFAULT_DEBUG_CHANNEL(nls);

/* ---------------------------------------------------------------------------------------------
 * Code pages
 */

enum cp_kind { KIND_SBCS, KIND_UTF8 };

struct codepage {
    unsigned int id;
    enum cp_kind kind;
    const uint16_t *to_unicode;                 /* SBCS: byte -> UTF-16 */
    const struct nls_rev_entry *from_unicode;   /* SBCS: bytes 80-FF, sorted by character */
    unsigned int from_count;
    int oem_glyphs;                             /* MB_USEGLYPHCHARS maps controls to glyphs */
    const char *name;                           /* as GetCPInfoExW reports it */
};

static const struct codepage codepages[] = {
    { 1252, KIND_SBCS, nls_cp1252_to_unicode, nls_cp1252_from_unicode, 128, 0,
      "1252  (ANSI - Latin I)" },
    { 437, KIND_SBCS, nls_cp437_to_unicode, nls_cp437_from_unicode, 128, 1,
      "437   (OEM - United States)" },
    { 850, KIND_SBCS, nls_cp850_to_unicode, nls_cp850_from_unicode, 128, 1,
      "850   (OEM - Multilingual Latin I)" },
    { 28591, KIND_SBCS, nls_cp28591_to_unicode, nls_cp28591_from_unicode, 128, 0,
      "28591 (ISO 8859-1 Latin I)" },
    /* US-ASCII: no character above U+007F has a byte, so nothing to search. */
    { 20127, KIND_SBCS, nls_cp20127_to_unicode, NULL, 0, 0, "20127 (US-ASCII)" },
    { NLS_CP_UTF8, KIND_UTF8, NULL, NULL, 0, 0, "65001 (UTF-8)" },
};

/* Set once at start-up, before other threads exist; always ids of the table above. */
static unsigned int process_acp = 1252, process_oemcp = 437;

static const struct codepage *find_real_codepage(unsigned int id)
{
    for (size_t i = 0; i < sizeof(codepages) / sizeof(codepages[0]); i++)
        if (codepages[i].id == id)
            return &codepages[i];
    return NULL;
}

/* CP_THREAD_ACP is the ACP: threads have no locale of their own yet. CP_MACCP (Mac Roman) and
 * CP_UTF7 are not supported and fail like any unknown code page. */
static const struct codepage *find_codepage(unsigned int id)
{
    if (id == NLS_CP_ACP || id == NLS_CP_THREAD_ACP)
        id = process_acp;
    else if (id == NLS_CP_OEMCP)
        id = process_oemcp;
    return find_real_codepage(id);
}

int nls_set_acp_oemcp(unsigned int acp, unsigned int oemcp)
{
    int ok = 1;

    if (find_real_codepage(acp))
        process_acp = acp;
    else {
        WARN("ANSI code page %u is not supported, keeping %u\n", acp, process_acp);
        ok = 0;
    }
    if (find_real_codepage(oemcp))
        process_oemcp = oemcp;
    else {
        WARN("OEM code page %u is not supported, keeping %u\n", oemcp, process_oemcp);
        ok = 0;
    }
    return ok;
}

unsigned int nls_get_acp(void)
{
    return process_acp;
}

unsigned int nls_get_oemcp(void)
{
    return process_oemcp;
}

int nls_get_cpinfo(unsigned int codepage, struct nls_cpinfo *info)
{
    const struct codepage *cp = find_codepage(codepage);

    if (!cp)
        return 0;
    info->codepage = cp->id;
    info->max_char_size = cp->kind == KIND_UTF8 ? 4 : 1;
    info->default_char = '?';
    info->unicode_default = cp->kind == KIND_UTF8 ? 0xFFFD : '?';
    info->name = cp->name;
    return 1;
}

/* ---------------------------------------------------------------------------------------------
 * Output: a buffer of cap units, or only a count. A piece that does not fit whole sets overflow
 * and stops all further writing, so len is what was written and a surrogate pair or a UTF-8
 * sequence is never split.
 */

struct wsink { uint16_t *buf; size_t cap, len; int count_only, overflow; };
struct bsink { uint8_t *buf; size_t cap, len; int count_only, overflow; };

static void wsink_put(struct wsink *s, const uint16_t *units, size_t n)
{
    if (s->overflow)
        return;
    if (!s->count_only) {
        if (s->cap - s->len < n) {
            s->overflow = 1;
            return;
        }
        for (size_t i = 0; i < n; i++)
            s->buf[s->len + i] = units[i];
    }
    s->len += n;
}

static void wsink_put1(struct wsink *s, uint16_t unit)
{
    wsink_put(s, &unit, 1);
}

static void wsink_put_codepoint(struct wsink *s, uint32_t ch)
{
    uint16_t pair[2];

    if (ch < 0x10000) {
        wsink_put1(s, (uint16_t)ch);
        return;
    }
    ch -= 0x10000;
    pair[0] = (uint16_t)(0xD800 | (ch >> 10));
    pair[1] = (uint16_t)(0xDC00 | (ch & 0x3FF));
    wsink_put(s, pair, 2);
}

static void bsink_put(struct bsink *s, const uint8_t *bytes, size_t n)
{
    if (s->overflow)
        return;
    if (!s->count_only) {
        if (s->cap - s->len < n) {
            s->overflow = 1;
            return;
        }
        memcpy(s->buf + s->len, bytes, n);
    }
    s->len += n;
}

/* ---------------------------------------------------------------------------------------------
 * Canonical decompositions: MB_COMPOSITE, WC_COMPOSITECHECK and best fit.
 */

static const struct nls_decomp *find_decomp(uint16_t wc)
{
    size_t lo = 0, hi = nls_decomp_count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (nls_decomp_table[mid].wc == wc)
            return &nls_decomp_table[mid];
        if (nls_decomp_table[mid].wc < wc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The precomposed character for base + mark, or 0. The table is sorted by character, so the
 * first match is the primary composite (U+03AC rather than its duplicate U+1F71). Linear: only
 * WC_COMPOSITECHECK with a combining mark in the input gets here. */
static uint16_t compose(uint16_t base, uint16_t mark)
{
    for (size_t i = 0; i < nls_decomp_count; i++)
        if (nls_decomp_table[i].base == base && nls_decomp_table[i].mark == mark)
            return nls_decomp_table[i].wc;
    return 0;
}

/* What WC_COMPOSITECHECK treats as a nonspacing character: the Combining Diacritical Marks. */
static int is_nonspacing(uint16_t wc)
{
    return wc >= 0x0300 && wc <= 0x036F;
}

/* The base letter and first mark of a precomposed character (recursively: U+1EA5 gives 'a'
 * and U+0302), for collation (sort.c); 0 when it does not decompose. */
int nls_decompose(uint16_t wc, uint16_t *base, uint16_t *mark)
{
    const struct nls_decomp *d = find_decomp(wc);
    if (!d)
        return 0;
    *mark = d->mark;
    *base = d->base;
    while ((d = find_decomp(*base)))
        *base = d->base;
    return 1;
}

static void put_decomposed(struct wsink *out, uint16_t wc)
{
    const struct nls_decomp *d = find_decomp(wc);

    if (!d) {
        wsink_put1(out, wc);
        return;
    }
    put_decomposed(out, d->base);   /* the table has no cycles; depth is at most 3 */
    wsink_put1(out, d->mark);
}

/* ---------------------------------------------------------------------------------------------
 * Single-byte code pages
 */

static uint16_t oem_glyph(uint8_t byte, uint16_t wc)
{
    if (byte < 0x20)
        return nls_oem_glyphs[byte];
    return byte == 0x7F ? 0x2302 : wc;
}

static void sbcs_decode(const struct codepage *cp, uint32_t flags, const uint8_t *src,
                        size_t len, struct wsink *out)
{
    for (size_t i = 0; i < len && !out->overflow; i++) {
        uint16_t wc = cp->to_unicode[src[i]];

        if ((flags & NLS_MB_USEGLYPHCHARS) && cp->oem_glyphs)
            wc = oem_glyph(src[i], wc);
        if (flags & NLS_MB_COMPOSITE)
            put_decomposed(out, wc);
        else
            wsink_put1(out, wc);
    }
}

/* Every code page here has an ASCII lower half (the table generator checks it). */
static int sbcs_lookup(const struct codepage *cp, uint16_t wc, uint8_t *byte)
{
    size_t lo = 0, hi = cp->from_count;

    if (wc < 0x80) {
        *byte = (uint8_t)wc;
        return 1;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp->from_unicode[mid].wc == wc) {
            *byte = cp->from_unicode[mid].byte;
            return 1;
        }
        if (cp->from_unicode[mid].wc < wc)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Best fit, the part we reproduce: a Latin letter with diacritics the code page lacks becomes
 * its base letter (U+0100 -> 'A'), and a fullwidth ASCII form (U+FF01-U+FF5E) its ASCII
 * character, as Windows' best-fit tables (bestfit1252.txt and the others) map them. */
static int best_fit(const struct codepage *cp, uint16_t wc, uint8_t *byte)
{
    const struct nls_decomp *d;
    uint16_t base = wc;

    if (wc >= 0xff01 && wc <= 0xff5e)
        return sbcs_lookup(cp, (uint16_t)(wc - 0xfee0), byte);

    while ((d = find_decomp(base)))
        base = d->base;
    if (base == wc || !((base >= 'A' && base <= 'Z') || (base >= 'a' && base <= 'z')))
        return 0;
    return sbcs_lookup(cp, base, byte);
}

struct sbcs_encoder {
    const struct codepage *cp;
    uint32_t flags;
    uint8_t defchar;
    int used_default;
    struct bsink *out;
};

static void sbcs_put_default(struct sbcs_encoder *enc)
{
    bsink_put(enc->out, &enc->defchar, 1);
    enc->used_default = 1;
}

/* A lone surrogate or each half of a pair is unmappable on its own, as in any SBCS table. */
static void sbcs_put_char(struct sbcs_encoder *enc, uint16_t wc)
{
    uint8_t byte;

    if (sbcs_lookup(enc->cp, wc, &byte)
        || (!(enc->flags & NLS_WC_NO_BEST_FIT_CHARS) && best_fit(enc->cp, wc, &byte)))
        bsink_put(enc->out, &byte, 1);
    else
        sbcs_put_default(enc);
}

/* WC_COMPOSITECHECK met base + nonspacing mark: returns 1 when it consumed both. */
static int sbcs_put_composite(struct sbcs_encoder *enc, uint16_t base, uint16_t mark)
{
    uint16_t wc = compose(base, mark);
    uint8_t byte;

    if (wc && sbcs_lookup(enc->cp, wc, &byte)) {
        bsink_put(enc->out, &byte, 1);
        return 1;
    }
    if (enc->flags & NLS_WC_DISCARDNS) {
        sbcs_put_char(enc, base);
        return 1;
    }
    if (enc->flags & NLS_WC_DEFAULTCHAR) {
        sbcs_put_default(enc);
        return 1;
    }
    return 0;   /* WC_SEPCHARS, the default: each character on its own */
}

static void sbcs_encode(struct sbcs_encoder *enc, const uint16_t *src, size_t len)
{
    for (size_t i = 0; i < len && !enc->out->overflow; i++) {
        if ((enc->flags & NLS_WC_COMPOSITECHECK) && i + 1 < len && is_nonspacing(src[i + 1])
            && sbcs_put_composite(enc, src[i], src[i + 1])) {
            i++;
            continue;
        }
        sbcs_put_char(enc, src[i]);
    }
}

/* ---------------------------------------------------------------------------------------------
 * UTF-8 (RFC 3629) and UTF-16
 */

/* Decodes the character at s[*pos] and moves past it. An ill-formed sequence gives -1 and moves
 * past its maximal subpart: the longest prefix of a well-formed sequence (Unicode Table 3-7), or
 * one byte. So overlongs (C0 80, E0 80 80), encoded surrogates (ED A0 80) and values above
 * U+10FFFF (F4 90 80 80, F5..) are rejected at their first or second byte. */
static int32_t utf8_next(const uint8_t *s, size_t len, size_t *pos)
{
    size_t i = *pos;
    uint8_t b = s[i++], lo = 0x80, hi = 0xBF;
    uint32_t ch;
    unsigned int need;

    if (b < 0x80) {
        *pos = i;
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1, ch = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2, ch = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3, ch = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else {
        *pos = i;
        return -1;
    }
    for (; need; need--, i++) {
        if (i >= len || s[i] < lo || s[i] > hi) {
            *pos = i;
            return -1;
        }
        ch = (ch << 6) | (s[i] & 0x3F);
        lo = 0x80, hi = 0xBF;
    }
    *pos = i;
    return (int32_t)ch;
}

/* Returns nonzero when the input was ill-formed; with MB_ERR_INVALID_CHARS it stops there,
 * otherwise each maximal subpart becomes U+FFFD (Windows Vista and later). */
static int utf8_decode(uint32_t flags, const uint8_t *src, size_t len, struct wsink *out)
{
    size_t pos = 0;
    int invalid = 0;

    while (pos < len && !out->overflow) {
        int32_t ch = utf8_next(src, len, &pos);

        if (ch < 0) {
            invalid = 1;
            if (flags & NLS_MB_ERR_INVALID_CHARS)
                break;
            ch = 0xFFFD;
        }
        wsink_put_codepoint(out, (uint32_t)ch);
    }
    return invalid;
}

/* The character at s[*pos], or -1 for a lone surrogate. */
static int32_t utf16_next(const uint16_t *s, size_t len, size_t *pos)
{
    uint16_t c = s[(*pos)++];

    if (c < 0xD800 || c > 0xDFFF)
        return c;
    if (c <= 0xDBFF && *pos < len && s[*pos] >= 0xDC00 && s[*pos] <= 0xDFFF)
        return 0x10000 + ((int32_t)(c - 0xD800) << 10) + (s[(*pos)++] - 0xDC00);
    return -1;
}

static size_t utf8_encode_char(uint32_t ch, uint8_t *buf)
{
    if (ch < 0x80) {
        buf[0] = (uint8_t)ch;
        return 1;
    }
    if (ch < 0x800) {
        buf[0] = (uint8_t)(0xC0 | (ch >> 6));
        buf[1] = (uint8_t)(0x80 | (ch & 0x3F));
        return 2;
    }
    if (ch < 0x10000) {
        buf[0] = (uint8_t)(0xE0 | (ch >> 12));
        buf[1] = (uint8_t)(0x80 | ((ch >> 6) & 0x3F));
        buf[2] = (uint8_t)(0x80 | (ch & 0x3F));
        return 3;
    }
    buf[0] = (uint8_t)(0xF0 | (ch >> 18));
    buf[1] = (uint8_t)(0x80 | ((ch >> 12) & 0x3F));
    buf[2] = (uint8_t)(0x80 | ((ch >> 6) & 0x3F));
    buf[3] = (uint8_t)(0x80 | (ch & 0x3F));
    return 4;
}

/* Lone surrogates become U+FFFD (EF BF BD), or stop the conversion with WC_ERR_INVALID_CHARS. */
static int utf8_encode(uint32_t flags, const uint16_t *src, size_t len, struct bsink *out)
{
    size_t pos = 0;
    int invalid = 0;

    while (pos < len && !out->overflow) {
        int32_t ch = utf16_next(src, len, &pos);
        uint8_t buf[4];

        if (ch < 0) {
            invalid = 1;
            if (flags & NLS_WC_ERR_INVALID_CHARS)
                break;
            ch = 0xFFFD;
        }
        bsink_put(out, buf, utf8_encode_char((uint32_t)ch, buf));
    }
    return invalid;
}

/* ---------------------------------------------------------------------------------------------
 * Dispatch and the MultiByteToWideChar / WideCharToMultiByte rules
 */

/* Returns nonzero when the input held an ill-formed sequence. */
static int decode(const struct codepage *cp, uint32_t flags, const uint8_t *src, size_t len,
                  struct wsink *out)
{
    if (cp->kind == KIND_UTF8)
        return utf8_decode(flags, src, len, out);
    sbcs_decode(cp, flags, src, len, out);
    return 0;   /* every byte of our single-byte code pages is defined */
}

/* defchar NULL means the code page's own; *used_default tells whether it was needed. */
static int encode(const struct codepage *cp, uint32_t flags, const uint16_t *src, size_t len,
                  const char *defchar, int *used_default, struct bsink *out)
{
    struct sbcs_encoder enc = { cp, flags, defchar ? (uint8_t)*defchar : '?', 0, out };

    if (cp->kind == KIND_UTF8) {
        *used_default = 0;
        return utf8_encode(flags, src, len, out);
    }
    sbcs_encode(&enc, src, len);
    *used_default = enc.used_default;
    return 0;
}

static size_t wstrlen(const uint16_t *s)
{
    size_t n = 0;

    while (s[n])
        n++;
    return n;
}

static int fail(uint32_t *error, uint32_t code)
{
    *error = code;
    return 0;
}

/* UTF-8 (and GB18030, UTF-7 and the ISO-2022 pages, none of which we have) allow only the
 * invalid-characters flag; MB_PRECOMPOSED and MB_COMPOSITE exclude each other. */
static uint32_t check_mb_flags(const struct codepage *cp, uint32_t flags)
{
    const uint32_t sbcs_flags = NLS_MB_PRECOMPOSED | NLS_MB_COMPOSITE | NLS_MB_USEGLYPHCHARS
                                | NLS_MB_ERR_INVALID_CHARS;
    const uint32_t both = NLS_MB_PRECOMPOSED | NLS_MB_COMPOSITE;

    if (cp->kind == KIND_UTF8)
        return (flags & ~NLS_MB_ERR_INVALID_CHARS) ? NLS_ERROR_INVALID_FLAGS : 0;
    if ((flags & ~sbcs_flags) || (flags & both) == both)
        return NLS_ERROR_INVALID_FLAGS;
    return 0;
}

/* WC_ERR_INVALID_CHARS is for UTF-8 (and GB18030) only, and UTF-8 allows nothing else. */
static uint32_t check_wc_flags(const struct codepage *cp, uint32_t flags)
{
    const uint32_t sbcs_flags = NLS_WC_COMPOSITECHECK | NLS_WC_DISCARDNS | NLS_WC_SEPCHARS
                                | NLS_WC_DEFAULTCHAR | NLS_WC_NO_BEST_FIT_CHARS;

    if (cp->kind == KIND_UTF8)
        return (flags & ~NLS_WC_ERR_INVALID_CHARS) ? NLS_ERROR_INVALID_FLAGS : 0;
    return (flags & ~sbcs_flags) ? NLS_ERROR_INVALID_FLAGS : 0;
}

int nls_mb_to_wc(unsigned int codepage, uint32_t flags, const char *src, int srclen,
                 uint16_t *dst, int dstlen, uint32_t *error)
{
    struct wsink out = { dst, dstlen > 0 ? (size_t)dstlen : 0, 0, dstlen == 0, 0 };
    const struct codepage *cp;
    uint32_t err;
    size_t len;

    if (!src || !srclen || dstlen < 0 || (!dst && dstlen)
        || (dst && (const void *)dst == (const void *)src))
        return fail(error, NLS_ERROR_INVALID_PARAMETER);
    if (!(cp = find_codepage(codepage)))
        return fail(error, NLS_ERROR_INVALID_PARAMETER);
    if ((err = check_mb_flags(cp, flags)))
        return fail(error, err);
    /* Any negative length means NUL-terminated; the NUL is converted and counted. */
    len = srclen < 0 ? strlen(src) + 1 : (size_t)srclen;
    if (decode(cp, flags, (const uint8_t *)src, len, &out) && (flags & NLS_MB_ERR_INVALID_CHARS))
        return fail(error, NLS_ERROR_NO_UNICODE_TRANSLATION);
    if (out.overflow || out.len > INT_MAX)
        return fail(error, NLS_ERROR_INSUFFICIENT_BUFFER);
    return (int)out.len;
}

int nls_wc_to_mb(unsigned int codepage, uint32_t flags, const uint16_t *src, int srclen,
                 char *dst, int dstlen, const char *defchar, int *used_default, uint32_t *error)
{
    struct bsink out = { (uint8_t *)dst, dstlen > 0 ? (size_t)dstlen : 0, 0, dstlen == 0, 0 };
    const struct codepage *cp;
    int used = 0;
    uint32_t err;
    size_t len;

    if (!src || !srclen || dstlen < 0 || (!dst && dstlen)
        || (dst && (const void *)dst == (const void *)src))
        return fail(error, NLS_ERROR_INVALID_PARAMETER);
    if (!(cp = find_codepage(codepage)))
        return fail(error, NLS_ERROR_INVALID_PARAMETER);
    if ((err = check_wc_flags(cp, flags)))
        return fail(error, err);
    if (cp->kind == KIND_UTF8 && (defchar || used_default))
        return fail(error, NLS_ERROR_INVALID_PARAMETER);
    len = srclen < 0 ? wstrlen(src) + 1 : (size_t)srclen;
    if (encode(cp, flags, src, len, defchar, &used, &out) && (flags & NLS_WC_ERR_INVALID_CHARS))
        return fail(error, NLS_ERROR_NO_UNICODE_TRANSLATION);
    if (out.overflow || out.len > INT_MAX)
        return fail(error, NLS_ERROR_INSUFFICIENT_BUFFER);
    if (used_default)
        *used_default = used;
    return (int)out.len;
}

/* ---------------------------------------------------------------------------------------------
 * Case mapping: two-level tables of deltas (nls_tables.c), 32 characters per block.
 */

uint16_t nls_upcase(uint16_t ch)
{
    return (uint16_t)(ch + nls_upper_blocks[nls_upper_index[ch >> 5]][ch & 31]);
}

uint16_t nls_downcase(uint16_t ch)
{
    return (uint16_t)(ch + nls_lower_blocks[nls_lower_index[ch >> 5]][ch & 31]);
}

/* ---------------------------------------------------------------------------------------------
 * Exports: conversions with explicit lengths. They use the process ACP or OEM code page, flags 0,
 * and truncate at a character boundary when the output is full.
 */

/* Converts for the Rtl*N functions; returns units written, *truncated when some did not fit. */
static size_t rtl_mb_to_wc(unsigned int codepage, const char *src, size_t len, WCHAR *dst,
                           size_t cap, int *truncated)
{
    const struct codepage *cp = find_codepage(codepage);
    struct wsink out = { dst, cap, 0, 0, 0 };

    /* An SBCS string may be converted in place (documented for RtlOemToUnicodeN): going
     * backwards, each byte is read before the unit written over it. */
    if (cp->kind == KIND_SBCS && (const void *)dst == (const void *)src && dst) {
        size_t n = len < cap ? len : cap;
        for (size_t i = n; i-- > 0;)
            dst[i] = cp->to_unicode[(uint8_t)src[i]];
        *truncated = n < len;
        return n;
    }
    decode(cp, 0, (const uint8_t *)src, len, &out);
    *truncated = out.overflow;
    return out.len;
}

static size_t rtl_wc_to_mb(unsigned int codepage, const WCHAR *src, size_t len, char *dst,
                           size_t cap, int count_only, int *truncated)
{
    struct bsink out = { (uint8_t *)dst, cap, 0, count_only, 0 };
    int used;

    encode(find_codepage(codepage), 0, src, len, NULL, &used, &out);
    *truncated = out.overflow;
    return out.len;
}

static size_t rtl_count_wc(unsigned int codepage, const char *src, size_t len)
{
    struct wsink out = { NULL, 0, 0, 1, 0 };

    decode(find_codepage(codepage), 0, (const uint8_t *)src, len, &out);
    return out.len;
}

/***********************************************************************
 *      RtlMultiByteToUnicodeN   (ntdll.@)
 *
 * RETURNS: STATUS_SUCCESS, also when the output was truncated (as documented).
 */
NTSTATUS WINAPI RtlMultiByteToUnicodeN(WCHAR *dst, ULONG dstlen, ULONG *reslen,
                                       const char *src, ULONG srclen)
{
    int truncated;
    size_t n = rtl_mb_to_wc(NLS_CP_ACP, src, srclen, dst, dstlen / sizeof(WCHAR), &truncated);

    if (reslen)
        *reslen = (ULONG)(n * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlOemToUnicodeN   (ntdll.@)
 *
 * RETURNS: STATUS_SUCCESS, or the warning STATUS_BUFFER_OVERFLOW when truncated (documented).
 */
NTSTATUS WINAPI RtlOemToUnicodeN(WCHAR *dst, ULONG dstlen, ULONG *reslen,
                                 const char *src, ULONG srclen)
{
    int truncated;
    size_t n = rtl_mb_to_wc(NLS_CP_OEMCP, src, srclen, dst, dstlen / sizeof(WCHAR), &truncated);

    if (reslen)
        *reslen = (ULONG)(n * sizeof(WCHAR));
    return truncated ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlUnicodeToMultiByteN   (ntdll.@)
 */
NTSTATUS WINAPI RtlUnicodeToMultiByteN(char *dst, ULONG dstlen, ULONG *reslen,
                                       const WCHAR *src, ULONG srclen)
{
    int truncated;
    size_t n = rtl_wc_to_mb(NLS_CP_ACP, src, srclen / sizeof(WCHAR), dst, dstlen, 0, &truncated);

    if (reslen)
        *reslen = (ULONG)n;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlUnicodeToOemN   (ntdll.@)
 */
NTSTATUS WINAPI RtlUnicodeToOemN(char *dst, ULONG dstlen, ULONG *reslen,
                                 const WCHAR *src, ULONG srclen)
{
    int truncated;
    size_t n = rtl_wc_to_mb(NLS_CP_OEMCP, src, srclen / sizeof(WCHAR), dst, dstlen, 0, &truncated);

    if (reslen)
        *reslen = (ULONG)n;
    return truncated ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlMultiByteToUnicodeSize   (ntdll.@)
 */
NTSTATUS WINAPI RtlMultiByteToUnicodeSize(ULONG *size, const char *src, ULONG srclen)
{
    *size = (ULONG)(rtl_count_wc(NLS_CP_ACP, src, srclen) * sizeof(WCHAR));
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlUnicodeToMultiByteSize   (ntdll.@)
 */
NTSTATUS WINAPI RtlUnicodeToMultiByteSize(ULONG *size, WCHAR *src, ULONG srclen)
{
    int truncated;

    *size = (ULONG)rtl_wc_to_mb(NLS_CP_ACP, src, srclen / sizeof(WCHAR), NULL, 0, 1, &truncated);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlUTF8ToUnicodeN   (ntdll.@)
 *
 * A NULL dst asks for the size. RETURNS: STATUS_SOME_NOT_MAPPED when ill-formed input became
 * U+FFFD; STATUS_BUFFER_TOO_SMALL when the output was truncated (*reslen = bytes written).
 */
NTSTATUS WINAPI RtlUTF8ToUnicodeN(WCHAR *dst, ULONG dstlen, ULONG *reslen,
                                  const char *src, ULONG srclen)
{
    struct wsink out = { dst, dstlen / sizeof(WCHAR), 0, dst == NULL, 0 };
    int invalid;

    if (!dst && !reslen)
        return STATUS_INVALID_PARAMETER;
    if (!src)
        return STATUS_INVALID_PARAMETER_4;
    invalid = utf8_decode(0, (const uint8_t *)src, srclen, &out);
    if (reslen)
        *reslen = (ULONG)(out.len * sizeof(WCHAR));
    if (out.overflow)
        return STATUS_BUFFER_TOO_SMALL;
    return invalid ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlUnicodeToUTF8N   (ntdll.@)
 *
 * Like RtlUTF8ToUnicodeN; an odd srclen is STATUS_INVALID_PARAMETER_5.
 */
NTSTATUS WINAPI RtlUnicodeToUTF8N(char *dst, ULONG dstlen, ULONG *reslen,
                                  const WCHAR *src, ULONG srclen)
{
    struct bsink out = { (uint8_t *)dst, dstlen, 0, dst == NULL, 0 };
    int invalid;

    if (!dst && !reslen)
        return STATUS_INVALID_PARAMETER;
    if (!src)
        return STATUS_INVALID_PARAMETER_4;
    if (srclen % sizeof(WCHAR))
        return STATUS_INVALID_PARAMETER_5;
    invalid = utf8_encode(0, src, srclen / sizeof(WCHAR), &out);
    if (reslen)
        *reslen = (ULONG)out.len;
    if (out.overflow)
        return STATUS_BUFFER_TOO_SMALL;
    return invalid ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------------------------------
 * Exports: counted strings
 */

#define MAX_USHORT_EVEN 0xFFFE

static HANDLE process_heap(void)
{
#ifdef _WIN32
    /* TEB.Self (gs:0x30) -> TEB.ProcessEnvironmentBlock (0x60) -> PEB.ProcessHeap (0x30). Read by
     * hand: mingw's __readgsqword trips gcc 12's -Warray-bounds. */
    char *teb, *peb;

    __asm__("movq %%gs:0x30, %0" : "=r"(teb));
    peb = *(char **)(teb + 0x60);
    return *(HANDLE *)(peb + 0x30);
#else
    return NULL;    /* the unit tests' RtlAllocateHeap ignores the heap */
#endif
}

static void *string_alloc(size_t size)
{
    return RtlAllocateHeap(process_heap(), 0, size);
}

/***********************************************************************
 *      RtlInitUnicodeString   (ntdll.@)
 *
 * Longer strings are cut to the largest even length a USHORT holds with room for the NUL.
 */
void WINAPI RtlInitUnicodeString(PUNICODE_STRING dst, PCWSTR src)
{
    size_t len = src ? wstrlen(src) * sizeof(WCHAR) : 0;

    if (len > MAX_USHORT_EVEN - sizeof(WCHAR))
        len = MAX_USHORT_EVEN - sizeof(WCHAR);
    dst->Length = (USHORT)len;
    dst->MaximumLength = src ? (USHORT)(len + sizeof(WCHAR)) : 0;
    dst->Buffer = (WCHAR *)src;
}

/***********************************************************************
 *      RtlInitUnicodeStringEx   (ntdll.@)
 *
 * RETURNS: STATUS_NAME_TOO_LONG (dst left empty) where RtlInitUnicodeString would truncate.
 */
NTSTATUS WINAPI RtlInitUnicodeStringEx(PUNICODE_STRING dst, PCWSTR src)
{
    if (src && wstrlen(src) * sizeof(WCHAR) > MAX_USHORT_EVEN - sizeof(WCHAR)) {
        dst->Length = dst->MaximumLength = 0;
        dst->Buffer = NULL;
        return STATUS_NAME_TOO_LONG;
    }
    RtlInitUnicodeString(dst, src);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlInitString   (ntdll.@)
 */
void WINAPI RtlInitString(PSTRING dst, PCSZ src)
{
    size_t len = src ? strlen(src) : 0;

    if (len > MAX_USHORT_EVEN)
        len = MAX_USHORT_EVEN;
    dst->Length = (USHORT)len;
    dst->MaximumLength = src ? (USHORT)(len + 1) : 0;
    dst->Buffer = (char *)src;
}

/***********************************************************************
 *      RtlInitAnsiString   (ntdll.@)
 */
void WINAPI RtlInitAnsiString(PANSI_STRING dst, PCSZ src)
{
    RtlInitString(dst, src);
}

/***********************************************************************
 *      RtlCreateUnicodeString   (ntdll.@)
 *
 * Copies src, with its NUL, into a new buffer from the process heap.
 */
BOOLEAN WINAPI RtlCreateUnicodeString(PUNICODE_STRING dst, PCWSTR src)
{
    size_t size = (wstrlen(src) + 1) * sizeof(WCHAR);

    if (size > MAX_USHORT_EVEN)
        return FALSE;
    if (!(dst->Buffer = string_alloc(size)))
        return FALSE;
    memcpy(dst->Buffer, src, size);
    dst->Length = (USHORT)(size - sizeof(WCHAR));
    dst->MaximumLength = (USHORT)size;
    return TRUE;
}

/***********************************************************************
 *      RtlFreeUnicodeString   (ntdll.@)
 */
void WINAPI RtlFreeUnicodeString(PUNICODE_STRING str)
{
    if (str->Buffer)
        RtlFreeHeap(process_heap(), 0, str->Buffer);
    memset(str, 0, sizeof(*str));
}

/***********************************************************************
 *      RtlFreeAnsiString   (ntdll.@)
 */
void WINAPI RtlFreeAnsiString(PANSI_STRING str)
{
    if (str->Buffer)
        RtlFreeHeap(process_heap(), 0, str->Buffer);
    memset(str, 0, sizeof(*str));
}

/* Byte string -> UNICODE_STRING in the given code page, with a NUL when there is room. Without
 * allocation the converted text (not its NUL) must fit, else STATUS_BUFFER_OVERFLOW. */
static NTSTATUS string_to_unicode(UNICODE_STRING *dst, const STRING *src, BOOLEAN alloc,
                                  unsigned int codepage)
{
    size_t units = rtl_count_wc(codepage, src->Buffer, src->Length);
    size_t size = (units + 1) * sizeof(WCHAR);
    int truncated;

    if (size > MAX_USHORT_EVEN)
        return STATUS_INVALID_PARAMETER_2;
    if (alloc) {
        if (!(dst->Buffer = string_alloc(size)))
            return STATUS_NO_MEMORY;
        dst->MaximumLength = (USHORT)size;
    } else if (units * sizeof(WCHAR) >= dst->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW;
    }
    dst->Length = (USHORT)(units * sizeof(WCHAR));
    rtl_mb_to_wc(codepage, src->Buffer, src->Length, dst->Buffer, units, &truncated);
    if (dst->Length + sizeof(WCHAR) <= dst->MaximumLength)
        dst->Buffer[units] = 0;
    return STATUS_SUCCESS;
}

/* UNICODE_STRING -> byte string, NUL-terminated. Without allocation, text that does not fit is
 * converted as far as it goes (leaving room for the NUL) and STATUS_BUFFER_OVERFLOW returned. */
static NTSTATUS unicode_to_string(STRING *dst, const UNICODE_STRING *src, BOOLEAN alloc,
                                  unsigned int codepage)
{
    size_t units = src->Length / sizeof(WCHAR), cap, len;
    NTSTATUS status = STATUS_SUCCESS;
    int truncated;

    cap = rtl_wc_to_mb(codepage, src->Buffer, units, NULL, 0, 1, &truncated);
    if (cap + 1 > 0xFFFF)
        return STATUS_INVALID_PARAMETER_2;
    if (alloc) {
        if (!(dst->Buffer = string_alloc(cap + 1)))
            return STATUS_NO_MEMORY;
        dst->MaximumLength = (USHORT)(cap + 1);
    } else if (cap >= dst->MaximumLength) {
        if (!dst->MaximumLength)
            return STATUS_BUFFER_OVERFLOW;
        status = STATUS_BUFFER_OVERFLOW;
        cap = dst->MaximumLength - 1;
    }
    len = rtl_wc_to_mb(codepage, src->Buffer, units, dst->Buffer, cap, 0, &truncated);
    dst->Buffer[len] = 0;
    dst->Length = (USHORT)len;
    return status;
}

/***********************************************************************
 *      RtlAnsiStringToUnicodeString   (ntdll.@)
 */
NTSTATUS WINAPI RtlAnsiStringToUnicodeString(PUNICODE_STRING dst, PCANSI_STRING src, BOOLEAN alloc)
{
    return string_to_unicode(dst, src, alloc, NLS_CP_ACP);
}

/***********************************************************************
 *      RtlOemStringToUnicodeString   (ntdll.@)
 */
NTSTATUS WINAPI RtlOemStringToUnicodeString(PUNICODE_STRING dst, PCOEM_STRING src, BOOLEAN alloc)
{
    return string_to_unicode(dst, src, alloc, NLS_CP_OEMCP);
}

/***********************************************************************
 *      RtlUnicodeStringToAnsiString   (ntdll.@)
 */
NTSTATUS WINAPI RtlUnicodeStringToAnsiString(PANSI_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc)
{
    return unicode_to_string(dst, src, alloc, NLS_CP_ACP);
}

/***********************************************************************
 *      RtlUnicodeStringToOemString   (ntdll.@)
 */
NTSTATUS WINAPI RtlUnicodeStringToOemString(POEM_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc)
{
    return unicode_to_string(dst, src, alloc, NLS_CP_OEMCP);
}

/***********************************************************************
 *      RtlCreateUnicodeStringFromAsciiz   (ntdll.@)
 */
BOOLEAN WINAPI RtlCreateUnicodeStringFromAsciiz(PUNICODE_STRING dst, LPCSTR src)
{
    STRING ansi;

    RtlInitAnsiString(&ansi, src);
    return RtlAnsiStringToUnicodeString(dst, &ansi, TRUE) == STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlCopyUnicodeString   (ntdll.@)
 *
 * Copies what fits of src; a NULL src empties dst.
 */
void WINAPI RtlCopyUnicodeString(PUNICODE_STRING dst, PCUNICODE_STRING src)
{
    size_t len;

    if (!src) {
        dst->Length = 0;
        return;
    }
    len = src->Length < dst->MaximumLength ? src->Length : dst->MaximumLength;
    len &= ~(size_t)1;
    memmove(dst->Buffer, src->Buffer, len);
    dst->Length = (USHORT)len;
    if (len + sizeof(WCHAR) <= dst->MaximumLength)
        dst->Buffer[len / sizeof(WCHAR)] = 0;
}

/* Appends len bytes; NUL-terminates when there is room. */
static NTSTATUS append_units(UNICODE_STRING *dst, const WCHAR *src, size_t len)
{
    size_t total = (size_t)dst->Length + len;

    if (total > dst->MaximumLength)
        return STATUS_BUFFER_TOO_SMALL;
    memmove((char *)dst->Buffer + dst->Length, src, len);
    dst->Length = (USHORT)total;
    if (total + sizeof(WCHAR) <= dst->MaximumLength)
        dst->Buffer[total / sizeof(WCHAR)] = 0;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlAppendUnicodeToString   (ntdll.@)
 */
NTSTATUS WINAPI RtlAppendUnicodeToString(PUNICODE_STRING dst, PCWSTR src)
{
    if (!src)
        return STATUS_SUCCESS;
    return append_units(dst, src, wstrlen(src) * sizeof(WCHAR));
}

/***********************************************************************
 *      RtlAppendUnicodeStringToString   (ntdll.@)
 */
NTSTATUS WINAPI RtlAppendUnicodeStringToString(PUNICODE_STRING dst, PCUNICODE_STRING src)
{
    return append_units(dst, src->Buffer, src->Length & ~1u);
}

/***********************************************************************
 *      RtlUpcaseUnicodeChar   (ntdll.@)
 */
WCHAR WINAPI RtlUpcaseUnicodeChar(WCHAR ch)
{
    return nls_upcase(ch);
}

/***********************************************************************
 *      RtlDowncaseUnicodeChar   (ntdll.@)
 */
WCHAR WINAPI RtlDowncaseUnicodeChar(WCHAR ch)
{
    return nls_downcase(ch);
}

static NTSTATUS map_case(UNICODE_STRING *dst, const UNICODE_STRING *src, BOOLEAN alloc,
                         uint16_t (*map)(uint16_t))
{
    size_t len = src->Length & ~1u;

    if (alloc) {
        if (!(dst->Buffer = string_alloc(len ? len : sizeof(WCHAR))))
            return STATUS_NO_MEMORY;
        dst->MaximumLength = (USHORT)len;
    } else if (len > dst->MaximumLength) {
        return STATUS_BUFFER_OVERFLOW;
    }
    for (size_t i = 0; i < len / sizeof(WCHAR); i++)
        dst->Buffer[i] = map(src->Buffer[i]);
    dst->Length = (USHORT)len;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlUpcaseUnicodeString   (ntdll.@)
 *
 * Works in place (dst == src); the result is not NUL-terminated.
 */
NTSTATUS WINAPI RtlUpcaseUnicodeString(PUNICODE_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc)
{
    return map_case(dst, src, alloc, nls_upcase);
}

/***********************************************************************
 *      RtlDowncaseUnicodeString   (ntdll.@)
 */
NTSTATUS WINAPI RtlDowncaseUnicodeString(PUNICODE_STRING dst, PCUNICODE_STRING src, BOOLEAN alloc)
{
    return map_case(dst, src, alloc, nls_downcase);
}

/* Ordinal comparison of the first n units, optionally of their upper-case forms. */
static LONG compare_units(const WCHAR *a, const WCHAR *b, size_t n, BOOLEAN ci)
{
    for (size_t i = 0; i < n; i++) {
        WCHAR x = ci ? nls_upcase(a[i]) : a[i], y = ci ? nls_upcase(b[i]) : b[i];
        if (x != y)
            return (LONG)x - (LONG)y;
    }
    return 0;
}

/***********************************************************************
 *      RtlCompareUnicodeString   (ntdll.@)
 *
 * RETURNS: the difference of the first differing characters, else of the lengths in characters.
 */
LONG WINAPI RtlCompareUnicodeString(PCUNICODE_STRING s1, PCUNICODE_STRING s2, BOOLEAN ci)
{
    size_t n1 = s1->Length / sizeof(WCHAR), n2 = s2->Length / sizeof(WCHAR);
    LONG ret = compare_units(s1->Buffer, s2->Buffer, n1 < n2 ? n1 : n2, ci);

    return ret ? ret : (LONG)n1 - (LONG)n2;
}

/***********************************************************************
 *      RtlEqualUnicodeString   (ntdll.@)
 */
BOOLEAN WINAPI RtlEqualUnicodeString(PCUNICODE_STRING s1, PCUNICODE_STRING s2, BOOLEAN ci)
{
    if (s1->Length != s2->Length)
        return FALSE;
    return !compare_units(s1->Buffer, s2->Buffer, s1->Length / sizeof(WCHAR), ci);
}

/***********************************************************************
 *      RtlPrefixUnicodeString   (ntdll.@)
 *
 * RETURNS: TRUE when s1 is a prefix of s2.
 */
BOOLEAN WINAPI RtlPrefixUnicodeString(PCUNICODE_STRING s1, PCUNICODE_STRING s2, BOOLEAN ci)
{
    if (s1->Length > s2->Length)
        return FALSE;
    return !compare_units(s1->Buffer, s2->Buffer, s1->Length / sizeof(WCHAR), ci);
}

/***********************************************************************
 *      RtlHashUnicodeString   (ntdll.@)
 *
 * The documented x65599 algorithm, which is also the default: h = h * 65599 + c over the UTF-16
 * units (upper-cased when case-insensitive), modulo 2^32, starting from 0.
 */
NTSTATUS WINAPI RtlHashUnicodeString(PCUNICODE_STRING str, BOOLEAN ci, ULONG alg, ULONG *hash)
{
    ULONG h = 0;

    if (!str || !hash || (alg != 0 /* DEFAULT */ && alg != 1 /* X65599 */))
        return STATUS_INVALID_PARAMETER;
    for (size_t i = 0; i < str->Length / sizeof(WCHAR); i++)
        h = h * 65599u + (ci ? nls_upcase(str->Buffer[i]) : str->Buffer[i]);
    *hash = h;
    return STATUS_SUCCESS;
}

/* ---------------------------------------------------------------------------------------------
 * Exports: integers
 */

static int digit_value(unsigned int c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (int)(c - 'A' + 10);
    return 99;
}

/* The text of RtlCharToInteger or RtlUnicodeStringToInteger: bytes or UTF-16 units. */
struct num_text { const char *a; const WCHAR *w; size_t len; };

static unsigned int num_char(const struct num_text *t, size_t i)
{
    return t->w ? t->w[i] : (unsigned char)t->a[i];
}

/* As documented for RtlUnicodeStringToInteger: leading white space (any unit <= ' ') and one
 * sign are skipped; base 0 means a "0x", "0o" or "0b" prefix or else decimal; digits run until
 * the first character that is not one in the base; overflow wraps, a '-' negates. */
static NTSTATUS parse_integer(const struct num_text *t, ULONG base, ULONG *value)
{
    size_t i = 0;
    ULONG total = 0;
    int negative = 0;

    while (i < t->len && num_char(t, i) <= ' ')
        i++;
    if (i < t->len && (num_char(t, i) == '+' || num_char(t, i) == '-'))
        negative = num_char(t, i++) == '-';
    if (!base) {
        base = 10;
        if (i + 1 < t->len && num_char(t, i) == '0') {
            unsigned int p = num_char(t, i + 1);
            base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
            if (base != 10)
                i += 2;
        }
    } else if (base != 2 && base != 8 && base != 10 && base != 16) {
        return STATUS_INVALID_PARAMETER;
    }
    if (!value)
        return STATUS_ACCESS_VIOLATION;
    for (; i < t->len && digit_value(num_char(t, i)) < (int)base; i++)
        total = total * base + (ULONG)digit_value(num_char(t, i));
    *value = negative ? 0u - total : total;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlCharToInteger   (ntdll.@)
 */
NTSTATUS WINAPI RtlCharToInteger(PCSZ str, ULONG base, PULONG value)
{
    struct num_text t = { str, NULL, strlen(str) };

    return parse_integer(&t, base, value);
}

/***********************************************************************
 *      RtlUnicodeStringToInteger   (ntdll.@)
 *
 * RETURNS: STATUS_INVALID_PARAMETER for an empty string or a bad base.
 */
NTSTATUS WINAPI RtlUnicodeStringToInteger(PCUNICODE_STRING str, ULONG base, ULONG *value)
{
    struct num_text t = { NULL, str->Buffer, str->Length / sizeof(WCHAR) };

    if (!t.len)
        return STATUS_INVALID_PARAMETER;
    return parse_integer(&t, base, value);
}

/***********************************************************************
 *      RtlIntegerToChar   (ntdll.@)
 *
 * Digits in upper case; a NUL follows when there is room. A negative length means the caller
 * vouches for the buffer. RETURNS: STATUS_BUFFER_OVERFLOW when the digits do not fit.
 */
NTSTATUS WINAPI RtlIntegerToChar(ULONG value, ULONG base, LONG length, char *str)
{
    char digits[32];
    size_t n = 0;

    if (!base)
        base = 10;
    if (base != 2 && base != 8 && base != 10 && base != 16)
        return STATUS_INVALID_PARAMETER;
    do {
        digits[n++] = "0123456789ABCDEF"[value % base];
        value /= base;
    } while (value);
    if (length >= 0 && n > (size_t)length)
        return STATUS_BUFFER_OVERFLOW;
    if (!str)
        return STATUS_ACCESS_VIOLATION;
    for (size_t i = 0; i < n; i++)
        str[i] = digits[n - 1 - i];
    if (length < 0 || n < (size_t)length)
        str[n] = 0;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *      RtlIntegerToUnicodeString   (ntdll.@)
 *
 * RETURNS: STATUS_BUFFER_OVERFLOW unless str can hold the digits (and, if room, a NUL).
 */
NTSTATUS WINAPI RtlIntegerToUnicodeString(ULONG value, ULONG base, PUNICODE_STRING str)
{
    char digits[33];
    STRING ansi;
    NTSTATUS status = RtlIntegerToChar(value, base, sizeof(digits), digits);

    if (status != STATUS_SUCCESS)
        return status;
    RtlInitAnsiString(&ansi, digits);
    return RtlAnsiStringToUnicodeString(str, &ansi, FALSE);
}

/* ---------------------------------------------------------------------------------------------
 * Private exports for kernelbase (MultiByteToWideChar and friends); *error gets the Win32 error.
 */

INT WINAPI __vinho_nls_convert_mb_to_wc(UINT codepage, DWORD flags, const char *src, INT srclen,
                                        WCHAR *dst, INT dstlen, DWORD *error)
{
    uint32_t err = 0;
    int ret;

    TRACE("cp %u flags %#x src %s len %d dst %p len %d\n", codepage, (unsigned int)flags,
          src ? debugstr_an(src, srclen) : "(null)", srclen, (void *)dst, dstlen);
    ret = nls_mb_to_wc(codepage, flags, src, srclen, dst, dstlen, &err);
    if (error)
        *error = err;
    return ret;
}

INT WINAPI __vinho_nls_convert_wc_to_mb(UINT codepage, DWORD flags, const WCHAR *src, INT srclen,
                                        char *dst, INT dstlen, const char *defchar, BOOL *used,
                                        DWORD *error)
{
    uint32_t err = 0;
    int used_default, ret;

    TRACE("cp %u flags %#x src %s len %d dst %p len %d\n", codepage, (unsigned int)flags,
          src ? debugstr_wn(src, srclen) : "(null)", srclen, (void *)dst, dstlen);
    ret = nls_wc_to_mb(codepage, flags, src, srclen, dst, dstlen, defchar,
                       used ? &used_default : NULL, &err);
    if (ret && used)
        *used = used_default;
    if (error)
        *error = err;
    return ret;
}

#ifdef _WIN32
/* Fills info (when not NULL) as GetCPInfoExW does; returns the real code page, 0 if unknown. */
UINT WINAPI __vinho_nls_get_cpinfo(UINT codepage, CPINFOEXW *info)
{
    struct nls_cpinfo ci;
    size_t i;

    if (!nls_get_cpinfo(codepage, &ci))
        return 0;
    if (info) {
        memset(info, 0, sizeof(*info));
        info->MaxCharSize = ci.max_char_size;
        info->DefaultChar[0] = ci.default_char;
        info->UnicodeDefaultChar = ci.unicode_default;
        info->CodePage = ci.codepage;
        for (i = 0; ci.name[i] && i < MAX_PATH - 1; i++)
            info->CodePageName[i] = (WCHAR)ci.name[i];
    }
    return ci.codepage;
}
#endif
