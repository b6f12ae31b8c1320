/* stat.c: file information: the _stat/_wstat/_fstat families and _findfirst/_findnext/
 * _findclose (narrow and wide), in every time/size width the two runtimes export.
 *
 * One core per call fills the widest form (struct _stat64, 64-bit times and sizes); the narrow
 * forms copy it into their layout. Which layout an export name means (x64):
 *   msvcrt.dll   _stat, _fstat, _findfirst   64-bit time, 32-bit size (the "64i32" layout)
 *                _stati64, _stat64 & co.     64-bit time, 64-bit size
 *   ucrtbase.dll _stat32, _stat32i64, _stat64i32, _stat64 (and _fstat*, _wstat*, _findfirst*,
 *                _wfindfirst*, _findnext*): the name says it.
 * The values follow Microsoft's "_stat, _wstat Functions" and "_fstat" pages: st_ino, st_uid,
 * st_gid are 0; st_mode has _S_IFDIR or _S_IFREG, _S_IREAD always, _S_IWRITE unless read-only,
 * _S_IEXEC for folders and for names ending in .exe, .com, .bat or .cmd, and the user bits
 * copied to group and other; st_dev = st_rdev = the drive (0 = A:); st_ctime is the creation
 * time. _fstat of a device or pipe: _S_IFCHR / _S_IFIFO and st_dev = st_rdev = the fd. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

#define TICKS_PER_SEC 10000000ULL
#define TICKS_1601_TO_1970 116444736000000000ULL

/* A FILETIME as seconds since 1970 (0 for a time before it, as never set). */
static int64_t filetime_to_time(const FILETIME *ft)
{
    uint64_t ticks = ((uint64_t)ft->dwHighDateTime << 32) | ft->dwLowDateTime;

    if (ticks < TICKS_1601_TO_1970)
        return 0;
    return (ticks - TICKS_1601_TO_1970) / TICKS_PER_SEC;
}

/* _S_IREAD | _S_IWRITE (unless read-only) | type, with the user bits repeated for group and
 * other, as the CRT reports them. */
static unsigned short mode_bits(DWORD attrs, unsigned short type, bool exec)
{
    unsigned short mode = type | _S_IREAD;

    if (!(attrs & FILE_ATTRIBUTE_READONLY))
        mode |= _S_IWRITE;
    if (exec || (attrs & FILE_ATTRIBUTE_DIRECTORY))
        mode |= _S_IEXEC;
    return mode | ((mode & 0700) >> 3) | ((mode & 0700) >> 6);
}

static unsigned short type_bits(DWORD attrs)
{
    return (attrs & FILE_ATTRIBUTE_DIRECTORY) ? _S_IFDIR : _S_IFREG;
}

static bool has_exec_ext(const wchar_t *path)
{
    static const wchar_t *exts[] = { L".exe", L".com", L".bat", L".cmd" };
    size_t len = wcslen(path);

    if (len < 4)
        return false;
    for (size_t i = 0; i < 4; i++)
        if (!_wcsicmp(path + len - 4, exts[i]))
            return true;
    return false;
}

/* The drive of a path: its letter, else the current folder's (0 = A:); 0 for UNC names. */
static int path_drive(const wchar_t *path)
{
    wchar_t cwd[4];

    if (path[0] && path[1] == L':')
        return (towupper(path[0]) - L'A') & 0x1f;
    if (GetCurrentDirectoryW(4, cwd) >= 2 && cwd[1] == L':')
        return (towupper(cwd[0]) - L'A') & 0x1f;
    return 0;
}

/* Names the CRT rejects before asking the system: wildcards; a trailing separator on
 * anything but a root ("C:\", "\"). */
static bool stat_name_ok(const wchar_t *path)
{
    size_t len = wcslen(path);

    if (!len || wcspbrk(path, L"*?"))
        return false;
    if (len > 1 && (path[len - 1] == L'\\' || path[len - 1] == L'/')) {
        bool root = len == 1 || (len == 3 && path[1] == L':');
        if (!root)
            return false;
    }
    return true;
}

/* The core of _wstat64: fills st from the file's attributes. */
static int wstat_core(const wchar_t *path, struct _stat64 *st)
{
    WIN32_FILE_ATTRIBUTE_DATA data;

    if (!stat_name_ok(path)) {
        errno = ENOENT;
        *__doserrno() = ERROR_FILE_NOT_FOUND;
        return -1;
    }
    if (!GetFileAttributesExW(path, GetFileExInfoStandard, &data)) {
        msvcrt_dosmaperr(GetLastError());
        return -1;
    }
    memset(st, 0, sizeof(*st));
    st->st_dev = st->st_rdev = path_drive(path);
    st->st_nlink = 1;
    st->st_mode = mode_bits(data.dwFileAttributes, type_bits(data.dwFileAttributes),
                            has_exec_ext(path));
    if (!(data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY))
        st->st_size = ((int64_t)data.nFileSizeHigh << 32) | data.nFileSizeLow;
    st->st_atime = filetime_to_time(&data.ftLastAccessTime);
    st->st_mtime = filetime_to_time(&data.ftLastWriteTime);
    st->st_ctime = filetime_to_time(&data.ftCreationTime);
    return 0;
}

/* A narrow name as a wide one (the ANSI code page, as the A functions convert). */
wchar_t *msvcrt_to_wide(const char *s)
{
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    wchar_t *w = n > 0 ? malloc(n * sizeof(wchar_t)) : NULL;

    if (w)
        MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    else
        errno = ENOMEM;
    return w;
}

static int stat_core(const char *path, struct _stat64 *st)
{
    wchar_t *w = msvcrt_to_wide(path);
    int ret = w ? wstat_core(w, st) : -1;

    free(w);
    return ret;
}

static int fstat_core(int fd, struct _stat64 *st)
{
    BY_HANDLE_FILE_INFORMATION info;
    struct ioinfo *io = msvcrt_fd_info(fd);
    DWORD type, avail = 0;

    if (!io)
        return -1;
    memset(st, 0, sizeof(*st));
    st->st_nlink = 1;
    type = GetFileType(io->handle) & ~FILE_TYPE_REMOTE;
    if (type == FILE_TYPE_CHAR || type == FILE_TYPE_PIPE) {
        st->st_dev = st->st_rdev = fd;
        st->st_mode = type == FILE_TYPE_CHAR ? _S_IFCHR : _S_IFIFO;
        if (type == FILE_TYPE_PIPE && PeekNamedPipe(io->handle, NULL, 0, NULL, &avail, NULL))
            st->st_size = avail;
        return 0;
    }
    if (!GetFileInformationByHandle(io->handle, &info)) {
        msvcrt_dosmaperr(GetLastError());
        errno = EBADF;
        return -1;
    }
    st->st_mode = mode_bits(info.dwFileAttributes, type_bits(info.dwFileAttributes), false);
    st->st_nlink = info.nNumberOfLinks ? info.nNumberOfLinks : 1;
    st->st_size = ((int64_t)info.nFileSizeHigh << 32) | info.nFileSizeLow;
    st->st_atime = filetime_to_time(&info.ftLastAccessTime);
    st->st_mtime = filetime_to_time(&info.ftLastWriteTime);
    st->st_ctime = filetime_to_time(&info.ftCreationTime);
    return 0;
}

/* Copies the full result into a narrower layout (every layout has the same field names). */
#define COPY_STAT(dst, src) do { \
    (dst)->st_dev = (src)->st_dev; (dst)->st_ino = (src)->st_ino; \
    (dst)->st_mode = (src)->st_mode; (dst)->st_nlink = (src)->st_nlink; \
    (dst)->st_uid = (src)->st_uid; (dst)->st_gid = (src)->st_gid; \
    (dst)->st_rdev = (src)->st_rdev; (dst)->st_size = (src)->st_size; \
    (dst)->st_atime = (src)->st_atime; (dst)->st_mtime = (src)->st_mtime; \
    (dst)->st_ctime = (src)->st_ctime; } while (0)

/* One exported stat function: the name check (invalid-parameter handler for NULL, as the
 * pages say), the core, then the copy into the caller's layout. */
#define STAT_FUNC(name, argtype, arg_null, core, layout) \
    int __cdecl name(argtype arg, struct layout *buf) \
    { \
        struct _stat64 st; \
        CRT_CHECK(!(arg_null) && !crt_null(buf), EINVAL, -1); \
        if (core(arg, &st) < 0) \
            return -1; \
        COPY_STAT(buf, &st); \
        return 0; \
    }

/*********************************************************************
 *      _stat64, _stat32, _stat32i64, _stat64i32, _wstat*, _fstat* (MSVCRT.@, UCRTBASE.@)
 */
STAT_FUNC(msvcrt_stat64, const char *, crt_null(arg), stat_core, _stat64)
STAT_FUNC(msvcrt_stat32, const char *, crt_null(arg), stat_core, _stat32)
STAT_FUNC(msvcrt_stat32i64, const char *, crt_null(arg), stat_core, _stat32i64)
STAT_FUNC(msvcrt_stat64i32, const char *, crt_null(arg), stat_core, _stat64i32)
STAT_FUNC(msvcrt_wstat64, const wchar_t *, crt_null(arg), wstat_core, _stat64)
STAT_FUNC(msvcrt_wstat32, const wchar_t *, crt_null(arg), wstat_core, _stat32)
STAT_FUNC(msvcrt_wstat32i64, const wchar_t *, crt_null(arg), wstat_core, _stat32i64)
STAT_FUNC(msvcrt_wstat64i32, const wchar_t *, crt_null(arg), wstat_core, _stat64i32)
STAT_FUNC(msvcrt_fstat64, int, false, fstat_core, _stat64)
STAT_FUNC(msvcrt_fstat32, int, false, fstat_core, _stat32)
STAT_FUNC(msvcrt_fstat32i64, int, false, fstat_core, _stat32i64)
STAT_FUNC(msvcrt_fstat64i32, int, false, fstat_core, _stat64i32)

/* ---- _findfirst & co. ---- */

/* The CRT's attrib: the Win32 attributes, with FILE_ATTRIBUTE_NORMAL alone as _A_NORMAL (0). */
static unsigned find_attrib(DWORD attrs)
{
    return attrs == FILE_ATTRIBUTE_NORMAL ? _A_NORMAL : attrs;
}

#define COPY_FIND(dst, src, namecpy) do { \
    (dst)->attrib = find_attrib((src)->dwFileAttributes); \
    (dst)->time_create = filetime_to_time(&(src)->ftCreationTime); \
    (dst)->time_access = filetime_to_time(&(src)->ftLastAccessTime); \
    (dst)->time_write = filetime_to_time(&(src)->ftLastWriteTime); \
    (dst)->size = ((int64_t)(src)->nFileSizeHigh << 32) | (src)->nFileSizeLow; \
    namecpy((dst)->name, (src)->cFileName); } while (0)

#define NAME_COPY_A(d, s) lstrcpynA((d), (s), sizeof(d))
#define NAME_COPY_W(d, s) lstrcpynW((d), (s), sizeof(d) / sizeof(wchar_t))

/* A failed FindFirstFile/FindNextFile: ERROR_NO_MORE_FILES and "not found" are ENOENT. */
static void find_failed(void)
{
    DWORD err = GetLastError();

    msvcrt_dosmaperr(err);
    if (err == ERROR_NO_MORE_FILES || err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND)
        errno = ENOENT;
}

/* One _findfirst/_findnext pair for a layout; A/W pick the Win32 calls and the char type. */
#define FIND_FUNCS(first, next, chartype, layout, AW) \
    intptr_t __cdecl first(const chartype *spec, struct layout *buf) \
    { \
        WIN32_FIND_DATA##AW data; \
        HANDLE h; \
        CRT_CHECK(!crt_null(spec) && !crt_null(buf), EINVAL, -1); \
        if ((h = FindFirstFile##AW(spec, &data)) == INVALID_HANDLE_VALUE) { \
            find_failed(); \
            return -1; \
        } \
        COPY_FIND(buf, &data, NAME_COPY_##AW); \
        return (intptr_t)h; \
    } \
    int __cdecl next(intptr_t handle, struct layout *buf) \
    { \
        WIN32_FIND_DATA##AW data; \
        CRT_CHECK(!crt_null(buf), EINVAL, -1); \
        if (!FindNextFile##AW((HANDLE)handle, &data)) { \
            find_failed(); \
            return -1; \
        } \
        COPY_FIND(buf, &data, NAME_COPY_##AW); \
        return 0; \
    }

/*********************************************************************
 *      _findfirst*, _findnext*, _wfindfirst*, _wfindnext* (MSVCRT.@, UCRTBASE.@)
 *
 * -1 and ENOENT when nothing matches (or no more entries), EINVAL for a bad handle.
 */
FIND_FUNCS(msvcrt_findfirst64, msvcrt_findnext64, char, __finddata64_t, A)
FIND_FUNCS(msvcrt_findfirst32, msvcrt_findnext32, char, _finddata32_t, A)
FIND_FUNCS(msvcrt_findfirst32i64, msvcrt_findnext32i64, char, _finddata32i64_t, A)
FIND_FUNCS(msvcrt_findfirst64i32, msvcrt_findnext64i32, char, _finddata64i32_t, A)
FIND_FUNCS(msvcrt_wfindfirst64, msvcrt_wfindnext64, wchar_t, _wfinddata64_t, W)
FIND_FUNCS(msvcrt_wfindfirst32, msvcrt_wfindnext32, wchar_t, _wfinddata32_t, W)
FIND_FUNCS(msvcrt_wfindfirst32i64, msvcrt_wfindnext32i64, wchar_t, _wfinddata32i64_t, W)
FIND_FUNCS(msvcrt_wfindfirst64i32, msvcrt_wfindnext64i32, wchar_t, _wfinddata64i32_t, W)

/*********************************************************************
 *      _findclose (MSVCRT.@)
 */
int __cdecl _findclose(intptr_t handle)
{
    if (!FindClose((HANDLE)handle)) {
        msvcrt_dosmaperr(GetLastError());
        errno = EINVAL;
        return -1;
    }
    return 0;
}
