/* child.h: how a process is started (vinho's own layout, shared by kernelbase and ntcalls), and
 * the start-up block a vinho parent hands a vinho child (ELF side only; docs/processes.md). */
#ifndef VINHO_CHILD_H
#define VINHO_CHILD_H

#include <stdint.h>
#include "vinho/winstructs.h"

/* __vinho_create_process's request: CreateProcessW's arguments, resolved by kernelbase. */
struct vn_create_process {
    struct vn_ustr image;           /* NT path of the program (\??\C:\...) */
    struct vn_ustr command_line;    /* passed unchanged */
    struct vn_ustr current_dir;     /* DOS path, may be empty: the parent's */
    const uint16_t *environment;    /* double-NUL-terminated block, NULL: the parent's */
    uint64_t environment_size;      /* bytes */
    void *std[3];                   /* the child's std handles */
    uint32_t creation_flags;
    uint32_t inherit_handles;
};

/* The start-up block: a memfd, descriptor 3 of a vinho child ("vinho --startup-fd=3 PROG").
 * The child writes its full 32-bit exit code back into it before it ends; Linux's exit status
 * keeps only 8 bits. */
#define VN_STARTUP_MAGIC 0x54534e56     /* "VNST" */
#define VN_STARTUP_FD 3
struct vn_startup_handle {
    uint64_t value;                 /* the handle's value, the same in the child */
    uint32_t fd, access, attributes, pad;
};
struct vn_startup {
    uint32_t magic, size;           /* size of the whole block */
    uint32_t exit_written, exit_code;   /* 8 bytes written at once by the child */
    uint64_t std[3];                /* std handle values; 0: none */
    uint32_t cmdline_off, cmdline_len;  /* offsets in bytes, lengths in WCHARs */
    uint32_t env_off, env_len;
    uint32_t cwd_off, cwd_len;
    uint32_t handle_count, creation_flags;
    uint32_t resume_fd;             /* CREATE_SUSPENDED: start at a byte on this pipe; 0: none */
    uint32_t pad;
    struct vn_startup_handle handles[];
};

#endif
