/* folders.c: SHGetFolderPathW: where the standard folders of the session's user are. */
#include "vinho/pe_side.h"
#include <shlobj.h>

DEFAULT_DEBUG_CHANNEL(shell);

/* Folders by CSIDL: below the profile (profile != 0) or absolute. */
static const struct {
    int csidl;
    BOOL profile;
    const WCHAR *path;
} folders[] = {
    { CSIDL_PROFILE, TRUE, L"" },
    { CSIDL_PERSONAL, TRUE, L"\\Documents" },
    { CSIDL_DESKTOPDIRECTORY, TRUE, L"\\Desktop" },
    { CSIDL_MYMUSIC, TRUE, L"\\Music" },
    { CSIDL_MYPICTURES, TRUE, L"\\Pictures" },
    { CSIDL_MYVIDEO, TRUE, L"\\Videos" },
    { CSIDL_APPDATA, TRUE, L"\\AppData\\Roaming" },
    { CSIDL_LOCAL_APPDATA, TRUE, L"\\AppData\\Local" },
    { CSIDL_INTERNET_CACHE, TRUE, L"\\AppData\\Local\\Microsoft\\Windows\\INetCache" },
    { CSIDL_TEMPLATES, TRUE, L"\\AppData\\Roaming\\Microsoft\\Windows\\Templates" },
    { CSIDL_COMMON_APPDATA, FALSE, L"C:\\ProgramData" },
    { CSIDL_COMMON_DOCUMENTS, FALSE, L"C:\\Users\\Public\\Documents" },
    { CSIDL_WINDOWS, FALSE, L"C:\\windows" },
    { CSIDL_SYSTEM, FALSE, L"C:\\windows\\system32" },
    { CSIDL_FONTS, FALSE, L"C:\\windows\\Fonts" },
    { CSIDL_PROGRAM_FILES, FALSE, L"C:\\Program Files" },
    { CSIDL_PROGRAM_FILESX86, FALSE, L"C:\\Program Files (x86)" },
    { CSIDL_PROGRAM_FILES_COMMON, FALSE, L"C:\\Program Files\\Common Files" },
};

/* The profile folder: USERPROFILE, else C:\users\<user name>. */
static BOOL profile_dir(WCHAR *out, DWORD size)
{
    WCHAR user[257];
    DWORD n = GetEnvironmentVariableW(L"USERPROFILE", out, size);
    if (n && n < size)
        return TRUE;
    n = GetEnvironmentVariableW(L"USERNAME", user, 257);
    if (!n || n >= 257)
        n = GetEnvironmentVariableW(L"USER", user, 257);
    if (!n || n >= 257)
        lstrcpyW(user, L"user");
    if (lstrlenW(user) + 10 >= (int)size)
        return FALSE;
    lstrcpyW(out, L"C:\\users\\");
    lstrcatW(out, user);
    return TRUE;
}

/* Creates path and its parents (C:\ exists). */
static BOOL create_path(WCHAR *path)
{
    for (WCHAR *p = path + 3; ; p++) {
        if (*p == '\\' || !*p) {
            WCHAR saved = *p;
            *p = 0;
            if (!CreateDirectoryW(path, NULL) && GetLastError() != ERROR_ALREADY_EXISTS) {
                *p = saved;
                return FALSE;
            }
            *p = saved;
            if (!saved)
                return TRUE;
        }
    }
}

/***********************************************************************
 *           SHGetFolderPathW   (shell32.@)
 *
 * path receives MAX_PATH characters at most. A folder that does not exist gives E_FAIL unless
 * CSIDL_FLAG_CREATE asks for it to be made (the documented results of the W function).
 * SHGFP_TYPE_DEFAULT and SHGFP_TYPE_CURRENT give the same path: nothing is redirected.
 */
HRESULT WINAPI SHGetFolderPathW(HWND hwnd, int csidl, HANDLE token, DWORD flags, LPWSTR path)
{
    int id = csidl & ~CSIDL_FLAG_MASK;
    WCHAR buf[MAX_PATH];
    DWORD attrs;
    TRACE("%#x %#lx\n", csidl, flags);
    if (!path)
        return E_INVALIDARG;
    *path = 0;
    if (token && token != (HANDLE)-1) {
        FIXME("folders of another user's token are not implemented\n");
        return E_NOTIMPL;
    }
    for (unsigned i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
        if (folders[i].csidl != id)
            continue;
        if (folders[i].profile) {
            if (!profile_dir(buf, MAX_PATH) || lstrlenW(buf) + lstrlenW(folders[i].path) >= MAX_PATH)
                return E_FAIL;
            lstrcatW(buf, folders[i].path);
        } else {
            lstrcpyW(buf, folders[i].path);
        }
        attrs = GetFileAttributesW(buf);
        if (attrs == INVALID_FILE_ATTRIBUTES || !(attrs & FILE_ATTRIBUTE_DIRECTORY)) {
            if (!(csidl & CSIDL_FLAG_CREATE) || !create_path(buf))
                return E_FAIL;
        }
        lstrcpyW(path, buf);
        return S_OK;
    }
    if (id > CSIDL_COMPUTERSNEARME)
        return E_INVALIDARG;
    FIXME("CSIDL %#x not implemented (virtual folders and rarely used ones)\n", id);
    return E_NOTIMPL;
}
