/* ctype.c: GetStringTypeW/GetStringTypeExW, the character classes of UTF-16 text. CT_CTYPE1
 * comes from the generated table ctype1_table.c (tools/gen_ctype1.py); CT_CTYPE2 (bidi) and
 * CT_CTYPE3 are not written yet. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(nls);

extern const uint8_t vn_ctype1_index[256];
extern const uint16_t vn_ctype1_blocks[][256];

/***********************************************************************
 *           GetStringTypeW   (kernelbase.@)
 *
 * One WORD of C1_ flags per UTF-16 unit (surrogates are classed as units: C1_DEFINED). Any
 * negative count means a NUL-terminated string, the terminator included (documented); a count
 * of 0 succeeds with nothing to do (as Wine). A NULL string or output gives
 * ERROR_INVALID_PARAMETER, a type that is not one CT_CTYPE value ERROR_INVALID_FLAGS (the
 * documented error for invalid flags; Wine gives ERROR_INVALID_PARAMETER).
 */
BOOL WINAPI GetStringTypeW(DWORD type, LPCWSTR src, INT count, LPWORD chartype)
{
    if (!src || !chartype) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (count < 0)
        count = lstrlenW(src) + 1;
    switch (type) {
    case CT_CTYPE1:
        for (INT i = 0; i < count; i++)
            chartype[i] = vn_ctype1_blocks[vn_ctype1_index[src[i] >> 8]][src[i] & 0xff];
        return TRUE;
    case CT_CTYPE2:
    case CT_CTYPE3:
        FIXME("CT_CTYPE%lu is not implemented\n", type == CT_CTYPE2 ? 2ul : 3ul);
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    default:
        SetLastError(ERROR_INVALID_FLAGS);
        return FALSE;
    }
}

/***********************************************************************
 *           GetStringTypeExW   (kernelbase.@)
 *
 * The locale does not matter for the W function (documented).
 */
BOOL WINAPI GetStringTypeExW(LCID locale, DWORD type, LPCWSTR src, INT count, LPWORD chartype)
{
    return GetStringTypeW(type, src, count, chartype);
}
