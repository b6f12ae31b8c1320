/* stdio_open.c: the other ways to open a stream: _fsopen/_wfsopen (with a sharing flag),
 * _wfdopen, freopen/_wfreopen (a new file in an existing FILE, as the "freopen" page says:
 * the old file is closed first, errors of that close are ignored). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(file);

/*********************************************************************
 *      _fsopen (MSVCRT.@)
 */
FILE *__cdecl _fsopen(const char *path, const char *mode, int shflag)
{
    CRT_CHECK(!crt_null(path) && !crt_null(mode), EINVAL, NULL);
    return msvcrt_stream_open(path, NULL, -1, mode, shflag, NULL);
}

/*********************************************************************
 *      _wfsopen (MSVCRT.@)
 */
FILE *__cdecl _wfsopen(const wchar_t *path, const wchar_t *mode, int shflag)
{
    char amode[64];

    CRT_CHECK(!crt_null(path) && !crt_null(mode), EINVAL, NULL);
    if (!msvcrt_mode_to_narrow(mode, amode, sizeof(amode)))
        return NULL;
    return msvcrt_stream_open(NULL, path, -1, amode, shflag, NULL);
}

/*********************************************************************
 *      _wfdopen (MSVCRT.@)
 */
FILE *__cdecl _wfdopen(int fd, const wchar_t *mode)
{
    char amode[64];

    CRT_CHECK(!crt_null(mode), EINVAL, NULL);
    if (!msvcrt_fd_info(fd) || !msvcrt_mode_to_narrow(mode, amode, sizeof(amode)))
        return NULL;
    return msvcrt_stream_open(NULL, NULL, fd, amode, _SH_DENYNO, NULL);
}

/* freopen's core: closes what f holds, then opens the new file into it (NULL: f is free). */
static FILE *reopen(const char *patha, const wchar_t *pathw, const char *mode, FILE *f)
{
    FILE *ret;

    msvcrt_stream_lock(f);
    if (f->_flag & (_IOREAD | _IOWRT | _IORW))
        msvcrt_stream_close_nolock(f);
    f->_flag = IO_INUSE;    /* claimed while the new file opens */
    ret = msvcrt_stream_open(patha, pathw, -1, mode, _SH_DENYNO, f);
    msvcrt_stream_unlock(f);
    return ret;
}

/*********************************************************************
 *      freopen (MSVCRT.@)
 */
FILE *__cdecl freopen(const char *path, const char *mode, FILE *f)
{
    TRACE("(%s, %s, %p)\n", debugstr_a(path), debugstr_a(mode), f);
    CRT_CHECK(!crt_null(path) && !crt_null(mode) && !crt_null(f), EINVAL, NULL);
    return reopen(path, NULL, mode, f);
}

/*********************************************************************
 *      _wfreopen (MSVCRT.@)
 */
FILE *__cdecl _wfreopen(const wchar_t *path, const wchar_t *mode, FILE *f)
{
    char amode[64];

    CRT_CHECK(!crt_null(path) && !crt_null(mode) && !crt_null(f), EINVAL, NULL);
    if (!msvcrt_mode_to_narrow(mode, amode, sizeof(amode)))
        return NULL;
    return reopen(NULL, path, amode, f);
}
