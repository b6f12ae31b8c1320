/* resource.c: finding and loading resources in a mapped module (FindResource, LoadResource). */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(resource);

WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR ch);     /* ntdll; winternl.h does not declare it */

/* The resource directory of a mapped image, or NULL when it has none. */
static const IMAGE_RESOURCE_DIRECTORY *resource_root(HMODULE module, DWORD *size)
{
    module = kb_module_base(module);
    const IMAGE_DOS_HEADER *dos = (const IMAGE_DOS_HEADER *)module;
    const IMAGE_NT_HEADERS64 *nt = (const IMAGE_NT_HEADERS64 *)((const char *)module + dos->e_lfanew);
    const IMAGE_DATA_DIRECTORY *dir;
    if (nt->OptionalHeader.NumberOfRvaAndSizes <= IMAGE_DIRECTORY_ENTRY_RESOURCE)
        return NULL;
    dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_RESOURCE];
    if (!dir->VirtualAddress || dir->Size < sizeof(IMAGE_RESOURCE_DIRECTORY))
        return NULL;
    *size = dir->Size;
    return (const IMAGE_RESOURCE_DIRECTORY *)((const char *)module + dir->VirtualAddress);
}

/* Resource names compare without case, as the resource compiler stores them in upper case. */
static int compare_name(const WCHAR *name, const IMAGE_RESOURCE_DIR_STRING_U *str)
{
    for (WORD i = 0; i < str->Length; i++) {
        WCHAR a = RtlUpcaseUnicodeChar(name[i]), b = RtlUpcaseUnicodeChar(str->NameString[i]);
        if (!a || a != b)
            return a ? (a < b ? -1 : 1) : -1;
    }
    return name[str->Length] ? 1 : 0;
}

/* "#123" names an integer ID, as FindResource documents. */
static LPCWSTR name_to_id(LPCWSTR name)
{
    ULONG value = 0;
    const WCHAR *p;
    if (IS_INTRESOURCE(name) || name[0] != '#' || !name[1])
        return name;
    for (p = name + 1; *p; p++) {
        if (*p < '0' || *p > '9' || value > 0xffff)
            return name;
        value = value * 10 + (*p - '0');
    }
    return value <= 0xffff ? MAKEINTRESOURCEW(value) : name;
}

/* The entry of dir named name (an ID or a string); NULL if absent. */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *find_entry(const IMAGE_RESOURCE_DIRECTORY *root,
        DWORD root_size, const IMAGE_RESOURCE_DIRECTORY *dir, LPCWSTR name)
{
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *entries = (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
    unsigned named = dir->NumberOfNamedEntries, total = named + dir->NumberOfIdEntries;
    name = name_to_id(name);
    for (unsigned i = IS_INTRESOURCE(name) ? named : 0; i < (IS_INTRESOURCE(name) ? total : named); i++) {
        if (IS_INTRESOURCE(name)) {
            if (entries[i].Id == LOWORD((ULONG_PTR)name))
                return &entries[i];
        } else if (entries[i].NameOffset < root_size) {
            const IMAGE_RESOURCE_DIR_STRING_U *str =
                (const IMAGE_RESOURCE_DIR_STRING_U *)((const char *)root + entries[i].NameOffset);
            if (!compare_name(name, str))
                return &entries[i];
        }
    }
    return NULL;
}

static const IMAGE_RESOURCE_DIRECTORY *subdir(const IMAGE_RESOURCE_DIRECTORY *root, DWORD root_size,
                                              const IMAGE_RESOURCE_DIRECTORY_ENTRY *entry)
{
    if (!entry || !entry->DataIsDirectory || entry->OffsetToDirectory >= root_size)
        return NULL;
    return (const IMAGE_RESOURCE_DIRECTORY *)((const char *)root + entry->OffsetToDirectory);
}

/* The language entry: the one asked for; for LANG_NEUTRAL, neutral, then the user's default
 * language, then US English, then the first one there is. */
static const IMAGE_RESOURCE_DIRECTORY_ENTRY *find_language(const IMAGE_RESOURCE_DIRECTORY *root,
        DWORD size, const IMAGE_RESOURCE_DIRECTORY *dir, WORD lang)
{
    static const WORD fallbacks[] = { MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL),
        MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US) };
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *entry;
    if (PRIMARYLANGID(lang) != LANG_NEUTRAL)
        return find_entry(root, size, dir, MAKEINTRESOURCEW(lang));
    for (unsigned i = 0; i < sizeof(fallbacks) / sizeof(fallbacks[0]); i++)
        if ((entry = find_entry(root, size, dir, MAKEINTRESOURCEW(fallbacks[i]))))
            return entry;
    if (dir->NumberOfNamedEntries + dir->NumberOfIdEntries)
        return (const IMAGE_RESOURCE_DIRECTORY_ENTRY *)(dir + 1);
    return NULL;
}

/***********************************************************************
 *           FindResourceExW   (kernelbase.@)
 */
HRSRC WINAPI FindResourceExW(HMODULE module, LPCWSTR type, LPCWSTR name, WORD lang)
{
    const IMAGE_RESOURCE_DIRECTORY *root, *dir;
    const IMAGE_RESOURCE_DIRECTORY_ENTRY *entry;
    NTSTATUS status = STATUS_RESOURCE_DATA_NOT_FOUND;
    DWORD size;
    TRACE("%p %s %s %#x\n", module, IS_INTRESOURCE(type) ? "#id" : debugstr_w(type),
          IS_INTRESOURCE(name) ? "#id" : debugstr_w(name), lang);
    if (!module)
        module = GetModuleHandleW(NULL);
    if (!(root = resource_root(module, &size)))
        goto fail;
    status = STATUS_RESOURCE_TYPE_NOT_FOUND;
    if (!(dir = subdir(root, size, find_entry(root, size, root, type))))
        goto fail;
    status = STATUS_RESOURCE_NAME_NOT_FOUND;
    if (!(dir = subdir(root, size, find_entry(root, size, dir, name))))
        goto fail;
    status = STATUS_RESOURCE_LANG_NOT_FOUND;
    if (!(entry = find_language(root, size, dir, lang)) || entry->DataIsDirectory
            || entry->OffsetToData + sizeof(IMAGE_RESOURCE_DATA_ENTRY) > size)
        goto fail;
    return (HRSRC)((const char *)root + entry->OffsetToData);
fail:
    set_ntstatus(status);
    return NULL;
}

HRSRC WINAPI FindResourceW(HMODULE module, LPCWSTR name, LPCWSTR type)
{
    return FindResourceExW(module, type, name, MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL));
}

/* An A name or type as W: an ID stays an ID; a string is copied (free with free_res_name). */
static LPWSTR res_name_AtoW(LPCSTR name)
{
    if (IS_INTRESOURCE(name))
        return (LPWSTR)name;
    return kb_strdup_AtoW(name);
}

static void free_res_name(LPWSTR name)
{
    if (!IS_INTRESOURCE(name))
        HeapFree(GetProcessHeap(), 0, name);
}

HRSRC WINAPI FindResourceExA(HMODULE module, LPCSTR type, LPCSTR name, WORD lang)
{
    LPWSTR wtype = res_name_AtoW(type), wname = res_name_AtoW(name);
    HRSRC ret = NULL;
    if (wtype && wname)
        ret = FindResourceExW(module, wtype, wname, lang);
    if (wtype)
        free_res_name(wtype);
    if (wname)
        free_res_name(wname);
    return ret;
}

HRSRC WINAPI FindResourceA(HMODULE module, LPCSTR name, LPCSTR type)
{
    return FindResourceExA(module, type, name, MAKELANGID(LANG_NEUTRAL, SUBLANG_NEUTRAL));
}

/***********************************************************************
 *           LoadResource   (kernelbase.@)
 *
 * Resources are part of the mapped image: the "handle" is the data's address.
 */
HGLOBAL WINAPI LoadResource(HMODULE module, HRSRC res)
{
    const IMAGE_RESOURCE_DATA_ENTRY *data = (const IMAGE_RESOURCE_DATA_ENTRY *)res;
    if (!res) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    if (!module)
        module = GetModuleHandleW(NULL);
    return (HGLOBAL)((char *)kb_module_base(module) + data->OffsetToData);
}

LPVOID WINAPI LockResource(HGLOBAL handle)
{
    return handle;
}

/* Nothing to free: a 32-bit-era call, documented as obsolete; it returns FALSE. */
BOOL WINAPI FreeResource(HGLOBAL handle)
{
    return FALSE;
}

DWORD WINAPI SizeofResource(HMODULE module, HRSRC res)
{
    if (!res) {
        SetLastError(ERROR_INVALID_HANDLE);
        return 0;
    }
    return ((const IMAGE_RESOURCE_DATA_ENTRY *)res)->Size;
}
