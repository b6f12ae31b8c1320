/* error.c: the thread's last error, and A<->W helpers for the A functions. */
#include "kernelbase.h"

DEFAULT_DEBUG_CHANNEL(kernel);

/***********************************************************************
 *           GetLastError   (kernelbase.@)
 */
DWORD WINAPI GetLastError(void)
{
    return vn_teb()->LastErrorValue;
}

/***********************************************************************
 *           SetLastError   (kernelbase.@)
 */
void WINAPI SetLastError(DWORD error)
{
    vn_teb()->LastErrorValue = error;
}

/***********************************************************************
 *           RestoreLastError   (kernelbase.@)
 */
void WINAPI RestoreLastError(DWORD error)
{
    vn_teb()->LastErrorValue = error;
}

WCHAR *kb_strdup_AtoW(const char *str)
{
    /* One pass: no code page makes more UTF-16 units than bytes, so strlen + 1 is enough. */
    size_t bytes = lstrlenA(str) + 1;
    WCHAR *w;
    if (bytes > INT_MAX / sizeof(WCHAR) ||
        !(w = HeapAlloc(GetProcessHeap(), 0, bytes * sizeof(WCHAR)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (MultiByteToWideChar(CP_ACP, 0, str, -1, w, (int)bytes) <= 0) {
        HeapFree(GetProcessHeap(), 0, w);
        return NULL;
    }
    return w;
}

/* The A functions' convention: returns the length copied (without NUL) when it fits, else the
 * size needed including the NUL. */
DWORD kb_copy_WtoA(const WCHAR *src, DWORD src_len, char *dst, DWORD dst_size)
{
    int need = WideCharToMultiByte(CP_ACP, 0, src, src_len, NULL, 0, NULL, NULL);
    if (need < 0)
        return 0;
    if ((DWORD)need + 1 > dst_size)
        return need + 1;
    WideCharToMultiByte(CP_ACP, 0, src, src_len, dst, need, NULL, NULL);
    dst[need] = 0;
    return need;
}

/* An A function that takes one path and returns BOOL: the W function on its UTF-16 copy; a NULL
 * path fails with null_error. */
BOOL kb_call_path_A(LPCSTR path, BOOL (WINAPI *w_function)(LPCWSTR), DWORD null_error)
{
    WCHAR *w;
    BOOL ret;
    if (!path) {
        SetLastError(null_error);
        return FALSE;
    }
    int len = MultiByteToWideChar(kb_file_cp(), 0, path, -1, NULL, 0);
    if (len <= 0 || !(w = HeapAlloc(GetProcessHeap(), 0, len * sizeof(WCHAR)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    MultiByteToWideChar(kb_file_cp(), 0, path, -1, w, len);     /* SetFileApisToOEM */
    ret = w_function(w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}
