/* relay.c: VINHO_DEBUG=+relay: every call a module makes into one of our DLLs goes through a
 * thunk that logs its arguments and its return value (argument counts from the export lists). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "loader/loader.h"
#include "vinho/debug.h"

struct relay_info {
    void *target;
    uint64_t nargs;
    char *dll, *func;
};

void vinho_relay_entry(void);

#define THUNK_SIZE 32
static uint8_t *page, *next;

static int spec_nargs(const struct module *mod, const char *name)
{
    const char *p = mod->relay_spec;
    size_t len = strlen(name);
    while (p && *p) {
        const char *eol = strchr(p, '\n');
        if (!eol)
            break;
        if (!strncmp(p, name, len) && p[len] == ':')
            return atoi(p + len + 1);
        p = eol + 1;
    }
    return -1;  /* not a function of the export list: data, or not ours */
}

void *relay_wrap(const struct module *dep, const char *func, void *target)
{
    struct relay_info *info;
    uint8_t *p;
    void *entry = (void *)vinho_relay_entry;

    int nargs = dep->relay_spec ? spec_nargs(dep, func) : -1;

    /* Data exports, and our own tracing helpers, are never wrapped. */
    if (!target || nargs < 0 || !strncmp(func, "__vinho", 7) || !(info = calloc(1, sizeof(*info))))
        return target;
    info->target = target;
    info->nargs = nargs;
    info->dll = strndup(dep->name, strcspn(dep->name, "."));
    for (char *c = info->dll; *c; c++)
        *c = *c >= 'a' && *c <= 'z' ? *c - 32 : *c;
    info->func = strdup(func);
    if (!page || next + THUNK_SIZE > page + 0x10000) {
        page = mmap(NULL, 0x10000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page == MAP_FAILED) {
            page = NULL;
            return target;
        }
        next = page;
    }
    p = next;
    next += THUNK_SIZE;
    p[0] = 0x48; p[1] = 0xb8;                   /* mov rax, info */
    memcpy(p + 2, &info, 8);
    p[10] = 0x49; p[11] = 0xbb;                 /* mov r11, vinho_relay_entry */
    memcpy(p + 12, &entry, 8);
    p[20] = 0x41; p[21] = 0xff; p[22] = 0xe3;   /* jmp r11 */
    return p;
}

static void relay_line(const char *text)
{
    (void)!write(2, text, strlen(text));
}

void WINAPI vinho_relay_log_call(struct relay_info *info, const uint64_t *args, void *ret_addr)
{
    char line[512];
    int n = snprintf(line, sizeof(line), "%04lx:Call %s.%s(", (long)syscall(SYS_gettid), info->dll,
                     info->func);
    for (uint64_t i = 0; i < info->nargs && i < 16 && n < (int)sizeof(line) - 40; i++)
        n += snprintf(line + n, sizeof(line) - n, "%s%08lx", i ? "," : "", (unsigned long)args[i]);
    snprintf(line + n, sizeof(line) - n, ") ret=%p\n", ret_addr);
    relay_line(line);
}

void WINAPI vinho_relay_log_ret(struct relay_info *info, uint64_t retval, void *ret_addr)
{
    char line[256];
    snprintf(line, sizeof(line), "%04lx:Ret  %s.%s() retval=%08lx ret=%p\n", (long)syscall(SYS_gettid),
             info->dll, info->func, (unsigned long)retval, ret_addr);
    relay_line(line);
}
