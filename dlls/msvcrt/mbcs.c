/* mbcs.c: multibyte <-> wide conversions (mblen, mbtowc, wctomb, mbstowcs, wcstombs, btowc,
 * mbrtowc, wcrtomb, mbrlen) for the current locale's code page. In the "C" locale (code page
 * 0, the only locale so far) a byte is the char of the same value and only chars below 256
 * convert back (others: EILSEQ), as the "C" locale of both CRTs does; other code pages go through
 * MultiByteToWideChar/WideCharToMultiByte (single-byte and DBCS). No shift states: the mbstate_t
 * arguments are unused. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* One multibyte char of at most n bytes: its length (0 for NUL), -1 invalid, -2 incomplete. */
static int mb_to_wc(wchar_t *wc, const char *s, size_t n)
{
    unsigned int cp = ___lc_codepage_func();
    wchar_t out;
    int len = 1;

    if (!n)
        return -2;
    if (!*s) {
        if (wc)
            *wc = 0;
        return 0;
    }
    if (!cp) {
        if (wc)
            *wc = (unsigned char)*s;
        return 1;
    }
    if (IsDBCSLeadByteEx(cp, (unsigned char)*s)) {
        if (n < 2)
            return -2;
        len = 2;
    }
    if (MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, s, len, &out, 1) != 1)
        return -1;
    if (wc)
        *wc = out;
    return len;
}

/* One wide char to at most MB_LEN_MAX bytes: the length, or -1 (EILSEQ). */
static int wc_to_mb(char *s, wchar_t wc)
{
    unsigned int cp = ___lc_codepage_func();
    BOOL lossy = FALSE;
    int n;

    if (!cp) {
        if (wc >= 256)
            return -1;
        *s = (char)wc;
        return 1;
    }
    n = WideCharToMultiByte(cp, WC_NO_BEST_FIT_CHARS, &wc, 1, s, MB_LEN_MAX, NULL, &lossy);
    return n > 0 && !lossy ? n : -1;
}

/*********************************************************************
 *      mbtowc (MSVCRT.@)
 */
int __cdecl mbtowc(wchar_t *wc, const char *s, size_t n)
{
    int r;

    if (!s)
        return 0;       /* no state-dependent encodings */
    r = mb_to_wc(wc, s, n);
    if (r < 0) {
        errno = EILSEQ;
        return -1;
    }
    return r;
}

/*********************************************************************
 *      mblen (MSVCRT.@)
 */
int __cdecl mblen(const char *s, size_t n)
{
    return mbtowc(NULL, s, n);
}

/*********************************************************************
 *      wctomb (MSVCRT.@)
 */
int __cdecl wctomb(char *s, wchar_t wc)
{
    int r;

    if (!s)
        return 0;
    if ((r = wc_to_mb(s, wc)) < 0)
        errno = EILSEQ;
    return r;
}

/*********************************************************************
 *      mbstowcs (MSVCRT.@)
 *
 * Converts up to n wide chars (dst NULL: counts them all); the count without the NUL, or
 * (size_t)-1 with EILSEQ.
 */
size_t __cdecl mbstowcs(wchar_t *dst, const char *src, size_t n)
{
    size_t count = 0;
    wchar_t wc;
    int r;

    if (crt_null(src)) {
        errno = EINVAL;
        return (size_t)-1;
    }
    while (!dst || count < n) {
        if ((r = mb_to_wc(&wc, src, MB_LEN_MAX)) < 0) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        if (dst)
            dst[count] = wc;
        if (!r)
            break;
        src += r;
        count++;
    }
    return count;
}

/*********************************************************************
 *      wcstombs (MSVCRT.@)
 *
 * Converts up to n bytes, never a partial char (dst NULL: counts them all).
 */
size_t __cdecl wcstombs(char *dst, const wchar_t *src, size_t n)
{
    size_t count = 0;
    char mb[MB_LEN_MAX];
    int r;

    if (crt_null(src)) {
        errno = EINVAL;
        return (size_t)-1;
    }
    for (; *src; src++) {
        if ((r = wc_to_mb(mb, *src)) < 0) {
            errno = EILSEQ;
            return (size_t)-1;
        }
        if (dst) {
            if (count + r > n)
                return count;
            memcpy(dst + count, mb, r);
        }
        count += r;
    }
    if (dst && count < n)
        dst[count] = 0;
    return count;
}

/*********************************************************************
 *      btowc (MSVCRT.@)
 */
wint_t __cdecl btowc(int c)
{
    char b = (char)c;
    wchar_t wc;

    if (c == EOF || mb_to_wc(&wc, &b, 1) != 1)
        return WEOF;
    return wc;
}

/*********************************************************************
 *      mbrtowc (MSVCRT.@)
 */
size_t __cdecl mbrtowc(wchar_t *wc, const char *s, size_t n, mbstate_t *state)
{
    int r;

    if (!s)
        return 0;
    r = mb_to_wc(wc, s, n);
    if (r == -1) {
        errno = EILSEQ;
        return (size_t)-1;
    }
    return r == -2 ? (size_t)-2 : (size_t)r;
}

/*********************************************************************
 *      mbrlen (MSVCRT.@)
 */
size_t __cdecl mbrlen(const char *s, size_t n, mbstate_t *state)
{
    return mbrtowc(NULL, s, n, state);
}

/*********************************************************************
 *      wcrtomb (MSVCRT.@)
 */
size_t __cdecl wcrtomb(char *s, wchar_t wc, mbstate_t *state)
{
    int r;

    if (!s)
        return 1;
    if ((r = wc_to_mb(s, wc)) < 0) {
        errno = EILSEQ;
        return (size_t)-1;
    }
    return r;
}
