/* profile.c: GetUserProfileDirectoryW, the profile folder of the session's one user. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(advapi);

/***********************************************************************
 *           GetUserProfileDirectoryW   (userenv.@)
 *
 * The token must be the current process's (or thread's) token: vinho has one user. The folder is
 * USERPROFILE, else C:\users\<user> (as shell32's CSIDL_PROFILE). *size is in characters with
 * the terminator; a NULL or short buffer gives ERROR_INSUFFICIENT_BUFFER and the size needed.
 */
BOOL WINAPI GetUserProfileDirectoryW(HANDLE token, LPWSTR dir, LPDWORD size)
{
    WCHAR path[MAX_PATH], user[257];
    DWORD n, len;

    TRACE("%p %p %p\n", token, dir, size);
    if (!token || !size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    n = GetEnvironmentVariableW(L"USERPROFILE", path, MAX_PATH);
    if (!n || n >= MAX_PATH) {
        n = GetEnvironmentVariableW(L"USERNAME", user, 257);
        if (!n || n >= 257)
            n = GetEnvironmentVariableW(L"USER", user, 257);
        if (!n || n >= 257)
            lstrcpyW(user, L"user");
        lstrcpyW(path, L"C:\\users\\");
        lstrcatW(path, user);
    }
    len = lstrlenW(path) + 1;
    if (!dir || *size < len) {
        *size = len;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(dir, path, len * sizeof(WCHAR));
    *size = len;
    return TRUE;
}
