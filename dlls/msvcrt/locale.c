/* locale.c: the "C" locale, the only one so far: setlocale, localeconv, and the accessors
 * mingw-w64's start-up and printf code call. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

static char c_locale_name[] = "C";
static char empty[] = "";
static char decimal_point[] = ".";
static char no_grouping[] = "";

static struct lconv c_lconv = {
    .decimal_point = decimal_point,
    .thousands_sep = empty,
    .grouping = no_grouping,
    .int_curr_symbol = empty,
    .currency_symbol = empty,
    .mon_decimal_point = empty,
    .mon_thousands_sep = empty,
    .mon_grouping = no_grouping,
    .positive_sign = empty,
    .negative_sign = empty,
    .int_frac_digits = CHAR_MAX,
    .frac_digits = CHAR_MAX,
    .p_cs_precedes = CHAR_MAX,
    .p_sep_by_space = CHAR_MAX,
    .n_cs_precedes = CHAR_MAX,
    .n_sep_by_space = CHAR_MAX,
    .p_sign_posn = CHAR_MAX,
    .n_sign_posn = CHAR_MAX,
};

/* The locale ids of the categories (0 for "C"), what ___lc_handle_func returns. */
static LCID lc_handles[LC_MAX + 1];

/*********************************************************************
 *      setlocale (MSVCRT.@)
 *
 * Only "C" exists yet: querying (NULL) or selecting "C" returns "C". Any other locale,
 * including "" (the user's default), fails with NULL so the program stays in "C".
 */
char *__cdecl setlocale(int category, const char *locale)
{
    if (category < LC_MIN || category > LC_MAX) {
        errno = EINVAL;
        return NULL;
    }
    if (!locale || !strcmp(locale, "C"))
        return c_locale_name;
    FIXME("(%d, %s): only the \"C\" locale is supported yet\n", category, debugstr_a(locale));
    return NULL;
}

/*********************************************************************
 *      localeconv (MSVCRT.@)
 */
struct lconv *__cdecl localeconv(void)
{
    return &c_lconv;
}

/*********************************************************************
 *      ___lc_codepage_func (MSVCRT.@)
 *
 * The "C" locale has no code page: 0.
 */
unsigned int __cdecl ___lc_codepage_func(void)
{
    return 0;
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
