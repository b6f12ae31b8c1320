/* path_tmpl.h: _splitpath/_wsplitpath and _makepath/_wmakepath written once for both char
 * widths (included by path.c with CH and NAME(narrow, wide) defined). The "_splitpath" page:
 * drive "X:", the directory with its trailing separator ('\\' or '/'), the file name, and the
 * extension with its '.', each part empty if absent; NULL part pointers are skipped. The
 * "_makepath" page: a ':' after the drive letter, a '\\' after a directory that lacks one, a
 * '.' before an extension that lacks one. */

static void NAME(copy_part_a, copy_part_w)(CH *out, const CH *from, size_t len, size_t max)
{
    if (!out)
        return;
    if (len >= max)
        len = max - 1;
    for (size_t i = 0; i < len; i++)
        out[i] = from[i];
    out[len] = 0;
}

/*********************************************************************
 *      _splitpath, _wsplitpath (MSVCRT.@)
 */
void __cdecl NAME(_splitpath, _wsplitpath)(const CH *path, CH *drive, CH *dir, CH *fname, CH *ext)
{
    const CH *p = path, *last_sep = NULL, *last_dot = NULL, *end;

    if (crt_null(path)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return;
    }
    if (p[0] && p[1] == ':') {
        NAME(copy_part_a, copy_part_w)(drive, p, 2, _MAX_DRIVE);
        p += 2;
    } else {
        NAME(copy_part_a, copy_part_w)(drive, p, 0, _MAX_DRIVE);
    }
    for (end = p; *end; end++) {
        if (*end == '\\' || *end == '/')
            last_sep = end;
        else if (*end == '.')
            last_dot = end;
    }
    if (last_dot && last_sep && last_dot < last_sep)
        last_dot = NULL;
    NAME(copy_part_a, copy_part_w)(dir, p, last_sep ? (size_t)(last_sep + 1 - p) : 0, _MAX_DIR);
    if (last_sep)
        p = last_sep + 1;
    NAME(copy_part_a, copy_part_w)(fname, p, (size_t)((last_dot ? last_dot : end) - p), _MAX_FNAME);
    NAME(copy_part_a, copy_part_w)(ext, last_dot ? last_dot : end,
                                   last_dot ? (size_t)(end - last_dot) : 0, _MAX_EXT);
}

static CH *NAME(append_a, append_w)(CH *out, const CH *s)
{
    while (s && *s)
        *out++ = *s++;
    return out;
}

/*********************************************************************
 *      _makepath, _wmakepath (MSVCRT.@)
 */
void __cdecl NAME(_makepath, _wmakepath)(CH *path, const CH *drive, const CH *dir,
                                         const CH *fname, const CH *ext)
{
    CH *p = path;

    if (crt_null(path)) {
        errno = EINVAL;
        _invalid_parameter_noinfo();
        return;
    }
    if (drive && drive[0]) {
        *p++ = drive[0];
        *p++ = ':';
    }
    if (dir && dir[0]) {
        p = NAME(append_a, append_w)(p, dir);
        if (p[-1] != '\\' && p[-1] != '/')
            *p++ = '\\';
    }
    p = NAME(append_a, append_w)(p, fname);
    if (ext && ext[0]) {
        if (ext[0] != '.')
            *p++ = '.';
        p = NAME(append_a, append_w)(p, ext);
    }
    *p = 0;
}
