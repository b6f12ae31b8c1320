/* dir.c: file system calls by name: remove/_unlink, rename, _mkdir, _rmdir, _access, _chmod,
 * _chdir; and _getpid. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

/* -1 with errno from the last Win32 error, the common failure path here. */
static int win32_fail(void)
{
    msvcrt_dosmaperr(GetLastError());
    return -1;
}

/* A call by name: EINVAL when a name is NULL (checked before anything else), else the Win32
 * call's success as 0, or -1 with errno from its error. */
#define CALL_BY_NAME(names_ok, win32_call) \
    (!(names_ok) ? (errno = EINVAL, -1) : (win32_call) ? 0 : win32_fail())

/*********************************************************************
 *      remove (MSVCRT.@)
 */
int __cdecl remove(const char *path)
{
    TRACE("(%s)\n", debugstr_a(path));
    return CALL_BY_NAME(!crt_null(path), DeleteFileA(path));
}

/*********************************************************************
 *      _wremove (MSVCRT.@)
 */
int __cdecl _wremove(const wchar_t *path)
{
    TRACE("(%s)\n", debugstr_w(path));
    return CALL_BY_NAME(!crt_null(path), DeleteFileW(path));
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

/*********************************************************************
 *      rename (MSVCRT.@)
 *
 * MoveFileEx without MOVEFILE_REPLACE_EXISTING: an existing newname fails (MoveFile's
 * ERROR_ALREADY_EXISTS, EEXIST in msvcrt's table; the page's EACCES is DOS's). Copying is
 * allowed, so a file can move to another volume, as the documentation says.
 */
int __cdecl rename(const char *oldname, const char *newname)
{
    TRACE("(%s, %s)\n", debugstr_a(oldname), debugstr_a(newname));
    return CALL_BY_NAME(!crt_null(oldname) && !crt_null(newname),
                        MoveFileExA(oldname, newname, MOVEFILE_COPY_ALLOWED));
}

/*********************************************************************
 *      _wrename (MSVCRT.@)
 */
int __cdecl _wrename(const wchar_t *oldname, const wchar_t *newname)
{
    TRACE("(%s, %s)\n", debugstr_w(oldname), debugstr_w(newname));
    return CALL_BY_NAME(!crt_null(oldname) && !crt_null(newname),
                        MoveFileExW(oldname, newname, MOVEFILE_COPY_ALLOWED));
}

/*********************************************************************
 *      _mkdir (MSVCRT.@)
 */
int __cdecl _mkdir(const char *path)
{
    TRACE("(%s)\n", debugstr_a(path));
    return CALL_BY_NAME(!crt_null(path), CreateDirectoryA(path, NULL));
}

/*********************************************************************
 *      _wmkdir (MSVCRT.@)
 */
int __cdecl _wmkdir(const wchar_t *path)
{
    TRACE("(%s)\n", debugstr_w(path));
    return CALL_BY_NAME(!crt_null(path), CreateDirectoryW(path, NULL));
}

/*********************************************************************
 *      _rmdir (MSVCRT.@)
 *
 * A file is ERROR_DIRECTORY, which msvcrt's table does not list: EINVAL.
 */
int __cdecl _rmdir(const char *path)
{
    TRACE("(%s)\n", debugstr_a(path));
    return CALL_BY_NAME(!crt_null(path), RemoveDirectoryA(path));
}

/*********************************************************************
 *      _wrmdir (MSVCRT.@)
 */
int __cdecl _wrmdir(const wchar_t *path)
{
    TRACE("(%s)\n", debugstr_w(path));
    return CALL_BY_NAME(!crt_null(path), RemoveDirectoryW(path));
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
    return CALL_BY_NAME(!crt_null(path), SetCurrentDirectoryA(path));
}

/*********************************************************************
 *      _wchdir (MSVCRT.@)
 */
int __cdecl _wchdir(const wchar_t *path)
{
    TRACE("(%s)\n", debugstr_w(path));
    return CALL_BY_NAME(!crt_null(path), SetCurrentDirectoryW(path));
}

/*********************************************************************
 *      _getpid (MSVCRT.@)
 */
int __cdecl _getpid(void)
{
    return GetCurrentProcessId();
}

/* _chmod's core: _S_IWRITE clears the read-only attribute, its absence sets it ("_chmod,
 * _wchmod": the only permission Windows has). */
static int chmod_attrs(DWORD attrs, int mode, bool wide, const void *path)
{
    if (attrs == INVALID_FILE_ATTRIBUTES)
        return win32_fail();
    if (mode & _S_IWRITE)
        attrs &= ~FILE_ATTRIBUTE_READONLY;
    else
        attrs |= FILE_ATTRIBUTE_READONLY;
    if (!(wide ? SetFileAttributesW(path, attrs) : SetFileAttributesA(path, attrs)))
        return win32_fail();
    return 0;
}

/*********************************************************************
 *      _chmod (MSVCRT.@)
 */
int __cdecl _chmod(const char *path, int mode)
{
    TRACE("(%s, %#o)\n", debugstr_a(path), mode);
    CRT_CHECK(!crt_null(path), EINVAL, -1);
    return chmod_attrs(GetFileAttributesA(path), mode, false, path);
}

/*********************************************************************
 *      _wchmod (MSVCRT.@)
 */
int __cdecl _wchmod(const wchar_t *path, int mode)
{
    TRACE("(%s, %#o)\n", debugstr_w(path), mode);
    CRT_CHECK(!crt_null(path), EINVAL, -1);
    return chmod_attrs(GetFileAttributesW(path), mode, true, path);
}
