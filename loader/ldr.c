/* ldr.c: the loader's gate calls behind ntdll's LdrLoadDll, LdrGetDllHandle,
 * LdrGetProcedureAddress, LdrUnloadDll and LdrShutdownProcess. */
#include <stdlib.h>
#include <string.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(module);

/* A DLL name from PE code: a bare name, or a Windows path (C:\x\y.dll, relative .\y.dll). */
static NTSTATUS name_to_unix(const UNICODE_STRING *name, char **out)
{
    size_t len;
    char *utf8;

    if (!name || !name->Buffer || !name->Length)
        return STATUS_INVALID_PARAMETER;
    if (!(utf8 = utf16_to_utf8(name->Buffer, name->Length / sizeof(WCHAR), &len)))
        return STATUS_NO_MEMORY;
    if (len > 2 && utf8[1] == ':' && (utf8[2] == '\\' || utf8[2] == '/')) {
        /* Absolute Windows path: through the NT path rules of ntcalls. */
        size_t wlen = name->Length / sizeof(WCHAR) + 4;
        WCHAR *nt = malloc(wlen * sizeof(WCHAR));
        UNICODE_STRING us = { wlen * 2, wlen * 2, nt };
        NTSTATUS status;
        memcpy(nt, u"\\??\\", 8);
        memcpy(nt + 4, name->Buffer, name->Length);
        for (size_t i = 4; i < wlen; i++)
            if (nt[i] == '/')
                nt[i] = '\\';
        status = nt_to_unix_path(&us, out);
        free(nt);
        free(utf8);
        return status;
    }
    for (char *c = utf8; *c; c++)
        if (*c == '\\')
            *c = '/';
    *out = utf8;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI LdrLoadDll(PWSTR search_path, ULONG *flags, UNICODE_STRING *name, HMODULE *module)
{
    struct module *mod = NULL;
    char *path;
    NTSTATUS status;

    if (!module)
        return STATUS_INVALID_PARAMETER;
    if ((status = name_to_unix(name, &path)))
        return status;
    TRACE("%s\n", path);
    loader_lock();
    status = module_load(path, exe_module, &mod);
    if (!status)
        status = module_init_pending();
    if (!status && !mod->static_import)
        mod->refs++;
    /* A DLL whose DllMain failed is detached already; LoadLibrary unloads it (DllMain's
     * documentation), unless something still holds it. */
    if (status == STATUS_DLL_INIT_FAILED && mod && mod->init_failed && !mod->static_import &&
        !mod->refs)
        module_unload(mod);
    loader_unlock();
    free(path);
    *module = status ? NULL : mod->base;
    return status;
}

NTSTATUS WINAPI LdrGetDllHandle(PWSTR search_path, ULONG *flags, UNICODE_STRING *name, HMODULE *module)
{
    struct module *mod;
    char *path;
    NTSTATUS status;

    if (!module)
        return STATUS_INVALID_PARAMETER;
    if (!name) {
        *module = exe_module ? exe_module->base : NULL;
        return STATUS_SUCCESS;
    }
    if ((status = name_to_unix(name, &path)))
        return status;
    loader_lock();
    mod = module_find_loaded(path);
    loader_unlock();
    TRACE("%s -> %p\n", path, mod ? mod->base : NULL);
    free(path);
    *module = mod ? mod->base : NULL;
    return mod ? STATUS_SUCCESS : STATUS_DLL_NOT_FOUND;
}

NTSTATUS WINAPI LdrGetProcedureAddress(HMODULE module, ANSI_STRING *name, ULONG ordinal, PVOID *address)
{
    struct module *mod;
    NTSTATUS status;
    char *cname = NULL;

    if (!address)
        return STATUS_INVALID_PARAMETER;
    *address = NULL;
    if (name && (!name->Buffer || !(cname = strndup(name->Buffer, name->Length))))
        return STATUS_INVALID_PARAMETER;
    loader_lock();
    mod = module_from_address(module);
    if (!mod || mod->base != (uint8_t *)module)
        status = STATUS_DLL_NOT_FOUND;
    else if (cname && module_export_is_stub(mod, cname))
        status = STATUS_PROCEDURE_NOT_FOUND;    /* callers take their fallback, as they should */
    else
        status = module_resolve(mod, cname, cname ? -1 : (int)ordinal, address, 0);
    if (!status && cname && vinho_dbg_on(DBCH_relay, DBL_TRACE)) {
        struct module *target = module_from_address(*address);   /* after forwarders */
        if (target)
            *address = relay_wrap(target, cname, *address);
    }
    loader_unlock();
    TRACE("%s %s #%u -> %p (%#x)\n", mod ? mod->name : "?", cname ? cname : "", ordinal, *address, status);
    free(cname);
    return status;
}

NTSTATUS WINAPI LdrUnloadDll(HMODULE module)
{
    struct module *mod;
    NTSTATUS status = STATUS_SUCCESS;
    loader_lock();
    mod = module_from_address(module);
    if (!mod || mod->base != (uint8_t *)module)
        status = STATUS_DLL_NOT_FOUND;
    else if (!mod->static_import && !mod->is_exe && mod->refs > 0 && !--mod->refs &&
             !mod->pinned)
        module_unload(mod);
    loader_unlock();
    return status;
}

/* One more reference to a loaded DLL, or (LDR_ADDREF_DLL_PIN, 1) none needed any more: a pinned
 * DLL stays until the process ends. */
NTSTATUS WINAPI LdrAddRefDll(ULONG flags, HMODULE module)
{
    struct module *mod;
    NTSTATUS status = STATUS_SUCCESS;
    loader_lock();
    mod = module_from_address(module);
    if (!mod || mod->base != (uint8_t *)module)
        status = STATUS_DLL_NOT_FOUND;
    else if (flags & 1)
        mod->pinned = true;
    else if (!mod->static_import && !mod->is_exe)
        mod->refs++;
    loader_unlock();
    return status;
}

NTSTATUS WINAPI LdrShutdownThread(void)
{
    module_thread_notify(3 /* DLL_THREAD_DETACH */);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI LdrShutdownProcess(void)
{
    module_shutdown();
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI __vinho_module_file_name(HMODULE module, WCHAR *buffer, ULONG count, ULONG *needed)
{
    struct module *mod;
    NTSTATUS status = STATUS_SUCCESS;
    loader_lock();
    mod = module ? module_from_address(module) : exe_module;
    if (!mod || !mod->ldr) {
        status = STATUS_DLL_NOT_FOUND;
    } else {
        ULONG len = mod->ldr->FullDllName.Length / sizeof(WCHAR);
        *needed = len;
        if (count) {
            ULONG n = len < count ? len : count - 1;
            memcpy(buffer, mod->ldr->FullDllName.Buffer, n * sizeof(WCHAR));
            buffer[n] = 0;
            if (len >= count)
                status = STATUS_BUFFER_TOO_SMALL;
        }
    }
    loader_unlock();
    return status;
}
