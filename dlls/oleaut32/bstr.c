/* bstr.c: BSTR strings: a 32-bit byte count, the characters, then a NUL WCHAR. */
#include "vinho/pe_side.h"
#include <oleauto.h>

DEFAULT_DEBUG_CHANNEL(ole);

/* The block behind a BSTR. The documented layout is the 4-byte length prefix right before the
 * first character; the 4 bytes of padding in front keep the characters 8-byte aligned on x64
 * (the heap returns 16-byte aligned blocks), as Windows' BSTRs are. */
struct bstr_block {
    DWORD pad;
    DWORD byte_len;     /* bytes of text, not counting the terminator */
    WCHAR str[1];
};
#define BSTR_HEADER offsetof(struct bstr_block, str)
/* Largest byte count whose block size still fits a DWORD with header and terminator. */
#define BSTR_MAX_BYTES (0xffffffffu - BSTR_HEADER - 2 * sizeof(WCHAR))

static struct bstr_block *bstr_block(BSTR str)
{
    return (struct bstr_block *)((char *)str - BSTR_HEADER);
}

/* A new BSTR of byte_len bytes copied from data (or zeroed when data is NULL), NUL-terminated. */
static BSTR bstr_alloc(const void *data, SIZE_T byte_len)
{
    struct bstr_block *block;
    if (byte_len > BSTR_MAX_BYTES)
        return NULL;
    /* Two terminator WCHARs: one for the text, and one so an odd byte_len still ends on a
     * whole NUL WCHAR (SysAllocStringByteLen). */
    block = RtlAllocateHeap(process_heap(), 0, BSTR_HEADER + byte_len + 2 * sizeof(WCHAR));
    if (!block)
        return NULL;
    block->pad = 0;
    block->byte_len = (DWORD)byte_len;
    if (data)
        memcpy(block->str, data, byte_len);
    else
        memset(block->str, 0, byte_len);
    memset((char *)block->str + byte_len, 0, 2 * sizeof(WCHAR));
    return block->str;
}

static SIZE_T wide_len(const WCHAR *str)
{
    SIZE_T n = 0;
    while (str[n])
        n++;
    return n;
}

/***********************************************************************
 *           SysAllocString   (oleaut32.2)
 */
BSTR WINAPI SysAllocString(const OLECHAR *str)
{
    if (!str)
        return NULL;
    return bstr_alloc(str, wide_len(str) * sizeof(WCHAR));
}

/***********************************************************************
 *           SysAllocStringLen   (oleaut32.4)
 *
 * len characters from str (which may hold NULs), or len zeroed characters when str is NULL.
 */
BSTR WINAPI SysAllocStringLen(const OLECHAR *str, UINT len)
{
    if (len > BSTR_MAX_BYTES / sizeof(WCHAR))
        return NULL;
    return bstr_alloc(str, (SIZE_T)len * sizeof(WCHAR));
}

/***********************************************************************
 *           SysAllocStringByteLen   (oleaut32.150)
 *
 * len bytes, no conversion (a "BSTR" holding ANSI text), followed by a NUL WCHAR.
 */
BSTR WINAPI SysAllocStringByteLen(LPCSTR str, UINT len)
{
    return bstr_alloc(str, len);
}

/***********************************************************************
 *           SysFreeString   (oleaut32.6)
 */
void WINAPI SysFreeString(BSTR str)
{
    if (str)
        RtlFreeHeap(process_heap(), 0, bstr_block(str));
}

/***********************************************************************
 *           SysReAllocStringLen   (oleaut32.5)
 *
 * str may point into the old string, so the new one is built before the old one is freed.
 */
INT WINAPI SysReAllocStringLen(BSTR *old, const OLECHAR *str, UINT len)
{
    BSTR fresh;
    if (!old)
        return FALSE;
    if (!(fresh = SysAllocStringLen(str, len)))
        return FALSE;
    SysFreeString(*old);
    *old = fresh;
    return TRUE;
}

/***********************************************************************
 *           SysReAllocString   (oleaut32.3)
 */
INT WINAPI SysReAllocString(BSTR *old, const OLECHAR *str)
{
    BSTR fresh;
    if (!old)
        return FALSE;
    if (str) {
        if (!(fresh = SysAllocString(str)))
            return FALSE;
    } else {
        fresh = NULL;
    }
    SysFreeString(*old);
    *old = fresh;
    return TRUE;
}

/***********************************************************************
 *           SysStringLen   (oleaut32.7)
 */
UINT WINAPI SysStringLen(BSTR str)
{
    return str ? bstr_block(str)->byte_len / sizeof(WCHAR) : 0;
}

/***********************************************************************
 *           SysStringByteLen   (oleaut32.149)
 */
UINT WINAPI SysStringByteLen(BSTR str)
{
    return str ? bstr_block(str)->byte_len : 0;
}
