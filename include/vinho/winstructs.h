/* winstructs.h: PEB, TEB, process parameters and loader records with Windows x64 offsets.
 * Shared by the ELF loader (which builds them) and our PE DLLs (which read them). Only fields
 * vinho fills are named; the rest is padding, and every named offset is checked below. */
#ifndef VINHO_WINSTRUCTS_H
#define VINHO_WINSTRUCTS_H

#include <stddef.h>
#include <stdint.h>

struct vn_ustr { uint16_t Length, MaximumLength; uint32_t pad; uint16_t *Buffer; };
struct vn_list { struct vn_list *Flink, *Blink; };

struct vn_process_params {                  /* RTL_USER_PROCESS_PARAMETERS */
    uint32_t MaximumLength, Length, Flags, DebugFlags;
    void *ConsoleHandle;                    /* 0x10 */
    uint32_t ConsoleFlags, pad1;            /* 0x18 */
    void *StandardInput, *StandardOutput, *StandardError; /* 0x20 */
    struct vn_ustr CurrentDirectory;        /* 0x38 CURDIR.DosPath */
    void *CurrentDirectoryHandle;           /* 0x48 CURDIR.Handle */
    struct vn_ustr DllPath;                 /* 0x50 */
    struct vn_ustr ImagePathName;           /* 0x60 */
    struct vn_ustr CommandLine;             /* 0x70 */
    uint16_t *Environment;                  /* 0x80 */
    uint32_t StartingX, StartingY, CountX, CountY, CountCharsX, CountCharsY, FillAttribute;
    uint32_t WindowFlags, ShowWindowFlags, pad2; /* 0xA4 */
    struct vn_ustr WindowTitle;             /* 0xB0 */
    struct vn_ustr DesktopInfo;             /* 0xC0 */
    struct vn_ustr ShellInfo;               /* 0xD0 */
    struct vn_ustr RuntimeData;             /* 0xE0 */
    uint8_t CurrentDirectories[32 * 0x18];  /* 0xF0 */
    uint64_t EnvironmentSize;               /* 0x3F0 */
};

struct vn_ldr_data {                        /* PEB_LDR_DATA */
    uint32_t Length, Initialized;
    void *SsHandle;
    struct vn_list InLoadOrderModuleList;           /* 0x10 */
    struct vn_list InMemoryOrderModuleList;         /* 0x20 */
    struct vn_list InInitializationOrderModuleList; /* 0x30 */
    void *EntryInProgress;                  /* 0x40 */
    uint8_t ShutdownInProgress, pad[7];
    void *ShutdownThreadId;                 /* 0x50 */
};

struct vn_ldr_entry {                       /* LDR_DATA_TABLE_ENTRY */
    struct vn_list InLoadOrderLinks;        /* 0x00 */
    struct vn_list InMemoryOrderLinks;      /* 0x10 */
    struct vn_list InInitializationOrderLinks; /* 0x20 */
    void *DllBase;                          /* 0x30 */
    void *EntryPoint;                       /* 0x38 */
    uint32_t SizeOfImage, pad0;             /* 0x40 */
    struct vn_ustr FullDllName;             /* 0x48 */
    struct vn_ustr BaseDllName;             /* 0x58 */
    uint32_t Flags;                         /* 0x68 */
    uint16_t ObsoleteLoadCount, TlsIndex;   /* 0x6C */
    struct vn_list HashLinks;               /* 0x70 */
    uint32_t TimeDateStamp, pad1;           /* 0x80 */
    uint8_t rest[0x120 - 0x88];
};

struct vn_peb {                             /* PEB */
    uint8_t InheritedAddressSpace, ReadImageFileExecOptions, BeingDebugged, BitField;
    uint32_t pad0;
    void *Mutant;                           /* 0x08 */
    void *ImageBaseAddress;                 /* 0x10 */
    struct vn_ldr_data *Ldr;                /* 0x18 */
    struct vn_process_params *ProcessParameters; /* 0x20 */
    void *SubSystemData;                    /* 0x28 */
    void *ProcessHeap;                      /* 0x30 */
    void *FastPebLock;                      /* 0x38 */
    uint8_t pad1[0x78 - 0x40];
    void *TlsBitmap;                        /* 0x78 */
    uint32_t TlsBitmapBits[2];              /* 0x80 */
    uint8_t pad2[0xB8 - 0x88];
    uint32_t NumberOfProcessors;            /* 0xB8 */
    uint32_t NtGlobalFlag;                  /* 0xBC */
    uint8_t pad3[0xE8 - 0xC0];
    uint32_t NumberOfHeaps, MaximumNumberOfHeaps; /* 0xE8 */
    void **ProcessHeaps;                    /* 0xF0 */
    uint8_t pad4[0x118 - 0xF8];
    uint32_t OSMajorVersion, OSMinorVersion; /* 0x118 */
    uint16_t OSBuildNumber, OSCSDVersion;   /* 0x120 */
    uint32_t OSPlatformId;                  /* 0x124 */
    uint32_t ImageSubsystem, ImageSubsystemMajorVersion, ImageSubsystemMinorVersion; /* 0x128 */
    uint8_t pad5[0x2C0 - 0x134];
    uint32_t SessionId;                     /* 0x2C0 */
    uint8_t pad6[0x7C8 - 0x2C4];
};

struct vn_teb {                             /* TEB */
    void *ExceptionList;                    /* 0x00 NT_TIB */
    void *StackBase;                        /* 0x08 */
    void *StackLimit;                       /* 0x10 */
    void *SubSystemTib, *FiberData, *ArbitraryUserPointer;
    struct vn_teb *Self;                    /* 0x30 */
    void *EnvironmentPointer;               /* 0x38 */
    void *ClientIdProcess, *ClientIdThread; /* 0x40 ClientId */
    void *ActiveRpcHandle;                  /* 0x50 */
    void **ThreadLocalStoragePointer;       /* 0x58 */
    struct vn_peb *Peb;                     /* 0x60 */
    uint32_t LastErrorValue;                /* 0x68 */
    uint32_t CountOfOwnedCriticalSections;  /* 0x6C */
    uint8_t pad0[0x108 - 0x70];
    uint32_t CurrentLocale;                 /* 0x108 */
    uint8_t pad1[0x1250 - 0x10C];
    uint32_t LastStatusValue, pad2;         /* 0x1250 */
    struct vn_ustr StaticUnicodeString;     /* 0x1258 */
    uint16_t StaticUnicodeBuffer[261];      /* 0x1268 */
    uint8_t pad3[0x1478 - 0x1472];
    void *DeallocationStack;                /* 0x1478 */
    void *TlsSlots[64];                     /* 0x1480 */
    struct vn_list TlsLinks;                /* 0x1680 */
    uint8_t pad4[0x1748 - 0x1690];
    uint32_t GuaranteedStackBytes;          /* 0x1748: SetThreadStackGuarantee */
    uint8_t pad4b[0x1780 - 0x174C];
    void **TlsExpansionSlots;               /* 0x1780 */
    void *HeapCache;                        /* 0x1788: DeallocationBStore, used only on IA-64;
                                               vinho's per-thread heap cache (dlls/ntdll/heap.c) */
    uint8_t pad5[0x17C8 - 0x1790];
    void *FlsData;                          /* 0x17C8: the thread's FLS values (dlls/ntdll/thread.c) */
    uint8_t pad6[0x1838 - 0x17D0];
};

#define VN_OFFSET(type, field, off) \
    _Static_assert(offsetof(struct type, field) == (off), #type "." #field " offset")
VN_OFFSET(vn_process_params, StandardInput, 0x20);
VN_OFFSET(vn_process_params, CurrentDirectory, 0x38);
VN_OFFSET(vn_process_params, ImagePathName, 0x60);
VN_OFFSET(vn_process_params, CommandLine, 0x70);
VN_OFFSET(vn_process_params, Environment, 0x80);
VN_OFFSET(vn_process_params, WindowTitle, 0xB0);
VN_OFFSET(vn_process_params, EnvironmentSize, 0x3F0);
VN_OFFSET(vn_ldr_data, InMemoryOrderModuleList, 0x20);
VN_OFFSET(vn_ldr_data, ShutdownThreadId, 0x50);
VN_OFFSET(vn_ldr_entry, DllBase, 0x30);
VN_OFFSET(vn_ldr_entry, FullDllName, 0x48);
VN_OFFSET(vn_ldr_entry, BaseDllName, 0x58);
VN_OFFSET(vn_ldr_entry, TlsIndex, 0x6E);
VN_OFFSET(vn_ldr_entry, TimeDateStamp, 0x80);
VN_OFFSET(vn_peb, ImageBaseAddress, 0x10);
VN_OFFSET(vn_peb, Ldr, 0x18);
VN_OFFSET(vn_peb, ProcessParameters, 0x20);
VN_OFFSET(vn_peb, ProcessHeap, 0x30);
VN_OFFSET(vn_peb, TlsBitmapBits, 0x80);
VN_OFFSET(vn_peb, NumberOfProcessors, 0xB8);
VN_OFFSET(vn_peb, ProcessHeaps, 0xF0);
VN_OFFSET(vn_peb, OSMajorVersion, 0x118);
VN_OFFSET(vn_peb, ImageSubsystem, 0x128);
VN_OFFSET(vn_peb, SessionId, 0x2C0);
VN_OFFSET(vn_teb, Self, 0x30);
VN_OFFSET(vn_teb, ClientIdProcess, 0x40);
VN_OFFSET(vn_teb, ThreadLocalStoragePointer, 0x58);
VN_OFFSET(vn_teb, Peb, 0x60);
VN_OFFSET(vn_teb, FlsData, 0x17C8);
VN_OFFSET(vn_teb, LastErrorValue, 0x68);
VN_OFFSET(vn_teb, CurrentLocale, 0x108);
VN_OFFSET(vn_teb, LastStatusValue, 0x1250);
VN_OFFSET(vn_teb, StaticUnicodeBuffer, 0x1268);
VN_OFFSET(vn_teb, DeallocationStack, 0x1478);
VN_OFFSET(vn_teb, TlsSlots, 0x1480);
VN_OFFSET(vn_teb, GuaranteedStackBytes, 0x1748);
VN_OFFSET(vn_teb, TlsExpansionSlots, 0x1780);
VN_OFFSET(vn_teb, HeapCache, 0x1788);
_Static_assert(sizeof(struct vn_teb) == 0x1838, "TEB size");
_Static_assert(sizeof(struct vn_ldr_entry) == 0x120, "LDR entry size");

#ifdef _WIN32
static inline struct vn_teb *vn_teb(void)
{
    struct vn_teb *teb;
    __asm__("movq %%gs:0x30, %0" : "=r"(teb));
    return teb;
}
static inline struct vn_peb *vn_peb(void) { return vn_teb()->Peb; }
#endif

/* CONTEXT of Windows x64 (Microsoft's winnt.h): what the ELF side reads and writes for
 * exceptions (loader/signal.c) and Get/SetThreadContext (ntcalls/context.c). */
struct vn_context {
    uint64_t home[6];
    uint32_t flags, mxcsr;
    uint16_t cs, ds, es, fs, gs, ss;
    uint32_t eflags;
    uint64_t dr[6];
    uint64_t rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rip;
    uint8_t fxsave[512];
    uint8_t vector[26][16];
    uint64_t vector_control, debug_control, last_branch[4];
};
_Static_assert(offsetof(struct vn_context, rax) == 0x78, "CONTEXT.Rax");
_Static_assert(offsetof(struct vn_context, rip) == 0xf8, "CONTEXT.Rip");
_Static_assert(sizeof(struct vn_context) == 0x4d0, "CONTEXT size");

/* NtCreateThreadEx's attribute list (PS_ATTRIBUTE_LIST): the outputs are written before the new
 * thread runs, so that CreateThread's thread id is there when the thread starts (as on Windows). */
struct vn_ps_attribute {
    uint64_t Attribute;                     /* PS_ATTRIBUTE_* */
    uint64_t Size;                          /* bytes at ValuePtr */
    void *ValuePtr;                         /* or the value itself, for input attributes */
    uint64_t *ReturnLength;                 /* optional */
};
struct vn_ps_attribute_list {
    uint64_t TotalLength;                   /* of the whole list, header included */
    struct vn_ps_attribute Attributes[];
};
#define VN_PS_ATTRIBUTE_CLIENT_ID   0x10003 /* CLIENT_ID out: process and thread id */
#define VN_PS_ATTRIBUTE_TEB_ADDRESS 0x10004 /* TEB * out */
/* vinho's own, used by kernelbase's CreateRemoteThreadEx only: the thread id as a DWORD out, so
 * that *lpThreadId is set before the thread runs (Windows gets this by creating the thread
 * suspended and resuming it after the write: one more system call and wake-up). */
#define VN_PS_ATTRIBUTE_THREAD_ID32 0x56490001

#endif
