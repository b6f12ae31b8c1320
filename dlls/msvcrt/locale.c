/* locale.c: setlocale, _wsetlocale, localeconv, _create_locale/_free_locale/_get_current_locale
 * and the accessors mingw-w64's start-up and printf code call. Locales are "C" and those
 * kernelbase has data for (GetLocaleInfo: en-US, en-GB, de-DE), named as Windows names them:
 * "English_United States.1252" (language and country in English, the code page). Accepted
 * forms, from the setlocale page of Microsoft Learn: "" (the user's default), "C",
 * "language[_country][.code_page]" (English names or the three-letter abbreviations),
 * ".code_page", ".ACP", ".OCP", and in the UCRT the names "en-US" and the UTF-8 code page
 * ".UTF8"/".UTF-8" (msvcrt.dll has no UTF-8 locales). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

#define CP_UTF8_LOCALE 65001

/* One category's locale: lcid 0 is "C". */
struct cat_locale {
    LCID lcid;
    UINT cp;
    char name[96];
};

static struct cat_locale current[LC_MAX + 1] = {
    { 0, 0, "C" }, { 0, 0, "C" }, { 0, 0, "C" }, { 0, 0, "C" }, { 0, 0, "C" }, { 0, 0, "C" },
};
static char all_name[6 * 110];
static const char *const category_names[LC_MAX + 1] = {
    "LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME",
};
static UINT ctype_cp;       /* LC_CTYPE's code page: 0 in "C" */

static char empty[] = "";
static char c_decimal_point[] = ".";

static const struct lconv c_lconv = {
    .decimal_point = c_decimal_point, .thousands_sep = empty, .grouping = empty,
    .int_curr_symbol = empty, .currency_symbol = empty, .mon_decimal_point = empty,
    .mon_thousands_sep = empty, .mon_grouping = empty, .positive_sign = empty,
    .negative_sign = empty, .int_frac_digits = CHAR_MAX, .frac_digits = CHAR_MAX,
    .p_cs_precedes = CHAR_MAX, .p_sep_by_space = CHAR_MAX, .n_cs_precedes = CHAR_MAX,
    .n_sep_by_space = CHAR_MAX, .p_sign_posn = CHAR_MAX, .n_sign_posn = CHAR_MAX,
};

/* The strings of a locale's lconv. */
struct lconv_data {
    struct lconv lc;
    char decimal[8], thousands[8], grouping[16], intl[8], currency[8], mondecimal[8],
        monthousands[8], mongrouping[16], negative[8];
};
static struct lconv_data cur_lconv = { .lc = c_lconv };

/* The locale ids of the categories (0 for "C"), what ___lc_handle_func returns. */
static LCID lc_handles[LC_MAX + 1];

/* The locales with data (kernelbase's GetLocaleInfo table); the first match of a name wins. */
static const LCID known_lcids[] = { 0x0409, 0x0809, 0x0407 };

static BOOL info(LCID lcid, LCTYPE type, char *buf, int size)
{
    return GetLocaleInfoA(lcid, type, buf, size) > 0;
}

static UINT info_number(LCID lcid, LCTYPE type)
{
    char buf[16];
    return info(lcid, type, buf, sizeof(buf)) ? (UINT)atoi(buf) : 0;
}

/* The code page part of a name ("1252", "ACP", "OCP", "utf8"): 0 if not accepted. */
static UINT parse_codepage(LCID lcid, const char *text)
{
    CPINFO cpinfo;
    UINT cp;

    if (!*text || !_stricmp(text, "ACP"))
        return info_number(lcid, LOCALE_IDEFAULTANSICODEPAGE);
    if (!_stricmp(text, "OCP"))
        return info_number(lcid, LOCALE_IDEFAULTCODEPAGE);
    if (!_stricmp(text, "utf8") || !_stricmp(text, "utf-8"))
#ifdef VINHO_UCRT
        return CP_UTF8_LOCALE;
#else
        return 0;
#endif
    cp = (UINT)atoi(text);
    if (!cp || cp == CP_UTF8_LOCALE || !GetCPInfo(cp, &cpinfo))
        return 0;
    return cp;
}

/* The lcid named by "language[_country]" ("" for the user's). */
static LCID find_lcid(const char *lang, const char *country)
{
    char buf[64];

    if (!*lang && !*country)
        return GetUserDefaultLCID();
    for (size_t i = 0; i < sizeof(known_lcids) / sizeof(known_lcids[0]); i++) {
        LCID id = known_lcids[i];
        if (!((info(id, LOCALE_SENGLANGUAGE, buf, sizeof(buf)) && !_stricmp(buf, lang)) ||
              (info(id, LOCALE_SABBREVLANGNAME, buf, sizeof(buf)) && !_stricmp(buf, lang))))
            continue;
        if (!*country || (info(id, LOCALE_SENGCOUNTRY, buf, sizeof(buf)) && !_stricmp(buf, country)) ||
            (info(id, LOCALE_SABBREVCTRYNAME, buf, sizeof(buf)) && !_stricmp(buf, country)))
            return id;
    }
    return 0;
}

/* Parses a locale name into out; FALSE if it names no locale we have. */
static BOOL parse_locale(const char *locale, struct cat_locale *out)
{
    char lang[64] = "", country[64] = "", lng[64], ctry[64];
    const char *dot = strchr(locale, '.'), *under = strchr(locale, '_');
    size_t len;

    if (!strcmp(locale, "C")) {
        out->lcid = 0;
        out->cp = 0;
        strcpy(out->name, "C");
        return TRUE;
    }
#ifdef VINHO_UCRT
    if (!under && !dot && strchr(locale, '-')) {        /* a locale name: "en-US" */
        WCHAR wname[LOCALE_NAME_MAX_LENGTH];
        if (!MultiByteToWideChar(CP_ACP, 0, locale, -1, wname, LOCALE_NAME_MAX_LENGTH) ||
            !(out->lcid = LocaleNameToLCID(wname, 0)))
            return FALSE;
        out->cp = info_number(out->lcid, LOCALE_IDEFAULTANSICODEPAGE);
        goto name;
    }
#endif
    len = dot ? (size_t)(dot - locale) : strlen(locale);
    if (under && (!dot || under < dot)) {
        if ((size_t)(under - locale) >= sizeof(lang) || len - (under - locale) > sizeof(country))
            return FALSE;
        memcpy(lang, locale, under - locale);
        memcpy(country, under + 1, len - (under - locale) - 1);
    } else if (len < sizeof(lang)) {
        memcpy(lang, locale, len);
    } else {
        return FALSE;
    }
    if (!(out->lcid = find_lcid(lang, country)))
        return FALSE;
    if (!(out->cp = parse_codepage(out->lcid, dot ? dot + 1 : "")))
        return FALSE;
#ifdef VINHO_UCRT
name:
#endif
    if (!info(out->lcid, LOCALE_SENGLANGUAGE, lng, sizeof(lng)) ||
        !info(out->lcid, LOCALE_SENGCOUNTRY, ctry, sizeof(ctry)))
        return FALSE;
    if (strlen(lng) + strlen(ctry) + 16 > sizeof(out->name))
        return FALSE;
    strcat(strcat(strcat(strcpy(out->name, lng), "_"), ctry), ".");
    if (out->cp == CP_UTF8_LOCALE)
        strcat(out->name, "utf8");
    else
        _ultoa(out->cp, out->name + strlen(out->name), 10);
    return TRUE;
}

/* "3;2;0" (GetLocaleInfo) to the C form "\3\2"; without the final 0, CHAR_MAX ends it. */
static void convert_grouping(const char *in, char *out, size_t size)
{
    size_t n = 0;
    int last = -1;

    for (const char *p = in; *p && n + 2 < size; p++) {
        if (*p < '0' || *p > '9')
            continue;
        last = *p - '0';
        if (last)
            out[n++] = (char)last;
    }
    if (last > 0)
        out[n++] = CHAR_MAX;
    out[n] = 0;
}

/* The sign and symbol placement of each negative currency format (LOCALE_INEGCURR 0-15):
 * cs_precedes, sep_by_space, sign_posn. */
static const char neg_formats[16][3] = {
    { 1, 0, 0 }, { 1, 0, 1 }, { 1, 0, 4 }, { 1, 0, 2 }, { 0, 0, 0 }, { 0, 0, 1 }, { 0, 0, 3 },
    { 0, 0, 2 }, { 0, 1, 1 }, { 1, 1, 1 }, { 0, 1, 2 }, { 1, 1, 2 }, { 1, 1, 4 }, { 0, 1, 3 },
    { 1, 1, 0 }, { 0, 1, 0 },
};

static void set_numeric(struct lconv_data *d, LCID lcid)
{
    char grouping[32];
    if (!lcid) {
        d->lc.decimal_point = c_lconv.decimal_point;
        d->lc.thousands_sep = c_lconv.thousands_sep;
        d->lc.grouping = c_lconv.grouping;
        return;
    }
    info(lcid, LOCALE_SDECIMAL, d->decimal, sizeof(d->decimal));
    info(lcid, LOCALE_STHOUSAND, d->thousands, sizeof(d->thousands));
    info(lcid, LOCALE_SGROUPING, grouping, sizeof(grouping));
    convert_grouping(grouping, d->grouping, sizeof(d->grouping));
    d->lc.decimal_point = d->decimal;
    d->lc.thousands_sep = d->thousands;
    d->lc.grouping = d->grouping;
}

static void set_monetary(struct lconv_data *d, LCID lcid)
{
    char grouping[32];
    UINT pos, neg;

    if (!lcid) {
        struct lconv keep = d->lc;
        d->lc = c_lconv;
        d->lc.decimal_point = keep.decimal_point;
        d->lc.thousands_sep = keep.thousands_sep;
        d->lc.grouping = keep.grouping;
        return;
    }
    info(lcid, LOCALE_SINTLSYMBOL, d->intl, sizeof(d->intl));   /* "USD": no separator */
    info(lcid, LOCALE_SCURRENCY, d->currency, sizeof(d->currency));
    info(lcid, LOCALE_SMONDECIMALSEP, d->mondecimal, sizeof(d->mondecimal));
    info(lcid, LOCALE_SMONTHOUSANDSEP, d->monthousands, sizeof(d->monthousands));
    info(lcid, LOCALE_SMONGROUPING, grouping, sizeof(grouping));
    convert_grouping(grouping, d->mongrouping, sizeof(d->mongrouping));
    strcpy(d->negative, "-");
    d->lc.int_curr_symbol = d->intl;
    d->lc.currency_symbol = d->currency;
    d->lc.mon_decimal_point = d->mondecimal;
    d->lc.mon_thousands_sep = d->monthousands;
    d->lc.mon_grouping = d->mongrouping;
    d->lc.positive_sign = empty;
    d->lc.negative_sign = d->negative;
    d->lc.int_frac_digits = d->lc.frac_digits = (char)info_number(lcid, LOCALE_ICURRDIGITS);
    pos = info_number(lcid, LOCALE_ICURRENCY) & 3;      /* 0 "$1", 1 "1$", 2 "$ 1", 3 "1 $" */
    neg = info_number(lcid, LOCALE_INEGCURR) & 15;
    d->lc.p_cs_precedes = pos == 0 || pos == 2;
    d->lc.p_sep_by_space = pos >= 2;
    d->lc.p_sign_posn = 3;
    d->lc.n_cs_precedes = neg_formats[neg][0];
    d->lc.n_sep_by_space = neg_formats[neg][1];
    d->lc.n_sign_posn = neg_formats[neg][2];
}

/* Applies one category's locale to the process-wide state. */
static void apply(int category, const struct cat_locale *loc)
{
    current[category] = *loc;
    lc_handles[category] = loc->lcid;
    if (category == LC_CTYPE) {
        CPINFO cpinfo;
        ctype_cp = loc->cp;
        __mb_cur_max = !loc->cp ? 1 : loc->cp == CP_UTF8_LOCALE ? 4
                     : GetCPInfo(loc->cp, &cpinfo) ? (int)cpinfo.MaxCharSize : 1;
    } else if (category == LC_NUMERIC) {
        set_numeric(&cur_lconv, loc->lcid);
    } else if (category == LC_MONETARY) {
        set_monetary(&cur_lconv, loc->lcid);
    }
}

/* LC_ALL's name: the common one, or "LC_COLLATE=...;LC_CTYPE=...;..." when they differ. */
static char *all_locale_name(void)
{
    BOOL same = TRUE;

    for (int c = LC_MIN + 1; c <= LC_MAX; c++)
        same &= !strcmp(current[c].name, current[LC_MIN + 1].name);
    if (same)
        return strcpy(all_name, current[LC_MIN + 1].name);
    all_name[0] = 0;
    for (int c = LC_MIN + 1; c <= LC_MAX; c++) {
        if (c > LC_MIN + 1)
            strcat(all_name, ";");
        strcat(strcat(strcat(all_name, category_names[c]), "="), current[c].name);
    }
    return all_name;
}

/*********************************************************************
 *      setlocale (MSVCRT.@)
 */
char *__cdecl setlocale(int category, const char *locale)
{
    struct cat_locale loc;

    if (category < LC_MIN || category > LC_MAX) {
        errno = EINVAL;
        return NULL;
    }
    if (!locale)
        return category == LC_ALL ? all_locale_name() : current[category].name;
    if (!strncmp(locale, "LC_", 3)) {
        FIXME("composite locale %s not supported\n", debugstr_a(locale));
        return NULL;
    }
    if (!parse_locale(locale, &loc)) {
        WARN("(%d, %s): no such locale\n", category, debugstr_a(locale));
        return NULL;
    }
    TRACE("(%d, %s) -> %s\n", category, debugstr_a(locale), loc.name);
    if (category != LC_ALL) {
        apply(category, &loc);
        return current[category].name;
    }
    for (int c = LC_MIN + 1; c <= LC_MAX; c++)
        apply(c, &loc);
    return all_locale_name();
}

/*********************************************************************
 *      _wsetlocale (MSVCRT.@)
 *
 * setlocale with wide names; the result lives in a static buffer.
 */
wchar_t *__cdecl _wsetlocale(int category, const wchar_t *locale)
{
    static wchar_t result[sizeof(all_name)];
    char name[256];
    const char *res;

    if (locale && !WideCharToMultiByte(CP_ACP, 0, locale, -1, name, sizeof(name), NULL, NULL)) {
        errno = EINVAL;
        return NULL;
    }
    if (!(res = setlocale(category, locale ? name : NULL)))
        return NULL;
    MultiByteToWideChar(CP_ACP, 0, res, -1, result, sizeof(result) / sizeof(result[0]));
    return result;
}

/*********************************************************************
 *      localeconv (MSVCRT.@)
 */
struct lconv *__cdecl localeconv(void)
{
    return &cur_lconv.lc;
}

/*********************************************************************
 *      ___lc_codepage_func (MSVCRT.@)
 *
 * LC_CTYPE's code page; the "C" locale has none: 0.
 */
unsigned int __cdecl ___lc_codepage_func(void)
{
    return ctype_cp;
}

/*********************************************************************
 *      ___mb_cur_max_func (MSVCRT.@)
 */
int __cdecl ___mb_cur_max_func(void)
{
    return __mb_cur_max;
}

/*********************************************************************
 *      ___lc_handle_func (MSVCRT.@)
 */
LCID *__cdecl ___lc_handle_func(void)
{
    return lc_handles;
}

/* A _locale_t: the public pointers, then what they point at. msvcrt.dll's threadlocinfo
 * layout (mingw-w64's corecrt.h); the UCRT's public part is its first three fields. */
struct ucrt_locinfo_public {
    const unsigned short *pctype;
    int mb_cur_max;
    unsigned int codepage;
};
struct crt_locale {
    struct localeinfo_struct pub;
#ifdef VINHO_UCRT
    struct ucrt_locinfo_public info;
#else
    struct threadlocaleinfostruct info;
#endif
    struct threadmbcinfostruct_data {
        int refcount;
        int mbcodepage;
        int ismbcodepage;
    } mbc;
    struct cat_locale cats[LC_MAX + 1];
    struct lconv_data lconv;
};

static _locale_t make_locale(const struct cat_locale *cats)
{
    struct crt_locale *l = calloc(1, sizeof(*l));
    UINT cp = cats[LC_CTYPE].cp;
    CPINFO cpinfo;
    int mb_max = !cp ? 1 : cp == CP_UTF8_LOCALE ? 4 : GetCPInfo(cp, &cpinfo) ? (int)cpinfo.MaxCharSize : 1;

    if (!l)
        return NULL;
    memcpy(l->cats, cats, sizeof(l->cats));
    l->lconv.lc = c_lconv;
    set_numeric(&l->lconv, cats[LC_NUMERIC].lcid);
    set_monetary(&l->lconv, cats[LC_MONETARY].lcid);
#ifdef VINHO_UCRT
    l->info.pctype = __pctype_func();
    l->info.mb_cur_max = mb_max;
    l->info.codepage = cp;
#else
    l->info.refcount = 1;
    l->info.lc_codepage = cp;
    l->info.lc_collate_cp = cats[LC_COLLATE].cp;
    for (int c = 0; c <= LC_MAX; c++) {
        l->info.lc_handle[c] = cats[c].lcid;
        l->info.lc_id[c].wLanguage = LANGIDFROMLCID(cats[c].lcid);
        l->info.lc_id[c].wCountry = LANGIDFROMLCID(cats[c].lcid);
        l->info.lc_id[c].wCodePage = (unsigned short)cats[c].cp;
        l->info.lc_category[c].locale = l->cats[c].name;
    }
    l->info.lc_clike = !cats[LC_CTYPE].lcid;
    l->info.mb_cur_max = mb_max;
    l->info.lconv = &l->lconv.lc;
    l->info.pctype = __pctype_func();
#endif
    l->mbc.refcount = 1;
    l->mbc.mbcodepage = cp;
    l->mbc.ismbcodepage = mb_max > 1;
    l->pub.locinfo = (pthreadlocinfo)&l->info;
    l->pub.mbcinfo = (pthreadmbcinfo)&l->mbc;
    return &l->pub;
}

/*********************************************************************
 *      _create_locale (MSVCRT.@)
 *
 * A locale object for the _l functions: category's part from locale, the rest "C".
 */
_locale_t __cdecl _create_locale(int category, const char *locale)
{
    struct cat_locale cats[LC_MAX + 1], loc;

    if (category < LC_MIN || category > LC_MAX || crt_null(locale))
        return NULL;
    if (!parse_locale(locale, &loc))
        return NULL;
    for (int c = 0; c <= LC_MAX; c++) {
        cats[c] = (struct cat_locale){ 0, 0, "C" };
        if (category == LC_ALL || c == category)
            cats[c] = loc;
    }
    return make_locale(cats);
}

/*********************************************************************
 *      _get_current_locale (MSVCRT.@)
 */
_locale_t __cdecl _get_current_locale(void)
{
    return make_locale(current);
}

/*********************************************************************
 *      _free_locale (MSVCRT.@)
 */
void __cdecl _free_locale(_locale_t locale)
{
    free(locale);       /* pub is the first member of its struct crt_locale */
}
