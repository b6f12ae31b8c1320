/* locale.c: the Linux locale (LC_ALL, then LC_CTYPE, then LANG) as the process's ANSI and OEM code
 * pages and its locale name (docs/nls.md has the rule). */
#include "vinho/pe_side.h"
#include "nls.h"

DEFAULT_DEBUG_CHANNEL(nls);

/* Windows' classic code pages per language (the "Language for non-Unicode programs" defaults).
 * Rows whose pages we have no tables for say 65001: those languages get UTF-8 (Windows' "Beta:
 * Use Unicode UTF-8" choice) rather than a wrong single-byte page. First match wins. */
static const struct { const char *lang; unsigned short acp, oemcp; } classic[] = {
    { "en_US", 1252, 437 }, { "en", 1252, 850 },
    { "de", 1252, 850 }, { "fr", 1252, 850 }, { "es", 1252, 850 }, { "it", 1252, 850 },
    { "pt", 1252, 850 }, { "nl", 1252, 850 }, { "sv", 1252, 850 }, { "da", 1252, 850 },
    { "fi", 1252, 850 }, { "nb", 1252, 850 }, { "nn", 1252, 850 }, { "no", 1252, 850 },
    { "is", 1252, 850 }, { "ca", 1252, 850 }, { "eu", 1252, 850 }, { "gl", 1252, 850 },
    { "ga", 1252, 850 }, { "af", 1252, 850 }, { "id", 1252, 850 }, { "ms", 1252, 850 },
    { "sw", 1252, 437 },
};

static WCHAR unix_locale[16];   /* "de-DE"; empty for C/POSIX */

/* The value of NAME in the environment block, or NULL. */
static const WCHAR *env_value(const WCHAR *env, const char *name)
{
    size_t n = strlen(name);
    for (const WCHAR *p = env; p && *p; ) {
        size_t i = 0;
        while (i < n && p[i] == (unsigned char)name[i])
            i++;
        if (i == n && p[n] == '=')
            return p + n + 1;
        while (*p)
            p++;
        p++;
    }
    return NULL;
}

/***********************************************************************
 *           nls_locale_init
 *
 * Called once at process start (loader.c), before any conversion.
 */
void nls_locale_init(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    const WCHAR *env = vn_peb()->ProcessParameters->Environment, *value = NULL;
    char lang[16];
    size_t n = 0;

    for (int i = 0; i < 3 && !value; i++)
        if ((value = env_value(env, vars[i])) && !*value)
            value = NULL;
    /* "ll_TT.charset@modifier": the language and territory part, ASCII letters and '_' only */
    while (value && n < sizeof(lang) - 1 && ((value[n] >= 'a' && value[n] <= 'z') ||
           (value[n] >= 'A' && value[n] <= 'Z') || value[n] == '_'))
        lang[n] = value[n], n++;
    lang[n] = 0;
    if (n < 2 || !memcmp(lang, "POSIX", 6))   /* "C" is shorter than a language */
        return;     /* defaults: 1252 and 437, the user locale en-US */
    for (size_t i = 0; i < sizeof(classic) / sizeof(classic[0]); i++) {
        size_t len = strlen(classic[i].lang);
        if (!memcmp(lang, classic[i].lang, len) && (!lang[len] || lang[len] == '_')) {
            nls_set_acp_oemcp(classic[i].acp, classic[i].oemcp);
            goto name;
        }
    }
    nls_set_acp_oemcp(NLS_CP_UTF8, NLS_CP_UTF8);
name:
    for (size_t i = 0; lang[i] && i < ARRAYSIZE(unix_locale) - 1; i++)
        unix_locale[i] = lang[i] == '_' ? '-' : lang[i];
    TRACE("locale %s: code pages %u/%u\n", lang, nls_get_acp(), nls_get_oemcp());
}

/***********************************************************************
 *           __vinho_nls_unix_locale   (NTDLL.@)
 *
 * The Linux locale as a locale name ("de-DE"), for kernelbase's user locale; 0 for C/POSIX.
 */
ULONG WINAPI __vinho_nls_unix_locale(WCHAR *buf, ULONG size)
{
    ULONG len = 0;
    while (unix_locale[len])
        len++;
    if (!len || len >= size)
        return 0;
    memcpy(buf, unix_locale, (len + 1) * sizeof(WCHAR));
    return len;
}
