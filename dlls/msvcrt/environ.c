/* environ.c: the CRT's copies of the environment (_environ, _wenviron), getenv and _putenv.
 * Names compare case-insensitively, as Windows environment names do. Entries whose name starts
 * with '=' (the per-drive current directories, "=C:=C:\dir") are not part of _environ. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(env);

char **_environ;
wchar_t **_wenviron;

static bool ascii_ieq(unsigned a, unsigned b)
{
    if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
    return a == b;
}

/* --- narrow --- */

/* The index of NAME in env ("NAME=..."), or -1; count gets the number of entries. */
static int find_a(char **env, const char *name, size_t len, int *count)
{
    int i, found = -1;

    for (i = 0; env && env[i]; i++) {
        size_t k = 0;
        while (k < len && env[i][k] && ascii_ieq((unsigned char)env[i][k], (unsigned char)name[k]))
            k++;
        if (found < 0 && k == len && env[i][len] == '=')
            found = i;
    }
    *count = i;
    return found;
}

/* Sets, replaces (i >= 0) or removes entry i of a NULL-terminated array of count strings, narrow
 * or wide alike; takes ownership of entry. */
static bool update_env(void ***penv, void *entry, int i, int count, bool remove)
{
    void **env = *penv;

    if (remove) {
        free(entry);
        if (i >= 0) {
            free(env[i]);
            memmove(env + i, env + i + 1, (count - i) * sizeof(*env));
        }
        return true;
    }
    if (i >= 0) {
        free(env[i]);
        env[i] = entry;
        return true;
    }
    if (!(env = realloc(env, (count + 2) * sizeof(*env)))) {
        free(entry);
        return false;
    }
    env[count] = entry;
    env[count + 1] = NULL;
    *penv = env;
    return true;
}

/* Sets, replaces or removes the entry "NAME=..."; takes ownership of entry (NULL: out of
 * memory). */
static bool update_a(char ***penv, char *entry, size_t name_len, bool remove)
{
    int count, i;

    if (!entry)
        return false;
    i = find_a(*penv, entry, name_len, &count);
    return update_env((void ***)penv, entry, i, count, remove);
}

static char *dup_a(const char *s, size_t len)
{
    char *copy = malloc(len + 1);

    if (copy) {
        memcpy(copy, s, len);
        copy[len] = 0;
    }
    return copy;
}

/* --- wide --- */

static int find_w(wchar_t **env, const wchar_t *name, size_t len, int *count)
{
    int i, found = -1;

    for (i = 0; env && env[i]; i++) {
        size_t k = 0;
        while (k < len && env[i][k] && ascii_ieq(env[i][k], name[k]))
            k++;
        if (found < 0 && k == len && env[i][len] == '=')
            found = i;
    }
    *count = i;
    return found;
}

static bool update_w(wchar_t ***penv, wchar_t *entry, size_t name_len, bool remove)
{
    int count, i;

    if (!entry)
        return false;
    i = find_w(*penv, entry, name_len, &count);
    return update_env((void ***)penv, entry, i, count, remove);
}

static wchar_t *dup_w(const wchar_t *s, size_t len)
{
    wchar_t *copy = malloc((len + 1) * sizeof(wchar_t));

    if (copy) {
        memcpy(copy, s, len * sizeof(wchar_t));
        copy[len] = 0;
    }
    return copy;
}

/* --- building the copies from the process environment --- */

bool msvcrt_init_environ(void)
{
    char *block = GetEnvironmentStringsA(), *p;
    char **env;
    int count = 0, i = 0;

    if (!block)
        return false;
    for (p = block; *p; p += strlen(p) + 1)
        count += *p != '=';
    if (!(env = calloc(count + 1, sizeof(*env)))) {
        FreeEnvironmentStringsA(block);
        return false;
    }
    for (p = block; *p; p += strlen(p) + 1)
        if (*p != '=' && !(env[i++] = dup_a(p, strlen(p))))
            break;
    FreeEnvironmentStringsA(block);
    _environ = env;
    return i == count;
}

bool msvcrt_init_wenviron(void)
{
    wchar_t *block = GetEnvironmentStringsW(), *p;
    wchar_t **env;
    int count = 0, i = 0;

    if (!block)
        return false;
    for (p = block; *p; p += wcslen(p) + 1)
        count += *p != '=';
    if (!(env = calloc(count + 1, sizeof(*env)))) {
        FreeEnvironmentStringsW(block);
        return false;
    }
    for (p = block; *p; p += wcslen(p) + 1)
        if (*p != '=' && !(env[i++] = dup_w(p, wcslen(p))))
            break;
    FreeEnvironmentStringsW(block);
    _wenviron = env;
    return i == count;
}

/*********************************************************************
 *      getenv (MSVCRT.@)
 */
char *__cdecl getenv(const char *name)
{
    char *value = NULL;
    int count, i;

    if (crt_null(name)) {
        errno = EINVAL;
        return NULL;
    }
    _lock(LOCK_ENV);
    if (!_environ)
        msvcrt_init_environ();
    if ((i = find_a(_environ, name, strlen(name), &count)) >= 0)
        value = _environ[i] + strlen(name) + 1;
    _unlock(LOCK_ENV);
    TRACE("(%s) -> %s\n", debugstr_a(name), debugstr_a(value));
    return value;
}

/*********************************************************************
 *      _wgetenv (MSVCRT.@)
 */
wchar_t *__cdecl _wgetenv(const wchar_t *name)
{
    wchar_t *value = NULL;
    int count, i;

    if (crt_null(name)) {
        errno = EINVAL;
        return NULL;
    }
    _lock(LOCK_ENV);
    if (!_wenviron)
        msvcrt_init_wenviron();
    if ((i = find_w(_wenviron, name, wcslen(name), &count)) >= 0)
        value = _wenviron[i] + wcslen(name) + 1;
    _unlock(LOCK_ENV);
    TRACE("(%s) -> %s\n", debugstr_w(name), debugstr_w(value));
    return value;
}

/* One "NAME=value" setting in both forms; updates the OS environment and both copies. */
static int putenv_both(const char *a, const wchar_t *w)
{
    size_t alen = strchr(a, '=') - a, wlen = wcschr(w, '=') - w;
    bool remove = !a[alen + 1], ok = true;
    char *aname = dup_a(a, alen);
    wchar_t *wname = dup_w(w, wlen);

    if (!aname || !wname) {
        free(aname);
        free(wname);
        errno = ENOMEM;
        return -1;
    }
    if (!SetEnvironmentVariableW(wname, remove ? NULL : w + wlen + 1) &&
        !(remove && GetLastError() == ERROR_ENVVAR_NOT_FOUND)) {
        WARN("SetEnvironmentVariableW(%s) failed (%lu)\n", debugstr_w(wname), GetLastError());
    }
    _lock(LOCK_ENV);
    if (_environ)
        ok = update_a(&_environ, dup_a(a, strlen(a)), alen, remove);
    if (_wenviron && ok)
        ok = update_w(&_wenviron, dup_w(w, wcslen(w)), wlen, remove);
    _unlock(LOCK_ENV);
    free(aname);
    free(wname);
    if (!ok)
        errno = ENOMEM;
    return ok ? 0 : -1;
}

/* "NAME=value" with a non-empty NAME. */
static bool valid_setting_a(const char *s)
{
    const char *eq = strchr(s, '=');
    return eq && eq != s;
}

/*********************************************************************
 *      _putenv (MSVCRT.@)
 *
 * "NAME=value" sets, "NAME=" removes. Returns 0, or -1 with errno.
 */
int __cdecl _putenv(const char *setting)
{
    wchar_t *wide;
    int len, ret;

    TRACE("(%s)\n", debugstr_a(setting));
    if (crt_null(setting) || !valid_setting_a(setting)) {
        errno = EINVAL;
        return -1;
    }
    len = MultiByteToWideChar(CP_ACP, 0, setting, -1, NULL, 0);
    if (!len || !(wide = malloc(len * sizeof(wchar_t)))) {
        errno = len ? ENOMEM : EILSEQ;
        return -1;
    }
    MultiByteToWideChar(CP_ACP, 0, setting, -1, wide, len);
    ret = putenv_both(setting, wide);
    free(wide);
    return ret;
}

/*********************************************************************
 *      _wputenv (MSVCRT.@)
 */
int __cdecl _wputenv(const wchar_t *setting)
{
    const wchar_t *eq;
    char *narrow;
    int len, ret;

    TRACE("(%s)\n", debugstr_w(setting));
    if (crt_null(setting) || !(eq = wcschr(setting, '=')) || eq == setting) {
        errno = EINVAL;
        return -1;
    }
    len = WideCharToMultiByte(CP_ACP, 0, setting, -1, NULL, 0, NULL, NULL);
    if (!len || !(narrow = malloc(len))) {
        errno = len ? ENOMEM : EILSEQ;
        return -1;
    }
    WideCharToMultiByte(CP_ACP, 0, setting, -1, narrow, len, NULL, NULL);
    ret = putenv_both(narrow, setting);
    free(narrow);
    return ret;
}
