/* main.c: the vinho program: runs a Windows x86-64 console program as a Linux process. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "loader/loader.h"
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(loader);

/* Exit codes of a start that failed before the program ran. */
enum { EXIT_NOT_FOUND = 127, EXIT_CANNOT_RUN = 126 };

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: vinho [OPTIONS] PROGRAM[.exe] [ARGUMENTS...]\n"
        "Runs a Windows x86-64 program on Linux.\n\n"
        "  --check     list what PROGRAM (and the DLLs it would load) needs that vinho lacks;\n"
        "              exit 0 if nothing, 1 otherwise; PROGRAM is not run\n"
        "  --help      show this help\n"
        "  --version   show the version\n\n"
        "Environment: VINHO_DEBUG=+channel,-channel,... traces to stderr (e.g. +loader,+relay,\n"
        "+file; +all for everything); VINHO_PREFIX the Windows tree (default ~/.vinho);\n"
        "VINHO_DLL_DIR a folder of our DLLs to use instead of the built-in ones.\n");
}

/* PROGRAM as given, or with ".exe" appended. */
static char *find_program(const char *name)
{
    struct stat st;
    char *with_ext;
    if (!stat(name, &st) && S_ISREG(st.st_mode))
        return strdup(name);
    if (asprintf(&with_ext, "%s.exe", name) < 0)
        return NULL;
    if (!stat(with_ext, &st) && S_ISREG(st.st_mode))
        return with_ext;
    free(with_ext);
    return NULL;
}

static int check_exit_status(NTSTATUS status)
{
    return status == STATUS_DLL_NOT_FOUND ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN;
}

static int run_check(const char *program)
{
    struct module *exe;
    NTSTATUS status;
    int count = 0;

    loader_check_mode = true;
    if (!module_find_loaded("ntdll.dll")) {
        char *path = builtin_path("ntdll.dll");
        struct module *ntdll;
        if (!path || module_load_path(path, false, &ntdll)) {
            fprintf(stderr, "vinho: cannot find our ntdll.dll\n");
            return EXIT_CANNOT_RUN;
        }
        free(path);
    }
    if ((status = module_load_path(program, true, &exe)))
        return check_exit_status(status);
    for (struct missing *m = missing_list; m; m = m->next) {
        if (!count++)
            printf("%s needs what vinho lacks:\n", exe->name);
        if (m->func)
            printf("  %s!%s%s (imported by %s)\n", m->dll, m->func,
                   m->absent_dll ? " [DLL missing: loud stub]" :
                   m->stub ? " [not implemented]" : " [missing]", m->importer);
        else
            printf("  %s [DLL not found] (imported by %s)\n", m->dll, m->importer);
    }
    if (!count)
        printf("%s: vinho has everything it imports\n", exe->name);
    return count ? 1 : 0;
}

/* The PE reader's rejections, on the pe channel. */
static void pe_warning(enum pe_status status, const char *func, const char *msg)
{
    if (vinho_dbg_on(DBCH_pe, DBL_WARN))
        __vinho_dbg_log(DBCH_pe, DBL_WARN, func, "%s (%s)\n", msg, pe_strerror(status));
}

typedef void (WINAPI *process_init_fn)(void);
typedef void (WINAPI *exit_process_fn)(ULONG);

/* Main thread stack: the size the image asks for (at least 1 MiB), tracked like any allocation,
 * above a reserved, never committed guard region, so that an overflow faults instead of running
 * into whatever lies below (reported as STATUS_STACK_OVERFLOW by loader/signal.c). */
#define STACK_GUARD 0x40000

static void *alloc_stack(struct vn_teb *teb, uint64_t reserve)
{
    void *base = NULL, *commit;
    SIZE_T size = reserve < 0x100000 ? 0x100000 : (reserve + 0xffff) & ~0xffffULL;
    SIZE_T total = size + STACK_GUARD;
    if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &total, MEM_RESERVE, PAGE_READWRITE) ||
        (commit = (char *)base + STACK_GUARD,
         NtAllocateVirtualMemory(NtCurrentProcess(), &commit, 0, &size, MEM_COMMIT, PAGE_READWRITE))) {
        fprintf(stderr, "vinho: cannot allocate the main thread's stack\n");
        exit(EXIT_CANNOT_RUN);
    }
    teb->DeallocationStack = base;
    teb->StackLimit = commit;
    teb->StackBase = (char *)commit + size;
    return (char *)teb->StackBase - 256;   /* headroom for callers that peek above their frame */
}

static int run(int argc, char **argv, const char *program)
{
    char *image_path = realpath(program, NULL);     /* once: each call is a readlink per level */
    struct vn_teb *teb = process_init(argc, argv, program, image_path);
    struct module *ntdll, *exe;
    char *dir = image_path, *slash, *ntdll_path;
    NTSTATUS status;

    /* The application's folder, absolute: DLL searches must not follow later chdirs. */
    if (dir && (slash = strrchr(dir, '/')))
        *slash = 0;
    loader_exe_dir = dir && *dir ? dir : "/";
    if (!(ntdll_path = builtin_path("ntdll.dll"))) {
        fprintf(stderr, "vinho: cannot find our ntdll.dll (set VINHO_DLL_DIR or install vinho)\n");
        return EXIT_CANNOT_RUN;
    }
    loader_lock();
    if ((status = module_load_path(ntdll_path, false, &ntdll)))
        return check_exit_status(status);
    if ((status = module_load_path(program, true, &exe)))
        return check_exit_status(status);
    exe_module = exe;
    process_set_image(exe);
    tls_init_thread(teb);
    process_init_threads(exe);
    void *stack_top = alloc_stack(teb, exe->pe.stack_reserve);
    process_init_fn init = (process_init_fn)ntdll_export("__vinho_process_init");
    if (init)
        init();
    if ((status = module_init_pending()))
        return EXIT_CANNOT_RUN;
    loader_unlock();
    TRACE("starting %s at %p\n", exe->name, exe->base + exe->pe.entry_rva);
    int ret = vinho_call_on_stack(exe->base + exe->pe.entry_rva, teb->Peb, stack_top);
    /* The entry point returned: exit as ExitProcess would, with its return value. */
    exit_process_fn exit_process = (exit_process_fn)ntdll_export("RtlExitUserProcess");
    if (exit_process)
        vinho_call_on_stack((void *)exit_process, (void *)(uintptr_t)(ULONG)ret, stack_top);
    return ret & 0xff;
}

int main(int argc, char **argv)
{
    int i = 1;
    bool check = false;
    char *program;

    vinho_debug_parse(getenv("VINHO_DEBUG"));
    pe_set_warn_handler(pe_warning);
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (!strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--version")) {
            printf("vinho %s\n", PACKAGE_VERSION);
            return 0;
        } else if (!strcmp(argv[i], "--check")) {
            check = true;
        } else if (!strncmp(argv[i], "--startup-fd=", 13)) {
            /* started by a vinho parent's CreateProcess (loader/child.c) */
            if (!child_startup_load(atoi(argv[i] + 13)))
                return EXIT_CANNOT_RUN;
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else {
            fprintf(stderr, "vinho: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return 2;
    }
    if (!(program = find_program(argv[i]))) {
        fprintf(stderr, "vinho: %s: no such program (nor %s.exe)\n", argv[i], argv[i]);
        child_start_failed(EXIT_NOT_FOUND);
        return EXIT_NOT_FOUND;
    }
    if (check)
        return run_check(program);
    signal(SIGPIPE, SIG_IGN);   /* a write to a closed pipe is an error return on Windows */
    signal_init();
    int ret = run(argc - i - 1, argv + i + 1, program);
    child_start_failed(ret);    /* run() returns only when the start failed */
    return ret;
}
