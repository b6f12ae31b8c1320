/* process.c: starting programs: _spawn* / _wspawn*, _exec* / _wexec*, _cwait, system / _wsystem
 * and _popen / _wpopen / _pclose, all through CreateProcessW.
 *
 * Behaviour from Microsoft's "_spawn, _wspawn Functions", "_exec, _wexec Functions", "system,
 * _wsystem", "_popen, _wpopen" and "_cwait" pages:
 * - The command line is the arguments joined by single spaces, without any quoting: "Spaces
 *   embedded in strings may cause unexpected behavior; for example, passing _spawn the string
 *   "hi there" will result in the new process getting two arguments" (_spawn page).
 * - A name without an extension is tried with .com, .exe, .bat, .cmd (in that order); vinho
 *   then tries it as it is, so that a Linux program (no extension) can be started. The "p"
 *   forms search the current folder, then the PATH entries, for a name with no folder.
 * - _P_WAIT returns the exit code; _P_NOWAIT / _P_NOWAITO the process handle (for _cwait);
 *   _P_DETACH 0; _P_OVERLAY (every _exec) starts the program and ends this process with
 *   _exit(0), without flushing streams (the pages say to flush first).
 * - system and _popen run "%COMSPEC% /c command" (cmd.exe found on the PATH when COMSPEC is not
 *   set). When there is no cmd.exe at all, vinho runs the command with /bin/sh -c (a vinho
 *   decision, docs/crt.md): the command line is then POSIX shell syntax.
 * - The child's standard handles are the handles of fds 0, 1 and 2 (the CRT also passes its
 *   fd table through STARTUPINFO.lpReserved2; vinho's CreateProcess does not carry it yet). */
#include "msvcrt.h"

DEFAULT_DEBUG_CHANNEL(process);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- building blocks ---- */

/* The program a name means: with an extension, itself; else name.com/.exe/.bat/.cmd, then the
 * bare name. search: look in the current folder and the PATH when the name has no folder. */
static wchar_t *find_program(const wchar_t *name, bool search)
{
    static const wchar_t *exts[] = { L".com", L".exe", L".bat", L".cmd", L"" };
    const wchar_t *base = name, *p;
    wchar_t *dirs = NULL, *found = NULL;
    bool has_ext;
    DWORD n;

    for (p = name; *p; p++)
        if (*p == L'\\' || *p == L'/' || *p == L':')
            base = p + 1;
    has_ext = wcschr(base, L'.') != NULL;
    if (search && base == name) {
        DWORD len = GetEnvironmentVariableW(L"PATH", NULL, 0);
        if ((dirs = malloc((len + 3) * sizeof(wchar_t)))) {
            wcscpy(dirs, L".;");
            if (!len || !GetEnvironmentVariableW(L"PATH", dirs + 2, len + 1))
                dirs[1] = 0;
        }
    }
    for (size_t i = has_ext ? 4 : 0; i < 5 && !found; i++) {
        wchar_t buf[MAX_PATH];
        if (!dirs) {
            if (wcslen(name) + wcslen(exts[i]) >= MAX_PATH)
                break;
            wcscpy(buf, name);
            wcscat(buf, exts[i]);
            n = GetFileAttributesW(buf);
            if (n != INVALID_FILE_ATTRIBUTES && !(n & FILE_ATTRIBUTE_DIRECTORY))
                found = _wcsdup(buf);
        } else if ((n = SearchPathW(dirs, name, *exts[i] ? exts[i] : NULL, MAX_PATH, buf, NULL)) &&
                   n < MAX_PATH && !(GetFileAttributesW(buf) & FILE_ATTRIBUTE_DIRECTORY)) {
            found = _wcsdup(buf);
        }
    }
    free(dirs);
    TRACE("%s -> %s\n", debugstr_w(name), debugstr_w(found));
    return found;
}

/* The arguments joined by spaces (no quoting: the CRT's rule). */
static wchar_t *join_args(const wchar_t *const *argv)
{
    size_t len = 1;
    wchar_t *cmd;

    for (size_t i = 0; argv[i]; i++)
        len += wcslen(argv[i]) + 1;
    if (!(cmd = malloc(len * sizeof(wchar_t))))
        return NULL;
    cmd[0] = 0;
    for (size_t i = 0; argv[i]; i++) {
        if (i)
            wcscat(cmd, L" ");
        wcscat(cmd, argv[i]);
    }
    return cmd;
}

/* envp as a CreateProcess environment block; NULL envp: NULL (the child gets ours). */
static wchar_t *env_block(const wchar_t *const *envp, bool *failed)
{
    size_t len = 2, pos = 0;
    wchar_t *block;

    *failed = false;
    if (!envp)
        return NULL;
    for (size_t i = 0; envp[i]; i++)
        len += wcslen(envp[i]) + 1;
    if (!(block = malloc(len * sizeof(wchar_t)))) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; envp[i]; i++) {
        wcscpy(block + pos, envp[i]);
        pos += wcslen(envp[i]) + 1;
    }
    block[pos++] = 0;
    if (pos == 1)
        block[pos] = 0;
    return block;
}

static HANDLE fd_handle(int fd)
{
    return (HANDLE)_get_osfhandle(fd);
}

/* Starts app with cmd; std[] are the child's standard handles. The process handle, or NULL
 * with errno set. */
static HANDLE start_process(const wchar_t *app, wchar_t *cmd, const wchar_t *env,
                            const HANDLE std[3], DWORD flags)
{
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;

    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = std[0];
    si.hStdOutput = std[1];
    si.hStdError = std[2];
    if (env)
        flags |= CREATE_UNICODE_ENVIRONMENT;
    TRACE("app %s cmd %s\n", debugstr_w(app), debugstr_w(cmd));
    if (!CreateProcessW(app, cmd, NULL, NULL, TRUE, flags, (void *)env, NULL, &si, &pi)) {
        msvcrt_dosmaperr(GetLastError());
        return NULL;
    }
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

/* What a started process becomes for mode: the exit code, the handle, 0, or this process ends. */
static intptr_t finish_spawn(int mode, HANDLE process)
{
    DWORD code = 0;

    switch (mode) {
    case _P_WAIT:
        WaitForSingleObject(process, INFINITE);
        GetExitCodeProcess(process, &code);
        CloseHandle(process);
        return (int)code;
    case _P_DETACH:
        CloseHandle(process);
        return 0;
    case _P_OVERLAY:
        _exit(0);
    default:
        return (intptr_t)process;
    }
}

/* The core of every _spawn/_exec: name, argv and envp wide; search for the "p" forms. */
static intptr_t spawn_w(int mode, const wchar_t *name, const wchar_t *const *argv,
                        const wchar_t *const *envp, bool search)
{
    HANDLE std[3] = { fd_handle(0), fd_handle(1), fd_handle(2) }, process;
    wchar_t *app, *cmd, *env;
    bool env_failed;

    CRT_CHECK(!crt_null(name) && *name && !crt_null(argv) && argv[0] && *argv[0], EINVAL, -1);
    if (mode != _P_WAIT && mode != _P_NOWAIT && mode != _P_NOWAITO && mode != _P_OVERLAY &&
        mode != _P_DETACH) {
        errno = EINVAL;
        return -1;
    }
    if (!(app = find_program(name, search))) {
        errno = ENOENT;
        *__doserrno() = ERROR_FILE_NOT_FOUND;
        return -1;
    }
    cmd = join_args(argv);
    env = env_block(envp, &env_failed);
    if (!cmd || env_failed) {
        errno = ENOMEM;
        process = NULL;
    } else {
        process = start_process(app, cmd, env, std, mode == _P_DETACH ? DETACHED_PROCESS : 0);
    }
    free(app);
    free(cmd);
    free(env);
    return process ? finish_spawn(mode, process) : -1;
}

/* ---- narrow to wide ---- */

static void free_vector(wchar_t **v)
{
    if (v)
        for (size_t i = 0; v[i]; i++)
            free(v[i]);
    free(v);
}

/* A NULL-terminated narrow vector as a wide one; NULL stays NULL (*failed tells errors). */
static wchar_t **widen_vector(const char *const *v, bool *failed)
{
    size_t n = 0;
    wchar_t **w;

    *failed = false;
    if (!v)
        return NULL;
    while (v[n])
        n++;
    if (!(w = calloc(n + 1, sizeof(*w)))) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (!(w[i] = msvcrt_to_wide(v[i]))) {
            free_vector(w);
            *failed = true;
            return NULL;
        }
    return w;
}

static intptr_t spawn_a(int mode, const char *name, const char *const *argv,
                        const char *const *envp, bool search)
{
    wchar_t *wname, **wargv, **wenvp;
    bool f1, f2;
    intptr_t ret;

    CRT_CHECK(!crt_null(name) && *name && !crt_null(argv) && argv[0] && *argv[0], EINVAL, -1);
    wname = msvcrt_to_wide(name);
    wargv = widen_vector(argv, &f1);
    wenvp = widen_vector(envp, &f2);
    if (!wname || f1 || f2) {
        errno = ENOMEM;
        ret = -1;
    } else {
        ret = spawn_w(mode, wname, (const wchar_t *const *)wargv,
                      (const wchar_t *const *)wenvp, search);
    }
    free(wname);
    free_vector(wargv);
    free_vector(wenvp);
    return ret;
}

/* The l forms: the arguments after arg0 up to a NULL, then (e forms) envp. At most 64 args
 * beyond what the stack array holds would need the heap; the CRT has no such limit, so a
 * longer list is collected on the heap. */
#define COLLECT_ARGS(type, first, ap, out, envp_out, want_env) do { \
    size_t n_ = 1, cap_ = 16; \
    type a_; \
    out = malloc(cap_ * sizeof(type)); \
    if (out) { \
        out[0] = first; \
        while ((a_ = va_arg(ap, type))) { \
            if (n_ + 1 >= cap_) { \
                type *grown_ = realloc(out, (cap_ *= 2) * sizeof(type)); \
                if (!grown_) { free(out); out = NULL; break; } \
                out = grown_; \
            } \
            out[n_++] = a_; \
        } \
        if (out) out[n_] = NULL; \
    } \
    envp_out = want_env ? va_arg(ap, const type *) : NULL; \
} while (0)

#define SPAWN_L_FUNC(fname, ctype, spawnfn, modearg, modeval, search, want_env) \
    intptr_t __cdecl fname(modearg const ctype *name, const ctype *arg0, ...) \
    { \
        const ctype **argv, *const *envp; \
        intptr_t ret; \
        va_list ap; \
        va_start(ap, arg0); \
        COLLECT_ARGS(const ctype *, arg0, ap, argv, envp, want_env); \
        va_end(ap); \
        if (!argv) { \
            errno = ENOMEM; \
            return -1; \
        } \
        ret = spawnfn(modeval, name, argv, envp, search); \
        free(argv); \
        return ret; \
    }

#define MODE_ARG int mode,
#define NO_MODE_ARG

/*********************************************************************
 *      _spawnl, _spawnle, _spawnlp, _spawnlpe and the wide forms (MSVCRT.@)
 */
SPAWN_L_FUNC(_spawnl, char, spawn_a, MODE_ARG, mode, false, false)
SPAWN_L_FUNC(_spawnle, char, spawn_a, MODE_ARG, mode, false, true)
SPAWN_L_FUNC(_spawnlp, char, spawn_a, MODE_ARG, mode, true, false)
SPAWN_L_FUNC(_spawnlpe, char, spawn_a, MODE_ARG, mode, true, true)
SPAWN_L_FUNC(_wspawnl, wchar_t, spawn_w, MODE_ARG, mode, false, false)
SPAWN_L_FUNC(_wspawnle, wchar_t, spawn_w, MODE_ARG, mode, false, true)
SPAWN_L_FUNC(_wspawnlp, wchar_t, spawn_w, MODE_ARG, mode, true, false)
SPAWN_L_FUNC(_wspawnlpe, wchar_t, spawn_w, MODE_ARG, mode, true, true)

/*********************************************************************
 *      _execl, _execle, _execlp, _execlpe and the wide forms (MSVCRT.@)
 *
 * Return only on failure (-1 and errno).
 */
SPAWN_L_FUNC(_execl, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, false, false)
SPAWN_L_FUNC(_execle, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, false, true)
SPAWN_L_FUNC(_execlp, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, true, false)
SPAWN_L_FUNC(_execlpe, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, true, true)
SPAWN_L_FUNC(_wexecl, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, false, false)
SPAWN_L_FUNC(_wexecle, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, false, true)
SPAWN_L_FUNC(_wexeclp, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, true, false)
SPAWN_L_FUNC(_wexeclpe, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, true, true)

#define SPAWN_V_FUNC(fname, ctype, spawnfn, modearg, modeval, search, envparam, envval) \
    intptr_t __cdecl fname(modearg const ctype *name, const ctype *const *argv envparam) \
    { \
        return spawnfn(modeval, name, argv, envval, search); \
    }

#define ENV_A , const char *const *envp
#define ENV_W , const wchar_t *const *envp

/*********************************************************************
 *      _spawnv, _spawnve, _spawnvp, _spawnvpe, _exec v forms, wide forms (MSVCRT.@)
 */
SPAWN_V_FUNC(_spawnv, char, spawn_a, MODE_ARG, mode, false, , NULL)
SPAWN_V_FUNC(_spawnve, char, spawn_a, MODE_ARG, mode, false, ENV_A, envp)
SPAWN_V_FUNC(_spawnvp, char, spawn_a, MODE_ARG, mode, true, , NULL)
SPAWN_V_FUNC(_spawnvpe, char, spawn_a, MODE_ARG, mode, true, ENV_A, envp)
SPAWN_V_FUNC(_wspawnv, wchar_t, spawn_w, MODE_ARG, mode, false, , NULL)
SPAWN_V_FUNC(_wspawnve, wchar_t, spawn_w, MODE_ARG, mode, false, ENV_W, envp)
SPAWN_V_FUNC(_wspawnvp, wchar_t, spawn_w, MODE_ARG, mode, true, , NULL)
SPAWN_V_FUNC(_wspawnvpe, wchar_t, spawn_w, MODE_ARG, mode, true, ENV_W, envp)
SPAWN_V_FUNC(_execv, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, false, , NULL)
SPAWN_V_FUNC(_execve, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, false, ENV_A, envp)
SPAWN_V_FUNC(_execvp, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, true, , NULL)
SPAWN_V_FUNC(_execvpe, char, spawn_a, NO_MODE_ARG, _P_OVERLAY, true, ENV_A, envp)
SPAWN_V_FUNC(_wexecv, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, false, , NULL)
SPAWN_V_FUNC(_wexecve, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, false, ENV_W, envp)
SPAWN_V_FUNC(_wexecvp, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, true, , NULL)
SPAWN_V_FUNC(_wexecvpe, wchar_t, spawn_w, NO_MODE_ARG, _P_OVERLAY, true, ENV_W, envp)

/*********************************************************************
 *      _cwait (MSVCRT.@)
 *
 * Waits for a process started with _P_NOWAIT; its exit code goes to *termstat. Returns the
 * handle, or -1 with ECHILD (no such process) or EINVAL.
 */
intptr_t __cdecl _cwait(int *termstat, intptr_t handle, int action)
{
    DWORD code;

    if (WaitForSingleObject((HANDLE)handle, INFINITE) == WAIT_FAILED ||
        !GetExitCodeProcess((HANDLE)handle, &code)) {
        DWORD err = GetLastError();
        msvcrt_dosmaperr(err);
        errno = err == ERROR_INVALID_HANDLE ? ECHILD : EINVAL;
        return -1;
    }
    if (termstat)
        *termstat = (int)code;
    CloseHandle((HANDLE)handle);
    return handle;
}

/* ---- the command interpreter ---- */

/* %COMSPEC%, else cmd.exe on the PATH; NULL when there is none (the /bin/sh fallback). */
static wchar_t *find_cmd(void)
{
    wchar_t buf[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"COMSPEC", buf, MAX_PATH);

    if (n && n < MAX_PATH && GetFileAttributesW(buf) != INVALID_FILE_ATTRIBUTES)
        return _wcsdup(buf);
    return find_program(L"cmd.exe", true);
}

static const wchar_t SHELL_PATH[] = L"/bin/sh";

/* Appends s as one argument of a command line split by the CRT's rules (quoted; backslashes
 * before a quote doubled, quotes escaped), so that the shell's argv gets it back exactly. */
static void append_quoted(wchar_t *out, const wchar_t *s)
{
    size_t o = wcslen(out), slashes = 0;

    out[o++] = L'"';
    for (; *s; s++) {
        if (*s == L'\\') {
            slashes++;
        } else {
            if (*s == L'"')
                for (slashes = slashes * 2 + 1; slashes; slashes--)
                    out[o++] = L'\\';
            slashes = 0;
        }
        out[o++] = *s;
    }
    for (; slashes; slashes--)
        out[o++] = L'\\';
    out[o++] = L'"';
    out[o] = 0;
}

/* The interpreter and command line for command: "cmd /c command" or "sh -c 'command'". */
static bool shell_command(const wchar_t *command, wchar_t **app, wchar_t **cmd)
{
    wchar_t *comspec = find_cmd();
    size_t len = wcslen(command);

    if (comspec) {
        *app = comspec;
        *cmd = malloc((wcslen(comspec) + len + 8) * sizeof(wchar_t));
        if (*cmd) {
            wcscpy(*cmd, comspec);
            wcscat(*cmd, L" /c ");
            wcscat(*cmd, command);
        }
    } else {
        *app = _wcsdup(SHELL_PATH);
        *cmd = malloc((len * 2 + 16) * sizeof(wchar_t));
        if (*cmd) {
            wcscpy(*cmd, L"sh -c ");
            append_quoted(*cmd, command);
        }
    }
    if (!*app || !*cmd) {
        free(*app);
        free(*cmd);
        errno = ENOMEM;
        return false;
    }
    return true;
}

static bool shell_exists(void)
{
    wchar_t *comspec = find_cmd();
    bool ok = comspec || GetFileAttributesW(SHELL_PATH) != INVALID_FILE_ATTRIBUTES;

    free(comspec);
    return ok;
}

/*********************************************************************
 *      _wsystem (MSVCRT.@)
 *
 * NULL: non-zero if an interpreter exists. Else the interpreter's exit code, or -1 (errno
 * ENOENT when there is none).
 */
int __cdecl _wsystem(const wchar_t *command)
{
    HANDLE std[3] = { fd_handle(0), fd_handle(1), fd_handle(2) }, process;
    wchar_t *app, *cmd;

    if (!command)
        return shell_exists();
    if (!shell_command(command, &app, &cmd))
        return -1;
    process = start_process(app, cmd, NULL, std, 0);
    free(app);
    free(cmd);
    return process ? (int)finish_spawn(_P_WAIT, process) : -1;
}

/*********************************************************************
 *      system (MSVCRT.@)
 */
int __cdecl system(const char *command)
{
    wchar_t *w;
    int ret;

    if (!command)
        return shell_exists();
    if (!(w = msvcrt_to_wide(command)))
        return -1;
    ret = _wsystem(w);
    free(w);
    return ret;
}

/* ---- _popen ---- */

struct popen_entry {
    FILE *stream;
    HANDLE process;
};
static struct popen_entry popen_table[64];

/* _popen's mode: 'r' or 'w', then optionally 't' or 'b'. */
static bool popen_mode(const wchar_t *mode, bool *read, int *textbin)
{
    if (mode[0] != L'r' && mode[0] != L'w')
        return false;
    *read = mode[0] == L'r';
    *textbin = 0;
    for (mode++; *mode; mode++) {
        if (*mode == L't' && !*textbin)
            *textbin = _O_TEXT;
        else if (*mode == L'b' && !*textbin)
            *textbin = _O_BINARY;
        else if (*mode != L' ')
            return false;
    }
    return true;
}

/* Starts the interpreter with one std handle being the child's end of a new pipe. */
static HANDLE popen_start(const wchar_t *command, bool read, HANDLE *ours)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE std[3] = { fd_handle(0), fd_handle(1), fd_handle(2) }, rd, wr, process = NULL;
    wchar_t *app, *cmd;

    if (!CreatePipe(&rd, &wr, &sa, 0)) {
        msvcrt_dosmaperr(GetLastError());
        return NULL;
    }
    /* Our end must not leak into the child, or it never sees end of file. */
    SetHandleInformation(read ? rd : wr, HANDLE_FLAG_INHERIT, 0);
    std[read ? 1 : 0] = read ? wr : rd;
    if (shell_command(command, &app, &cmd)) {
        process = start_process(app, cmd, NULL, std, 0);
        free(app);
        free(cmd);
    }
    CloseHandle(read ? wr : rd);
    if (!process) {
        CloseHandle(read ? rd : wr);
        return NULL;
    }
    *ours = read ? rd : wr;
    return process;
}

/*********************************************************************
 *      _wpopen (MSVCRT.@)
 *
 * "r": the stream reads the command's standard output; "w": it writes its standard input.
 */
FILE *__cdecl _wpopen(const wchar_t *command, const wchar_t *mode)
{
    int textbin = 0, fd, slot;
    HANDLE ours, process;
    bool read = true;
    FILE *f;

    CRT_CHECK(!crt_null(command) && !crt_null(mode), EINVAL, NULL);
    CRT_CHECK(popen_mode(mode, &read, &textbin), EINVAL, NULL);
    _lock(LOCK_POPEN);
    for (slot = 0; slot < (int)ARRAY_SIZE(popen_table) && popen_table[slot].stream; slot++)
        ;
    if (slot == (int)ARRAY_SIZE(popen_table)) {
        _unlock(LOCK_POPEN);
        errno = EMFILE;
        return NULL;
    }
    if (!(process = popen_start(command, read, &ours))) {
        _unlock(LOCK_POPEN);
        return NULL;
    }
    if (!textbin)
        textbin = _fmode == _O_BINARY ? _O_BINARY : _O_TEXT;
    fd = _open_osfhandle((intptr_t)ours, (read ? _O_RDONLY : _O_WRONLY) | textbin | _O_NOINHERIT);
    f = fd >= 0 ? _fdopen(fd, read ? (textbin == _O_TEXT ? "rt" : "rb")
                                   : (textbin == _O_TEXT ? "wt" : "wb")) : NULL;
    if (!f) {
        if (fd >= 0)
            _close(fd);
        else
            CloseHandle(ours);
        CloseHandle(process);
        _unlock(LOCK_POPEN);
        return NULL;
    }
    popen_table[slot].stream = f;
    popen_table[slot].process = process;
    _unlock(LOCK_POPEN);
    return f;
}

/*********************************************************************
 *      _popen (MSVCRT.@)
 */
FILE *__cdecl _popen(const char *command, const char *mode)
{
    wchar_t *wcommand, *wmode;
    FILE *f = NULL;

    CRT_CHECK(!crt_null(command) && !crt_null(mode), EINVAL, NULL);
    wcommand = msvcrt_to_wide(command);
    wmode = msvcrt_to_wide(mode);
    if (wcommand && wmode)
        f = _wpopen(wcommand, wmode);
    free(wcommand);
    free(wmode);
    return f;
}

/*********************************************************************
 *      _pclose (MSVCRT.@)
 *
 * Closes the stream, waits for the command and returns its exit code; -1 (EINVAL) for a
 * stream that _popen did not open.
 */
int __cdecl _pclose(FILE *f)
{
    HANDLE process = NULL;
    DWORD code = 0;

    CRT_CHECK(!crt_null(f), EINVAL, -1);
    _lock(LOCK_POPEN);
    for (size_t i = 0; i < ARRAY_SIZE(popen_table); i++)
        if (popen_table[i].stream == f) {
            process = popen_table[i].process;
            popen_table[i].stream = NULL;
            break;
        }
    _unlock(LOCK_POPEN);
    if (!process) {
        errno = EINVAL;
        return -1;
    }
    fclose(f);
    WaitForSingleObject(process, INFINITE);
    GetExitCodeProcess(process, &code);
    CloseHandle(process);
    return (int)code;
}
