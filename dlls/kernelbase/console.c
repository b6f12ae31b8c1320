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

/* ---- screen buffer: sizes from the terminal, changes as ANSI sequences (docs/console.md) ---- */

static WORD text_attribute = FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE;
#define DEFAULT_ATTRIBUTE (FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE)

/* Writes an ASCII escape sequence to the console handle. */
static BOOL write_sequence(HANDLE handle, const char *seq)
{
    WCHAR w[64];
    ULONG n = 0, len = 0;
    while (seq[len] && len < 63) {
        w[len] = (unsigned char)seq[len];
        len++;
    }
    return set_ntstatus(__vinho_console_write(handle, w, len, &n));
}

static int format_int(char *p, unsigned v)
{
    char tmp[12];
    int n = 0, len = 0;
    do
        tmp[n++] = '0' + v % 10;
    while ((v /= 10));
    while (n)
        p[len++] = tmp[--n];
    return len;
}

/* SGR of a console attribute: red, green, blue bits -> ANSI colour index (red 1, green 2,
 * blue 4); intensity -> the bright colours. The default attribute (grey on black) is a reset, so
 * that a program restoring it gives the user's own terminal colours back. */
static void attribute_sequence(WORD attr, char *out)
{
    int fg = (attr & FOREGROUND_RED ? 1 : 0) | (attr & FOREGROUND_GREEN ? 2 : 0) | (attr & FOREGROUND_BLUE ? 4 : 0);
    int bg = (attr & BACKGROUND_RED ? 1 : 0) | (attr & BACKGROUND_GREEN ? 2 : 0) | (attr & BACKGROUND_BLUE ? 4 : 0);
    char *p = out;
    if ((attr & 0xff) == DEFAULT_ATTRIBUTE) {
        strcpy(out, "\033[0m");
        return;
    }
    memcpy(p, "\033[0;", 4);
    p += 4;
    p += format_int(p, (attr & FOREGROUND_INTENSITY ? 90 : 30) + fg);
    *p++ = ';';
    p += format_int(p, (attr & BACKGROUND_INTENSITY ? 100 : 40) + bg);
    if (attr & COMMON_LVB_UNDERSCORE) {
        memcpy(p, ";4", 2);
        p += 2;
    }
    *p++ = 'm';
    *p = 0;
}

/***********************************************************************
 *           SetConsoleTextAttribute   (kernelbase.@)
 */
BOOL WINAPI SetConsoleTextAttribute(HANDLE handle, WORD attr)
{
    char seq[32];
    attribute_sequence(attr, seq);
    if (!write_sequence(handle, seq))
        return FALSE;
    text_attribute = attr;
    return TRUE;
}

/***********************************************************************
 *           GetConsoleScreenBufferInfoEx   (kernelbase.@)
 *
 * The buffer is the terminal's window (no scroll-back rows): size, window and maximum size are
 * the terminal's size; the cursor is what the terminal reports.
 */
BOOL WINAPI GetConsoleScreenBufferInfoEx(HANDLE handle, CONSOLE_SCREEN_BUFFER_INFOEX *info)
{
    static const COLORREF table[16] = {
        0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080, 0x008080, 0xc0c0c0,
        0x808080, 0xff0000, 0x00ff00, 0xffff00, 0x0000ff, 0xff00ff, 0x00ffff, 0xffffff,
    };
    ULONG v[4];
    NTSTATUS status;
    if (!info || info->cbSize != sizeof(*info)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if ((status = __vinho_console_info(handle, v)))
        return set_ntstatus(status);
    info->dwSize.X = v[0];
    info->dwSize.Y = v[1];
    info->dwCursorPosition.X = v[2];
    info->dwCursorPosition.Y = v[3];
    info->wAttributes = text_attribute;
    info->srWindow.Left = info->srWindow.Top = 0;
    info->srWindow.Right = v[0] - 1;
    info->srWindow.Bottom = v[1] - 1;
    info->dwMaximumWindowSize = info->dwSize;
    info->wPopupAttributes = BACKGROUND_RED | BACKGROUND_BLUE | FOREGROUND_RED | FOREGROUND_GREEN |
                             FOREGROUND_BLUE | FOREGROUND_INTENSITY;
    info->bFullscreenSupported = FALSE;
    memcpy(info->ColorTable, table, sizeof(table));
    return TRUE;
}

/***********************************************************************
 *           GetConsoleScreenBufferInfo   (kernelbase.@)
 */
BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE handle, CONSOLE_SCREEN_BUFFER_INFO *info)
{
    CONSOLE_SCREEN_BUFFER_INFOEX ex = { sizeof(ex) };
    if (!GetConsoleScreenBufferInfoEx(handle, &ex))
        return FALSE;
    info->dwSize = ex.dwSize;
    info->dwCursorPosition = ex.dwCursorPosition;
    info->wAttributes = ex.wAttributes;
    info->srWindow = ex.srWindow;
    info->dwMaximumWindowSize = ex.dwMaximumWindowSize;
    return TRUE;
}

/***********************************************************************
 *           SetConsoleCursorPosition   (kernelbase.@)
 */
BOOL WINAPI SetConsoleCursorPosition(HANDLE handle, COORD pos)
{
    char seq[32], *p = seq;
    if (pos.X < 0 || pos.Y < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *p++ = '\033';
    *p++ = '[';
    p += format_int(p, pos.Y + 1);
    *p++ = ';';
    p += format_int(p, pos.X + 1);
    *p++ = 'H';
    *p = 0;
    return write_sequence(handle, seq);
}

/***********************************************************************
 *           FillConsoleOutputCharacterW   (kernelbase.@)
 *
 * Written at pos with the current attribute; the cursor stays where it was (save/restore).
 */
BOOL WINAPI FillConsoleOutputCharacterW(HANDLE handle, WCHAR ch, DWORD length, COORD pos, LPDWORD written)
{
    WCHAR *text;
    ULONG n = 0;
    NTSTATUS status;
    if (!written) {
        SetLastError(ERROR_INVALID_ACCESS);
        return FALSE;
    }
    if (!write_sequence(handle, "\0337") || !SetConsoleCursorPosition(handle, pos))
        return FALSE;
    if (!(text = HeapAlloc(GetProcessHeap(), 0, (length + 1) * sizeof(WCHAR)))) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    for (DWORD i = 0; i < length; i++)
        text[i] = ch;
    status = __vinho_console_write(handle, text, length, &n);
    HeapFree(GetProcessHeap(), 0, text);
    write_sequence(handle, "\0338");
    *written = status ? 0 : length;
    return set_ntstatus(status);
}

BOOL WINAPI FillConsoleOutputCharacterA(HANDLE handle, CHAR ch, DWORD length, COORD pos, LPDWORD written)
{
    WCHAR w = 0;
    MultiByteToWideChar(GetConsoleOutputCP(), 0, &ch, 1, &w, 1);
    return FillConsoleOutputCharacterW(handle, w, length, pos, written);
}

/***********************************************************************
 *           FillConsoleOutputAttribute   (kernelbase.@)
 *
 * A terminal cannot recolour cells without rewriting them. Cells written by
 * FillConsoleOutputCharacterW already carry the current attribute, so filling with that one is
 * done; any other attribute is not implemented (loudly).
 */
BOOL WINAPI FillConsoleOutputAttribute(HANDLE handle, WORD attr, DWORD length, COORD pos, LPDWORD written)
{
    DWORD mode;
    if (!written) {
        SetLastError(ERROR_INVALID_ACCESS);
        return FALSE;
    }
    if (!GetConsoleMode(handle, &mode))
        return FALSE;
    if (attr != text_attribute) {
        FIXME("recolouring cells (%#x, current %#x) is not implemented\n", attr, text_attribute);
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
        return FALSE;
    }
    *written = length;
    return TRUE;
}

/* The cursor as last set: a terminal cannot be asked, so this is what GetConsoleCursorInfo
 * reports; Windows' default is a visible cursor filling 25% of the cell. */
static CONSOLE_CURSOR_INFO cursor_info = { 25, TRUE };

/***********************************************************************
 *           SetConsoleCursorInfo   (kernelbase.@)
 */
BOOL WINAPI SetConsoleCursorInfo(HANDLE handle, const CONSOLE_CURSOR_INFO *info)
{
    if (!info || !info->dwSize || info->dwSize > 100) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!write_sequence(handle, info->bVisible ? "\033[?25h" : "\033[?25l"))
        return FALSE;
    cursor_info.dwSize = info->dwSize;
    cursor_info.bVisible = !!info->bVisible;
    return TRUE;
}

/***********************************************************************
 *           GetConsoleCursorInfo   (kernelbase.@)
 *
 * The size and visibility last set through SetConsoleCursorInfo (the terminal cannot be asked);
 * a handle that is no console fails with ERROR_INVALID_HANDLE.
 */
BOOL WINAPI GetConsoleCursorInfo(HANDLE handle, CONSOLE_CURSOR_INFO *info)
{
    DWORD mode;
    if (!GetConsoleMode(handle, &mode))
        return FALSE;
    if (!info) {
        SetLastError(ERROR_INVALID_ACCESS);
        return FALSE;
    }
    *info = cursor_info;
    return TRUE;
}

/* ---- title ---------------------------------------------------------------------------------- */

static WCHAR console_title[1024];

/***********************************************************************
 *           SetConsoleTitleW   (kernelbase.@)
 *
 * Kept for GetConsoleTitleW and shown through the xterm title sequence (OSC 0) on whichever of
 * the standard output and error is a terminal.
 */
BOOL WINAPI SetConsoleTitleW(LPCWSTR title)
{
    static const WCHAR start[] = { 0x1b, ']', '0', ';' }, end[] = { 0x07 };
    HANDLE out[2] = { GetStdHandle(STD_OUTPUT_HANDLE), GetStdHandle(STD_ERROR_HANDLE) };
    DWORD len = 0, mode;
    ULONG n;
    if (!title) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    while (title[len] && len < ARRAYSIZE(console_title) - 1)
        len++;
    memcpy(console_title, title, len * sizeof(WCHAR));
    console_title[len] = 0;
    for (int i = 0; i < 2; i++)
        if (GetConsoleMode(out[i], &mode)) {
            WCHAR buf[ARRAYSIZE(console_title) + 8];
            memcpy(buf, start, sizeof(start));
            for (DWORD j = 0; j < len; j++)     /* control characters would end the sequence */
                buf[4 + j] = title[j] < 0x20 ? ' ' : title[j];
            buf[4 + len] = end[0];
            __vinho_console_write(out[i], buf, len + 5, &n);
            break;
        }
    SetLastError(NO_ERROR);
    return TRUE;
}

BOOL WINAPI SetConsoleTitleA(LPCSTR title)
{
    WCHAR *w = title ? kb_strdup_AtoW(title) : NULL;
    BOOL ret;
    if (!w) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ret = SetConsoleTitleW(w);
    HeapFree(GetProcessHeap(), 0, w);
    return ret;
}

/***********************************************************************
 *           GetConsoleTitleW   (kernelbase.@)
 */
DWORD WINAPI GetConsoleTitleW(LPWSTR title, DWORD size)
{
    DWORD len = 0;
    if (!title || !size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    while (console_title[len])
        len++;
    if (len >= size)
        len = size - 1;
    memcpy(title, console_title, len * sizeof(WCHAR));
    title[len] = 0;
    return len;
}

/* ---- Ctrl-C --------------------------------------------------------------------------------- */

static PHANDLER_ROUTINE ctrl_handlers[64];
static int ctrl_handler_count;
static BOOL ctrl_c_ignored;

/* The start of the thread a Ctrl-C event gets (ntcalls/console.c starts it on SIGINT): runs the
 * handlers, last registered first; if none handles the event, the default handler ends the
 * process with STATUS_CONTROL_C_EXIT. */
static DWORD WINAPI ctrl_dispatch(void *param)
{
    DWORD event = (DWORD)(ULONG_PTR)param;
    if (event == CTRL_C_EVENT && ctrl_c_ignored)
        return 0;
    for (int i = ctrl_handler_count - 1; i >= 0; i--)
        if (ctrl_handlers[i](event))
            return 0;
    ExitProcess(STATUS_CONTROL_C_EXIT);
}

/***********************************************************************
 *           SetConsoleCtrlHandler   (kernelbase.@)
 */
BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE handler, BOOL add)
{
    if (!handler) {
        ctrl_c_ignored = add;
    } else if (add) {
        if (ctrl_handler_count == ARRAYSIZE(ctrl_handlers)) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return FALSE;
        }
        ctrl_handlers[ctrl_handler_count++] = handler;
    } else {
        int i = ctrl_handler_count - 1;
        while (i >= 0 && ctrl_handlers[i] != handler)
            i--;
        if (i < 0) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        memmove(ctrl_handlers + i, ctrl_handlers + i + 1, (ctrl_handler_count - i - 1) * sizeof(*ctrl_handlers));
        ctrl_handler_count--;
    }
    return set_ntstatus(__vinho_console_ctrl(ctrl_handler_count || ctrl_c_ignored ? (void *)ctrl_dispatch : NULL));
}

/* ---- key events ----------------------------------------------------------------------------- */

#define INPUT_PEEK 1
#define INPUT_NO_WAIT 2
#define INPUT_FLUSH 4

BOOL WINAPI ReadConsoleInputW(HANDLE handle, PINPUT_RECORD records, DWORD count, LPDWORD read)
{
    ULONG n = 0;
    NTSTATUS status = __vinho_console_input(handle, records, count, &n, 0);
    if (read)
        *read = status ? 0 : n;
    return set_ntstatus(status);
}

BOOL WINAPI PeekConsoleInputW(HANDLE handle, PINPUT_RECORD records, DWORD count, LPDWORD read)
{
    ULONG n = 0;
    NTSTATUS status = __vinho_console_input(handle, records, count, &n, INPUT_PEEK | INPUT_NO_WAIT);
    if (read)
        *read = status ? 0 : n;
    return set_ntstatus(status);
}

/* The A forms: key events carry one character; above 0x7f it goes through the console code page. */
static void records_WtoA(PINPUT_RECORD records, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        if (records[i].EventType == KEY_EVENT) {
            WCHAR w = records[i].Event.KeyEvent.uChar.UnicodeChar;
            char a = 0;
            if (w < 0x80)
                a = (char)w;
            else
                WideCharToMultiByte(GetConsoleCP(), 0, &w, 1, &a, 1, NULL, NULL);
            records[i].Event.KeyEvent.uChar.UnicodeChar = 0;
            records[i].Event.KeyEvent.uChar.AsciiChar = a;
        }
}

BOOL WINAPI ReadConsoleInputA(HANDLE handle, PINPUT_RECORD records, DWORD count, LPDWORD read)
{
    DWORD n = 0;
    BOOL ret = ReadConsoleInputW(handle, records, count, &n);
    if (ret)
        records_WtoA(records, n);
    if (read)
        *read = n;
    return ret;
}

BOOL WINAPI PeekConsoleInputA(HANDLE handle, PINPUT_RECORD records, DWORD count, LPDWORD read)
{
    DWORD n = 0;
    BOOL ret = PeekConsoleInputW(handle, records, count, &n);
    if (ret)
        records_WtoA(records, n);
    if (read)
        *read = n;
    return ret;
}

BOOL WINAPI GetNumberOfConsoleInputEvents(HANDLE handle, LPDWORD count)
{
    ULONG n = 0;
    NTSTATUS status;
    if (!count) {
        SetLastError(ERROR_INVALID_ACCESS);
        return FALSE;
    }
    status = __vinho_console_input(handle, NULL, 0, &n, INPUT_PEEK | INPUT_NO_WAIT);
    if (!status)
        *count = n;
    return set_ntstatus(status);
}

BOOL WINAPI FlushConsoleInputBuffer(HANDLE handle)
{
    return set_ntstatus(__vinho_console_input(handle, NULL, 0, NULL, INPUT_FLUSH));
}

/* ---- file API code page --------------------------------------------------------------------- */

static BOOL file_apis_oem;

/***********************************************************************
 *           SetFileApisToOEM   (kernelbase.@)
 *
 * Makes the A file functions use the OEM code page (kb_file_cp()).
 */
void WINAPI SetFileApisToOEM(void)
{
    file_apis_oem = TRUE;
}

void WINAPI SetFileApisToANSI(void)
{
    file_apis_oem = FALSE;
}

BOOL WINAPI AreFileApisANSI(void)
{
    return !file_apis_oem;
}

UINT kb_file_cp(void)
{
    return file_apis_oem ? CP_OEMCP : CP_ACP;
}
