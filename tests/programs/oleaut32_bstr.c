/* oleaut32_bstr.c: BSTR layout (a 4-byte byte count before the characters, a NUL WCHAR after
 * them), the Sys* functions imported by ordinal as 7-Zip does, and VARIANT basics. */
#include <windows.h>
#include <oleauto.h>
#include <stdio.h>
#include <string.h>

static void show(const char *what, BSTR b)
{
    if (!b) {
        printf("%s: NULL\n", what);
        return;
    }
    printf("%s: prefix=%lu len=%u bytes=%u nul=%d aligned=%d\n", what, ((DWORD *)b)[-1], SysStringLen(b),
           SysStringByteLen(b), ((BYTE *)b)[SysStringByteLen(b)] == 0 && ((BYTE *)b)[SysStringByteLen(b) + 1] == 0,
           ((ULONG_PTR)b & 7) == 0);
}

int main(void)
{
    BSTR a, b, c, d;
    VARIANT v1, v2;
    HRESULT hr;

    a = SysAllocString(L"hello");
    show("SysAllocString", a);
    b = SysAllocStringLen(L"ab\0cd", 5);
    show("SysAllocStringLen with NUL inside", b);
    printf("  chars: %c %d %c\n", b[1], b[2], b[4]);
    c = SysAllocStringLen(NULL, 3);
    show("SysAllocStringLen(NULL, 3)", c);
    d = SysAllocStringByteLen("xyz", 3);
    show("SysAllocStringByteLen odd", d);
    show("SysAllocString(NULL)", SysAllocString(NULL));
    printf("SysStringLen(NULL)=%u SysStringByteLen(NULL)=%u\n", SysStringLen(NULL), SysStringByteLen(NULL));
    printf("SysReAllocString: %d\n", SysReAllocString(&a, L"longer text"));
    show("  after", a);
    printf("  text=%ls\n", a);
    /* the new text may come from the old string itself */
    printf("SysReAllocStringLen from itself: %d\n", SysReAllocStringLen(&a, a + 7, 4));
    show("  after", a);
    printf("  text=%ls\n", a);
    SysFreeString(a);
    SysFreeString(b);
    SysFreeString(c);
    SysFreeString(d);
    SysFreeString(NULL);

    VariantInit(&v1);
    VariantInit(&v2);
    printf("VariantInit: vt=%d\n", V_VT(&v1));
    V_VT(&v1) = VT_BSTR;
    V_BSTR(&v1) = SysAllocString(L"copy me");
    hr = VariantCopy(&v2, &v1);
    printf("VariantCopy: hr=%#lx vt=%d distinct=%d text=%ls\n", hr, V_VT(&v2), V_BSTR(&v2) != V_BSTR(&v1), V_BSTR(&v2));
    hr = VariantClear(&v1);
    printf("VariantClear: hr=%#lx vt=%d\n", hr, V_VT(&v1));
    V_VT(&v1) = VT_I4;
    V_I4(&v1) = -42;
    hr = VariantChangeType(&v2, &v1, 0, VT_BSTR);
    printf("I4 -> BSTR: hr=%#lx vt=%d text=%ls\n", hr, V_VT(&v2), V_BSTR(&v2));
    hr = VariantChangeType(&v1, &v2, 0, VT_UI1);
    printf("BSTR -> UI1: hr=%#lx\n", hr);
    hr = VariantChangeType(&v1, &v2, 0, VT_I2);
    printf("BSTR -> I2: hr=%#lx vt=%d value=%d\n", hr, V_VT(&v1), V_I2(&v1));
    VariantClear(&v2);
    V_VT(&v1) = 0x7fff;
    printf("VariantClear bad type: hr=%#lx\n", VariantClear(&v1));
    return 0;
}
