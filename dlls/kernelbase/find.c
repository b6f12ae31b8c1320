/* find.c: FindFirstFile/FindNextFile over NtQueryDirectoryFile. The file name part becomes an NT
 * expression by kernel32's rules as ntifs.h documents them ('?' -> DOS_QM, '*' before '.' ->
 * DOS_STAR, '.' before a wildcard -> DOS_DOT; "*.*" is "*"), and matches the long name only. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(file);

#define FIND_MAGIC 0x444e4946   /* "FIND" */
#define FIND_BUFFER 8192

struct find_handle {
    DWORD magic;
    struct find_handle *next;   /* in open_finds */
    HANDLE dir;
    FINDEX_INFO_LEVELS level;
    BOOL dirs_only;
    ULONG pos, used;            /* in buffer */
    BOOL first_pending;         /* FindFirstFile's entry is already in buffer */
    BYTE buffer[FIND_BUFFER];
};

/* The open find handles: a handle is looked up here before it is used, so that a bad one gives
 * ERROR_INVALID_HANDLE rather than a fault. */
static struct find_handle *open_finds;
static RTL_CRITICAL_SECTION finds_lock;
static LONG finds_lock_ready;

static void finds_enter(void)
{
    if (InterlockedCompareExchange(&finds_lock_ready, 1, 0) == 0) {
        RtlInitializeCriticalSection(&finds_lock);
        InterlockedExchange(&finds_lock_ready, 2);
    }
    while (finds_lock_ready != 2)
        YieldProcessor();
    RtlEnterCriticalSection(&finds_lock);
}

/* The expression for a Win32 mask into out (at least len + 1 chars); returns its length. */
static SIZE_T mask_to_expression(const WCHAR *mask, SIZE_T len, WCHAR *out)
{
    SIZE_T n = 0;
    /* Trailing dots and spaces go, as from any final path component ("*." is "*"). */
    while (len > 1 && (mask[len - 1] == '.' || mask[len - 1] == ' '))
        len--;
    if (len == 3 && mask[0] == '*' && mask[1] == '.' && mask[2] == '*') {
        out[0] = '*';
        return 1;
    }
    for (SIZE_T i = 0; i < len; i++) {
        WCHAR c = mask[i], next = i + 1 < len ? mask[i + 1] : 0;
        if (c == '?')
            c = '>';
        else if (c == '*' && next == '.')
            c = '<';
        else if (c == '.' && (next == '?' || next == '*' || !next))
            c = '"';
        out[n++] = c;
    }
    return n;
}

/* Fills a WIN32_FIND_DATAW from a FILE_BOTH_DIR_INFORMATION entry. */
static void fill_find_data(const FILE_BOTH_DIR_INFORMATION *e, WIN32_FIND_DATAW *data)
{
    ULONG n = e->FileNameLength / sizeof(WCHAR);
    memset(data, 0, sizeof(*data));
    data->dwFileAttributes = e->FileAttributes;
    data->ftCreationTime.dwLowDateTime = e->CreationTime.u.LowPart;
    data->ftCreationTime.dwHighDateTime = e->CreationTime.u.HighPart;
    data->ftLastAccessTime.dwLowDateTime = e->LastAccessTime.u.LowPart;
    data->ftLastAccessTime.dwHighDateTime = e->LastAccessTime.u.HighPart;
    data->ftLastWriteTime.dwLowDateTime = e->LastWriteTime.u.LowPart;
    data->ftLastWriteTime.dwHighDateTime = e->LastWriteTime.u.HighPart;
    data->nFileSizeHigh = e->EndOfFile.u.HighPart;
    data->nFileSizeLow = e->EndOfFile.u.LowPart;
    if (n >= MAX_PATH)
        n = MAX_PATH - 1;
    memcpy(data->cFileName, e->FileName, n * sizeof(WCHAR));
    /* cAlternateFileName stays empty: no 8.3 names (as Windows with them turned off). */
}

/* The next entry into data; FALSE with the error set at the end. */
static BOOL next_entry(struct find_handle *f, WIN32_FIND_DATAW *data)
{
    IO_STATUS_BLOCK io;
    NTSTATUS status;
    for (;;) {
        if (f->pos >= f->used) {
            status = NtQueryDirectoryFile(f->dir, NULL, NULL, NULL, &io, f->buffer, FIND_BUFFER,
                                          FileBothDirectoryInformation, FALSE, NULL, FALSE);
            if (status)
                return set_ntstatus(status == STATUS_NO_SUCH_FILE ? STATUS_NO_MORE_FILES : status);
            f->pos = 0;
            f->used = io.Information;
        }
        const FILE_BOTH_DIR_INFORMATION *e = (const FILE_BOTH_DIR_INFORMATION *)(f->buffer + f->pos);
        f->pos = e->NextEntryOffset ? f->pos + e->NextEntryOffset : f->used;
        if (f->dirs_only && !(e->FileAttributes & FILE_ATTRIBUTE_DIRECTORY))
            continue;   /* FindExSearchLimitToDirectories is advisory; honoured here */
        fill_find_data(e, data);
        return TRUE;
    }
}

/* Splits name into its folder (an NT path, opened) and its mask. */
static NTSTATUS open_search(LPCWSTR name, HANDLE *dir, WCHAR **expr, SIZE_T *expr_len)
{
    SIZE_T len = lstrlenW(name), split = len;
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES attr;
    IO_STATUS_BLOCK io;
    WCHAR *dirname;
    NTSTATUS status;

    while (split && name[split - 1] != '\\' && name[split - 1] != '/' &&
           !(split == 2 && name[1] == ':'))
        split--;
    if (split == len)
        return STATUS_OBJECT_NAME_NOT_FOUND;    /* "dir\": no mask (ERROR_FILE_NOT_FOUND) */
    if (!(dirname = HeapAlloc(GetProcessHeap(), 0, (split + 3) * sizeof(WCHAR))) ||
        !(*expr = HeapAlloc(GetProcessHeap(), 0, (len - split + 1) * sizeof(WCHAR)))) {
        HeapFree(GetProcessHeap(), 0, dirname);
        return STATUS_NO_MEMORY;
    }
    if (split) {
        memcpy(dirname, name, split * sizeof(WCHAR));
        dirname[split] = 0;
    } else {
        dirname[0] = '.';
        dirname[1] = 0;
    }
    *expr_len = mask_to_expression(name + split, len - split, *expr);
    status = RtlDosPathNameToNtPathName_U_WithStatus(dirname, &nt, NULL, NULL);
    HeapFree(GetProcessHeap(), 0, dirname);
    if (!status) {
        InitializeObjectAttributes(&attr, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL);
        status = NtOpenFile(dir, FILE_LIST_DIRECTORY | SYNCHRONIZE, &attr, &io,
                            FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT);
        RtlFreeHeap(GetProcessHeap(), 0, nt.Buffer);
        if (status == STATUS_OBJECT_NAME_NOT_FOUND || status == STATUS_NOT_A_DIRECTORY)
            status = STATUS_OBJECT_PATH_NOT_FOUND;
    }
    if (status)
        HeapFree(GetProcessHeap(), 0, *expr);
    return status;
}

/***********************************************************************
 *           FindFirstFileExW   (kernelbase.@)
 */
HANDLE WINAPI FindFirstFileExW(LPCWSTR name, FINDEX_INFO_LEVELS level, void *data,
                               FINDEX_SEARCH_OPS search, void *filter, DWORD flags)
{
    struct find_handle *f;
    UNICODE_STRING mask;
    IO_STATUS_BLOCK io;
    WCHAR *expr;
    SIZE_T expr_len;
    NTSTATUS status;

    TRACE("%s level %d search %d flags %#x\n", debugstr_w(name), level, search, flags);
    if (!name || !data || (level != FindExInfoStandard && level != FindExInfoBasic) ||
        (search != FindExSearchNameMatch && search != FindExSearchLimitToDirectories) || filter ||
        (flags & ~(FIND_FIRST_EX_CASE_SENSITIVE | FIND_FIRST_EX_LARGE_FETCH | 4 /* ON_DISK_ENTRIES_ONLY */))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if (!*name) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    if (!(f = HeapAlloc(GetProcessHeap(), 0, sizeof(*f)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    if ((status = open_search(name, &f->dir, &expr, &expr_len))) {
        HeapFree(GetProcessHeap(), 0, f);
        set_ntstatus(status);
        return INVALID_HANDLE_VALUE;
    }
    f->magic = FIND_MAGIC;
    f->level = level;
    f->dirs_only = search == FindExSearchLimitToDirectories;
    mask.Buffer = expr;
    mask.Length = mask.MaximumLength = expr_len * sizeof(WCHAR);
    status = NtQueryDirectoryFile(f->dir, NULL, NULL, NULL, &io, f->buffer, FIND_BUFFER,
                                  FileBothDirectoryInformation, FALSE, &mask, TRUE);
    HeapFree(GetProcessHeap(), 0, expr);
    f->pos = 0;
    f->used = status ? 0 : io.Information;
    if (status || !next_entry(f, data)) {
        if (status)     /* no name matches: ERROR_FILE_NOT_FOUND, as documented */
            set_ntstatus(status == STATUS_NO_SUCH_FILE || status == STATUS_NO_MORE_FILES
                         ? STATUS_OBJECT_NAME_NOT_FOUND : status);
        else
            SetLastError(ERROR_FILE_NOT_FOUND);
        NtClose(f->dir);
        HeapFree(GetProcessHeap(), 0, f);
        return INVALID_HANDLE_VALUE;
    }
    finds_enter();
    f->next = open_finds;
    open_finds = f;
    RtlLeaveCriticalSection(&finds_lock);
    SetLastError(ERROR_SUCCESS);
    return f;
}

HANDLE WINAPI FindFirstFileW(LPCWSTR name, WIN32_FIND_DATAW *data)
{
    return FindFirstFileExW(name, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

/* WIN32_FIND_DATAA from the W form. */
static void find_data_WtoA(const WIN32_FIND_DATAW *w, WIN32_FIND_DATAA *a)
{
    memcpy(a, w, offsetof(WIN32_FIND_DATAA, cFileName));
    kb_copy_WtoA(w->cFileName, lstrlenW(w->cFileName), a->cFileName, MAX_PATH);
    kb_copy_WtoA(w->cAlternateFileName, lstrlenW(w->cAlternateFileName), a->cAlternateFileName, 14);
}

HANDLE WINAPI FindFirstFileExA(LPCSTR name, FINDEX_INFO_LEVELS level, void *data,
                               FINDEX_SEARCH_OPS search, void *filter, DWORD flags)
{
    WIN32_FIND_DATAW w;
    WCHAR *wname = name ? kb_strdup_AtoW(name) : NULL;
    HANDLE h;
    if (!wname) {
        SetLastError(name ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    h = FindFirstFileExW(wname, level, data ? &w : NULL, search, filter, flags);
    HeapFree(GetProcessHeap(), 0, wname);
    if (h != INVALID_HANDLE_VALUE)
        find_data_WtoA(&w, data);
    return h;
}

HANDLE WINAPI FindFirstFileA(LPCSTR name, WIN32_FIND_DATAA *data)
{
    return FindFirstFileExA(name, FindExInfoStandard, data, FindExSearchNameMatch, NULL, 0);
}

/* The find handle, or NULL with ERROR_INVALID_HANDLE; unlink takes it off the list (FindClose). */
static struct find_handle *get_find(HANDLE handle, BOOL unlink)
{
    struct find_handle **p, *f = NULL;
    finds_enter();
    for (p = &open_finds; *p; p = &(*p)->next) {
        if (*p == handle) {
            f = *p;
            if (unlink)
                *p = f->next;
            break;
        }
    }
    RtlLeaveCriticalSection(&finds_lock);
    if (!f)
        SetLastError(ERROR_INVALID_HANDLE);
    return f;
}

/***********************************************************************
 *           FindNextFileW   (kernelbase.@)
 */
BOOL WINAPI FindNextFileW(HANDLE handle, WIN32_FIND_DATAW *data)
{
    struct find_handle *f;
    if (!(f = get_find(handle, FALSE)))
        return FALSE;
    if (!data) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return next_entry(f, data);
}

BOOL WINAPI FindNextFileA(HANDLE handle, WIN32_FIND_DATAA *data)
{
    WIN32_FIND_DATAW w;
    if (!data) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!FindNextFileW(handle, &w))
        return FALSE;
    find_data_WtoA(&w, data);
    return TRUE;
}

/***********************************************************************
 *           FindClose   (kernelbase.@)
 */
BOOL WINAPI FindClose(HANDLE handle)
{
    struct find_handle *f;
    if (!(f = get_find(handle, TRUE)))
        return FALSE;
    f->magic = 0;
    NtClose(f->dir);
    HeapFree(GetProcessHeap(), 0, f);
    return TRUE;
}
