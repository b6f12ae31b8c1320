/* misc.c: the parts of user32 a console program uses without a window: strings from resources,
 * message boxes (on stderr until there is a GUI), system metrics. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(user);

/* A string table resource holds 16 strings per block (block ID = string ID / 16 + 1), each a
 * WORD count of WCHARs and the WCHARs, no terminator. Points *str at string id; returns its
 * length, or -1 when the block is missing. */
static int find_string(HINSTANCE instance, UINT id, const WCHAR **str)
{
    HRSRC res = FindResourceW(instance, MAKEINTRESOURCEW((LOWORD(id) >> 4) + 1), (LPCWSTR)RT_STRING);
    const WCHAR *p;
    if (!res)
        return -1;
    p = LockResource(LoadResource(instance, res));
    if (!p)
        return -1;
    for (UINT i = 0; i < (id & 15); i++)
        p += *p + 1;
    *str = p + 1;
    return *p;
}

/***********************************************************************
 *           LoadStringW   (user32.@)
 *
 * max == 0: *buffer receives a read-only pointer to the string inside the resource (not
 * terminated) and the result is its length. Otherwise at most max - 1 characters are copied and
 * terminated. A missing string gives 0; the buffer is emptied only when the string's block
 * exists (a missing block leaves it alone, as Windows does).
 */
INT WINAPI LoadStringW(HINSTANCE instance, UINT id, LPWSTR buffer, INT max)
{
    const WCHAR *str;
    int len;
    TRACE("%p %u %p %d\n", instance, id, buffer, max);
    if (!buffer) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    len = find_string(instance, id, &str);
    if (max == 0) {
        *(const WCHAR **)buffer = len > 0 ? str : NULL;
        return len > 0 ? len : 0;
    }
    if (len < 0)
        return 0;
    if (len > max - 1)
        len = max - 1;
    if (len > 0)
        memcpy(buffer, str, len * sizeof(WCHAR));
    buffer[len] = 0;
    return len;
}

/***********************************************************************
 *           LoadStringA   (user32.@)
 *
 * The string in the ANSI code page, truncated to max - 1 bytes and terminated; the result is the
 * number of bytes stored.
 */
INT WINAPI LoadStringA(HINSTANCE instance, UINT id, LPSTR buffer, INT max)
{
    const WCHAR *str;
    int len, got = 0;
    TRACE("%p %u %p %d\n", instance, id, buffer, max);
    if (!buffer || max <= 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    len = find_string(instance, id, &str);
    if (len > 0) {
        char *tmp = RtlAllocateHeap(process_heap(), 0, len * 2 + 1);
        if (tmp) {
            got = WideCharToMultiByte(CP_ACP, 0, str, len, tmp, len * 2, NULL, NULL);
            if (got > max - 1)
                got = max - 1;
            memcpy(buffer, tmp, got);
            RtlFreeHeap(process_heap(), 0, tmp);
        }
    }
    buffer[got] = 0;
    return got;
}

/* What a message box "answers" with no one to press a button: its default button. */
static int default_button(UINT type)
{
    static const int buttons[][3] = {
        [MB_OK] = { IDOK }, [MB_OKCANCEL] = { IDOK, IDCANCEL },
        [MB_ABORTRETRYIGNORE] = { IDABORT, IDRETRY, IDIGNORE }, [MB_YESNOCANCEL] = { IDYES, IDNO, IDCANCEL },
        [MB_YESNO] = { IDYES, IDNO }, [MB_RETRYCANCEL] = { IDRETRY, IDCANCEL },
        [MB_CANCELTRYCONTINUE] = { IDCANCEL, IDTRYAGAIN, IDCONTINUE },
    };
    UINT set = type & MB_TYPEMASK, index = (type & MB_DEFMASK) >> 8;
    if (set >= sizeof(buttons) / sizeof(buttons[0]))
        return 0;
    if (index > 2 || !buttons[set][index])
        index = 0;
    return buttons[set][index];
}

static void write_stderr(const WCHAR *text)
{
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD written, len = lstrlenW(text);
    char *utf8;
    int n;
    if (WriteConsoleW(err, text, len, &written, NULL))
        return;
    /* Not a console: the Linux side reads UTF-8. */
    n = WideCharToMultiByte(CP_UTF8, 0, text, len, NULL, 0, NULL, NULL);
    if (n <= 0 || !(utf8 = RtlAllocateHeap(process_heap(), 0, n)))
        return;
    WideCharToMultiByte(CP_UTF8, 0, text, len, utf8, n, NULL, NULL);
    WriteFile(err, utf8, n, &written, NULL);
    RtlFreeHeap(process_heap(), 0, utf8);
}

/***********************************************************************
 *           MessageBoxExW   (user32.@)
 *
 * No GUI yet: the caption and text go to stderr, and the box "returns" its default button
 * (MB_DEFBUTTONn of its button set: IDOK for MB_OK) at once, so a program never waits.
 */
INT WINAPI MessageBoxExW(HWND hwnd, LPCWSTR text, LPCWSTR caption, UINT type, WORD lang)
{
    int ret = default_button(type);
    if (!ret) {
        SetLastError(ERROR_INVALID_MSGBOX_STYLE);
        return 0;
    }
    FIXME_ONCE("no GUI: message boxes are written to stderr and return their default button\n");
    write_stderr(L"vinho: message box: ");
    write_stderr(caption ? caption : L"Error");
    write_stderr(L": ");
    write_stderr(text ? text : L"");
    write_stderr(L"\n");
    return ret;
}

INT WINAPI MessageBoxW(HWND hwnd, LPCWSTR text, LPCWSTR caption, UINT type)
{
    return MessageBoxExW(hwnd, text, caption, type, LANG_NEUTRAL);
}

static WCHAR *strdup_AtoW(const char *str)
{
    WCHAR *w;
    int n;
    if (!str)
        return NULL;
    n = MultiByteToWideChar(CP_ACP, 0, str, -1, NULL, 0);
    if ((w = RtlAllocateHeap(process_heap(), 0, n * sizeof(WCHAR))))
        MultiByteToWideChar(CP_ACP, 0, str, -1, w, n);
    return w;
}

INT WINAPI MessageBoxExA(HWND hwnd, LPCSTR text, LPCSTR caption, UINT type, WORD lang)
{
    WCHAR *wtext = strdup_AtoW(text), *wcaption = strdup_AtoW(caption);
    int ret = MessageBoxExW(hwnd, wtext, wcaption, type, lang);
    RtlFreeHeap(process_heap(), 0, wtext);
    RtlFreeHeap(process_heap(), 0, wcaption);
    return ret;
}

INT WINAPI MessageBoxA(HWND hwnd, LPCSTR text, LPCSTR caption, UINT type)
{
    return MessageBoxExA(hwnd, text, caption, type, LANG_NEUTRAL);
}

/***********************************************************************
 *           GetSystemMetrics   (user32.@)
 *
 * The facts a console session has; metrics of screens, windows and input devices need the GUI
 * and give 0 (the documented failure value) with a FIXME.
 */
INT WINAPI GetSystemMetrics(INT index)
{
    switch (index) {
    case SM_CLEANBOOT:          /* normal boot */
    case SM_DEBUG: case SM_PENWINDOWS: case SM_SLOWMACHINE: case SM_SECURE:
    case SM_MIDEASTENABLED: case SM_REMOTESESSION: case SM_REMOTECONTROL: case SM_SHUTTINGDOWN:
    case SM_TABLETPC: case SM_MEDIACENTER: case SM_STARTER: case SM_SERVERR2: case SM_SWAPBUTTON:
        return 0;
    case SM_DBCSENABLED: {
        CPINFO info;
        return GetCPInfo(CP_ACP, &info) && info.MaxCharSize > 1;
    }
    default:
        FIXME("metric %d needs the GUI; returning 0\n", index);
        return 0;
    }
}
