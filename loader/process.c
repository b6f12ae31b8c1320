/* process.c: builds the PEB, the main thread's TEB, the process parameters and loader lists. */
#include <asm/prctl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(loader);

extern char **environ;
static struct vn_peb *peb;
static struct vn_ldr_data *ldr_data;
static int tls_count;

/* Zeroed memory PE code may read and write; never freed. */
static void *pe_alloc(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        fprintf(stderr, "vinho: out of memory\n");
        exit(1);
    }
    return p;
}

static void set_ustr(struct vn_ustr *u, const char *utf8)
{
    size_t len;
    WCHAR *w = utf8_to_utf16(utf8, strlen(utf8), &len);
    if (!w || len > 0x7ffe) {
        free(w);
        w = utf8_to_utf16("", 0, &len);
    }
    u->Buffer = w;
    u->Length = len * sizeof(WCHAR);
    u->MaximumLength = u->Length + sizeof(WCHAR);
}

/* A Unix path (absolute, or relative to the current folder) as Windows sees it: under C: when in
 * drive_c (or under another drive of dosdevices), else under Z:. */
char *unix_to_windows_path(const char *unix_path)
{
    char abs[PATH_MAX];

    if (unix_path[0] != '/') {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof(cwd)))
            strcpy(cwd, "/");
        snprintf(abs, sizeof(abs), "%s/%s", strcmp(cwd, "/") ? cwd : "", unix_path);
    } else {
        snprintf(abs, sizeof(abs), "%s", unix_path);
    }
    return unix_to_dos_path(abs);
}

/* Windows quoting: the inverse of the CRT's argv parsing rules. */
static void append_arg(char **cmd, size_t *len, size_t *cap, const char *arg)
{
    size_t need = *len + strlen(arg) * 2 + 4;
    bool quote = !*arg || strpbrk(arg, " \t\"");
    if (need > *cap) {
        *cap = need * 2;
        *cmd = realloc(*cmd, *cap);
    }
    char *p = *cmd + *len;
    if (*len)
        *p++ = ' ';
    if (quote)
        *p++ = '"';
    for (const char *a = arg; *a; a++) {
        size_t slashes = 0;
        while (a[slashes] == '\\')
            slashes++;
        if (slashes && (a[slashes] == '"' || (!a[slashes] && quote))) {
            memset(p, '\\', slashes * 2);   /* backslashes before a quote are doubled */
            p += slashes * 2;
            a += slashes - 1;
            continue;
        }
        if (*a == '"')
            *p++ = '\\';
        *p++ = *a;
    }
    if (quote)
        *p++ = '"';
    *p = 0;
    *len = p - *cmd;
}

char *loader_command_line(int argc, char **argv, const char *program)
{
    size_t len = 0, cap = 256;
    char *cmd = malloc(cap), *prog = strdup(program);
    cmd[0] = 0;
    /* The program's name as a Windows user would have typed it. */
    if (program[0] == '/') {
        free(prog);
        prog = unix_to_windows_path(program);
    } else {
        for (char *c = prog; *c; c++)
            if (*c == '/')
                *c = '\\';
    }
    append_arg(&cmd, &len, &cap, prog);
    free(prog);
    for (int i = 0; i < argc; i++)
        append_arg(&cmd, &len, &cap, argv[i]);
    return cmd;
}

/* The Linux environment, plus the variables every Windows process has. */
static WCHAR *build_environment(size_t *size)
{
    /* The user's folders live in the prefix (drive_c/users/<user>); TEMP and TMP are set so that
     * a Linux TMPDIR-only environment still gives programs a Windows temp folder. */
    const char *user = vinho_user_name();
    char profile[300], temp[300], tmp[300], appdata[300], local[300], username[300];
    snprintf(profile, sizeof(profile), "USERPROFILE=C:\\users\\%s", user);
    snprintf(temp, sizeof(temp), "TEMP=C:\\users\\%s\\AppData\\Local\\Temp", user);
    snprintf(tmp, sizeof(tmp), "TMP=C:\\users\\%s\\AppData\\Local\\Temp", user);
    snprintf(appdata, sizeof(appdata), "APPDATA=C:\\users\\%s\\AppData\\Roaming", user);
    snprintf(local, sizeof(local), "LOCALAPPDATA=C:\\users\\%s\\AppData\\Local", user);
    snprintf(username, sizeof(username), "USERNAME=%s", user);
    const char *const defaults[] = {
        "SystemRoot=C:\\windows", "windir=C:\\windows", "SystemDrive=C:",
        "ProgramData=C:\\ProgramData", "OS=Windows_NT", "PATHEXT=.COM;.EXE;.BAT;.CMD",
        profile, temp, tmp, appdata, local, username,
    };
    size_t total = 0, cap = 4096, n;
    WCHAR *block = malloc(cap * sizeof(WCHAR));
    const size_t ndefaults = sizeof(defaults) / sizeof(defaults[0]);

    for (size_t i = 0; i < ndefaults || environ[i - ndefaults]; i++) {
        const char *var = i < ndefaults ? defaults[i] : environ[i - ndefaults];
        if (i < ndefaults) {
            size_t name = strchr(var, '=') - var;
            bool present = false;
            for (char **e = environ; *e && !present; e++)
                present = !strncasecmp(*e, var, name) && (*e)[name] == '=';
            if (present)
                continue;
        }
        WCHAR *w = utf8_to_utf16(var, strlen(var), &n);
        if (total + n + 2 > cap) {
            cap = (total + n + 2) * 2;
            block = realloc(block, cap * sizeof(WCHAR));
        }
        memcpy(block + total, w, (n + 1) * sizeof(WCHAR));
        total += n + 1;
        free(w);
    }
    block[total++] = 0;
    *size = total * sizeof(WCHAR);
    return block;
}

static struct vn_process_params *build_params(int argc, char **argv, const char *program,
                                              const char *image_path)
{
    struct vn_process_params *pp = pe_alloc(sizeof(*pp));
    char cwd[PATH_MAX], *win, *cmd;
    size_t env_size;

    pp->MaximumLength = pp->Length = sizeof(*pp);
    pp->Flags = 1;  /* PROCESS_PARAMS_FLAG_NORMALIZED */
    if (!child_init_handles(&pp->StandardInput, &pp->StandardOutput, &pp->StandardError))
        file_init_std_handles(&pp->StandardInput, &pp->StandardOutput, &pp->StandardError);
    if (!getcwd(cwd, sizeof(cwd)))
        strcpy(cwd, "/");
    win = unix_to_windows_path(cwd);
    if (win[strlen(win) - 1] != '\\') {
        win = realloc(win, strlen(win) + 2);
        strcat(win, "\\");
    }
    set_ustr(&pp->CurrentDirectory, win);
    free(win);
    win = unix_to_windows_path(image_path);
    set_ustr(&pp->ImagePathName, win);
    set_ustr(&pp->WindowTitle, win);
    free(win);
    cmd = loader_command_line(argc, argv, program);
    set_ustr(&pp->CommandLine, cmd);
    TRACE("command line %s\n", cmd);
    free(cmd);
    set_ustr(&pp->DllPath, "C:\\windows\\system32");
    pp->Environment = build_environment(&env_size);
    pp->EnvironmentSize = env_size;
    child_apply_params(pp);     /* a vinho child: what its parent's CreateProcess gave */
    return pp;
}

static void list_init(struct vn_list *l)
{
    l->Flink = l->Blink = l;
}

static void list_append(struct vn_list *head, struct vn_list *e)
{
    e->Flink = head;
    e->Blink = head->Blink;
    head->Blink->Flink = e;
    head->Blink = e;
}

void process_add_ldr_entry(struct module *mod)
{
    struct vn_ldr_entry *e = calloc(1, sizeof(*e));
    char full[PATH_MAX], *win;
    if (!e)
        return;
    e->DllBase = mod->base;
    e->EntryPoint = mod->pe.entry_rva ? mod->base + mod->pe.entry_rva : NULL;
    e->SizeOfImage = mod->size;
    if (mod->relay_spec) {
        snprintf(full, sizeof(full), "C:\\windows\\system32\\%s", mod->name);
        set_ustr(&e->FullDllName, full);
    } else {
        win = unix_to_windows_path(mod->unix_path);
        set_ustr(&e->FullDllName, win);
        free(win);
    }
    set_ustr(&e->BaseDllName, mod->name);
    e->Flags = mod->is_exe ? 0 : 0x4 /* LDRP_IMAGE_DLL */;
    e->ObsoleteLoadCount = 0xffff;
    e->TlsIndex = 0xffff;
    list_init(&e->HashLinks);
    list_init(&e->InInitializationOrderLinks);  /* joined when it is initialised */
    if (mod->is_exe) {
        /* The program comes first, as on Windows, although ntdll was loaded before it. */
        list_append(ldr_data->InLoadOrderModuleList.Flink, &e->InLoadOrderLinks);
        list_append(ldr_data->InMemoryOrderModuleList.Flink, &e->InMemoryOrderLinks);
    } else {
        list_append(&ldr_data->InLoadOrderModuleList, &e->InLoadOrderLinks);
        list_append(&ldr_data->InMemoryOrderModuleList, &e->InMemoryOrderLinks);
    }
    mod->ldr = e;
}

/* DLLs join the initialisation-order list as their DllMain runs; the program never does. */
void process_add_init_order(struct module *mod)
{
    if (mod->ldr && !mod->is_exe)
        list_append(&ldr_data->InInitializationOrderModuleList, &mod->ldr->InInitializationOrderLinks);
}

void *ntdll_export(const char *name)
{
    struct module *ntdll = module_find_loaded("ntdll.dll");
    void *addr;
    if (!ntdll || module_resolve(ntdll, name, -1, &addr, 0))
        return NULL;
    return addr;
}

int tls_alloc_index(void)
{
    return tls_count++;
}

/* A module's TLS block for one thread: its template, then zeroes. */
static void *tls_block(const struct module *m)
{
    size_t init = m->tls.end_va - m->tls.start_va, total = init + m->tls.zero_fill;
    uint8_t *block = calloc(1, total + 16);
    uint64_t rva = m->tls.start_va - m->pe.image_base;
    if (block && init && rva + init <= m->size)
        memcpy(block, m->base + rva, init);
    return block;
}

/* Static TLS of every module for one thread: a block per module, copied from its template.
 * Loader lock held. */
void tls_init_thread(struct vn_teb *teb)
{
    void **slots = calloc(tls_count + 1, sizeof(void *));
    for (struct module *m = modules; m && slots; m = m->next)
        if (m->tls_index >= 0)
            slots[m->tls_index] = tls_block(m);
    teb->ThreadLocalStoragePointer = slots;
}

static struct vn_teb *current_teb(void)
{
    struct vn_teb *teb = NULL;
    syscall(SYS_arch_prctl, ARCH_GET_GS, &teb);
    return teb;
}

/* One thread's array grows by the slot of mod (loader lock held). Compiled code reads the array
 * pointer from the TEB at each access, so replacing it is safe; another thread may be reading the
 * old array right now, so only the caller's own old array is freed (the others' are kept). */
static void tls_add_to_teb(struct vn_teb *teb, void *ctx)
{
    struct module *mod = ctx;
    void **slots, **old = teb->ThreadLocalStoragePointer;
    if (!old || !(slots = calloc(tls_count + 1, sizeof(void *))))
        return;
    memcpy(slots, old, mod->tls_index * sizeof(void *));
    slots[mod->tls_index] = tls_block(mod);
    teb->ThreadLocalStoragePointer = slots;
    if (teb == current_teb())
        free(old);
}

/* A module with TLS loaded after start-up (LoadLibrary): every thread's array grows by its slot,
 * as on Windows since Vista. Loader lock held. */
void tls_add_module(struct module *mod)
{
    if (mod->tls_index >= 0 && current_teb() && current_teb()->ThreadLocalStoragePointer)
        thread_for_each_teb(tls_add_to_teb, mod);
}

static void tls_remove_from_teb(struct vn_teb *teb, void *ctx)
{
    struct module *mod = ctx;
    if (teb->ThreadLocalStoragePointer) {
        free(teb->ThreadLocalStoragePointer[mod->tls_index]);
        teb->ThreadLocalStoragePointer[mod->tls_index] = NULL;
    }
}

/* An unloaded module's blocks go; its index is not reused. Loader lock held. */
void tls_remove_module(struct module *mod)
{
    if (mod->tls_index >= 0 && mod->tls_index < tls_count)
        thread_for_each_teb(tls_remove_from_teb, mod);
}

/* Thread hooks (ntcalls/thread.c): a new thread's TLS, and the ending thread's. */
static void thread_init_tls(struct vn_teb *teb)
{
    loader_lock();
    tls_init_thread(teb);
    loader_unlock();
}

static void thread_free_tls(struct vn_teb *teb)
{
    void **slots = teb->ThreadLocalStoragePointer;
    if (!slots)
        return;
    loader_lock();
    for (int i = 0; i < tls_count; i++)
        free(slots[i]);
    loader_unlock();
    free(slots);
    teb->ThreadLocalStoragePointer = NULL;
}

static unsigned thread_gate_depth(void)
{
    return vinho_gate_depth;
}

/* A thread ends inside a gate call that never returns (NtTerminateThread): its Linux thread,
 * kept for the next thread (ntcalls/thread.c), starts again with no gate call open. */
static void thread_gate_reset(void)
{
    vinho_gate_depth = 0;
}

/* The frame of the gate call the thread is in, if pc (NULL: wherever it is) is vinho's code and
 * not PE code that vinho called back (APCs, DllMain): its PE context is that frame's. */
static const void *thread_gate_frame(const void *pc)
{
    if (!vinho_gate_depth || (pc && module_from_address(pc)))
        return NULL;
    return &vinho_gate_frames[vinho_gate_depth - 1];
}

static void thread_suspend_at_gate_return(void)
{
    vinho_suspend_pending = 1;
}

static void thread_attach(void)
{
    module_thread_notify(2 /* DLL_THREAD_ATTACH */);
}

/* Tells ntcalls/thread.c the loader's part of starting and ending threads. */
void process_init_threads(struct module *exe)
{
    struct thread_hooks hooks = {
        .init_tls = thread_init_tls,
        .free_tls = thread_free_tls,
        .attach = thread_attach,
        .user_thread_start = ntdll_export("RtlUserThreadStart"),
        .signal_init = signal_thread_init,
        .gate_depth = thread_gate_depth,
        .gate_reset = thread_gate_reset,
        .gate_frame = thread_gate_frame,
        .suspend_at_gate_return = thread_suspend_at_gate_return,
        .multithreaded = ntdll_export("__vinho_multithreaded"),
        .stack_reserve = exe->pe.stack_reserve,
        .stack_commit = exe->pe.stack_commit,
    };
    thread_set_hooks(&hooks);
}

struct vn_teb *process_init(int argc, char **argv, const char *program, const char *image_path)
{
    struct vn_teb *teb = pe_alloc(0x2000);

    peb = pe_alloc(0x1000);
    ldr_data = pe_alloc(sizeof(*ldr_data));
    ldr_data->Length = sizeof(*ldr_data);
    ldr_data->Initialized = 1;
    list_init(&ldr_data->InLoadOrderModuleList);
    list_init(&ldr_data->InMemoryOrderModuleList);
    list_init(&ldr_data->InInitializationOrderModuleList);
    peb->Ldr = ldr_data;
    peb->ProcessParameters = build_params(argc, argv, program, image_path ? image_path : program);
    peb->NumberOfProcessors = sysconf(_SC_NPROCESSORS_ONLN);
    peb->OSMajorVersion = 10;
    peb->OSMinorVersion = 0;
    peb->OSBuildNumber = 19045;
    peb->OSPlatformId = 2;  /* VER_PLATFORM_WIN32_NT */
    peb->SessionId = 1;
    user_shared_data_init();

    teb->Self = teb;
    teb->Peb = peb;
    teb->ClientIdProcess = (void *)(uintptr_t)getpid();
    teb->ClientIdThread = (void *)(uintptr_t)syscall(SYS_gettid);
    teb->StaticUnicodeString.Buffer = teb->StaticUnicodeBuffer;
    teb->StaticUnicodeString.MaximumLength = sizeof(teb->StaticUnicodeBuffer);
    teb->CurrentLocale = 0x0409;
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, teb) < 0) {
        perror("vinho: arch_prctl(ARCH_SET_GS)");
        exit(1);
    }
    return teb;
}

void process_set_image(struct module *exe)
{
    peb->ImageBaseAddress = exe->base;
    peb->ImageSubsystem = exe->pe.subsystem;
    peb->ImageSubsystemMajorVersion = exe->pe.major_subsystem_version;
    peb->ImageSubsystemMinorVersion = exe->pe.minor_subsystem_version;
}
