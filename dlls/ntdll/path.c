/* path.c: DOS paths to full paths and NT paths (RtlGetFullPathName_U,
 * RtlDosPathNameToNtPathName_U), and the current directory. The rules are Microsoft's
 * "Naming Files, Paths, and Namespaces": '/' is '\', "." and ".." fold, a final component loses
 * its trailing dots and spaces, device names (NUL, CON...) become \\.\NAME, \\?\ is kept verbatim
 * (also by GetFullPathName). */
#ifdef _WIN32
# include "vinho/pe_side.h"
#else
# include "path_native.h"     /* tests/unit/test_dospath.c builds this file natively */
#endif

DEFAULT_DEBUG_CHANNEL(file);

#define MAX_FULL 32768

static SIZE_T wlen(const WCHAR *s)
{
    SIZE_T n = 0;
    while (s[n])
        n++;
    return n;
}

static WCHAR upper(WCHAR c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

static BOOL is_sep(WCHAR c)
{
    return c == '\\' || c == '/';
}

/* A reserved device name as the final component: "nul", "NUL.txt", "con ", "COM1". Returns its
 * length in base (0: none); the name is copied to dev as written (Windows keeps its case:
 * "nul" -> \\.\nul). */
static SIZE_T device_name(const WCHAR *path, WCHAR *dev)
{
    static const char *const names[] = { "CONIN$", "CONOUT$", "CON", "PRN", "AUX", "NUL", "COM", "LPT" };
    const WCHAR *base = path, *p;
    for (p = path; *p; p++)
        if (is_sep(*p) || (*p == ':' && p == path + 1))
            base = p + 1;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        size_t n = 0;
        while (names[i][n] && upper(base[n]) == (WCHAR)names[i][n])
            n++;
        if (names[i][n])
            continue;
        if (i >= 6) {   /* COM1-9, LPT1-9 */
            if (base[n] < '1' || base[n] > '9')
                continue;
            n++;
        }
        p = base + n;
        while (*p == ' ')
            p++;
        if (!*p || *p == '.' || *p == ':') {
            for (size_t j = 0; j < n; j++)
                dev[j] = base[j];
            return n;
        }
    }
    return 0;
}

/* Appends src's components to out (which holds a root of root_len chars), folding . and ..
 * (never above the root). Per "File path formats on Windows systems" (Path normalization): an
 * inner segment loses one trailing period ("a.\b" -> "a\b"; "..." stays a name), the final one
 * all its trailing periods and spaces; a final segment emptied that way leaves its separator
 * ("C:\a\...." -> "C:\a\"). */
static SIZE_T fold_components(WCHAR *out, SIZE_T len, SIZE_T root_len, const WCHAR *src)
{
    while (*src) {
        const WCHAR *start;
        SIZE_T n, dots = 0;
        while (is_sep(*src))
            src++;
        start = src;
        while (*src && !is_sep(*src))
            src++;
        n = src - start;
        if (!n || (n == 1 && start[0] == '.'))
            continue;
        if (n == 2 && start[0] == '.' && start[1] == '.') {
            while (len > root_len && out[len - 1] != '\\')
                len--;
            if (len > root_len)
                len--;
            continue;
        }
        while (dots < n && start[dots] == '.')
            dots++;
        if (!*src) {    /* the final component loses trailing dots and spaces */
            while (n && (start[n - 1] == '.' || start[n - 1] == ' '))
                n--;
        } else if (dots < n && start[n - 1] == '.') {
            n--;
        }
        if (len + n + 2 >= MAX_FULL)
            return MAX_FULL;    /* too long: the caller fails */
        if (len && out[len - 1] != '\\')
            out[len++] = '\\';
        for (SIZE_T i = 0; i < n; i++)
            out[len++] = start[i];
    }
    return len;
}

/* The value of the hidden variable "=X:", the current folder of drive X when it is not the
 * current drive (cmd.exe and SetCurrentDirectory keep them); NULL when unset. */
static const WCHAR *drive_dir(WCHAR drive)
{
    const WCHAR *env = vn_peb()->ProcessParameters->Environment;
    if (!env)
        return NULL;
    for (; *env; env += wlen(env) + 1)
        if (env[0] == '=' && upper(env[1]) == drive && env[2] == ':' && env[3] == '=' &&
            upper(env[4]) == drive && env[5] == ':')
            return env + 4;
    return NULL;
}

/* \\server\share\rest: the root is \\server\share, which ".." does not climb above. */
static SIZE_T unc_path(const WCHAR *name, WCHAR *out, SIZE_T *root)
{
    SIZE_T len = 2;
    const WCHAR *p = name + 2;
    out[0] = out[1] = '\\';
    for (int part = 0; part < 2 && *p; part++) {
        if (part) {
            out[len++] = '\\';
            p++;
        }
        while (*p && !is_sep(*p) && len < MAX_FULL - 2)
            out[len++] = *p++;
    }
    *root = len;
    return fold_components(out, len, len, p);
}

/* X:\abs or X:rel; a relative one starts at the drive's current folder. */
static SIZE_T drive_path(const WCHAR *name, WCHAR *out, BOOL *trailing)
{
    const struct vn_ustr *cwd = &vn_peb()->ProcessParameters->CurrentDirectory;
    const WCHAR *dir;
    SIZE_T len = 3;

    out[0] = upper(name[0]);
    out[1] = ':';
    out[2] = '\\';
    if (!is_sep(name[2]) && upper(cwd->Buffer[0]) == out[0]) {
        len = fold_components(out, 3, 3, cwd->Buffer + 3);
    } else if (!is_sep(name[2]) && (dir = drive_dir(out[0]))) {
        len = fold_components(out, 3, 3, dir + 2);
        if (!name[2])
            *trailing = TRUE;   /* "Q:" gives the folder with its separator, as Wine */
    }
    if (len < MAX_FULL)
        len = fold_components(out, len, 3, name + 2);
    return len;
}

/* Full path of name into out[MAX_FULL]; returns its length in chars, MAX_FULL when too long.
 * *is_device tells a legacy device name (which has no file part). */
static SIZE_T full_path(const WCHAR *name, WCHAR *out, BOOL *is_device)
{
    const struct vn_ustr *cwd = &vn_peb()->ProcessParameters->CurrentDirectory;
    WCHAR dev[8];
    SIZE_T len = 0, root, namelen = wlen(name), devlen;
    BOOL trailing = namelen && is_sep(name[namelen - 1]);

    *is_device = FALSE;
    if (namelen >= MAX_FULL)
        return MAX_FULL;
    if (namelen >= 4 && name[0] == '\\' && name[1] == '\\' && name[2] == '?' && name[3] == '\\') {
        memcpy(out, name, (namelen + 1) * sizeof(WCHAR));   /* \\?\ turns off all parsing */
        return namelen;
    }
    if (namelen >= 4 && is_sep(name[0]) && is_sep(name[1]) && (name[2] == '.' || name[2] == '?') &&
        is_sep(name[3])) {
        out[0] = out[1] = out[3] = '\\';
        out[2] = name[2];
        len = fold_components(out, 4, 4, name + 4);
        if (trailing && len > 4 && len < MAX_FULL - 1)
            out[len++] = '\\';
        if (len < MAX_FULL)
            out[len] = 0;
        return len;
    }
    if ((devlen = device_name(name, dev))) {
        out[0] = out[1] = out[3] = '\\';
        out[2] = '.';
        memcpy(out + 4, dev, devlen * sizeof(WCHAR));
        out[4 + devlen] = 0;
        *is_device = TRUE;
        return 4 + devlen;
    }
    if (is_sep(name[0]) && is_sep(name[1])) {          /* \\server\share\... */
        len = unc_path(name, out, &root);
    } else if (name[0] && name[1] == ':') {            /* X:\abs or X:rel */
        root = 3;
        len = drive_path(name, out, &trailing);
    } else {                                           /* \rooted or relative */
        out[0] = cwd->Buffer[0];
        out[1] = ':';
        out[2] = '\\';
        len = root = 3;
        if (!is_sep(name[0]))
            len = fold_components(out, 3, 3, cwd->Buffer + 3);
        if (len < MAX_FULL)
            len = fold_components(out, len, root, name);
    }
    if (len >= MAX_FULL)
        return MAX_FULL;
    if (trailing && len >= root && len < MAX_FULL - 1 && out[len - 1] != '\\')
        out[len++] = '\\';
    out[len] = 0;
    return len;
}

/***********************************************************************
 *           RtlGetFullPathName_U   (NTDLL.@)
 *
 * Returns the length in bytes (without the NUL) when it fits, else the size in bytes needed.
 */
ULONG NTAPI RtlGetFullPathName_U(PCWSTR name, ULONG size, PWSTR buffer, PWSTR *file_part)
{
    WCHAR *tmp;
    SIZE_T len;
    BOOL device;

    if (file_part)
        *file_part = NULL;
    if (!name || !*name)
        return 0;
    if (!(tmp = RtlAllocateHeap(process_heap(), 0, MAX_FULL * sizeof(WCHAR))))
        return 0;
    /* \\?\ paths come back unchanged ("File path formats on Windows systems", "Skip
     * normalization"; "Naming Files, Paths, and Namespaces": "\\?\" turns off all parsing). */
    len = full_path(name, tmp, &device);
    if (len >= MAX_FULL) {
        RtlFreeHeap(process_heap(), 0, tmp);
        return 0;
    }
    if ((len + 1) * sizeof(WCHAR) > size) {
        RtlFreeHeap(process_heap(), 0, tmp);
        return (len + 1) * sizeof(WCHAR);
    }
    memcpy(buffer, tmp, (len + 1) * sizeof(WCHAR));
    RtlFreeHeap(process_heap(), 0, tmp);
    if (file_part && !device && len && buffer[len - 1] != '\\') {
        SIZE_T i = len;
        while (i && buffer[i - 1] != '\\')
            i--;
        *file_part = buffer + i;
    }
    return len * sizeof(WCHAR);
}

/***********************************************************************
 *           RtlDosPathNameToNtPathName_U_WithStatus   (NTDLL.@)
 */
NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR dos, UNICODE_STRING *nt,
                                                       PWSTR *file_part, void *relative)
{
    WCHAR *full, *buf;
    SIZE_T len, skip = 0, i = 0;
    BOOL device;
    const char *prefix = "\\??\\";

    if (!dos || !nt)
        return STATUS_OBJECT_NAME_INVALID;
    if (!*dos)
        return STATUS_OBJECT_NAME_INVALID;
    if (!(full = RtlAllocateHeap(process_heap(), 0, MAX_FULL * sizeof(WCHAR))))
        return STATUS_NO_MEMORY;
    len = full_path(dos, full, &device);
    if (len >= MAX_FULL - 8) {
        RtlFreeHeap(process_heap(), 0, full);
        return STATUS_NAME_TOO_LONG;
    }
    if (full[0] == '\\' && full[1] == '\\' && (full[2] == '?' || full[2] == '.') && full[3] == '\\')
        skip = 4;                       /* \\?\X and \\.\X -> \??\X */
    else if (full[0] == '\\' && full[1] == '\\') {
        prefix = "\\??\\UNC\\";         /* \\server\share -> \??\UNC\server\share */
        skip = 2;
    }
    SIZE_T plen = 0;
    while (prefix[plen])
        plen++;
    if (!(buf = RtlAllocateHeap(process_heap(), 0, (plen + len - skip + 1) * sizeof(WCHAR)))) {
        RtlFreeHeap(process_heap(), 0, full);
        return STATUS_NO_MEMORY;
    }
    for (i = 0; i < plen; i++)
        buf[i] = prefix[i];
    memcpy(buf + plen, full + skip, (len - skip + 1) * sizeof(WCHAR));
    RtlFreeHeap(process_heap(), 0, full);
    nt->Buffer = buf;
    nt->Length = (plen + len - skip) * sizeof(WCHAR);
    nt->MaximumLength = nt->Length + sizeof(WCHAR);
    if (file_part) {
        SIZE_T n = nt->Length / sizeof(WCHAR);
        *file_part = NULL;
        if (n && buf[n - 1] != '\\') {
            while (n && buf[n - 1] != '\\')
                n--;
            *file_part = buf + n;
        }
    }
    TRACE("%s -> %s\n", debugstr_w(dos), debugstr_wn(buf, nt->Length / 2));
    return STATUS_SUCCESS;
}

BOOL NTAPI RtlDosPathNameToNtPathName_U(PCWSTR dos, UNICODE_STRING *nt, PCWSTR *file_part, void *relative)
{
    return !RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, (PWSTR *)file_part, relative);
}

/***********************************************************************
 *           RtlGetCurrentDirectory_U   (NTDLL.@)
 *
 * Returns the length in bytes, without the trailing backslash except at a root.
 */
ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, PWSTR buffer)
{
    const struct vn_ustr *cwd = &vn_peb()->ProcessParameters->CurrentDirectory;
    ULONG len = cwd->Length / sizeof(WCHAR);
    if (len > 3 && cwd->Buffer[len - 1] == '\\')
        len--;
    if ((len + 1) * sizeof(WCHAR) > size)
        return (len + 1) * sizeof(WCHAR);
    memcpy(buffer, cwd->Buffer, len * sizeof(WCHAR));
    buffer[len] = 0;
    return len * sizeof(WCHAR);
}

/***********************************************************************
 *           RtlSetCurrentDirectory_U   (NTDLL.@)
 */
static BOOL cwd_on_heap;

NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *dir)
{
    struct vn_ustr *cwd = &vn_peb()->ProcessParameters->CurrentDirectory;
    WCHAR *name, *full;
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    HANDLE handle;
    NTSTATUS status = STATUS_NO_MEMORY;
    SIZE_T len;
    BOOL device;

    if (!(name = RtlAllocateHeap(process_heap(), 0, dir->Length + sizeof(WCHAR))))
        return STATUS_NO_MEMORY;
    memcpy(name, dir->Buffer, dir->Length);
    name[dir->Length / sizeof(WCHAR)] = 0;
    full = RtlAllocateHeap(process_heap(), 0, MAX_FULL * sizeof(WCHAR));
    if (!full || (status = RtlDosPathNameToNtPathName_U_WithStatus(name, &nt, NULL, NULL)))
        goto out;
    InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
    status = NtOpenFile(&handle, SYNCHRONIZE | FILE_TRAVERSE, &attr, &io,
                        FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
    RtlFreeHeap(process_heap(), 0, nt.Buffer);
    if (status)
        goto out;
    NtClose(handle);
    len = full_path(name, full, &device);
    if (len >= MAX_FULL - 1) {
        status = STATUS_NAME_TOO_LONG;
        goto out;
    }
    if (len && full[len - 1] != '\\')
        full[len++] = '\\';
    full[len] = 0;
    if (cwd_on_heap)    /* the first buffer came from the loader, not from our heap */
        RtlFreeHeap(process_heap(), 0, cwd->Buffer);
    cwd_on_heap = TRUE;
    cwd->Buffer = full;
    full = NULL;
    cwd->Length = len * sizeof(WCHAR);
    cwd->MaximumLength = 0xfffe;
out:
    RtlFreeHeap(process_heap(), 0, name);
    if (full)
        RtlFreeHeap(process_heap(), 0, full);
    return status;
}
