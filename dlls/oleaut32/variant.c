/* variant.c: VARIANT basics: init, clear, copy, and conversions between integers, BOOL and BSTR. */
#define COBJMACROS
#include "vinho/pe_side.h"
#include <oleauto.h>

DEFAULT_DEBUG_CHANNEL(ole);

/* The base types (vt & VT_TYPEMASK) a VARIANT may hold, and how we treat them. */
enum vt_kind { VK_BAD, VK_PLAIN, VK_BSTR, VK_IFACE, VK_TODO };

static enum vt_kind vt_kind(VARTYPE vt)
{
    if (vt & ~(VT_TYPEMASK | VT_BYREF | VT_ARRAY))
        return VK_BAD;
    if (vt & VT_ARRAY)
        return VK_TODO;     /* SAFEARRAYs are not implemented */
    switch (vt & VT_TYPEMASK) {
    case VT_EMPTY: case VT_NULL:
        return (vt & VT_BYREF) ? VK_BAD : VK_PLAIN;
    case VT_I1: case VT_I2: case VT_I4: case VT_I8: case VT_UI1: case VT_UI2: case VT_UI4:
    case VT_UI8: case VT_INT: case VT_UINT: case VT_R4: case VT_R8: case VT_CY: case VT_DATE:
    case VT_BOOL: case VT_ERROR: case VT_DECIMAL:
        return VK_PLAIN;
    case VT_VARIANT:
        return (vt & VT_BYREF) ? VK_PLAIN : VK_BAD;
    case VT_BSTR:
        return VK_BSTR;
    case VT_UNKNOWN: case VT_DISPATCH:
        return VK_IFACE;
    case VT_RECORD:
        return VK_TODO;
    default:
        return VK_BAD;
    }
}

/***********************************************************************
 *           VariantInit   (oleaut32.8)
 *
 * Sets vt to VT_EMPTY and, as documented, looks at nothing else.
 */
void WINAPI VariantInit(VARIANTARG *var)
{
    V_VT(var) = VT_EMPTY;
}

/***********************************************************************
 *           VariantClear   (oleaut32.9)
 */
HRESULT WINAPI VariantClear(VARIANTARG *var)
{
    if (!var)
        return E_INVALIDARG;
    switch (vt_kind(V_VT(var))) {
    case VK_BAD:
        return DISP_E_BADVARTYPE;
    case VK_TODO:
        FIXME("vt %#x (arrays, records) not implemented\n", V_VT(var));
        return E_NOTIMPL;
    case VK_BSTR:
        if (!(V_VT(var) & VT_BYREF))
            SysFreeString(V_BSTR(var));
        break;
    case VK_IFACE:
        if (!(V_VT(var) & VT_BYREF) && V_UNKNOWN(var))
            IUnknown_Release(V_UNKNOWN(var));
        break;
    default:
        break;
    }
    V_VT(var) = VT_EMPTY;
    return S_OK;
}

/***********************************************************************
 *           VariantCopy   (oleaut32.10)
 *
 * dst is cleared first; a BSTR is duplicated, an interface AddRef'ed, a VT_BYREF copied as is.
 */
HRESULT WINAPI VariantCopy(VARIANTARG *dst, VARIANTARG *src)
{
    enum vt_kind kind;
    HRESULT hr;
    if (!dst || !src)
        return E_INVALIDARG;
    kind = vt_kind(V_VT(src));
    if (kind == VK_BAD)
        return DISP_E_BADVARTYPE;
    if (kind == VK_TODO) {
        FIXME("vt %#x (arrays, records) not implemented\n", V_VT(src));
        return E_NOTIMPL;
    }
    if (dst == src)
        return S_OK;
    if ((hr = VariantClear(dst)) != S_OK)
        return hr;
    *dst = *src;
    if (V_VT(src) & VT_BYREF)
        return S_OK;
    if (kind == VK_BSTR && V_BSTR(src)) {
        V_BSTR(dst) = SysAllocStringByteLen((const char *)V_BSTR(src), SysStringByteLen(V_BSTR(src)));
        if (!V_BSTR(dst)) {
            V_VT(dst) = VT_EMPTY;
            return E_OUTOFMEMORY;
        }
    } else if (kind == VK_IFACE && V_UNKNOWN(src)) {
        IUnknown_AddRef(V_UNKNOWN(src));
    }
    return S_OK;
}

/***********************************************************************
 *           VariantCopyInd   (oleaut32.11)
 *
 * Copies what a VT_BYREF variant points to; anything else as VariantCopy.
 */
HRESULT WINAPI VariantCopyInd(VARIANT *dst, VARIANTARG *src)
{
    VARIANT value;
    VARTYPE vt;
    if (!dst || !src)
        return E_INVALIDARG;
    vt = V_VT(src);
    if (!(vt & VT_BYREF))
        return VariantCopy(dst, src);
    if (vt_kind(vt) == VK_BAD)
        return DISP_E_BADVARTYPE;
    if (vt_kind(vt) == VK_TODO || (vt & VT_TYPEMASK) == VT_VARIANT
            || (vt & VT_TYPEMASK) == VT_DECIMAL) {
        FIXME("vt %#x not implemented\n", vt);
        return E_NOTIMPL;
    }
    V_VT(&value) = vt & ~VT_BYREF;
    /* Every plain type, BSTR and interface pointer fits in the 8 bytes at the union's start. */
    memcpy(&V_I8(&value), V_BYREF(src), 8);
    return VariantCopy(dst, &value);
}

/* Integer value of a numeric, BOOL or empty variant; FALSE if vt is not one of those. */
static BOOL variant_to_int64(const VARIANT *var, LONGLONG *out, BOOL *unsigned64)
{
    *unsigned64 = FALSE;
    switch (V_VT(var)) {
    case VT_EMPTY: *out = 0; return TRUE;
    case VT_I1: *out = V_I1(var); return TRUE;
    case VT_I2: *out = V_I2(var); return TRUE;
    case VT_I4: case VT_INT: *out = V_I4(var); return TRUE;
    case VT_I8: *out = V_I8(var); return TRUE;
    case VT_UI1: *out = V_UI1(var); return TRUE;
    case VT_UI2: *out = V_UI2(var); return TRUE;
    case VT_UI4: case VT_UINT: *out = V_UI4(var); return TRUE;
    case VT_UI8: *out = (LONGLONG)V_UI8(var); *unsigned64 = TRUE; return TRUE;
    case VT_BOOL: *out = V_BOOL(var); return TRUE;
    default: return FALSE;
    }
}

/* Decimal digits with optional sign and surrounding blanks, as VarI8FromStr reads them in the
 * "C" locale; DISP_E_TYPEMISMATCH for anything else, DISP_E_OVERFLOW past 64 bits. */
static HRESULT bstr_to_int64(const WCHAR *str, LONGLONG *out, BOOL *unsigned64)
{
    ULONGLONG value = 0;
    BOOL negative = FALSE, digits = FALSE;
    if (!str)
        return DISP_E_TYPEMISMATCH;
    while (*str == ' ' || *str == '\t')
        str++;
    if (*str == '-' || *str == '+')
        negative = *str++ == '-';
    for (; *str >= '0' && *str <= '9'; str++, digits = TRUE) {
        if (value > (~0ull - 9) / 10)
            return DISP_E_OVERFLOW;
        value = value * 10 + (*str - '0');
    }
    while (*str == ' ' || *str == '\t')
        str++;
    if (!digits || *str)
        return DISP_E_TYPEMISMATCH;
    if (negative && value > (1ull << 63))
        return DISP_E_OVERFLOW;
    *unsigned64 = !negative && value > (ULONGLONG)0x7fffffffffffffffll;
    *out = negative ? (LONGLONG)(0 - value) : (LONGLONG)value;
    return S_OK;
}

static BSTR int64_to_bstr(LONGLONG value, BOOL unsigned64)
{
    WCHAR buf[24], *p = buf + 23;
    ULONGLONG v = (!unsigned64 && value < 0) ? 0 - (ULONGLONG)value : (ULONGLONG)value;
    *p = 0;
    do {
        *--p = '0' + v % 10;
        v /= 10;
    } while (v);
    if (!unsigned64 && value < 0)
        *--p = '-';
    return SysAllocString(p);
}

/* Stores value as vt in out, or DISP_E_OVERFLOW when it does not fit. */
static HRESULT int64_to_variant(LONGLONG v, BOOL unsigned64, VARTYPE vt, VARIANT *out)
{
#define FITS(lo, hi) (!unsigned64 && v >= (lo) && v <= (hi))
    switch (vt) {
    case VT_I1:
        if (!FITS(-128, 127))
            return DISP_E_OVERFLOW;
        V_I1(out) = v;
        break;
    case VT_I2:
        if (!FITS(-32768, 32767))
            return DISP_E_OVERFLOW;
        V_I2(out) = v;
        break;
    case VT_I4: case VT_INT:
        if (!FITS(-0x7fffffffll - 1, 0x7fffffff))
            return DISP_E_OVERFLOW;
        V_I4(out) = v;
        break;
    case VT_I8:
        if (unsigned64)
            return DISP_E_OVERFLOW;
        V_I8(out) = v;
        break;
    case VT_UI1:
        if (!FITS(0, 255))
            return DISP_E_OVERFLOW;
        V_UI1(out) = v;
        break;
    case VT_UI2:
        if (!FITS(0, 65535))
            return DISP_E_OVERFLOW;
        V_UI2(out) = v;
        break;
    case VT_UI4: case VT_UINT:
        if (!FITS(0, 0xffffffffll))
            return DISP_E_OVERFLOW;
        V_UI4(out) = v;
        break;
    case VT_UI8:
        if (!unsigned64 && v < 0)
            return DISP_E_OVERFLOW;
        V_UI8(out) = v;
        break;
    case VT_BOOL: V_BOOL(out) = v ? VARIANT_TRUE : VARIANT_FALSE; break;
    default: return E_NOTIMPL;
    }
#undef FITS
    V_VT(out) = vt;
    return S_OK;
}

static BOOL is_int_type(VARTYPE vt)
{
    switch (vt) {
    case VT_I1: case VT_I2: case VT_I4: case VT_I8: case VT_UI1: case VT_UI2: case VT_UI4:
    case VT_UI8: case VT_INT: case VT_UINT: case VT_BOOL:
        return TRUE;
    default:
        return FALSE;
    }
}

/* The conversion itself, into a fresh variant; E_NOTIMPL for pairs we do not handle yet. */
static HRESULT convert(VARIANT *out, VARIANT *src, USHORT flags, VARTYPE vt)
{
    LONGLONG value;
    BOOL unsigned64;
    HRESULT hr;
    if (V_VT(src) == vt || vt == VT_EMPTY)
        return vt == VT_EMPTY ? (V_VT(out) = VT_EMPTY, S_OK) : VariantCopy(out, src);
    if (V_VT(src) == VT_NULL || vt == VT_NULL)
        return DISP_E_TYPEMISMATCH;
    if (variant_to_int64(src, &value, &unsigned64)) {
        if (vt == VT_BSTR) {
            if (V_VT(src) == VT_EMPTY)
                V_BSTR(out) = SysAllocString(L"");
            else if (V_VT(src) == VT_BOOL && (flags & VARIANT_ALPHABOOL))
                V_BSTR(out) = SysAllocString(value ? L"True" : L"False");
            else
                V_BSTR(out) = int64_to_bstr(value, unsigned64);
            if (!V_BSTR(out))
                return E_OUTOFMEMORY;
            V_VT(out) = VT_BSTR;
            return S_OK;
        }
        if (is_int_type(vt))
            return int64_to_variant(value, unsigned64, vt, out);
    } else if (V_VT(src) == VT_BSTR && is_int_type(vt) && vt != VT_BOOL) {
        if ((hr = bstr_to_int64(V_BSTR(src), &value, &unsigned64)) != S_OK)
            return hr;
        return int64_to_variant(value, unsigned64, vt, out);
    }
    FIXME("conversion from vt %#x to %#x not implemented\n", V_VT(src), vt);
    return E_NOTIMPL;
}

/***********************************************************************
 *           VariantChangeTypeEx   (oleaut32.147)
 *
 * Integers, BOOL, VT_EMPTY and decimal BSTRs convert; floating-point, currency, dates and
 * locale-aware text are not implemented yet (E_NOTIMPL, traced).
 */
HRESULT WINAPI VariantChangeTypeEx(VARIANTARG *dst, VARIANTARG *src, LCID lcid,
                                   USHORT flags, VARTYPE vt)
{
    VARIANT result;
    HRESULT hr;
    if (!dst || !src)
        return E_INVALIDARG;
    if (vt_kind(V_VT(src)) == VK_BAD || vt_kind(vt) == VK_BAD)
        return DISP_E_BADVARTYPE;
    if (V_VT(src) & (VT_BYREF | VT_ARRAY) || vt & (VT_BYREF | VT_ARRAY)) {
        FIXME("by-reference and array conversions not implemented (%#x -> %#x)\n", V_VT(src), vt);
        return E_NOTIMPL;
    }
    V_VT(&result) = VT_EMPTY;
    if ((hr = convert(&result, src, flags, vt)) != S_OK)
        return hr;
    /* src may be dst: clear only once the result exists. */
    if ((hr = VariantClear(dst)) != S_OK) {
        VariantClear(&result);
        return hr;
    }
    *dst = result;
    return S_OK;
}

/***********************************************************************
 *           VariantChangeType   (oleaut32.12)
 */
HRESULT WINAPI VariantChangeType(VARIANTARG *dst, VARIANTARG *src, USHORT flags, VARTYPE vt)
{
    return VariantChangeTypeEx(dst, src, LOCALE_USER_DEFAULT, flags, vt);
}
