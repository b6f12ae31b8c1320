/* nls.h: code-page conversion core of ntdll (plain C, no Windows headers, so that the unit tests
 * can build it natively) and the process-wide ANSI/OEM code pages. */
#ifndef VINHO_NTDLL_NLS_H
#define VINHO_NTDLL_NLS_H

#include <stddef.h>
#include <stdint.h>

/* Pseudo code pages and flags: the values of winnls.h. */
#define NLS_CP_ACP          0
#define NLS_CP_OEMCP        1
#define NLS_CP_MACCP        2
#define NLS_CP_THREAD_ACP   3
#define NLS_CP_UTF7         65000
#define NLS_CP_UTF8         65001

#define NLS_MB_PRECOMPOSED          0x0001
#define NLS_MB_COMPOSITE            0x0002
#define NLS_MB_USEGLYPHCHARS        0x0004
#define NLS_MB_ERR_INVALID_CHARS    0x0008
#define NLS_WC_DISCARDNS            0x0010
#define NLS_WC_SEPCHARS             0x0020
#define NLS_WC_DEFAULTCHAR          0x0040
#define NLS_WC_ERR_INVALID_CHARS    0x0080
#define NLS_WC_COMPOSITECHECK       0x0200
#define NLS_WC_NO_BEST_FIT_CHARS    0x0400

/* Failures of the converters: the Win32 error codes of winerror.h, which kernelbase passes to
 * SetLastError unchanged. */
#define NLS_ERROR_INVALID_PARAMETER        87
#define NLS_ERROR_INSUFFICIENT_BUFFER      122
#define NLS_ERROR_INVALID_FLAGS            1004
#define NLS_ERROR_NO_UNICODE_TRANSLATION   1113

/* What GetCPInfoExW reports about a code page. */
struct nls_cpinfo {
    unsigned int codepage;      /* CP_ACP and friends resolved to the real number */
    unsigned int max_char_size; /* bytes per character at most */
    uint8_t default_char;       /* replaces unmappable characters in WideCharToMultiByte */
    uint16_t unicode_default;   /* replaces invalid input in MultiByteToWideChar */
    const char *name;           /* CPINFOEX.CodePageName, ASCII */
};

/* Process-wide ANSI and OEM code pages (default 1252 and 437). The setter keeps the old value of
 * a code page it does not know, and returns 0 in that case. */
int nls_set_acp_oemcp(unsigned int acp, unsigned int oemcp);
unsigned int nls_get_acp(void);
unsigned int nls_get_oemcp(void);

/* Resolves CP_ACP/CP_OEMCP/CP_THREAD_ACP; returns 0 for a code page we do not support. */
int nls_get_cpinfo(unsigned int codepage, struct nls_cpinfo *info);

/* MultiByteToWideChar and WideCharToMultiByte, with their exact argument rules and results:
 * the number of units written (or needed when the output length is 0), or 0 with *error set. */
int nls_mb_to_wc(unsigned int codepage, uint32_t flags, const char *src, int srclen,
                 uint16_t *dst, int dstlen, uint32_t *error);
int nls_wc_to_mb(unsigned int codepage, uint32_t flags, const uint16_t *src, int srclen,
                 char *dst, int dstlen, const char *defchar, int *used_default, uint32_t *error);

/* Canonical decomposition of a precomposed character: its base letter and its first mark. */
int nls_decompose(uint16_t wc, uint16_t *base, uint16_t *mark);

/* CompareString's comparison (sort.c): -1, 0 or 1; lengths in units (no terminator rule). */
#define NLS_NORM_IGNORECASE         0x00000001
#define NLS_NORM_IGNORENONSPACE     0x00000002
#define NLS_NORM_IGNORESYMBOLS      0x00000004
#define NLS_SORT_DIGITSASNUMBERS    0x00000008
#define NLS_LINGUISTIC_IGNORECASE   0x00000010
#define NLS_LINGUISTIC_IGNOREDIACRITIC 0x00000020
#define NLS_SORT_STRINGSORT         0x00001000
int nls_compare(uint32_t flags, const uint16_t *a, size_t alen, const uint16_t *b, size_t blen);

/* Simple (1:1) Unicode case mapping of the BMP. */
uint16_t nls_upcase(uint16_t ch);
uint16_t nls_downcase(uint16_t ch);

/* Tables, generated into nls_tables.c. */
struct nls_rev_entry { uint16_t wc; uint8_t byte; };
struct nls_decomp { uint16_t wc, base, mark; };

extern const uint16_t nls_cp1252_to_unicode[256], nls_cp437_to_unicode[256],
    nls_cp850_to_unicode[256], nls_cp28591_to_unicode[256], nls_cp20127_to_unicode[256];
extern const struct nls_rev_entry nls_cp1252_from_unicode[128], nls_cp437_from_unicode[128],
    nls_cp850_from_unicode[128], nls_cp28591_from_unicode[128];
extern const uint16_t nls_oem_glyphs[32];
extern const struct nls_decomp nls_decomp_table[];
extern const size_t nls_decomp_count;
extern const uint8_t nls_upper_index[2048], nls_lower_index[2048];
extern const uint16_t nls_upper_blocks[][32], nls_lower_blocks[][32];

#endif
