/* folders.c: SHGetFolderPathW and SHGetKnownFolderPath: where the standard folders of the
 * session's user are. */
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

/* The path of a known CSIDL in buf (MAX_PATH): S_OK, E_FAIL (too long), or S_FALSE when the
 * CSIDL is not in the table. */
static HRESULT folder_path(int id, WCHAR *buf)
{
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
        return S_OK;
    }
    return S_FALSE;
}

static BOOL is_directory(const WCHAR *path)
{
    DWORD attrs = GetFileAttributesW(path);
    return attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY);
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
    HRESULT hr;
    TRACE("%#x %#lx\n", csidl, flags);
    if (!path)
        return E_INVALIDARG;
    *path = 0;
    if (token && token != (HANDLE)-1) {
        FIXME("folders of another user's token are not implemented\n");
        return E_NOTIMPL;
    }
    if ((hr = folder_path(id, buf)) == S_OK) {
        if (!is_directory(buf) && (!(csidl & CSIDL_FLAG_CREATE) || !create_path(buf)))
            return E_FAIL;
        lstrcpyW(path, buf);
        return S_OK;
    }
    if (hr != S_FALSE)
        return hr;
    if (id > CSIDL_COMPUTERSNEARME)
        return E_INVALIDARG;
    FIXME("CSIDL %#x not implemented (virtual folders and rarely used ones)\n", id);
    return E_NOTIMPL;
}

/* KNOWNFOLDERIDs (knownfolders.h, Microsoft's KNOWNFOLDERID page) of the file-system folders
 * that have a CSIDL. */
static const struct {
    GUID id;
    int csidl;
} known_folders[] = {
    { { 0x5e6c858f, 0x0e22, 0x4760, { 0x9a, 0xfe, 0xea, 0x33, 0x17, 0xb6, 0x71, 0x73 } }, CSIDL_PROFILE },
    { { 0xf1b32785, 0x6fba, 0x4fcf, { 0x9d, 0x55, 0x7b, 0x8e, 0x7f, 0x15, 0x70, 0x91 } }, CSIDL_LOCAL_APPDATA },
    { { 0x3eb685db, 0x65f9, 0x4cf6, { 0xa0, 0x3a, 0xe3, 0xef, 0x65, 0x72, 0x9f, 0x3d } }, CSIDL_APPDATA },
    { { 0xfdd39ad0, 0x238f, 0x46af, { 0xad, 0xb4, 0x6c, 0x85, 0x48, 0x03, 0x69, 0xc7 } }, CSIDL_PERSONAL },
    { { 0xb4bfcc3a, 0xdb2c, 0x424c, { 0xb0, 0x29, 0x7f, 0xe9, 0x9a, 0x87, 0xc6, 0x41 } }, CSIDL_DESKTOPDIRECTORY },
    { { 0x4bd8d571, 0x6d19, 0x48d3, { 0xbe, 0x97, 0x42, 0x22, 0x20, 0x08, 0x0e, 0x43 } }, CSIDL_MYMUSIC },
    { { 0x33e28130, 0x4e1e, 0x4676, { 0x83, 0x5a, 0x98, 0x39, 0x5c, 0x3b, 0xc3, 0xbb } }, CSIDL_MYPICTURES },
    { { 0x18989b1d, 0x99b5, 0x455b, { 0x84, 0x1c, 0xab, 0x7c, 0x74, 0xe4, 0xdd, 0xfc } }, CSIDL_MYVIDEO },
    { { 0x352481e8, 0x33be, 0x4251, { 0xba, 0x85, 0x60, 0x07, 0xca, 0xed, 0xcf, 0x9d } }, CSIDL_INTERNET_CACHE },
    { { 0xa63293e8, 0x664e, 0x48db, { 0xa0, 0x79, 0xdf, 0x75, 0x9e, 0x05, 0x09, 0xf7 } }, CSIDL_TEMPLATES },
    { { 0x62ab5d82, 0xfdc1, 0x4dc3, { 0xa9, 0xdd, 0x07, 0x0d, 0x1d, 0x49, 0x5d, 0x97 } }, CSIDL_COMMON_APPDATA },
    { { 0xed4824af, 0xdce4, 0x45a8, { 0x81, 0xe2, 0xfc, 0x79, 0x65, 0x08, 0x36, 0x34 } }, CSIDL_COMMON_DOCUMENTS },
    { { 0xf38bf404, 0x1d43, 0x42f2, { 0x93, 0x05, 0x67, 0xde, 0x0b, 0x28, 0xfc, 0x23 } }, CSIDL_WINDOWS },
    { { 0x1ac14e77, 0x02e7, 0x4e5d, { 0xb7, 0x44, 0x2e, 0xb1, 0xae, 0x51, 0x98, 0xb7 } }, CSIDL_SYSTEM },
    { { 0xfd228cb7, 0xae11, 0x4ae3, { 0x86, 0x4c, 0x16, 0xf3, 0x91, 0x0a, 0xb8, 0xfe } }, CSIDL_FONTS },
    { { 0x905e63b6, 0xc1bf, 0x494e, { 0xb2, 0x9c, 0x65, 0xb7, 0x32, 0xd3, 0xd2, 0x1a } }, CSIDL_PROGRAM_FILES },
    { { 0x7c5a40ef, 0xa0fb, 0x4bfc, { 0x87, 0x4a, 0xc0, 0xf2, 0xe0, 0xb9, 0xfa, 0x8e } }, CSIDL_PROGRAM_FILESX86 },
    { { 0xf7f1ed05, 0x9f6d, 0x47a2, { 0xaa, 0xae, 0x29, 0xd3, 0x17, 0xc6, 0xf0, 0x66 } }, CSIDL_PROGRAM_FILES_COMMON },
};

/***********************************************************************
 *           SHGetKnownFolderPath   (shell32.@)
 *
 * The path in memory from CoTaskMemAlloc (combase), NULL on failure; the caller frees it with
 * CoTaskMemFree either way. KF_FLAG_CREATE makes a missing folder (with its parents),
 * KF_FLAG_DONT_VERIFY returns the path whether or not it exists; otherwise a missing folder
 * fails with HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND). A KNOWNFOLDERID not in the table gives
 * E_INVALIDARG ("not present on the system", as documented); virtual folders are among those.
 */
HRESULT WINAPI SHGetKnownFolderPath(REFKNOWNFOLDERID rfid, DWORD flags, HANDLE token, PWSTR *path)
{
    WCHAR buf[MAX_PATH];
    HRESULT hr;
    size_t size;

    if (!path)
        return E_INVALIDARG;
    *path = NULL;
    if (!rfid)
        return E_INVALIDARG;
    if (token && token != (HANDLE)-1) {
        FIXME("folders of another user's token are not implemented\n");
        return E_NOTIMPL;
    }
    for (unsigned i = 0; i < sizeof(known_folders) / sizeof(known_folders[0]); i++) {
        if (memcmp(rfid, &known_folders[i].id, sizeof(GUID)))
            continue;
        TRACE("CSIDL %#x, flags %#lx\n", known_folders[i].csidl, flags);
        if ((hr = folder_path(known_folders[i].csidl, buf)) != S_OK)
            return hr == S_FALSE ? E_FAIL : hr;
        if (!(flags & KF_FLAG_DONT_VERIFY) && !is_directory(buf)) {
            if (!(flags & KF_FLAG_CREATE))
                return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
            if (!create_path(buf))
                return HRESULT_FROM_WIN32(GetLastError());
        }
        size = (lstrlenW(buf) + 1) * sizeof(WCHAR);
        if (!(*path = CoTaskMemAlloc(size)))
            return E_OUTOFMEMORY;
        memcpy(*path, buf, size);
        return S_OK;
    }
    return E_INVALIDARG;
}
