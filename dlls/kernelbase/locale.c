/* locale.c: locales (LCIDs and names, GetLocaleInfo), CompareString and LCMapString, and the
 * number, date and time formats. The locales with data are en-US, en-GB, de-DE and the invariant
 * one; the user's comes from the Linux locale, else en-US (docs/nls.md). */
#define _USER32_    /* CharUpperW and friends are defined here, not imported */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(nls);

__declspec(dllimport) ULONG WINAPI __vinho_nls_unix_locale(WCHAR *buf, ULONG size);
__declspec(dllimport) INT WINAPI __vinho_nls_compare(DWORD flags, const WCHAR *a, INT alen,
                                                     const WCHAR *b, INT blen);
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR ch);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR ch);

/* One locale's values, as GetLocaleInfo returns them (numbers as text, as Windows stores them). */
struct locale {
    LCID lcid;
    const WCHAR *name, *ilanguage, *slanguage, *englang, *abbrevlang, *nativelang, *icountry,
        *country, *engcountry, *abbrevctry, *nativectry, *oemcp, *ansicp, *maccp, *list, *measure,
        *decimal, *thousand, *grouping, *digits, *lzero, *negnumber, *currency, *intlsymbol,
        *mondecimal, *monthousand, *mongrouping, *currdigits, *icurrency, *inegcurr, *date, *time,
        *shortdate, *longdate, *timeformat, *shorttime, *yearmonth, *idate, *ildate, *itime,
        *itimemarkposn, *icentury, *itlzero, *idaylzero, *imonlzero, *am, *pm, *firstday,
        *firstweek, *iso639, *iso3166, *iso639_2, *iso3166_2, *engcurrname, *nativecurrname,
        *papersize, *parent;
    const WCHAR *days[7], *abbrevdays[7], *shortestdays[7], *months[12], *abbrevmonths[12];
};

#define ENGLISH_DAYS { L"Monday", L"Tuesday", L"Wednesday", L"Thursday", L"Friday", L"Saturday", L"Sunday" }, \
    { L"Mon", L"Tue", L"Wed", L"Thu", L"Fri", L"Sat", L"Sun" }, { L"Mo", L"Tu", L"We", L"Th", L"Fr", L"Sa", L"Su" }
#define ENGLISH_MONTHS { L"January", L"February", L"March", L"April", L"May", L"June", L"July", \
    L"August", L"September", L"October", L"November", L"December" }, \
    { L"Jan", L"Feb", L"Mar", L"Apr", L"May", L"Jun", L"Jul", L"Aug", L"Sep", L"Oct", L"Nov", L"Dec" }

static const struct locale locales[] = {
    { 0x0409, L"en-US", L"0409", L"English (United States)", L"English", L"ENU", L"English", L"1",
      L"United States", L"United States", L"USA", L"United States", L"437", L"1252", L"10000", L",",
      L"1", L".", L",", L"3;0", L"2", L"1", L"1", L"$", L"USD", L".", L",", L"3;0", L"2", L"0", L"0",
      L"/", L":", L"M/d/yyyy", L"dddd, MMMM d, yyyy", L"h:mm:ss tt", L"h:mm tt", L"MMMM yyyy", L"0",
      L"0", L"0", L"0", L"1", L"0", L"0", L"0", L"AM", L"PM", L"6", L"0", L"en", L"US", L"eng", L"USA",
      L"US Dollar", L"US Dollar", L"1", L"en", ENGLISH_DAYS, ENGLISH_MONTHS },
    { 0x0809, L"en-GB", L"0809", L"English (United Kingdom)", L"English", L"ENG", L"English", L"44",
      L"United Kingdom", L"United Kingdom", L"GBR", L"United Kingdom", L"850", L"1252", L"10000", L",",
      L"0", L".", L",", L"3;0", L"2", L"1", L"1", L"\x00a3", L"GBP", L".", L",", L"3;0", L"2", L"0",
      L"1", L"/", L":", L"dd/MM/yyyy", L"dd MMMM yyyy", L"HH:mm:ss", L"HH:mm", L"MMMM yyyy", L"1",
      L"1", L"1", L"0", L"1", L"1", L"1", L"1", L"AM", L"PM", L"0", L"2", L"en", L"GB", L"eng", L"GBR",
      L"British Pound", L"Pound Sterling", L"9", L"en", ENGLISH_DAYS, ENGLISH_MONTHS },
    { 0x0407, L"de-DE", L"0407", L"German (Germany)", L"German", L"DEU", L"Deutsch", L"49",
      L"Germany", L"Germany", L"DEU", L"Deutschland", L"850", L"1252", L"10000", L";", L"0", L",",
      L".", L"3;0", L"2", L"1", L"1", L"\x20ac", L"EUR", L",", L".", L"3;0", L"2", L"3", L"8", L".",
      L":", L"dd.MM.yyyy", L"dddd, d. MMMM yyyy", L"HH:mm:ss", L"HH:mm", L"MMMM yyyy", L"1", L"1",
      L"1", L"0", L"1", L"1", L"1", L"1", L"", L"", L"0", L"2", L"de", L"DE", L"deu", L"DEU", L"Euro",
      L"Euro", L"9", L"de",
      { L"Montag", L"Dienstag", L"Mittwoch", L"Donnerstag", L"Freitag", L"Samstag", L"Sonntag" },
      { L"Mo", L"Di", L"Mi", L"Do", L"Fr", L"Sa", L"So" }, { L"Mo", L"Di", L"Mi", L"Do", L"Fr", L"Sa", L"So" },
      { L"Januar", L"Februar", L"M\x00e4rz", L"April", L"Mai", L"Juni", L"Juli", L"August",
        L"September", L"Oktober", L"November", L"Dezember" },
      { L"Jan", L"Feb", L"M\x00e4r", L"Apr", L"Mai", L"Jun", L"Jul", L"Aug", L"Sep", L"Okt", L"Nov", L"Dez" } },
    { LOCALE_INVARIANT, L"", L"007f", L"Invariant Language (Invariant Country)", L"Invariant Language",
      L"IVL", L"Invariant Language", L"1", L"Invariant Country", L"Invariant Country", L"IVC",
      L"Invariant Country", L"437", L"1252", L"10000", L",", L"0", L".", L",", L"3;0", L"2", L"1",
      L"1", L"\x00a4", L"XDR", L".", L",", L"3;0", L"2", L"0", L"0", L"/", L":", L"MM/dd/yyyy",
      L"dddd, dd MMMM yyyy", L"HH:mm:ss", L"HH:mm", L"yyyy MMMM", L"0", L"0", L"1", L"0", L"1",
      L"1", L"1", L"1", L"AM", L"PM", L"0", L"0", L"iv", L"IV", L"ivl", L"IVL", L"International Monetary Fund",
      L"International Monetary Fund", L"9", L"", ENGLISH_DAYS, ENGLISH_MONTHS },
};

static const struct locale *user_locale;

static BOOL name_equal(const WCHAR *a, const WCHAR *b)
{
    for (; *a && *b; a++, b++)
        if (RtlDowncaseUnicodeChar(*a) != RtlDowncaseUnicodeChar(*b))
            return FALSE;
    return *a == *b;
}

/* The Linux locale's entry: the same name, else the same language, else en-US. */
static const struct locale *get_user_locale(void)
{
    WCHAR unix_name[16];
    const struct locale *found = &locales[0];
    if (user_locale)
        return user_locale;
    if (__vinho_nls_unix_locale(unix_name, ARRAYSIZE(unix_name))) {
        for (size_t i = 0; i < ARRAYSIZE(locales); i++)
            if (name_equal(locales[i].name, unix_name)) {
                found = &locales[i];
                goto done;
            }
        for (size_t i = 0; i < ARRAYSIZE(locales); i++)
            if (locales[i].lcid != LOCALE_INVARIANT && locales[i].name[0] == unix_name[0] &&
                locales[i].name[1] == unix_name[1] && (!unix_name[2] || unix_name[2] == '-')) {
                found = &locales[i];
                goto done;
            }
        FIXME_ONCE("no locale data for %s: the user locale is en-US\n", debugstr_w(unix_name));
    }
done:
    return user_locale = found;
}

static const struct locale *find_lcid(LCID lcid)
{
    switch (lcid) {
    case LOCALE_USER_DEFAULT: case LOCALE_SYSTEM_DEFAULT: case LOCALE_NEUTRAL:
    case LOCALE_CUSTOM_DEFAULT: case LOCALE_CUSTOM_UNSPECIFIED: case LOCALE_CUSTOM_UI_DEFAULT:
        return get_user_locale();
    }
    if (SORTIDFROMLCID(lcid))
        lcid = MAKELCID(LANGIDFROMLCID(lcid), SORT_DEFAULT);
    for (size_t i = 0; i < ARRAYSIZE(locales); i++)
        if (locales[i].lcid == lcid)
            return &locales[i];
    if (SUBLANGID(LANGIDFROMLCID(lcid)) == SUBLANG_NEUTRAL)   /* "de" alone: its main locale */
        for (size_t i = 0; i < ARRAYSIZE(locales); i++)
            if (PRIMARYLANGID(locales[i].lcid) == PRIMARYLANGID(lcid) && locales[i].lcid != LOCALE_INVARIANT)
                return &locales[i];
    return NULL;
}

static const struct locale *find_name(const WCHAR *name)
{
    if (!name || name_equal(name, LOCALE_NAME_SYSTEM_DEFAULT))
        return get_user_locale();
    for (size_t i = 0; i < ARRAYSIZE(locales); i++)
        if (name_equal(locales[i].name, name))
            return &locales[i];
    for (size_t i = 0; i < ARRAYSIZE(locales); i++)   /* a neutral name: "de" */
        if (locales[i].name[0] && name_equal(locales[i].parent, name))
            return &locales[i];
    return NULL;
}

LCID WINAPI GetUserDefaultLCID(void) { return get_user_locale()->lcid; }
LCID WINAPI GetSystemDefaultLCID(void) { return get_user_locale()->lcid; }
LANGID WINAPI GetUserDefaultLangID(void) { return LANGIDFROMLCID(GetUserDefaultLCID()); }
LANGID WINAPI GetSystemDefaultLangID(void) { return LANGIDFROMLCID(GetSystemDefaultLCID()); }
LCID WINAPI GetThreadLocale(void) { return get_user_locale()->lcid; }

/* The user interface is English: our messages and names are. */
LANGID WINAPI GetUserDefaultUILanguage(void) { return 0x0409; }
LANGID WINAPI GetSystemDefaultUILanguage(void) { return 0x0409; }

/***********************************************************************
 *           SetThreadLocale   (kernelbase.@)
 *
 * Threads have no locale of their own yet: setting the one they have succeeds; another fails
 * with ERROR_CALL_NOT_IMPLEMENTED rather than being ignored.
 */
BOOL WINAPI SetThreadLocale(LCID lcid)
{
    if (!find_lcid(lcid)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (lcid != GetThreadLocale()) {
        FIXME("thread locales are not implemented: %#lx\n", lcid);
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    }
    return TRUE;
}

static INT copy_name(const WCHAR *name, WCHAR *buf, INT size)
{
    INT len = lstrlenW(name) + 1;
    if (!size)
        return len;
    if (size < len) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    memcpy(buf, name, len * sizeof(WCHAR));
    return len;
}

INT WINAPI GetUserDefaultLocaleName(LPWSTR name, INT size)
{
    return copy_name(get_user_locale()->name, name, size);
}

INT WINAPI GetSystemDefaultLocaleName(LPWSTR name, INT size)
{
    return copy_name(get_user_locale()->name, name, size);
}

LCID WINAPI LocaleNameToLCID(LPCWSTR name, DWORD flags)
{
    const struct locale *loc = find_name(name);
    if (!loc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return loc->lcid;
}

INT WINAPI LCIDToLocaleName(LCID lcid, LPWSTR name, INT size, DWORD flags)
{
    const struct locale *loc = find_lcid(lcid);
    if (!loc || size < 0 || (size && !name)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return copy_name(loc->name, name, size);
}

BOOL WINAPI IsValidLocale(LCID lcid, DWORD flags)
{
    return find_lcid(lcid) != NULL;
}

BOOL WINAPI IsValidLocaleName(LPCWSTR name)
{
    return name && find_name(name) != NULL;
}

/***********************************************************************
 *           EnumSystemLocalesW / EnumSystemLocalesA / EnumSystemLocalesEx   (kernelbase.@)
 *
 * The locales vinho has data for (the table above; the invariant locale is not listed), as an
 * LCID in 8 hex digits ("00000409") or, for the Ex form, as a name. The callback returning FALSE
 * stops the walk; the call still succeeds. Flags as documented: LCID_INSTALLED, LCID_SUPPORTED,
 * LCID_ALTERNATE_SORTS (no alternate sorts here: nothing is listed for it alone).
 */
static BOOL enum_lcids(BOOL (CALLBACK *proc_w)(LPWSTR), BOOL (CALLBACK *proc_a)(LPSTR), DWORD flags)
{
    if (!proc_w && !proc_a) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & ~(LCID_INSTALLED | LCID_SUPPORTED | LCID_ALTERNATE_SORTS)) {
        SetLastError(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    if (flags == LCID_ALTERNATE_SORTS)
        return TRUE;
    for (size_t i = 0; i < ARRAYSIZE(locales); i++) {
        static const char hex[] = "0123456789ABCDEF";
        WCHAR w[9];
        char a[9];
        if (locales[i].lcid == LOCALE_INVARIANT)
            continue;
        for (int d = 0; d < 8; d++)
            w[d] = a[d] = hex[(locales[i].lcid >> (28 - 4 * d)) & 15];
        w[8] = a[8] = 0;
        if (!(proc_w ? proc_w(w) : proc_a(a)))
            break;
    }
    return TRUE;
}

BOOL WINAPI EnumSystemLocalesW(LOCALE_ENUMPROCW proc, DWORD flags)
{
    return enum_lcids(proc, NULL, flags);
}

BOOL WINAPI EnumSystemLocalesA(LOCALE_ENUMPROCA proc, DWORD flags)
{
    return enum_lcids(NULL, proc, flags);
}

BOOL WINAPI EnumSystemLocalesEx(LOCALE_ENUMPROCEX proc, DWORD flags, LPARAM param, LPVOID reserved)
{
    const DWORD known = LOCALE_WINDOWS | LOCALE_SUPPLEMENTAL | LOCALE_ALTERNATE_SORTS |
                        LOCALE_NEUTRALDATA | LOCALE_SPECIFICDATA;
    if (!proc || reserved) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & ~known) {
        SetLastError(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    /* every locale here is a Windows one with specific data; neutral names are not listed */
    if (flags && !(flags & (LOCALE_WINDOWS | LOCALE_SPECIFICDATA)))
        return TRUE;
    for (size_t i = 0; i < ARRAYSIZE(locales); i++) {
        if (locales[i].lcid == LOCALE_INVARIANT)
            continue;
        if (!proc((LPWSTR)locales[i].name, LOCALE_WINDOWS | LOCALE_SPECIFICDATA, param))
            break;
    }
    return TRUE;
}

/* The value of one LCTYPE, or NULL when we do not know it. */
static const WCHAR *locale_value(const struct locale *l, LCTYPE type)
{
    if (type >= LOCALE_SDAYNAME1 && type <= LOCALE_SDAYNAME7)
        return l->days[type - LOCALE_SDAYNAME1];
    if (type >= LOCALE_SABBREVDAYNAME1 && type <= LOCALE_SABBREVDAYNAME7)
        return l->abbrevdays[type - LOCALE_SABBREVDAYNAME1];
    if (type >= LOCALE_SSHORTESTDAYNAME1 && type <= LOCALE_SSHORTESTDAYNAME7)
        return l->shortestdays[type - LOCALE_SSHORTESTDAYNAME1];
    if (type >= LOCALE_SMONTHNAME1 && type <= LOCALE_SMONTHNAME12)
        return l->months[type - LOCALE_SMONTHNAME1];
    if (type >= LOCALE_SABBREVMONTHNAME1 && type <= LOCALE_SABBREVMONTHNAME12)
        return l->abbrevmonths[type - LOCALE_SABBREVMONTHNAME1];
    switch (type) {
    case LOCALE_ILANGUAGE:        return l->ilanguage;
    case LOCALE_SLANGUAGE:        return l->slanguage;
    case LOCALE_SENGLANGUAGE:     return l->englang;
    case LOCALE_SABBREVLANGNAME:  return l->abbrevlang;
    case LOCALE_SNATIVELANGNAME:  return l->nativelang;
    case LOCALE_ICOUNTRY:         return l->icountry;
    case LOCALE_SCOUNTRY:         return l->country;
    case LOCALE_SENGCOUNTRY:      return l->engcountry;
    case LOCALE_SABBREVCTRYNAME:  return l->abbrevctry;
    case LOCALE_SNATIVECTRYNAME:  return l->nativectry;
    case LOCALE_IDEFAULTLANGUAGE: return l->ilanguage;
    case LOCALE_IDEFAULTCOUNTRY:  return l->icountry;
    case LOCALE_IDEFAULTCODEPAGE: return l->oemcp;
    case LOCALE_IDEFAULTANSICODEPAGE: return l->ansicp;
    case LOCALE_IDEFAULTMACCODEPAGE:  return l->maccp;
    case LOCALE_SLIST:            return l->list;
    case LOCALE_IMEASURE:         return l->measure;
    case LOCALE_SDECIMAL:         return l->decimal;
    case LOCALE_STHOUSAND:        return l->thousand;
    case LOCALE_SGROUPING:        return l->grouping;
    case LOCALE_IDIGITS:          return l->digits;
    case LOCALE_ILZERO:           return l->lzero;
    case LOCALE_INEGNUMBER:       return l->negnumber;
    case LOCALE_SNATIVEDIGITS:    return L"0123456789";
    case LOCALE_SCURRENCY:        return l->currency;
    case LOCALE_SINTLSYMBOL:      return l->intlsymbol;
    case LOCALE_SMONDECIMALSEP:   return l->mondecimal;
    case LOCALE_SMONTHOUSANDSEP:  return l->monthousand;
    case LOCALE_SMONGROUPING:     return l->mongrouping;
    case LOCALE_ICURRDIGITS:      return l->currdigits;
    case LOCALE_IINTLCURRDIGITS:  return l->currdigits;
    case LOCALE_ICURRENCY:        return l->icurrency;
    case LOCALE_INEGCURR:         return l->inegcurr;
    case LOCALE_SDATE:            return l->date;
    case LOCALE_STIME:            return l->time;
    case LOCALE_SSHORTDATE:       return l->shortdate;
    case LOCALE_SLONGDATE:        return l->longdate;
    case LOCALE_STIMEFORMAT:      return l->timeformat;
    case LOCALE_SSHORTTIME:       return l->shorttime;
    case LOCALE_SYEARMONTH:       return l->yearmonth;
    case LOCALE_IDATE:            return l->idate;
    case LOCALE_ILDATE:           return l->ildate;
    case LOCALE_ITIME:            return l->itime;
    case LOCALE_ITIMEMARKPOSN:    return l->itimemarkposn;
    case LOCALE_ICENTURY:         return l->icentury;
    case LOCALE_ITLZERO:          return l->itlzero;
    case LOCALE_IDAYLZERO:        return l->idaylzero;
    case LOCALE_IMONLZERO:        return l->imonlzero;
    case LOCALE_S1159:            return l->am;
    case LOCALE_S2359:            return l->pm;
    case LOCALE_ICALENDARTYPE:    return L"1";
    case LOCALE_IOPTIONALCALENDAR: return L"0";
    case LOCALE_IFIRSTDAYOFWEEK:  return l->firstday;
    case LOCALE_IFIRSTWEEKOFYEAR: return l->firstweek;
    case LOCALE_SMONTHNAME13:     return L"";
    case LOCALE_SABBREVMONTHNAME13: return L"";
    case LOCALE_SPOSITIVESIGN:    return L"";
    case LOCALE_SNEGATIVESIGN:    return L"-";
    case LOCALE_IPOSSIGNPOSN:     return L"3";
    case LOCALE_INEGSIGNPOSN:     return L"0";
    case LOCALE_SISO639LANGNAME:  return l->iso639;
    case LOCALE_SISO3166CTRYNAME: return l->iso3166;
    case LOCALE_SISO639LANGNAME2: return l->iso639_2;
    case LOCALE_SISO3166CTRYNAME2: return l->iso3166_2;
    case LOCALE_SNAME:            return l->name;
    case LOCALE_SENGCURRNAME:     return l->engcurrname;
    case LOCALE_SNATIVECURRNAME:  return l->nativecurrname;
    case LOCALE_IPAPERSIZE:       return l->papersize;
    case LOCALE_IDIGITSUBSTITUTION: return L"1";
    case LOCALE_SPARENT:          return l->parent;
    case LOCALE_SCONSOLEFALLBACKNAME: return l->name;
    case LOCALE_SPERCENT:         return L"%";
    case LOCALE_SNAN:             return L"NaN";
    case LOCALE_SPOSINFINITY:     return L"\x221e";
    case LOCALE_SNEGINFINITY:     return L"-\x221e";
    case LOCALE_IREADINGLAYOUT:   return L"0";
    case LOCALE_SSCRIPTS:         return L"Latn;";
    case LOCALE_SENGLISHDISPLAYNAME:   return l->slanguage;
    case LOCALE_SNATIVEDISPLAYNAME:    return l->slanguage;
    }
    return NULL;
}

static INT get_locale_info(const struct locale *loc, LCTYPE type, LPWSTR buf, INT len)
{
    LCTYPE what = type & ~(LOCALE_NOUSEROVERRIDE | LOCALE_USE_CP_ACP | LOCALE_RETURN_NUMBER |
                           LOCALE_RETURN_GENITIVE_NAMES);
    const WCHAR *value;

    if (len < 0 || (len && !buf) || !loc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!(value = locale_value(loc, what))) {
        FIXME("LCTYPE %#lx is not implemented\n", what);
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (type & LOCALE_RETURN_NUMBER) {
        DWORD number = 0;
        if (what == LOCALE_ILANGUAGE || what == LOCALE_IDEFAULTLANGUAGE) {
            for (const WCHAR *p = value; *p; p++)
                number = number * 16 + (*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
        } else {
            for (const WCHAR *p = value; *p >= '0' && *p <= '9'; p++)
                number = number * 10 + (*p - '0');
        }
        if (!len)
            return sizeof(DWORD) / sizeof(WCHAR);
        if (len < (INT)(sizeof(DWORD) / sizeof(WCHAR))) {
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        memcpy(buf, &number, sizeof(number));
        return sizeof(DWORD) / sizeof(WCHAR);
    }
    return copy_name(value, buf, len);
}

/***********************************************************************
 *           GetLocaleInfoW   (kernelbase.@)
 */
INT WINAPI GetLocaleInfoW(LCID lcid, LCTYPE type, LPWSTR buf, INT len)
{
    return get_locale_info(find_lcid(lcid), type, buf, len);
}

INT WINAPI GetLocaleInfoEx(LPCWSTR name, LCTYPE type, LPWSTR buf, INT len)
{
    return get_locale_info(find_name(name), type, buf, len);
}

INT WINAPI GetLocaleInfoA(LCID lcid, LCTYPE type, LPSTR buf, INT len)
{
    WCHAR w[128];
    INT n;
    if (len < 0 || (len && !buf)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (type & LOCALE_RETURN_NUMBER) {
        if (!(n = GetLocaleInfoW(lcid, type, w, ARRAYSIZE(w))))
            return 0;
        if (!len)
            return sizeof(DWORD);
        if (len < (INT)sizeof(DWORD)) {
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
        memcpy(buf, w, sizeof(DWORD));
        return sizeof(DWORD);
    }
    if (!(n = GetLocaleInfoW(lcid, type, w, ARRAYSIZE(w))))
        return 0;
    n = WideCharToMultiByte(CP_ACP, 0, w, n, buf, len, NULL, NULL);
    if (!n)
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return n;
}

/* ---- CompareString -------------------------------------------------------------------------- */

#define COMPARE_FLAGS (NORM_IGNORECASE | NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS | \
    SORT_DIGITSASNUMBERS | LINGUISTIC_IGNORECASE | LINGUISTIC_IGNOREDIACRITIC | \
    NORM_IGNOREKANATYPE | NORM_IGNOREWIDTH | NORM_LINGUISTIC_CASING | SORT_STRINGSORT)

/***********************************************************************
 *           CompareStringEx   (kernelbase.@)
 *
 * Kana type and width are not folded (accepted). The order: ntdll/sort.c.
 */
INT WINAPI CompareStringEx(LPCWSTR locale, DWORD flags, LPCWSTR a, INT alen, LPCWSTR b, INT blen,
                           LPNLSVERSIONINFO version, LPVOID reserved, LPARAM handle)
{
    int r;
    if (!a || !b || version || reserved || handle) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (flags & ~COMPARE_FLAGS) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (locale && !find_name(locale)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (alen < 0)
        alen = lstrlenW(a);
    if (blen < 0)
        blen = lstrlenW(b);
    r = __vinho_nls_compare(flags, a, alen, b, blen);
    return r < 0 ? CSTR_LESS_THAN : r > 0 ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

INT WINAPI CompareStringW(LCID lcid, DWORD flags, LPCWSTR a, INT alen, LPCWSTR b, INT blen)
{
    const struct locale *loc = find_lcid(lcid);
    if (!loc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return CompareStringEx(loc->name, flags, a, alen, b, blen, NULL, NULL, 0);
}

INT WINAPI CompareStringA(LCID lcid, DWORD flags, LPCSTR a, INT alen, LPCSTR b, INT blen)
{
    WCHAR *wa, *wb;
    INT na, nb, ret = 0;
    if (!a || !b) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    na = MultiByteToWideChar(CP_ACP, 0, a, alen, NULL, 0);
    nb = MultiByteToWideChar(CP_ACP, 0, b, blen, NULL, 0);
    wa = HeapAlloc(GetProcessHeap(), 0, (na + 1) * sizeof(WCHAR));
    wb = HeapAlloc(GetProcessHeap(), 0, (nb + 1) * sizeof(WCHAR));
    if (wa && wb) {
        na = MultiByteToWideChar(CP_ACP, 0, a, alen, wa, na);
        nb = MultiByteToWideChar(CP_ACP, 0, b, blen, wb, nb);
        if (alen < 0 && na)     /* the terminators are not compared */
            na--;
        if (blen < 0 && nb)
            nb--;
        ret = CompareStringW(lcid, flags, wa, na, wb, nb);
    } else {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    }
    HeapFree(GetProcessHeap(), 0, wa);
    HeapFree(GetProcessHeap(), 0, wb);
    return ret;
}

/***********************************************************************
 *           CompareStringOrdinal   (kernelbase.@)
 *
 * Code unit by code unit; ignoring case upper-cases both (simple case mapping).
 */
INT WINAPI CompareStringOrdinal(LPCWSTR a, INT alen, LPCWSTR b, INT blen, BOOL ignore_case)
{
    if (!a || !b) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (alen < 0)
        alen = lstrlenW(a);
    if (blen < 0)
        blen = lstrlenW(b);
    for (INT i = 0; i < alen && i < blen; i++) {
        WCHAR x = a[i], y = b[i];
        if (ignore_case) {
            x = RtlUpcaseUnicodeChar(x);
            y = RtlUpcaseUnicodeChar(y);
        }
        if (x != y)
            return x < y ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
    }
    return alen < blen ? CSTR_LESS_THAN : alen > blen ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

/* ---- LCMapString ---------------------------------------------------------------------------- */

/***********************************************************************
 *           LCMapStringEx   (kernelbase.@)
 *
 * Upper and lower case (simple case mapping) and byte reversal; sort keys, kana, width and
 * Chinese conversions are not implemented (loudly).
 */
INT WINAPI LCMapStringEx(LPCWSTR locale, DWORD flags, LPCWSTR src, INT srclen, LPWSTR dst,
                         INT dstlen, LPNLSVERSIONINFO version, LPVOID reserved, LPARAM handle)
{
    DWORD supported = LCMAP_LOWERCASE | LCMAP_UPPERCASE | LCMAP_BYTEREV | LCMAP_LINGUISTIC_CASING;
    if (!src || !srclen || dstlen < 0 || (dstlen && !dst) || version || reserved || handle) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if ((flags & LCMAP_LOWERCASE) && (flags & LCMAP_UPPERCASE)) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (flags & ~supported) {
        FIXME("LCMapString flags %#lx are not implemented\n", flags & ~supported);
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return 0;
    }
    if (!(flags & ~LCMAP_LINGUISTIC_CASING)) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (locale && !find_name(locale)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (srclen < 0)
        srclen = lstrlenW(src) + 1;
    if (!dstlen)
        return srclen;
    if (dstlen < srclen) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    for (INT i = 0; i < srclen; i++) {
        WCHAR c = src[i];
        if (flags & LCMAP_UPPERCASE)
            c = RtlUpcaseUnicodeChar(c);
        else if (flags & LCMAP_LOWERCASE)
            c = RtlDowncaseUnicodeChar(c);
        if (flags & LCMAP_BYTEREV)
            c = (WCHAR)((c << 8) | (c >> 8));
        dst[i] = c;
    }
    return srclen;
}

INT WINAPI LCMapStringW(LCID lcid, DWORD flags, LPCWSTR src, INT srclen, LPWSTR dst, INT dstlen)
{
    const struct locale *loc = find_lcid(lcid);
    if (!loc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return LCMapStringEx(loc->name, flags, src, srclen, dst, dstlen, NULL, NULL, 0);
}

/* ---- CharUpper/CharLower: user32's, here so that user32 can forward to them ------------------ */

static LPWSTR map_case(LPWSTR str, BOOL upper)
{
    if (!((ULONG_PTR)str >> 16)) {  /* a single character in the low word */
        WCHAR c = (WCHAR)(ULONG_PTR)str;
        return (LPWSTR)(ULONG_PTR)(upper ? RtlUpcaseUnicodeChar(c) : RtlDowncaseUnicodeChar(c));
    }
    for (WCHAR *p = str; *p; p++)
        *p = upper ? RtlUpcaseUnicodeChar(*p) : RtlDowncaseUnicodeChar(*p);
    return str;
}

LPWSTR WINAPI CharUpperW(LPWSTR str) { return map_case(str, TRUE); }
LPWSTR WINAPI CharLowerW(LPWSTR str) { return map_case(str, FALSE); }

DWORD WINAPI CharUpperBuffW(LPWSTR str, DWORD len)
{
    if (!str)
        return 0;
    for (DWORD i = 0; i < len; i++)
        str[i] = RtlUpcaseUnicodeChar(str[i]);
    return len;
}

DWORD WINAPI CharLowerBuffW(LPWSTR str, DWORD len)
{
    if (!str)
        return 0;
    for (DWORD i = 0; i < len; i++)
        str[i] = RtlDowncaseUnicodeChar(str[i]);
    return len;
}

/* ---- number, date and time formats ---------------------------------------------------------- */

/* A growing output of a Get*Format function: counts when size is 0, else fails when full. */
struct out {
    WCHAR *buf;
    INT size, len;
    BOOL overflow;
};

static void put(struct out *o, const WCHAR *s, INT n)
{
    if (n < 0)
        n = lstrlenW(s);
    for (INT i = 0; i < n; i++) {
        if (o->size && o->len >= o->size) {
            o->overflow = TRUE;
            return;
        }
        if (o->size)
            o->buf[o->len] = s[i];
        o->len++;
    }
}

static void put_ch(struct out *o, WCHAR c)
{
    put(o, &c, 1);
}

static void put_num(struct out *o, UINT v, int min_digits)
{
    WCHAR tmp[12];
    int n = 0;
    do
        tmp[n++] = '0' + v % 10;
    while ((v /= 10) || n < min_digits);
    while (n)
        put_ch(o, tmp[--n]);
}

/* Ends a Get*Format: the NUL, then the count or the documented error. */
static INT finish(struct out *o)
{
    put_ch(o, 0);
    if (o->overflow) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    return o->len;
}

static UINT parse_uint(const WCHAR *s)
{
    UINT v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (*s++ - '0');
    return v;
}

/* The integer part with its group separators: grouping "3;0" repeats 3, "3" groups once,
 * "3;2;0" is 3 then 2s (NUMBERFMT.Grouping 32 is the same as "3;2;0"). */
static void put_grouped(struct out *o, const WCHAR *digits, INT n, const UINT *groups, int ngroups,
                        BOOL repeat, const WCHAR *sep)
{
    INT marks[64], nmarks = 0, pos = n, g = 0;
    while (ngroups && nmarks < 64) {
        UINT size = groups[g < ngroups ? g : ngroups - 1];
        if (!size || (g >= ngroups && !repeat) || pos - (INT)size <= 0)
            break;
        pos -= size;
        marks[nmarks++] = pos;
        g++;
    }
    for (INT i = 0; i < n; i++) {
        for (INT m = 0; m < nmarks; m++)
            if (marks[m] == i)
                put(o, sep, -1);
        put_ch(o, digits[i]);
    }
}

/* NUMBERFMTW from the locale, or the caller's; FALSE on a bad format. */
static BOOL number_format(const struct locale *loc, const NUMBERFMTW *fmt, NUMBERFMTW *out,
                          UINT *groups, int *ngroups, BOOL *repeat)
{
    if (fmt) {
        if (!fmt->lpDecimalSep || !fmt->lpThousandSep || fmt->NumDigits > 9 || fmt->NegativeOrder > 4 ||
            fmt->LeadingZero > 1)
            return FALSE;
        *out = *fmt;
        UINT g = fmt->Grouping;     /* e.g. 32: 3 then 2, repeated */
        *ngroups = 0;
        *repeat = TRUE;
        if (g >= 10) {
            groups[(*ngroups)++] = g / 10;
            groups[(*ngroups)++] = g % 10;
        } else {
            groups[(*ngroups)++] = g;
        }
        return TRUE;
    }
    out->NumDigits = parse_uint(loc->digits);
    out->LeadingZero = parse_uint(loc->lzero);
    out->NegativeOrder = parse_uint(loc->negnumber);
    out->lpDecimalSep = (WCHAR *)loc->decimal;
    out->lpThousandSep = (WCHAR *)loc->thousand;
    *ngroups = 0;
    *repeat = FALSE;
    for (const WCHAR *p = loc->grouping; *p && *ngroups < 8; ) {   /* "3;0": the 0 means repeat */
        UINT v = parse_uint(p);
        if (!v)
            *repeat = TRUE;
        else
            groups[(*ngroups)++] = v;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == ';')
            p++;
        else
            break;
    }
    return TRUE;
}

/* "-123.456" -> sign, integer digits, fraction digits; FALSE when it is not such a number. */
static BOOL split_number(const WCHAR *value, BOOL *neg, const WCHAR **int_part, INT *int_len,
                         const WCHAR **frac, INT *frac_len)
{
    const WCHAR *p = value;
    *neg = *p == '-';
    if (*neg)
        p++;
    *int_part = p;
    while (*p >= '0' && *p <= '9')
        p++;
    *int_len = p - *int_part;
    *frac = p;
    *frac_len = 0;
    if (*p == '.') {
        *frac = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        *frac_len = p - *frac;
    }
    return !*p && (*int_len || *frac_len);
}

static INT format_number(const struct locale *loc, DWORD flags, LPCWSTR value,
                         const NUMBERFMTW *fmt, LPWSTR buf, INT size)
{
    struct out o = { buf, size, 0, FALSE };
    NUMBERFMTW f;
    UINT groups[8];
    int ngroups;
    BOOL repeat, neg;
    const WCHAR *ip, *fp;
    INT il, fl;
    WCHAR digits[128];

    if (!loc || !value || size < 0 || (size && !buf) || (fmt && flags)) {
        SetLastError(!loc || !value || size < 0 || (size && !buf) ? ERROR_INVALID_PARAMETER
                                                                  : ERROR_INVALID_FLAGS);
        return 0;
    }
    if (flags & ~LOCALE_NOUSEROVERRIDE) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (!number_format(loc, fmt, &f, groups, &ngroups, &repeat) ||
        !split_number(value, &neg, &ip, &il, &fp, &fl) || il + 2 > (INT)ARRAYSIZE(digits)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    /* integer and fraction digits, rounded half away from zero at NumDigits */
    INT n = 0;
    digits[n++] = '0';  /* room for a carry */
    for (INT i = 0; i < il; i++)
        digits[n++] = ip[i];
    for (UINT i = 0; i < f.NumDigits && n < (INT)ARRAYSIZE(digits); i++)
        digits[n++] = (INT)i < fl ? fp[i] : '0';
    if ((INT)f.NumDigits < fl && fp[f.NumDigits] >= '5') {
        INT i = n - 1;
        while (digits[i] == '9')
            digits[i--] = '0';
        digits[i]++;
    }
    INT int_start = digits[0] == '0' ? 1 : 0, int_end = n - f.NumDigits;
    while (int_start < int_end - 1 && digits[int_start] == '0')    /* leading zeros */
        int_start++;
    if (int_start >= int_end)   /* no integer digits (".5"): the carry's 0 */
        int_start = int_end - 1;
    /* a negative number that rounds to 0 keeps its sign ("-0.00"), as Wine, which checks it on Windows */
    if (neg) {
        static const WCHAR *const before[] = { L"(", L"-", L"- ", L"", L"" };
        put(&o, before[f.NegativeOrder], -1);
    }
    if (int_end - int_start == 1 && digits[int_start] == '0' && !f.LeadingZero && f.NumDigits)
        ;   /* ".5" */
    else
        put_grouped(&o, digits + int_start, int_end - int_start, groups, ngroups, repeat, f.lpThousandSep);
    if (f.NumDigits) {
        put(&o, f.lpDecimalSep, -1);
        put(&o, digits + int_end, f.NumDigits);
    }
    if (neg) {
        static const WCHAR *const after[] = { L")", L"", L"", L"-", L" -" };
        put(&o, after[f.NegativeOrder], -1);
    }
    return finish(&o);
}

/***********************************************************************
 *           GetNumberFormatW   (kernelbase.@)
 */
INT WINAPI GetNumberFormatW(LCID lcid, DWORD flags, LPCWSTR value, const NUMBERFMTW *fmt,
                            LPWSTR buf, INT size)
{
    return format_number(find_lcid(lcid), flags, value, fmt, buf, size);
}

INT WINAPI GetNumberFormatEx(LPCWSTR name, DWORD flags, LPCWSTR value, const NUMBERFMTW *fmt,
                             LPWSTR buf, INT size)
{
    return format_number(find_name(name), flags, value, fmt, buf, size);
}

/* 0 = Sunday, for a Gregorian date (Sakamoto's method). */
static int day_of_week(int y, int m, int d)
{
    static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    if (m < 3)
        y--;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static BOOL valid_date(const SYSTEMTIME *st)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y = st->wYear, m = st->wMonth;
    if (y < 1601 || y > 30827 || m < 1 || m > 12 || !st->wDay)
        return FALSE;
    int max = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
    return st->wDay <= max;
}

/* A picture with quoted literals ('...', '' for a quote); letters handled by field(). */
static INT format_picture(const WCHAR *pic, struct out *o, const char *fields,
                          void (*field)(struct out *, WCHAR, int, const void *), const void *ctx)
{
    for (const WCHAR *p = pic; *p; ) {
        if (*p == '\'') {
            for (p++; *p; p++) {
                if (*p == '\'') {
                    if (p[1] != '\'')
                        break;
                    p++;
                }
                put_ch(o, *p);
            }
            if (*p)
                p++;
            continue;
        }
        const char *f = fields;
        while (*f && *f != *p)
            f++;
        if (*f) {
            WCHAR c = *p;
            int n = 0;
            while (*p == c)
                p++, n++;
            field(o, c, n, ctx);
            continue;
        }
        put_ch(o, *p++);
    }
    return finish(o);
}

struct date_ctx { const struct locale *loc; const SYSTEMTIME *st; };

static void date_field(struct out *o, WCHAR c, int n, const void *arg)
{
    const struct date_ctx *d = arg;
    const SYSTEMTIME *st = d->st;
    int dow = (day_of_week(st->wYear, st->wMonth, st->wDay) + 6) % 7;    /* Monday = 0 */
    switch (c) {
    case 'd':
        if (n <= 2)
            put_num(o, st->wDay, n);
        else
            put(o, n == 3 ? d->loc->abbrevdays[dow] : d->loc->days[dow], -1);
        break;
    case 'M':
        if (n <= 2)
            put_num(o, st->wMonth, n);
        else
            put(o, n == 3 ? d->loc->abbrevmonths[st->wMonth - 1] : d->loc->months[st->wMonth - 1], -1);
        break;
    case 'y':
        if (n <= 2)
            put_num(o, st->wYear % 100, n);
        else
            put_num(o, st->wYear, 1);
        break;
    case 'g':
        put(o, L"A.D.", -1);
        break;
    }
}

static INT format_date(const struct locale *loc, DWORD flags, const SYSTEMTIME *time,
                       LPCWSTR format, LPWSTR buf, INT size)
{
    DWORD known = DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH | LOCALE_NOUSEROVERRIDE;
    struct out o = { buf, size, 0, FALSE };
    SYSTEMTIME now;
    const WCHAR *pic;

    if (!loc || size < 0 || (size && !buf)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if ((flags & ~known) || (format && (flags & (DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH))) ||
        ((flags & DATE_SHORTDATE) && (flags & (DATE_LONGDATE | DATE_YEARMONTH))) ||
        ((flags & DATE_LONGDATE) && (flags & DATE_YEARMONTH))) {
        if (flags & ~known & (DATE_USE_ALT_CALENDAR | DATE_LTRREADING | DATE_RTLREADING))
            FIXME("date flags %#lx are not implemented\n", flags & ~known);
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (!time) {
        GetLocalTime(&now);
        time = &now;
    } else if (!valid_date(time)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    pic = format ? format : flags & DATE_LONGDATE ? loc->longdate
        : flags & DATE_YEARMONTH ? loc->yearmonth : loc->shortdate;
    struct date_ctx ctx = { loc, time };
    return format_picture(pic, &o, "dMyg", date_field, &ctx);
}

/***********************************************************************
 *           GetDateFormatW   (kernelbase.@)
 */
INT WINAPI GetDateFormatW(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCWSTR format,
                          LPWSTR buf, INT size)
{
    return format_date(find_lcid(lcid), flags, time, format, buf, size);
}

INT WINAPI GetDateFormatEx(LPCWSTR name, DWORD flags, const SYSTEMTIME *time, LPCWSTR format,
                           LPWSTR buf, INT size, LPCWSTR calendar)
{
    return format_date(find_name(name), flags, time, format, buf, size);
}

struct time_ctx { const struct locale *loc; const SYSTEMTIME *st; DWORD flags; };

static void time_field(struct out *o, WCHAR c, int n, const void *arg)
{
    const struct time_ctx *t = arg;
    const SYSTEMTIME *st = t->st;
    int width = n > 1 ? 2 : 1;
    switch (c) {
    case 'h':
        if (t->flags & TIME_FORCE24HOURFORMAT)
            put_num(o, st->wHour, width);
        else
            put_num(o, st->wHour % 12 ? st->wHour % 12 : 12, width);
        break;
    case 'H':
        put_num(o, st->wHour, width);
        break;
    case 'm':
        put_num(o, st->wMinute, width);
        break;
    case 's':
        put_num(o, st->wSecond, width);
        break;
    case 't': {
        const WCHAR *mark = st->wHour < 12 ? t->loc->am : t->loc->pm;
        if (t->flags & TIME_NOTIMEMARKER)
            break;      /* TIME_FORCE24HOURFORMAT keeps it (as Wine, which tests it on Windows) */
        put(o, mark, n == 1 && *mark ? 1 : -1);
        break;
    }
    }
}

/* The picture without the fields the flags drop, with the separator before each. */
static void strip_fields(const WCHAR *pic, DWORD flags, WCHAR *out, size_t size)
{
    size_t n = 0, last_field_end = 0;
    for (const WCHAR *p = pic; *p && n < size - 1; ) {
        WCHAR c = *p;
        BOOL drop = ((flags & TIME_NOSECONDS) && c == 's') ||
                    ((flags & TIME_NOMINUTESORSECONDS) && (c == 's' || c == 'm')) ||
                    ((flags & TIME_NOTIMEMARKER) && c == 't');
        if (drop) {
            n = last_field_end;     /* the separator before it goes too */
            while (*p == c)
                p++;
            continue;
        }
        if (c == 'h' || c == 'H' || c == 'm' || c == 's' || c == 't') {
            while (*p == c && n < size - 1)
                out[n++] = *p++;
            last_field_end = n;
            continue;
        }
        out[n++] = *p++;
    }
    out[n] = 0;
}

static INT format_time(const struct locale *loc, DWORD flags, const SYSTEMTIME *time,
                       LPCWSTR format, LPWSTR buf, INT size)
{
    DWORD known = TIME_NOMINUTESORSECONDS | TIME_NOSECONDS | TIME_NOTIMEMARKER |
                  TIME_FORCE24HOURFORMAT | LOCALE_NOUSEROVERRIDE;
    struct out o = { buf, size, 0, FALSE };
    SYSTEMTIME now;
    WCHAR pic[128];

    if (!loc || size < 0 || (size && !buf)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if ((flags & ~known) || (format && (flags & LOCALE_NOUSEROVERRIDE))) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    if (!time) {
        GetLocalTime(&now);
        time = &now;
    } else if (time->wHour > 23 || time->wMinute > 59 || time->wSecond > 59 || time->wMilliseconds > 999) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    strip_fields(format ? format : loc->timeformat, flags, pic, ARRAYSIZE(pic));
    struct time_ctx ctx = { loc, time, flags };
    return format_picture(pic, &o, "hHmst", time_field, &ctx);
}

/***********************************************************************
 *           GetTimeFormatW   (kernelbase.@)
 */
INT WINAPI GetTimeFormatW(LCID lcid, DWORD flags, const SYSTEMTIME *time, LPCWSTR format,
                          LPWSTR buf, INT size)
{
    return format_time(find_lcid(lcid), flags, time, format, buf, size);
}

INT WINAPI GetTimeFormatEx(LPCWSTR name, DWORD flags, const SYSTEMTIME *time, LPCWSTR format,
                           LPWSTR buf, INT size)
{
    return format_time(find_name(name), flags, time, format, buf, size);
}
