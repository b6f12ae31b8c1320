/* ctype.c: character classification and case mapping in the "C" locale (msvcrt's table and
 * flag bits: _UPPER, _LOWER, _DIGIT, _SPACE, _PUNCT, _CONTROL, _BLANK, _HEX, and 0x100 for
 * letters, which with _UPPER/_LOWER makes _ALPHA). Bytes 0x80..0xff have no class. */
#include "msvcrt.h"

#define CT_ALPHA_BIT 0x0100
#define CT_UP_HEX (_UPPER | _HEX | CT_ALPHA_BIT)
#define CT_UP (_UPPER | CT_ALPHA_BIT)
#define CT_LO_HEX (_LOWER | _HEX | CT_ALPHA_BIT)
#define CT_LO (_LOWER | CT_ALPHA_BIT)

/* Exported as _ctype: entry 0 is EOF (-1), entry c + 1 is char c. */
unsigned short _ctype[257] = {
    [1 + 0x00 ... 1 + 0x08] = _CONTROL,
    [1 + '\t'] = _CONTROL | _SPACE | _BLANK,
    [1 + '\n' ... 1 + '\r'] = _CONTROL | _SPACE,
    [1 + 0x0e ... 1 + 0x1f] = _CONTROL,
    [1 + ' '] = _SPACE | _BLANK,
    [1 + '!' ... 1 + '/'] = _PUNCT,
    [1 + '0' ... 1 + '9'] = _DIGIT | _HEX,
    [1 + ':' ... 1 + '@'] = _PUNCT,
    [1 + 'A' ... 1 + 'F'] = CT_UP_HEX,
    [1 + 'G' ... 1 + 'Z'] = CT_UP,
    [1 + '[' ... 1 + '`'] = _PUNCT,
    [1 + 'a' ... 1 + 'f'] = CT_LO_HEX,
    [1 + 'g' ... 1 + 'z'] = CT_LO,
    [1 + '{' ... 1 + '~'] = _PUNCT,
    [1 + 0x7f] = _CONTROL,
};

/* Exported as data: programs built with older headers index _pctype[c] and _pwctype[c]. */
unsigned short *_pctype = _ctype + 1;
unsigned short *_pwctype = _ctype + 1;
int __mb_cur_max = 1;

/*********************************************************************
 *      __pctype_func (MSVCRT.@)
 */
unsigned short *__cdecl __pctype_func(void)
{
    return _pctype;
}

/*********************************************************************
 *      __pwctype_func (MSVCRT.@)
 */
unsigned short *__cdecl __pwctype_func(void)
{
    return _pwctype;
}

/* The class bits of c; values outside EOF..255 have none. */
static int char_class(int c, int mask)
{
    return c >= -1 && c <= 255 ? _ctype[c + 1] & mask : 0;
}

/*********************************************************************
 *      _isctype (MSVCRT.@)
 */
int __cdecl _isctype(int c, int mask)
{
    return char_class(c, mask);
}

int __cdecl isalpha(int c) { return char_class(c, _ALPHA); }
int __cdecl isupper(int c) { return char_class(c, _UPPER); }
int __cdecl islower(int c) { return char_class(c, _LOWER); }
int __cdecl isdigit(int c) { return char_class(c, _DIGIT); }
int __cdecl isxdigit(int c) { return char_class(c, _HEX); }
int __cdecl isspace(int c) { return char_class(c, _SPACE); }
int __cdecl ispunct(int c) { return char_class(c, _PUNCT); }
int __cdecl isalnum(int c) { return char_class(c, _ALPHA | _DIGIT); }
/* Documented as 0x20..0x7e in the "C" locale: space counts, tab (also _BLANK) does not. */
int __cdecl isprint(int c) { return c == ' ' || char_class(c, _PUNCT | _ALPHA | _DIGIT); }
int __cdecl isgraph(int c) { return char_class(c, _PUNCT | _ALPHA | _DIGIT); }
int __cdecl iscntrl(int c) { return char_class(c, _CONTROL); }
int __cdecl __isascii(int c) { return (unsigned)c < 0x80; }
int __cdecl __toascii(int c) { return c & 0x7f; }
int __cdecl __iscsym(int c) { return c == '_' || char_class(c, _ALPHA | _DIGIT); }
int __cdecl __iscsymf(int c) { return c == '_' || char_class(c, _ALPHA); }

/*********************************************************************
 *      tolower (MSVCRT.@)
 */
int __cdecl tolower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/*********************************************************************
 *      toupper (MSVCRT.@)
 */
int __cdecl toupper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* _tolower/_toupper: the unchecked macros' functions (caller guarantees the case). */
int __cdecl _tolower(int c) { return c - 'A' + 'a'; }
int __cdecl _toupper(int c) { return c - 'a' + 'A'; }

/* Wide classification: the "C" table below 256; other characters are not classified yet. */
static int wchar_class(wint_t c, int mask)
{
    if (c < 256)
        return _ctype[c + 1] & mask;
    return 0;
}

int __cdecl iswalpha(wint_t c) { return wchar_class(c, _ALPHA); }
int __cdecl iswupper(wint_t c) { return wchar_class(c, _UPPER); }
int __cdecl iswlower(wint_t c) { return wchar_class(c, _LOWER); }
int __cdecl iswdigit(wint_t c) { return wchar_class(c, _DIGIT); }
int __cdecl iswxdigit(wint_t c) { return wchar_class(c, _HEX); }
int __cdecl iswspace(wint_t c) { return wchar_class(c, _SPACE); }
int __cdecl iswpunct(wint_t c) { return wchar_class(c, _PUNCT); }
int __cdecl iswalnum(wint_t c) { return wchar_class(c, _ALPHA | _DIGIT); }
int __cdecl iswprint(wint_t c) { return c == ' ' || wchar_class(c, _PUNCT | _ALPHA | _DIGIT); }
int __cdecl iswgraph(wint_t c) { return wchar_class(c, _PUNCT | _ALPHA | _DIGIT); }
int __cdecl iswcntrl(wint_t c) { return wchar_class(c, _CONTROL); }
int __cdecl iswctype(wint_t c, wctype_t mask) { return wchar_class(c, mask); }

wint_t __cdecl towlower(wint_t c)
{
    return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

wint_t __cdecl towupper(wint_t c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}
