/* path.c: Win32 path helpers: the temp folder and temp names, long and short names (vinho makes no
 * 8.3 names: a short name is the long one, as on a volume with 8.3 names turned off), SearchPath. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

/* Copies len chars and a NUL when they fit; returns len, else the size needed with the NUL. */
static DWORD copy_out(const WCHAR *src, DWORD len, WCHAR *dst, DWORD size)
{
    if (len + 1 > size || !dst)
        return len + 1;
    memcpy(dst, src, len * sizeof(WCHAR));
    dst[len] = 0;
    return len;
}

/* The A form of a W function that returns a path into (size, buffer). */
static DWORD path_to_A(const WCHAR *w, DWORD wlen, char *buffer, DWORD size)
{
    return wlen ? kb_copy_WtoA(w, wlen, buffer, size) : 0;
}

/***********************************************************************
 *           GetTempPathW   (kernelbase.@)
 *
 * TMP, then TEMP, then USERPROFILE, then the Windows folder, as documented; the result is a
 * full path that ends with a backslash.
 */
DWORD WINAPI GetTempPathW(DWORD size, LPWSTR buffer)
{
    static const WCHAR *const vars[] = { L"TMP", L"TEMP", L"USERPROFILE" };
    WCHAR value[MAX_PATH], full[MAX_PATH + 2];
    DWORD len = 0;

    for (size_t i = 0; i < ARRAYSIZE(vars) && !len; i++) {
        DWORD n = GetEnvironmentVariableW(vars[i], value, MAX_PATH);
        if (n && n < MAX_PATH)
            len = GetFullPathNameW(value, MAX_PATH, full, NULL);
    }
    if (!len || len >= MAX_PATH)
        len = GetWindowsDirectoryW(full, MAX_PATH);
    if (len && full[len - 1] != '\\') {
        full[len++] = '\\';
        full[len] = 0;
    }
    return copy_out(full, len, buffer, size);
}

DWORD WINAPI GetTempPathA(DWORD size, LPSTR buffer)
{
    WCHAR w[MAX_PATH + 2];
    return path_to_A(w, GetTempPathW(MAX_PATH + 2, w), buffer, size);
}

/***********************************************************************
 *           GetTempFileNameW   (kernelbase.@)
 *
 * path\<up to 3 prefix chars><hex>.TMP. With unique 0 the name is made unique by creating the
 * file, and a path that is not a folder fails with ERROR_DIRECTORY; otherwise no file is made.
 */
UINT WINAPI GetTempFileNameW(LPCWSTR path, LPCWSTR prefix, UINT unique, LPWSTR buffer)
{
    static const WCHAR hex[] = L"0123456789ABCDEF";
    DWORD len, start;
    UINT num;

    if (!path || !buffer) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    len = lstrlenW(path);
    if (len > MAX_PATH - 14) {
        SetLastError(ERROR_BUFFER_OVERFLOW);
        return 0;
    }
    memcpy(buffer, path, len * sizeof(WCHAR));
    if (!len || (buffer[len - 1] != '\\' && buffer[len - 1] != '/'))
        buffer[len++] = '\\';
    for (int i = 0; prefix && prefix[i] && i < 3; i++)
        buffer[len++] = prefix[i];
    start = len;
    if (!unique) {
        DWORD attr = GetFileAttributesW(path);
        if (attr == INVALID_FILE_ATTRIBUTES || !(attr & FILE_ATTRIBUTE_DIRECTORY)) {
            SetLastError(ERROR_DIRECTORY);
            return 0;
        }
    }
    num = unique & 0xffff ? unique & 0xffff : (GetTickCount() & 0xffff);
    for (UINT tries = 0; tries < 0x10000; tries++) {
        len = start;
        for (int shift = 12; shift >= 0; shift -= 4)
            buffer[len++] = hex[(num >> shift) & 15];
        memcpy(buffer + len, L".TMP", 5 * sizeof(WCHAR));
        if (unique)
            return unique & 0xffff;
        HANDLE h = CreateFileW(buffer, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h != INVALID_HANDLE_VALUE) {
            CloseHandle(h);
            SetLastError(ERROR_SUCCESS);
            return num;
        }
        if (GetLastError() != ERROR_FILE_EXISTS && GetLastError() != ERROR_SHARING_VIOLATION)
            return 0;
        num = (num + 1) & 0xffff;
        if (!num)
            num = 1;
    }
    SetLastError(ERROR_FILE_EXISTS);
    return 0;
}

UINT WINAPI GetTempFileNameA(LPCSTR path, LPCSTR prefix, UINT unique, LPSTR buffer)
{
    WCHAR *wpath = path ? kb_strdup_AtoW(path) : NULL, *wprefix = prefix ? kb_strdup_AtoW(prefix) : NULL;
    WCHAR w[MAX_PATH];
    UINT ret = 0;
    if (!wpath || !buffer)
        SetLastError(ERROR_INVALID_PARAMETER);
    else if ((ret = GetTempFileNameW(wpath, wprefix, unique, w)))
        kb_copy_WtoA(w, lstrlenW(w), buffer, MAX_PATH);
    HeapFree(GetProcessHeap(), 0, wpath);
    HeapFree(GetProcessHeap(), 0, wprefix);
    return ret;
}

/***********************************************************************
 *           GetLongPathNameW   (kernelbase.@)
 *
 * The path must exist. With no 8.3 names, every component already is its long name.
 */
DWORD WINAPI GetLongPathNameW(LPCWSTR path, LPWSTR buffer, DWORD size)
{
    if (!path) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!*path) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return 0;
    }
    if (GetFileAttributesW(path) == INVALID_FILE_ATTRIBUTES) {
        /* The long name is looked up one component at a time, so a missing folder is a
         * component not found, as for the file itself (Wine agrees). */
        if (GetLastError() == ERROR_PATH_NOT_FOUND)
            SetLastError(ERROR_FILE_NOT_FOUND);
        return 0;
    }
    return copy_out(path, lstrlenW(path), buffer, size);
}

/***********************************************************************
 *           GetShortPathNameW   (kernelbase.@)
 *
 * As on a volume without 8.3 names, the short name is the long one (documented).
 */
DWORD WINAPI GetShortPathNameW(LPCWSTR path, LPWSTR buffer, DWORD size)
{
    FIXME_ONCE("vinho makes no 8.3 names; short names are the long names\n");
    return GetLongPathNameW(path, buffer, size);
}

static DWORD path_function_A(DWORD (WINAPI *fn)(LPCWSTR, LPWSTR, DWORD), LPCSTR path, LPSTR buffer, DWORD size)
{
    WCHAR *w = path ? kb_strdup_AtoW(path) : NULL, *out;
    DWORD len = 0;
    if (!w) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if ((len = fn(w, NULL, 0)) && (out = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) {
        len = path_to_A(out, fn(w, out, len), buffer, size);
        HeapFree(GetProcessHeap(), 0, out);
    }
    HeapFree(GetProcessHeap(), 0, w);
    return len;
}

DWORD WINAPI GetLongPathNameA(LPCSTR path, LPSTR buffer, DWORD size)
{
    return path_function_A(GetLongPathNameW, path, buffer, size);
}

DWORD WINAPI GetShortPathNameA(LPCSTR path, LPSTR buffer, DWORD size)
{
    return path_function_A(GetShortPathNameW, path, buffer, size);
}

/* Tries dir\name(ext): the full path when that file exists, into full[MAX_PATH * 2]. */
static BOOL try_path(const WCHAR *dir, DWORD dir_len, const WCHAR *name, const WCHAR *ext, WCHAR *full)
{
    WCHAR *tmp = HeapAlloc(GetProcessHeap(), 0, (dir_len + lstrlenW(name) + (ext ? lstrlenW(ext) : 0) + 3) * sizeof(WCHAR));
    DWORD len = 0, attr;
    if (!tmp)
        return FALSE;
    if (dir_len) {
        memcpy(tmp, dir, dir_len * sizeof(WCHAR));
        len = dir_len;
        if (tmp[len - 1] != '\\' && tmp[len - 1] != '/')
            tmp[len++] = '\\';
    }
    lstrcpyW(tmp + len, name);
    if (ext)
        lstrcatW(tmp, ext);
    attr = GetFileAttributesW(tmp);
    BOOL ok = attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY) &&
              GetFullPathNameW(tmp, MAX_PATH * 2, full, NULL) - 1 < MAX_PATH * 2 - 1;
    HeapFree(GetProcessHeap(), 0, tmp);
    return ok;
}

/* The folders SearchPath looks in without a path: the application's folder, the current one,
 * the system and Windows folders, then PATH (the documented order, safe mode off). */
static BOOL search_default(const WCHAR *name, const WCHAR *ext, WCHAR *full)
{
    const struct vn_ustr *image = &process_params()->ImagePathName;
    WCHAR dir[MAX_PATH], *env;
    DWORD len = image->Length / sizeof(WCHAR), n;
    while (len && image->Buffer[len - 1] != '\\')
        len--;
    if (try_path(image->Buffer, len, name, ext, full))
        return TRUE;
    if ((n = GetCurrentDirectoryW(MAX_PATH, dir)) && n < MAX_PATH && try_path(dir, n, name, ext, full))
        return TRUE;
    if ((n = GetSystemDirectoryW(dir, MAX_PATH)) && try_path(dir, n, name, ext, full))
        return TRUE;
    if ((n = GetWindowsDirectoryW(dir, MAX_PATH)) && try_path(dir, n, name, ext, full))
        return TRUE;
    if (!(n = GetEnvironmentVariableW(L"PATH", NULL, 0)) || !(env = HeapAlloc(GetProcessHeap(), 0, n * sizeof(WCHAR))))
        return FALSE;
    GetEnvironmentVariableW(L"PATH", env, n);
    BOOL found = FALSE;
    for (WCHAR *p = env, *end; !found && *p; p = *end ? end + 1 : end) {
        for (end = p; *end && *end != ';'; end++)
            ;
        found = end > p && try_path(p, end - p, name, ext, full);
    }
    HeapFree(GetProcessHeap(), 0, env);
    return found;
}

/***********************************************************************
 *           SearchPathW   (kernelbase.@)
 */
DWORD WINAPI SearchPathW(LPCWSTR path, LPCWSTR name, LPCWSTR ext, DWORD size, LPWSTR buffer,
                         LPWSTR *file_part)
{
    WCHAR full[MAX_PATH * 2];
    const WCHAR *dot = NULL;
    BOOL found = FALSE;
    DWORD len;

    if (!name || !*name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    for (const WCHAR *c = name; *c; c++)
        if (*c == '.')
            dot = c;
        else if (*c == '\\' || *c == '/')
            dot = NULL;
    if (dot)
        ext = NULL;     /* the extension is added only to a name without one */
    if ((name[0] && name[1] == ':') || name[0] == '\\' || name[0] == '/' ||
        (name[0] == '.' && (name[1] == '\\' || name[1] == '/' ||
                            (name[1] == '.' && (name[2] == '\\' || name[2] == '/'))))) {
        found = try_path(NULL, 0, name, ext, full);     /* a path: used as it is */
    } else if (path) {
        for (const WCHAR *p = path, *end; !found && *p; p = *end ? end + 1 : end) {
            for (end = p; *end && *end != ';'; end++)
                ;
            found = end > p && try_path(p, end - p, name, ext, full);
        }
    } else {
        found = search_default(name, ext, full);
    }
    if (!found) {
        SetLastError(ERROR_FILE_NOT_FOUND);
        return 0;
    }
    len = lstrlenW(full);
    if (len + 1 > size)
        return len + 1;
    memcpy(buffer, full, (len + 1) * sizeof(WCHAR));
    if (file_part) {
        WCHAR *p = buffer + len;
        while (p > buffer && p[-1] != '\\')
            p--;
        *file_part = p;
    }
    return len;
}

DWORD WINAPI SearchPathA(LPCSTR path, LPCSTR name, LPCSTR ext, DWORD size, LPSTR buffer, LPSTR *file_part)
{
    WCHAR *wpath = path ? kb_strdup_AtoW(path) : NULL, *wname = name ? kb_strdup_AtoW(name) : NULL;
    WCHAR *wext = ext ? kb_strdup_AtoW(ext) : NULL, w[MAX_PATH * 2];
    DWORD ret = 0, len = SearchPathW(wpath, wname, wext, MAX_PATH * 2, w, NULL);
    if (len && len < MAX_PATH * 2) {
        ret = kb_copy_WtoA(w, len, buffer, size);
        if (file_part && ret < size) {
            char *p = buffer + ret;
            while (p > buffer && p[-1] != '\\')
                p--;
            *file_part = p;
        }
    }
    HeapFree(GetProcessHeap(), 0, wpath);
    HeapFree(GetProcessHeap(), 0, wname);
    HeapFree(GetProcessHeap(), 0, wext);
    return ret;
}
