/* tmpfile.c: temporary files and names: tmpnam, _wtmpnam, tmpnam_s, _tempnam, _wtempnam,
 * tmpfile, tmpfile_s.
 *
 * From Microsoft's "tmpnam, _wtmpnam", "_tempnam, _wtempnam" and "tmpfile" pages: tmpnam
 * names a file that does not exist yet; msvcrt.dll's names are relative to the current
 * folder's root ("\s" + a base-32 process id + "." + a base-32 counter), the UCRT's are in the
 * folder GetTempPath gives. tmpnam(NULL) uses one internal buffer. _tempnam takes the folder
 * from TMP, else its dir argument, else the current folder, and returns a malloc'd name
 * starting with the prefix. tmpfile opens a tmpnam name "w+b" with _O_TEMPORARY (deleted when
 * closed); the name itself is not returned. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

static unsigned tmp_counter;

/* The room a caller's tmpnam buffer has: L_tmpnam, which is 14 in msvcrt.dll's headers and
 * 260 in the UCRT's. */
#ifdef VINHO_UCRT
#define TMPNAM_ROOM MAX_PATH
#else
#define TMPNAM_ROOM 14
#endif

/* value in base 32 (digits 0-9a-v), at out; returns the end. */
static wchar_t *base32(wchar_t *out, unsigned value)
{
    wchar_t digits[8];
    int n = 0;

    do {
        unsigned d = value % 32;
        digits[n++] = d < 10 ? L'0' + d : L'a' + d - 10;
        value /= 32;
    } while (value);
    while (n)
        *out++ = digits[--n];
    *out = 0;
    return out;
}

/* A name that does not exist yet: dir (ending in a separator) + prefix + pid + "." + counter.
 * false when TMP_MAX names are taken or the result does not fit size chars. */
static bool unique_name(wchar_t *out, size_t size, const wchar_t *dir, const wchar_t *prefix)
{
    wchar_t name[MAX_PATH];

    for (int tries = 0; tries < TMP_MAX; tries++) {
        wchar_t *p;
        unsigned n = InterlockedIncrement((LONG *)&tmp_counter);
        if (wcslen(dir) + wcslen(prefix) + 16 >= MAX_PATH)
            return false;
        wcscpy(name, dir);
        wcscat(name, prefix);
        p = base32(name + wcslen(name), GetCurrentProcessId());
        *p++ = L'.';
        base32(p, n);
        if (GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES) {
            if (wcslen(name) >= size)
                return false;
            wcscpy(out, name);
            return true;
        }
    }
    return false;
}

/* The folder tmpnam uses. */
static void tmpnam_dir(wchar_t *dir)
{
#ifdef VINHO_UCRT
    if (!GetTempPathW(MAX_PATH, dir))
        wcscpy(dir, L"\\");
#else
    wcscpy(dir, L"\\");
#endif
}

/* tmpnam's core, wide; buf of size chars. errno (EINVAL/ERANGE/EEXIST) on failure. */
static int tmpnam_w(wchar_t *buf, size_t size)
{
    wchar_t dir[MAX_PATH];

    tmpnam_dir(dir);
    if (!unique_name(buf, size, dir, L"s")) {
        errno = size < wcslen(dir) + 16 ? ERANGE : EEXIST;
        return errno;
    }
    return 0;
}

static int tmpnam_a(char *buf, size_t size)
{
    wchar_t w[MAX_PATH];
    int err = tmpnam_w(w, MAX_PATH);

    if (err)
        return err;
    if (!WideCharToMultiByte(CP_ACP, 0, w, -1, buf, size, NULL, NULL)) {
        errno = ERANGE;
        return ERANGE;
    }
    return 0;
}

/*********************************************************************
 *      tmpnam (MSVCRT.@)
 */
char *__cdecl tmpnam(char *buf)
{
    static char internal[MAX_PATH];

    if (!buf)
        buf = internal;
    return tmpnam_a(buf, buf == internal ? sizeof(internal) : TMPNAM_ROOM) ? NULL : buf;
}

/*********************************************************************
 *      _wtmpnam (MSVCRT.@)
 */
wchar_t *__cdecl _wtmpnam(wchar_t *buf)
{
    static wchar_t internal[MAX_PATH];

    if (!buf)
        buf = internal;
    return tmpnam_w(buf, buf == internal ? MAX_PATH : TMPNAM_ROOM) ? NULL : buf;
}

/*********************************************************************
 *      tmpnam_s (MSVCRT.@)
 */
errno_t __cdecl tmpnam_s(char *buf, size_t size)
{
    CRT_CHECK(!crt_null(buf) && size, EINVAL, EINVAL);
    return tmpnam_a(buf, size);
}

/*********************************************************************
 *      _wtmpnam_s (MSVCRT.@)
 */
errno_t __cdecl _wtmpnam_s(wchar_t *buf, size_t size)
{
    CRT_CHECK(!crt_null(buf) && size, EINVAL, EINVAL);
    return tmpnam_w(buf, size);
}

/* _tempnam's folder: %TMP%, else dir, else the current folder; with a final separator. */
static bool tempnam_dir(const wchar_t *dir, wchar_t *out)
{
    DWORD n = GetEnvironmentVariableW(L"TMP", out, MAX_PATH - 1), attrs;
    size_t len;

    if (!n || n >= MAX_PATH - 1 || (attrs = GetFileAttributesW(out)) == INVALID_FILE_ATTRIBUTES ||
        !(attrs & FILE_ATTRIBUTE_DIRECTORY)) {
        if (dir && wcslen(dir) < MAX_PATH - 1 && (attrs = GetFileAttributesW(dir)) !=
            INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY))
            wcscpy(out, dir);
        else if (!GetCurrentDirectoryW(MAX_PATH - 1, out))
            return false;
    }
    len = wcslen(out);
    if (len && out[len - 1] != L'\\' && out[len - 1] != L'/')
        wcscat(out, L"\\");
    return true;
}

/*********************************************************************
 *      _wtempnam (MSVCRT.@)
 */
wchar_t *__cdecl _wtempnam(const wchar_t *dir, const wchar_t *prefix)
{
    wchar_t folder[MAX_PATH], name[MAX_PATH];

    if (!tempnam_dir(dir, folder) || !unique_name(name, MAX_PATH, folder, prefix ? prefix : L"")) {
        errno = EEXIST;
        return NULL;
    }
    return _wcsdup(name);
}

/*********************************************************************
 *      _tempnam (MSVCRT.@)
 */
char *__cdecl _tempnam(const char *dir, const char *prefix)
{
    wchar_t *wdir = dir ? msvcrt_to_wide(dir) : NULL;
    wchar_t *wprefix = prefix ? msvcrt_to_wide(prefix) : NULL;
    wchar_t *wname = (!dir || wdir) && (!prefix || wprefix) ? _wtempnam(wdir, wprefix) : NULL;
    char *name = NULL;
    int n;

    if (wname && (n = WideCharToMultiByte(CP_ACP, 0, wname, -1, NULL, 0, NULL, NULL)) > 0 &&
        (name = malloc(n)))
        WideCharToMultiByte(CP_ACP, 0, wname, -1, name, n, NULL, NULL);
    free(wdir);
    free(wprefix);
    free(wname);
    return name;
}

/*********************************************************************
 *      tmpfile_s (MSVCRT.@)
 */
errno_t __cdecl tmpfile_s(FILE **out)
{
    wchar_t name[MAX_PATH];
    FILE *f;

    wchar_t dir[MAX_PATH];

    CRT_CHECK(!crt_null(out), EINVAL, EINVAL);
    *out = NULL;
    /* In the temporary folder for both runtimes: msvcrt.dll's "\" names need a writable
     * drive root, which Windows gives only to administrators. */
    if (!GetTempPathW(MAX_PATH, dir) || !unique_name(name, MAX_PATH, dir, L"t")) {
        errno = EEXIST;
        return errno;
    }
    if (!(f = _wfopen(name, L"w+bD")))
        return errno;
    *out = f;
    return 0;
}

/*********************************************************************
 *      tmpfile (MSVCRT.@)
 */
FILE *__cdecl tmpfile(void)
{
    FILE *f;

    return tmpfile_s(&f) ? NULL : f;
}
