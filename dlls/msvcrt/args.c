/* args.c: the command line: _acmdln/_wcmdln, argv parsing (Microsoft's documented rules),
 * __getmainargs/__wgetmainargs and the __p__* accessors of the start-up data. */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(msvcrt);

/* Exported data. */
char *_acmdln;
wchar_t *_wcmdln;
int __argc;
char **__argv;
wchar_t **__wargv;
char **__initenv;
wchar_t **__winitenv;
char *_pgmptr;
wchar_t *_wpgmptr;
int _fmode;             /* default translation mode of _open/fopen: 0 (text) or _O_BINARY */
int _commode;           /* default "commit" mode of fopen (0 or IO_COMMIT) */

/* A command line read as narrow bytes or wide chars, and a parse target of the same width.
 * One parser serves both; in the narrow case chars are bytes (space, tab, quote and backslash
 * are single bytes in every ANSI code page we support; see docs/msvcrt.md for DBCS). */
struct cmdline_parse {
    const void *cmd;
    bool wide;
    size_t pos;         /* next char of cmd */
    void **argv;        /* NULL on the counting pass */
    void *chars;        /* where argument text goes (NULL on the counting pass) */
    size_t argc, nchars;
};

static unsigned cmd_peek(const struct cmdline_parse *p, size_t ahead)
{
    size_t i = p->pos + ahead;
    return p->wide ? ((const wchar_t *)p->cmd)[i] : ((const unsigned char *)p->cmd)[i];
}

static void out_char(struct cmdline_parse *p, unsigned c)
{
    if (p->chars) {
        if (p->wide)
            ((wchar_t *)p->chars)[p->nchars] = c;
        else
            ((char *)p->chars)[p->nchars] = c;
    }
    p->nchars++;
}

static void begin_arg(struct cmdline_parse *p)
{
    if (p->argv)
        p->argv[p->argc] = p->wide ? (void *)((wchar_t *)p->chars + p->nchars)
                                   : (void *)((char *)p->chars + p->nchars);
    p->argc++;
}

/* argv[0], the program name: quotes only group (they are dropped); no backslash escapes,
 * since a file name cannot contain a quote. It ends at a space or tab outside quotes. */
static void parse_program_name(struct cmdline_parse *p)
{
    bool quoted = false;
    unsigned c;

    begin_arg(p);
    while ((c = cmd_peek(p, 0))) {
        p->pos++;
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == ' ' || c == '\t'))
            break;
        else
            out_char(p, c);
    }
    out_char(p, 0);
}

/* n backslashes at the cursor: before a quote, n/2 of them remain and an odd one escapes the
 * quote; elsewhere all of them are literal. */
static void parse_backslashes(struct cmdline_parse *p)
{
    size_t n = 0;

    while (cmd_peek(p, n) == '\\')
        n++;
    if (cmd_peek(p, n) != '"') {
        for (size_t i = 0; i < n; i++)
            out_char(p, '\\');
        p->pos += n;
        return;
    }
    for (size_t i = 0; i < n / 2; i++)
        out_char(p, '\\');
    p->pos += n;
    if (n % 2) {
        out_char(p, '"');
        p->pos++;
    }
}

/* One argument after argv[0]. A quote toggles quoting; msvcrt.dll's rule for "" inside
 * quotes (the pre-2008 CRT rule): a literal quote, and the quoted part ends. */
static void parse_argument(struct cmdline_parse *p)
{
    bool quoted = false;
    unsigned c;

    begin_arg(p);
    while ((c = cmd_peek(p, 0))) {
        if (!quoted && (c == ' ' || c == '\t'))
            break;
        if (c == '\\') {
            parse_backslashes(p);
        } else if (c == '"') {
            if (quoted && cmd_peek(p, 1) == '"') {
                out_char(p, '"');
                p->pos += 2;
                quoted = false;
            } else {
                quoted = !quoted;
                p->pos++;
            }
        } else {
            out_char(p, c);
            p->pos++;
        }
    }
    out_char(p, 0);
}

static void parse_cmdline(struct cmdline_parse *p)
{
    p->pos = p->argc = p->nchars = 0;
    parse_program_name(p);
    for (;;) {
        unsigned c;
        while ((c = cmd_peek(p, 0)) == ' ' || c == '\t')
            p->pos++;
        if (!c)
            break;
        parse_argument(p);
    }
    if (p->argv)
        p->argv[p->argc] = NULL;
}

/* argv for cmd in one malloc'd block (pointers, then the text). */
static void **build_argv(const void *cmd, bool wide, int *argc)
{
    struct cmdline_parse p = { .cmd = cmd, .wide = wide };
    size_t width = wide ? sizeof(wchar_t) : 1, size;
    void **argv;

    parse_cmdline(&p);
    size = (p.argc + 1) * sizeof(void *) + p.nchars * width;
    if (!(argv = malloc(size)))
        return NULL;
    p.argv = argv;
    p.chars = argv + p.argc + 1;
    parse_cmdline(&p);
    *argc = p.argc;
    return argv;
}

static wchar_t *wcsdup_heap(const wchar_t *s)
{
    size_t size = (wcslen(s) + 1) * sizeof(wchar_t);
    wchar_t *copy = HeapAlloc(GetProcessHeap(), 0, size);

    if (copy)
        memcpy(copy, s, size);
    return copy;
}

/* At DLL attach: the command lines and the program path. */
bool msvcrt_init_args(void)
{
    static char path_a[MAX_PATH];
    static wchar_t path_w[MAX_PATH];

    _acmdln = msvcrt_strdup_heap(GetCommandLineA());
    _wcmdln = wcsdup_heap(GetCommandLineW());
    if (GetModuleFileNameA(NULL, path_a, MAX_PATH))
        _pgmptr = path_a;
    if (GetModuleFileNameW(NULL, path_w, MAX_PATH))
        _wpgmptr = path_w;
    TRACE("command line %s\n", debugstr_a(_acmdln));
    return _acmdln && _wcmdln;
}

static void apply_startup_info(int expand_wildcards, _startupinfo *info)
{
    if (expand_wildcards)
        FIXME_ONCE("wildcard expansion of arguments is not supported yet\n");
    if (info)
        _set_new_mode(info->newmode);
}

/*********************************************************************
 *      __getmainargs (MSVCRT.@)
 *
 * Returns 0, or -1 when out of memory.
 */
int __cdecl __getmainargs(int *argc, char ***argv, char ***envp, int expand_wildcards,
                          _startupinfo *info)
{
    TRACE("(%p, %p, %p, %d, %p)\n", argc, argv, envp, expand_wildcards, info);
    apply_startup_info(expand_wildcards, info);
    if (!__argv && !(__argv = (char **)build_argv(_acmdln ? _acmdln : "", false, &__argc)))
        return -1;
    if (!_environ && !msvcrt_init_environ())
        return -1;
    __initenv = _environ;
    *argc = __argc;
    *argv = __argv;
    *envp = _environ;
    return 0;
}

/*********************************************************************
 *      __wgetmainargs (MSVCRT.@)
 */
int __cdecl __wgetmainargs(int *argc, wchar_t ***wargv, wchar_t ***wenvp, int expand_wildcards,
                           _startupinfo *info)
{
    TRACE("(%p, %p, %p, %d, %p)\n", argc, wargv, wenvp, expand_wildcards, info);
    apply_startup_info(expand_wildcards, info);
    if (!__wargv && !(__wargv = (wchar_t **)build_argv(_wcmdln ? _wcmdln : L"", true, &__argc)))
        return -1;
    if (!_wenviron && !msvcrt_init_wenviron())
        return -1;
    __winitenv = _wenviron;
    *argc = __argc;
    *wargv = __wargv;
    *wenvp = _wenviron;
    return 0;
}

/* The __p__* accessors: addresses of the exported data. */
int *__cdecl __p___argc(void) { return &__argc; }
char ***__cdecl __p___argv(void) { return &__argv; }
wchar_t ***__cdecl __p___wargv(void) { return &__wargv; }
char **__cdecl __p__acmdln(void) { return &_acmdln; }
wchar_t **__cdecl __p__wcmdln(void) { return &_wcmdln; }
char ***__cdecl __p__environ(void) { return &_environ; }
wchar_t ***__cdecl __p__wenviron(void) { return &_wenviron; }
char ***__cdecl __p___initenv(void) { return &__initenv; }
wchar_t ***__cdecl __p___winitenv(void) { return &__winitenv; }
int *__cdecl __p__fmode(void) { return &_fmode; }
int *__cdecl __p__commode(void) { return &_commode; }
char **__cdecl __p__pgmptr(void) { return &_pgmptr; }
wchar_t **__cdecl __p__wpgmptr(void) { return &_wpgmptr; }
