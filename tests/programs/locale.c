/* locale.c: CompareString (orders of symbols, digits, letters, accents, case, hyphens), flags,
 * CompareStringOrdinal, lstrcmp/lstrcmpi, LCMapString, CharUpper/CharLower, GetLocaleInfo of
 * en-US, de-DE and the invariant locale, LCID <-> name, and the code pages of the C locale
 * (run-tests.sh runs programs with the shell's locale; shell-tests.sh runs "locale.exe cp" with
 * LANG set). Expected: the CompareString/LCMapString/GetLocaleInfo documentation on
 * learn.microsoft.com ("Sorting ... word sort ... hyphen and apostrophe"), checked with Wine 8.0,
 * which differs where its locale data come from CLDR: de-DE's short date is "dd.MM.yyyy" in
 * Windows' regional settings (Wine: "d.M.yyyy"). */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static const char *res(int r)
{
    return r == CSTR_LESS_THAN ? "<" : r == CSTR_EQUAL ? "=" : r == CSTR_GREATER_THAN ? ">" : "error";
}

static void cmp(DWORD flags, const WCHAR *a, const WCHAR *b)
{
    int r = CompareStringW(0x0409, flags, a, -1, b, -1);
    printf("  %-10ls %s %-10ls (flags %#lx)\n", a, res(r), b, flags);
}

static void info(LCID lcid, LCTYPE type, const char *label)
{
    WCHAR buf[80];
    int n = GetLocaleInfoW(lcid, type, buf, 80);
    printf("  %04lx %-12s %d [%ls]\n", lcid, label, n, n ? buf : L"");
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "cp")) {
        printf("ACP %u OEMCP %u\n", GetACP(), GetOEMCP());
        return 0;
    }
    printf("CompareStringW en-US:\n");
    cmp(0, L"a", L"B");
    cmp(0, L"a", L"A");
    cmp(0, L"A", L"b");
    cmp(NORM_IGNORECASE, L"abc", L"ABC");
    cmp(0, L"e", L"\x00e9");
    cmp(0, L"\x00e9", L"f");
    cmp(NORM_IGNORENONSPACE, L"e", L"\x00e9");
    cmp(0, L"e\x0301", L"\x00e9");
    cmp(0, L"co-op", L"coop");
    cmp(0, L"co-op", L"cop");
    cmp(SORT_STRINGSORT, L"a-b", L"ab");
    cmp(0, L"10", L"9");
    cmp(SORT_DIGITSASNUMBERS, L"10", L"9");
    cmp(SORT_DIGITSASNUMBERS, L"file10", L"file9");
    cmp(0, L"!", L"1");
    cmp(0, L"1", L"a");
    cmp(0, L"_", L"a");
    cmp(0, L"abc", L"ab");
    cmp(NORM_IGNORESYMBOLS, L"a.b", L"ab");
    cmp(0, L"", L"");
    SetLastError(0xdeadbeef);
    int r = CompareStringW(0x0409, 0x100, L"a", -1, L"b", -1);
    printf("  bad flags: %d error %lu\n", r, GetLastError());
    SetLastError(0xdeadbeef);
    r = CompareStringW(0x0409, 0, NULL, -1, L"b", -1);
    printf("  NULL string: %d error %lu\n", r, GetLastError());
    r = CompareStringW(0x0409, 0, L"abcX", 3, L"abcY", 3);
    printf("  counted: %s\n", res(r));
    printf("  CompareStringEx(de-DE): %s\n", res(CompareStringEx(L"de-DE", 0, L"a", -1, L"b", -1, NULL, NULL, 0)));
    printf("  CompareStringA: %s\n", res(CompareStringA(0x0409, NORM_IGNORECASE, "Hello", -1, "hello", -1)));

    printf("CompareStringOrdinal:\n");
    printf("  a B: %s, a B ignore case: %s, abc ab: %s, \x00e9 E ignore case: %s\n",
           res(CompareStringOrdinal(L"a", -1, L"B", -1, FALSE)), res(CompareStringOrdinal(L"a", -1, L"B", -1, TRUE)),
           res(CompareStringOrdinal(L"abc", -1, L"ab", -1, FALSE)),
           res(CompareStringOrdinal(L"\x00e9", -1, L"E", -1, TRUE)));
    printf("lstrcmpW a B %d, a A %d, lstrcmpiW abc ABC %d, co-op coop %d\n", lstrcmpW(L"a", L"B"),
           lstrcmpW(L"a", L"A"), lstrcmpiW(L"abc", L"ABC"), lstrcmpW(L"co-op", L"coop"));

    printf("LCMapStringW:\n");
    WCHAR out[32];
    int n = LCMapStringW(0x0409, LCMAP_UPPERCASE, L"hello \x00e9\x00df", -1, out, 32);
    printf("  upper %d [%ls]\n", n, out);
    n = LCMapStringW(0x0409, LCMAP_LOWERCASE, L"HELLO \x00c9", -1, out, 32);
    printf("  lower %d [%ls]\n", n, out);
    printf("  size needed %d\n", LCMapStringW(0x0409, LCMAP_UPPERCASE, L"abc", 3, NULL, 0));
    SetLastError(0xdeadbeef);
    n = LCMapStringW(0x0409, LCMAP_UPPERCASE | LCMAP_LOWERCASE, L"abc", -1, out, 32);
    printf("  both cases: %d error %lu\n", n, GetLastError());
    SetLastError(0xdeadbeef);
    n = LCMapStringW(0x0409, LCMAP_UPPERCASE, L"abc", -1, out, 2);
    printf("  too small: %d error %lu\n", n, GetLastError());

    /* user32's; vinho's kernelbase has them for user32 to forward to (docs/nls.md) */
    HMODULE user32 = LoadLibraryA("user32.dll");
    HMODULE from = user32 ? user32 : GetModuleHandleA("kernelbase.dll");
    LPWSTR (WINAPI *upper)(LPWSTR) = (void *)GetProcAddress(from, "CharUpperW");
    LPWSTR (WINAPI *lower)(LPWSTR) = (void *)GetProcAddress(from, "CharLowerW");
    WCHAR s[] = L"Mixed \x00e9";
    printf("CharUpperW [%ls]", upper(s));
    printf(" CharLowerW [%ls]", lower(s));
    printf(" char %#x\n", (unsigned)(ULONG_PTR)upper((LPWSTR)(ULONG_PTR)'q'));

    printf("GetLocaleInfoW:\n");
    info(0x0409, LOCALE_SNAME, "SNAME");
    info(0x0409, LOCALE_SENGLANGUAGE, "SENGLANGUAGE");
    info(0x0409, LOCALE_SDECIMAL, "SDECIMAL");
    info(0x0409, LOCALE_SSHORTDATE, "SSHORTDATE");
    info(0x0409, LOCALE_STIMEFORMAT, "STIMEFORMAT");
    info(0x0409, LOCALE_SDAYNAME1, "SDAYNAME1");
    info(0x0409, LOCALE_SMONTHNAME12, "SMONTHNAME12");
    info(0x0409, LOCALE_IDEFAULTANSICODEPAGE, "ANSICP");
    info(0x0409, LOCALE_IDEFAULTCODEPAGE, "OEMCP");
    info(0x0407, LOCALE_SDECIMAL, "SDECIMAL");
    info(0x0407, LOCALE_STHOUSAND, "STHOUSAND");
    info(0x0407, LOCALE_SSHORTDATE, "SSHORTDATE");
    info(0x0407, LOCALE_SMONTHNAME3, "SMONTHNAME3");
    info(0x0407, LOCALE_SNATIVELANGNAME, "SNATIVELANG");
    info(0x0407, LOCALE_IDEFAULTCODEPAGE, "OEMCP");
    info(LOCALE_INVARIANT, LOCALE_SSHORTDATE, "SSHORTDATE");
    info(LOCALE_INVARIANT, LOCALE_SCURRENCY, "SCURRENCY");
    DWORD num = 0;
    n = GetLocaleInfoW(0x0409, LOCALE_IDEFAULTANSICODEPAGE | LOCALE_RETURN_NUMBER, (WCHAR *)&num, 2);
    printf("  RETURN_NUMBER %d %lu\n", n, num);
    n = GetLocaleInfoW(0x0409, LOCALE_ILANGUAGE | LOCALE_RETURN_NUMBER, (WCHAR *)&num, 2);
    printf("  ILANGUAGE as number %d %#lx\n", n, num);
    printf("  size of SENGLANGUAGE %d\n", GetLocaleInfoW(0x0409, LOCALE_SENGLANGUAGE, NULL, 0));
    SetLastError(0xdeadbeef);
    n = GetLocaleInfoW(0x0409, LOCALE_SENGLANGUAGE, out, 3);
    printf("  too small: %d error %lu\n", n, GetLastError());
    SetLastError(0xdeadbeef);
    n = GetLocaleInfoW(0x0409, 0x7777, out, 32);
    printf("  unknown LCTYPE: %d error %lu\n", n, GetLastError());
    n = GetLocaleInfoEx(L"de-DE", LOCALE_SDAYNAME7, out, 32);
    printf("  GetLocaleInfoEx(de-DE, SDAYNAME7) %d [%ls]\n", n, out);
    char a[32];
    n = GetLocaleInfoA(0x0409, LOCALE_SABBREVMONTHNAME1, a, 32);
    printf("  GetLocaleInfoA %d [%s]\n", n, a);

    printf("names:\n");
    printf("  LocaleNameToLCID(de-DE) %#lx, (en-us) %#lx, (de) %#lx\n", LocaleNameToLCID(L"de-DE", 0),
           LocaleNameToLCID(L"en-us", 0), LocaleNameToLCID(L"de", 0));
    n = LCIDToLocaleName(0x0809, out, 32, 0);
    printf("  LCIDToLocaleName(0x809) %d [%ls]\n", n, out);
    SetLastError(0xdeadbeef);
    LCID bad = LocaleNameToLCID(L"xx-YY", 0);
    printf("  LocaleNameToLCID(xx-YY) %#lx error %lu\n", bad, GetLastError());
    printf("  IsValidLocale(0x407) %d IsValidLocaleName(en-GB) %d\n", IsValidLocale(0x0407, LCID_SUPPORTED),
           IsValidLocaleName(L"en-GB"));
    return 0;
}
