/* case.c: the character functions of user32: case mapping, classification, walking strings. */
#include "vinho/pe_side.h"

DEFAULT_DEBUG_CHANNEL(user);

/* ntdll exports that winternl.h does not declare. */
WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR ch);
WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR ch);

/* Simple (1:1) case mapping of one character, by ntdll's tables. */
static WCHAR to_upper_w(WCHAR ch)
{
    return RtlUpcaseUnicodeChar(ch);
}

static WCHAR to_lower_w(WCHAR ch)
{
    return RtlDowncaseUnicodeChar(ch);
}

static DWORD map_buff_w(WCHAR *str, DWORD len, WCHAR (*map)(WCHAR))
{
    for (DWORD i = 0; i < len; i++)
        str[i] = map(str[i]);
    return len;
}

/* One byte of the ANSI code page through a WCHAR mapping; DBCS lead bytes are left to the
 * caller, and a character whose mapping has no single-byte form stays as it is. */
static char map_char_a(char ch, WCHAR (*map)(WCHAR))
{
    WCHAR w, mapped;
    char out[2];
    BOOL used_default = FALSE;
    if (MultiByteToWideChar(CP_ACP, 0, &ch, 1, &w, 1) != 1)
        return ch;
    mapped = map(w);
    if (mapped == w)
        return ch;
    if (WideCharToMultiByte(CP_ACP, 0, &mapped, 1, out, sizeof(out), NULL, &used_default) != 1
            || used_default)
        return ch;
    return out[0];
}

static DWORD map_buff_a(char *str, DWORD len, WCHAR (*map)(WCHAR))
{
    for (DWORD i = 0; i < len; i++) {
        if (IsDBCSLeadByte((BYTE)str[i]) && i + 1 < len) {
            i++;    /* a double-byte character: no case in the DBCS code pages we know */
            continue;
        }
        str[i] = map_char_a(str[i], map);
    }
    return len;
}

static DWORD strlen_w(const WCHAR *str)
{
    DWORD n = 0;
    while (str[n])
        n++;
    return n;
}

/***********************************************************************
 *           CharUpperW   (user32.@)
 *
 * A pointer whose high word is zero is a single character to map (and return); anything else is
 * a string, mapped in place.
 */
LPWSTR WINAPI CharUpperW(LPWSTR str)
{
    if (!HIWORD((ULONG_PTR)str))
        return (LPWSTR)(ULONG_PTR)to_upper_w(LOWORD((ULONG_PTR)str));
    map_buff_w(str, strlen_w(str), to_upper_w);
    return str;
}

LPWSTR WINAPI CharLowerW(LPWSTR str)
{
    if (!HIWORD((ULONG_PTR)str))
        return (LPWSTR)(ULONG_PTR)to_lower_w(LOWORD((ULONG_PTR)str));
    map_buff_w(str, strlen_w(str), to_lower_w);
    return str;
}

LPSTR WINAPI CharUpperA(LPSTR str)
{
    if (!HIWORD((ULONG_PTR)str))
        return (LPSTR)(ULONG_PTR)(BYTE)map_char_a((char)LOWORD((ULONG_PTR)str), to_upper_w);
    map_buff_a(str, lstrlenA(str), to_upper_w);
    return str;
}

LPSTR WINAPI CharLowerA(LPSTR str)
{
    if (!HIWORD((ULONG_PTR)str))
        return (LPSTR)(ULONG_PTR)(BYTE)map_char_a((char)LOWORD((ULONG_PTR)str), to_lower_w);
    map_buff_a(str, lstrlenA(str), to_lower_w);
    return str;
}

/***********************************************************************
 *           CharUpperBuffW   (user32.@)
 *
 * Maps len characters in place (NULs included) and returns len.
 */
DWORD WINAPI CharUpperBuffW(LPWSTR str, DWORD len)
{
    return str ? map_buff_w(str, len, to_upper_w) : 0;
}

DWORD WINAPI CharLowerBuffW(LPWSTR str, DWORD len)
{
    return str ? map_buff_w(str, len, to_lower_w) : 0;
}

DWORD WINAPI CharUpperBuffA(LPSTR str, DWORD len)
{
    return str ? map_buff_a(str, len, to_upper_w) : 0;
}

DWORD WINAPI CharLowerBuffA(LPSTR str, DWORD len)
{
    return str ? map_buff_a(str, len, to_lower_w) : 0;
}

/***********************************************************************
 *           CharNextW   (user32.@)
 *
 * The next character, or the terminating NUL itself when str is at it.
 */
LPWSTR WINAPI CharNextW(LPCWSTR str)
{
    return (LPWSTR)(*str ? str + 1 : str);
}

LPWSTR WINAPI CharPrevW(LPCWSTR start, LPCWSTR str)
{
    return (LPWSTR)(str > start ? str - 1 : start);
}

/***********************************************************************
 *           CharNextExA   (user32.@)
 *
 * A lead byte of codepage followed by a non-NUL trail byte is one character of two bytes.
 */
LPSTR WINAPI CharNextExA(WORD codepage, LPCSTR str, DWORD flags)
{
    if (!str || !*str)
        return (LPSTR)str;
    if (IsDBCSLeadByteEx(codepage, (BYTE)str[0]) && str[1])
        return (LPSTR)str + 2;
    return (LPSTR)str + 1;
}

LPSTR WINAPI CharNextA(LPCSTR str)
{
    return CharNextExA(CP_ACP, str, 0);
}

/***********************************************************************
 *           CharPrevExA   (user32.@)
 *
 * Walks from start, character by character, to the last character that begins before str; start
 * itself when str is at or before it. DBCS needs the walk: a trail byte can look like a lead byte.
 */
LPSTR WINAPI CharPrevExA(WORD codepage, LPCSTR start, LPCSTR str, DWORD flags)
{
    LPCSTR prev = start;
    if (!start || !str || str <= start)
        return (LPSTR)start;
    while (start < str) {
        LPCSTR next = CharNextExA(codepage, start, flags);
        if (next == start || next > str)
            break;
        prev = start;
        start = next;
    }
    return (LPSTR)prev;
}

LPSTR WINAPI CharPrevA(LPCSTR start, LPCSTR str)
{
    return CharPrevExA(CP_ACP, start, str, 0);
}

/* Letters of the scripts that have no case, by block: until kernelbase's GetStringTypeW exists
 * (the console work), classification is "has a case mapping, or lies in one of these ranges". */
static const struct { WCHAR first, last; } caseless_letters[] = {
    { 0x00aa, 0x00aa }, { 0x00ba, 0x00ba }, { 0x00df, 0x00df }, { 0x01bb, 0x01bb },
    { 0x05d0, 0x05ea }, { 0x0620, 0x064a }, { 0x0671, 0x06d3 }, { 0x0904, 0x0939 },
    { 0x0e01, 0x0e30 }, { 0x3041, 0x3096 }, { 0x30a1, 0x30fa }, { 0x3105, 0x312f },
    { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
};

static BOOL is_lower_w(WCHAR ch)
{
    return to_upper_w(ch) != ch || ch == 0x00df || ch == 0x00aa || ch == 0x00ba;
}

static BOOL is_upper_w(WCHAR ch)
{
    return to_lower_w(ch) != ch;
}

static BOOL is_alpha_w(WCHAR ch)
{
    if (is_lower_w(ch) || is_upper_w(ch))
        return TRUE;
    for (unsigned i = 0; i < sizeof(caseless_letters) / sizeof(caseless_letters[0]); i++)
        if (ch >= caseless_letters[i].first && ch <= caseless_letters[i].last)
            return TRUE;
    return FALSE;
}

static BOOL is_digit_w(WCHAR ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 0x0660 && ch <= 0x0669) || (ch >= 0xff10 && ch <= 0xff19);
}

/***********************************************************************
 *           IsCharAlphaW   (user32.@)
 */
BOOL WINAPI IsCharAlphaW(WCHAR ch)
{
    return is_alpha_w(ch);
}

BOOL WINAPI IsCharAlphaNumericW(WCHAR ch)
{
    return is_alpha_w(ch) || is_digit_w(ch);
}

BOOL WINAPI IsCharUpperW(WCHAR ch)
{
    return is_upper_w(ch);
}

BOOL WINAPI IsCharLowerW(WCHAR ch)
{
    return is_lower_w(ch);
}

/* The A classifications look at the character's WCHAR in the ANSI code page. */
static WCHAR char_a_to_w(CHAR ch)
{
    WCHAR w = 0;
    MultiByteToWideChar(CP_ACP, 0, &ch, 1, &w, 1);
    return w;
}

BOOL WINAPI IsCharAlphaA(CHAR ch)
{
    return is_alpha_w(char_a_to_w(ch));
}

BOOL WINAPI IsCharAlphaNumericA(CHAR ch)
{
    WCHAR w = char_a_to_w(ch);
    return is_alpha_w(w) || is_digit_w(w);
}

BOOL WINAPI IsCharUpperA(CHAR ch)
{
    return is_upper_w(char_a_to_w(ch));
}

BOOL WINAPI IsCharLowerA(CHAR ch)
{
    return is_lower_w(char_a_to_w(ch));
}
