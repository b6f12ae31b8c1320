/* loader.h: the vinho loader's internals: loaded modules, process set-up, start. */
#ifndef VINHO_LOADER_H
#define VINHO_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "pe/pe.h"
#include "vinho/ntdefs.h"
#include "vinho/winstructs.h"

struct module {
    struct module *next;            /* load order */
    char *name;                     /* base name as found, e.g. "kernel32.dll" */
    char *unix_path;
    void *file_data;                /* the mapped file; pe and exports point into it */
    size_t file_size;
    int fd;                         /* the file, until its sections are mapped; else -1 */
    struct pe_file pe;
    struct pe_export_table exports; /* read in place, in file_data */
    const char *relay_spec;         /* our DLLs: "Name:nargs[:stub]\n..." from the export list */
    const char **stubs;             /* the names it marks as loud stubs (in relay_spec), sorted */
    size_t nstubs;
    uint8_t *base;
    size_t size;
    bool is_exe, is_builtin, initialized, static_import;
    bool init_failed;           /* its DllMain refused PROCESS_ATTACH: unloaded by LdrLoadDll */
    bool pinned;                /* GET_MODULE_HANDLE_EX_FLAG_PIN: never unloaded */
    int refs;
    int tls_index;                  /* -1: none */
    struct pe_tls tls;
    struct module **deps;
    size_t ndeps;
    struct vn_ldr_entry *ldr;
};

/* A name a program imported that we lack: kept for --check and +loader. */
struct missing {
    struct missing *next;
    char *importer, *dll, *func;    /* func NULL: the whole DLL is missing */
    bool stub;                      /* exported by our DLL as a loud stub */
    bool absent_dll;                /* from a Windows system DLL vinho lacks (a loud stub too) */
};

extern struct module *modules;
extern struct module *exe_module;
extern struct missing *missing_list;
extern bool loader_check_mode;      /* --check: record instead of failing, run nothing */
extern const char *loader_exe_dir;  /* Unix folder of the program */

/* module.c */
NTSTATUS module_load(const char *name, const struct module *importer, struct module **out);
NTSTATUS module_load_path(const char *unix_path, bool is_exe, struct module **out);
struct module *module_find_loaded(const char *name);
struct module *module_from_address(const void *addr);
NTSTATUS module_resolve(struct module *mod, const char *name, int ordinal, void **addr, int depth);
bool module_export_is_stub(const struct module *mod, const char *name);
NTSTATUS module_init_pending(void);
void module_unload(struct module *mod);
void module_shutdown(void);
/* DLL_THREAD_ATTACH (2) or DETACH (3) on the calling thread: TLS callbacks and DllMain. */
void module_thread_notify(ULONG reason);
void loader_lock(void);
void loader_unlock(void);
const char *apiset_resolve(const char *name);
bool windows_system_dll(const char *name);
char *builtin_path(const char *name);

/* process.c */
struct vn_teb *process_init(int argc, char **argv, const char *program, const char *image_path);
void process_add_ldr_entry(struct module *mod);
void process_add_init_order(struct module *mod);
void process_set_image(struct module *exe);
void *ntdll_export(const char *name);
int tls_alloc_index(void);
void tls_init_thread(struct vn_teb *teb);
void tls_add_module(struct module *mod);
void tls_remove_module(struct module *mod);
void process_init_threads(struct module *exe);
/* usershared.c: the KUSER_SHARED_DATA page at 0x7ffe0000 and its clock thread. */
void user_shared_data_init(void);
bool user_shared_data_fault(const void *addr, bool write);   /* from the fault handler */
/* The Windows command line of PROGRAM and ARGV, with Windows quoting; malloc'ed UTF-8. */
char *loader_command_line(int argc, char **argv, const char *program);

/* stub.c */
void *stub_make(const char *importer, const char *dll, const char *func);

/* relay.c */
void *relay_wrap(const struct module *dep, const char *func, void *target);

/* gate.c, gateguard.S: the guarded gate and its per-thread frames */
struct gate_frame {
    void *resume;                   /* the PE caller's return address */
    uint64_t rsp;                   /* at entry: rsp + 8 is the caller's stack after the call */
    uint64_t rbx, rbp, rdi, rsi, r12, r13, r14, r15;
    uint8_t xmm[10][16];            /* xmm6-xmm15 */
    uint8_t pad[16];
};
_Static_assert(sizeof(struct gate_frame) == 256, "gateguard.S indexes frames by shifting 8");
extern __thread struct gate_frame vinho_gate_frames[32];
extern __thread unsigned vinho_gate_depth;
extern __thread int vinho_suspend_pending;
void *const *gate_guarded_table(void);

/* signal.c */
void signal_init(void);
void signal_thread_init(void *altstack, size_t size);
struct ucontext_t;
/* The ELF frames of a machine context to fd (libunwind, loaded on first use); -1 without it. */
int signal_elf_backtrace(int fd, struct ucontext_t *uc);

/* start.S */
int vinho_call_on_stack(void *func, void *arg, void *stack_top);

/* Windows path of a Unix path (Z:\... or C:\... inside the prefix); malloc'ed UTF-8. */
char *unix_to_windows_path(const char *unix_path);

/* A vinho child's start (child.c): the block its parent wrote, handles, parameters. */
bool child_startup_load(int fd);
bool child_init_handles(HANDLE *in, HANDLE *out, HANDLE *err);
void child_apply_params(struct vn_process_params *pp);
void child_start_failed(int exit_code);

#endif
