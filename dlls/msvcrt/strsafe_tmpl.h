/* strsafe_tmpl.h: string functions written once for both char widths, included by
 * strsafe_a.c (CH = char) and strsafe_w.c (CH = wchar_t; SETCH is the fill argument type). NAME(narrow, wide) picks the
 * exported name. The _s functions follow Microsoft's pages ("strcpy_s, wcscpy_s...",
 * "strncpy_s...", "strcat_s...", "strncat_s...", "strtok_s...", "_strset...", "_strnset..."):
 * a NULL destination or a zero size -> EINVAL; a NULL source -> dst[0] = 0, EINVAL; too small ->
 * dst[0] = 0, ERANGE; each through the invalid-parameter handler. count == _TRUNCATE copies what
 * fits and returns STRUNCATE. */

static size_t __attribute__((unused)) NAME(str_len, wcs_len)(const CH *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

/* Appends up to count chars of src at dst + start (size chars in all); the shared body of the
 * cpy/cat families. */
static errno_t NAME(copy_s_a, copy_s_w)(CH *dst, size_t size, size_t start, const CH *src,
                                        size_t count)
{
    size_t i = 0;

    CRT_CHECK(!crt_null(dst) && size, EINVAL, EINVAL);
    if (crt_null(src)) {
        dst[0] = 0;
        CRT_CHECK(false, EINVAL, EINVAL);
    }
    if (start >= size) {    /* the destination is not terminated within size */
        dst[0] = 0;
        CRT_CHECK(false, EINVAL, EINVAL);
    }
    for (; i < count && src[i]; i++) {
        if (start + i + 1 >= size) {
            if (count == _TRUNCATE) {
                dst[start + i] = 0;
                return STRUNCATE;
            }
            dst[0] = 0;
            CRT_CHECK(false, ERANGE, ERANGE);
        }
        dst[start + i] = src[i];
    }
    dst[start + i] = 0;
    return 0;
}

static size_t NAME(end_within_a, end_within_w)(const CH *dst, size_t size)
{
    size_t n = 0;

    if (crt_null(dst))
        return 0;
    while (n < size && dst[n])
        n++;
    return n;
}

/*********************************************************************
 *      strcpy_s, wcscpy_s (MSVCRT.@)
 */
errno_t __cdecl NAME(strcpy_s, wcscpy_s)(CH *dst, size_t size, const CH *src)
{
    return NAME(copy_s_a, copy_s_w)(dst, size, 0, src, (size_t)-2);
}

/*********************************************************************
 *      strncpy_s, wcsncpy_s (MSVCRT.@)
 */
errno_t __cdecl NAME(strncpy_s, wcsncpy_s)(CH *dst, size_t size, const CH *src, size_t count)
{
    if (!count && crt_null(dst) && !size)
        return 0;       /* documented: nothing to do */
    if (!count && !crt_null(dst) && size) {
        dst[0] = 0;
        return 0;
    }
    return NAME(copy_s_a, copy_s_w)(dst, size, 0, src, count);
}

/*********************************************************************
 *      strcat_s, wcscat_s (MSVCRT.@)
 */
errno_t __cdecl NAME(strcat_s, wcscat_s)(CH *dst, size_t size, const CH *src)
{
    return NAME(copy_s_a, copy_s_w)(dst, size, NAME(end_within_a, end_within_w)(dst, size), src,
                                    (size_t)-2);
}

/*********************************************************************
 *      strncat_s, wcsncat_s (MSVCRT.@)
 */
errno_t __cdecl NAME(strncat_s, wcsncat_s)(CH *dst, size_t size, const CH *src, size_t count)
{
    if (!count && crt_null(dst) && !size)
        return 0;
    return NAME(copy_s_a, copy_s_w)(dst, size, NAME(end_within_a, end_within_w)(dst, size), src,
                                    count);
}

static bool NAME(in_set_a, in_set_w)(CH c, const CH *set)
{
    for (; *set; set++)
        if (*set == c)
            return true;
    return false;
}

/*********************************************************************
 *      strtok_s, wcstok_s (MSVCRT.@)
 *
 * The next token of str (NULL: continue from *context) delimited by chars of delim.
 */
CH *__cdecl NAME(strtok_s, wcstok_s)(CH *str, const CH *delim, CH **context)
{
    CH *start;

    CRT_CHECK(!crt_null(context) && !crt_null(delim), EINVAL, NULL);
    CRT_CHECK(!crt_null(str) || !crt_null(*context), EINVAL, NULL);
    if (!str)
        str = *context;
    while (*str && NAME(in_set_a, in_set_w)(*str, delim))
        str++;
    if (!*str) {
        *context = str;
        return NULL;
    }
    start = str;
    while (*str && !NAME(in_set_a, in_set_w)(*str, delim))
        str++;
    if (*str)
        *str++ = 0;
    *context = str;
    return start;
}

/*********************************************************************
 *      _strset, _wcsset (MSVCRT.@)
 */
CH *__cdecl NAME(_strset, _wcsset)(CH *s, SETCH c)
{
    for (CH *p = s; *p; p++)
        *p = (CH)c;
    return s;
}

/*********************************************************************
 *      _strnset, _wcsnset (MSVCRT.@)
 */
CH *__cdecl NAME(_strnset, _wcsnset)(CH *s, SETCH c, size_t n)
{
    for (CH *p = s; n && *p; p++, n--)
        *p = (CH)c;
    return s;
}
