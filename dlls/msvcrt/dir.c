/* dir.c: file system calls by name: remove/_unlink, _access, _getcwd, _chdir; and _getpid. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

/* -1 with errno from the last Win32 error, the common failure path here. */
static int win32_fail(void)
{
    msvcrt_dosmaperr(GetLastError());
    return -1;
}

/*********************************************************************
 *      remove (MSVCRT.@)
 */
int __cdecl remove(const char *path)
{
    TRACE("(%s)\n", debugstr_a(path));
    if (crt_null(path)) {
        errno = EINVAL;
        return -1;
    }
    return DeleteFileA(path) ? 0 : win32_fail();
}

/*********************************************************************
 *      _wremove (MSVCRT.@)
 */
int __cdecl _wremove(const wchar_t *path)
{
    TRACE("(%s)\n", debugstr_w(path));
    if (crt_null(path)) {
        errno = EINVAL;
        return -1;
    }
    return DeleteFileW(path) ? 0 : win32_fail();
}

/*********************************************************************
 *      _unlink (MSVCRT.@)
 */
int __cdecl _unlink(const char *path)
{
    return remove(path);
}

/*********************************************************************
 *      _wunlink (MSVCRT.@)
 */
int __cdecl _wunlink(const wchar_t *path)
{
    return _wremove(path);
}

/* _access modes: 0 exists, 2 writable, 4 readable, 6 both. Everything that exists is
 * readable; a read-only file (not a folder) is not writable. */
static int check_access(DWORD attrs, int mode)
{
    if (mode & ~6) {
        errno = EINVAL;
        return -1;
    }
    if (attrs == INVALID_FILE_ATTRIBUTES)
        return win32_fail();
    if ((mode & 2) && (attrs & FILE_ATTRIBUTE_READONLY) && !(attrs & FILE_ATTRIBUTE_DIRECTORY)) {
        errno = EACCES;
        return -1;
    }
    return 0;
}

/*********************************************************************
 *      _access (MSVCRT.@)
 */
int __cdecl _access(const char *path, int mode)
{
    if (crt_null(path)) {
        errno = EINVAL;
        return -1;
    }
    return check_access(GetFileAttributesA(path), mode);
}

/*********************************************************************
 *      _waccess (MSVCRT.@)
 */
int __cdecl _waccess(const wchar_t *path, int mode)
{
    if (crt_null(path)) {
        errno = EINVAL;
        return -1;
    }
    return check_access(GetFileAttributesW(path), mode);
}

/*********************************************************************
 *      _getcwd (MSVCRT.@)
 *
 * With buf NULL, allocates max(size, needed) bytes. A buffer too small fails with ERANGE.
 */
char *__cdecl _getcwd(char *buf, int size)
{
    DWORD needed = GetCurrentDirectoryA(0, NULL);

    if (!needed) {
        win32_fail();
        return NULL;
    }
    if (!buf) {
        if (size < (int)needed)
            size = needed;
        if (!(buf = malloc(size)))
            return NULL;
    } else if (size <= 0) {
        errno = EINVAL;
        return NULL;
    } else if ((DWORD)size < needed) {
        errno = ERANGE;
        return NULL;
    }
    if (!GetCurrentDirectoryA(size, buf)) {
        win32_fail();
        return NULL;
    }
    return buf;
}

/*********************************************************************
 *      _wgetcwd (MSVCRT.@)
 */
wchar_t *__cdecl _wgetcwd(wchar_t *buf, int size)
{
    DWORD needed = GetCurrentDirectoryW(0, NULL);

    if (!needed) {
        win32_fail();
        return NULL;
    }
    if (!buf) {
        if (size < (int)needed)
            size = needed;
        if (!(buf = malloc(size * sizeof(wchar_t))))
            return NULL;
    } else if (size <= 0) {
        errno = EINVAL;
        return NULL;
    } else if ((DWORD)size < needed) {
        errno = ERANGE;
        return NULL;
    }
    if (!GetCurrentDirectoryW(size, buf)) {
        win32_fail();
        return NULL;
    }
    return buf;
}

/*********************************************************************
 *      _chdir (MSVCRT.@)
 */
int __cdecl _chdir(const char *path)
{
    TRACE("(%s)\n", debugstr_a(path));
    if (crt_null(path)) {
        errno = EINVAL;
        return -1;
    }
    return SetCurrentDirectoryA(path) ? 0 : win32_fail();
}

/*********************************************************************
 *      _wchdir (MSVCRT.@)
 */
int __cdecl _wchdir(const wchar_t *path)
{
    TRACE("(%s)\n", debugstr_w(path));
    if (crt_null(path)) {
        errno = EINVAL;
        return -1;
    }
    return SetCurrentDirectoryW(path) ? 0 : win32_fail();
}

/*********************************************************************
 *      _getpid (MSVCRT.@)
 */
int __cdecl _getpid(void)
{
    return GetCurrentProcessId();
}
