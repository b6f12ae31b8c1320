/* console.c: the console API. A handle is a console exactly when it is a terminal; on anything
 * else (a file, a pipe) the console calls fail with ERROR_INVALID_HANDLE, as on Windows, which
 * is how programs detect redirection. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(console);

static UINT console_cp, console_output_cp;

BOOL WINAPI GetConsoleMode(HANDLE handle, DWORD *mode)
{
    ULONG m;
    NTSTATUS status = __vinho_console_get_mode(handle, &m);
    if (!status && mode)
        *mode = m;
    return set_ntstatus(status);
}

BOOL WINAPI SetConsoleMode(HANDLE handle, DWORD mode)
{
    return set_ntstatus(__vinho_console_set_mode(handle, mode));
}

/***********************************************************************
 *           WriteConsoleW   (kernelbase.@)
 */
BOOL WINAPI WriteConsoleW(HANDLE handle, const void *buffer, DWORD count, DWORD *written, void *reserved)
{
    ULONG n = 0;
    NTSTATUS status;
    TRACE("%p %s\n", handle, debugstr_wn(buffer, count));
    status = __vinho_console_write(handle, buffer, count, &n);
    if (written)
        *written = status ? 0 : n;
    return set_ntstatus(status);
}

/***********************************************************************
 *           WriteConsoleA   (kernelbase.@)
 */
BOOL WINAPI WriteConsoleA(HANDLE handle, const void *buffer, DWORD count, DWORD *written, void *reserved)
{
    int len = count ? MultiByteToWideChar(GetConsoleOutputCP(), 0, buffer, count, NULL, 0) : 0;
    WCHAR *w = HeapAlloc(GetProcessHeap(), 0, (len + 1) * sizeof(WCHAR));
    BOOL ret;
    if (!w) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    MultiByteToWideChar(GetConsoleOutputCP(), 0, buffer, count, w, len);
    ret = WriteConsoleW(handle, w, len, NULL, reserved);
    if (written)
        *written = ret ? count : 0;
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           ReadConsoleW   (kernelbase.@)
 */
BOOL WINAPI ReadConsoleW(HANDLE handle, void *buffer, DWORD count, DWORD *read, void *control)
{
    ULONG n = 0;
    NTSTATUS status = __vinho_console_read(handle, buffer, count, &n);
    if (read)
        *read = status ? 0 : n;
    return set_ntstatus(status);
}

BOOL WINAPI ReadConsoleA(HANDLE handle, void *buffer, DWORD count, DWORD *read, void *control)
{
    WCHAR *w = HeapAlloc(GetProcessHeap(), 0, (count + 1) * sizeof(WCHAR));
    DWORD n = 0;
    BOOL ret;
    if (!w) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    ret = ReadConsoleW(handle, w, count, &n, control);
    if (ret)
        n = WideCharToMultiByte(GetConsoleCP(), 0, w, n, buffer, count, NULL, NULL);
    if (read)
        *read = ret ? n : 0;
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/* The console code pages follow the OEM code page until a program sets them. */
UINT WINAPI GetConsoleCP(void)
{
    return console_cp ? console_cp : GetOEMCP();
}

UINT WINAPI GetConsoleOutputCP(void)
{
    return console_output_cp ? console_output_cp : GetOEMCP();
}

BOOL WINAPI SetConsoleCP(UINT cp)
{
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    console_cp = cp;
    return TRUE;
}

BOOL WINAPI SetConsoleOutputCP(UINT cp)
{
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    console_output_cp = cp;
    return TRUE;
}
