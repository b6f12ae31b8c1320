/* cxx_fh4_func.S: fh4_try (see cxx_fh4.cpp), a function with hand-built __CxxFrameHandler4
 * tables, and its three catch funclets. Frame (rsp after the prologue = the establisher frame):
 * 32 g, 40 g2, 48 pointer to g2, 56 catch object, 64 kind.
 * States: -1; 0 g alive; 1 outer try; 2 inner try (g2 alive); 3 inner catch; 4 outer catch.
 * Compressed numbers (FH4): 1 byte v<<1; 2 bytes v<<2|1; 3 bytes v<<3|3; 4 bytes v<<4|7;
 * 5 bytes 0x0f then v. */
    .intel_syntax noprefix
    .text

    .globl fh4_try
    .def fh4_try; .scl 2; .type 32; .endef
fh4_try:
    .seh_proc fh4_try
    .seh_handler __CxxFrameHandler4, @unwind, @except
    push rbx
    .seh_pushreg rbx
    sub rsp, 80
    .seh_stackalloc 80
    .seh_endprologue
    mov ebx, ecx
    mov [rsp+64], ecx
    lea rcx, [rsp+32]
    lea rdx, [rip+name_g]
    call guard_ctor
    nop
.Ls0:                                   /* state 0 */
    lea rcx, [rsp+40]
    lea rdx, [rip+name_g2]
    call guard_ctor
    lea rax, [rsp+40]
    mov [rsp+48], rax
.Ls2:                                   /* state 2: the inner try */
    mov ecx, ebx
    call fh4_throw
    nop
.Ls1:                                   /* state 1: the outer try, g2 done with */
    lea rcx, [rsp+40]
    call guard_dtor
.Lafter_inner:
    lea rcx, [rip+msg_after_inner]
    xor edx, edx
    call note
    nop
.Ls0b:                                  /* state 0 */
.Lafter_outer:
    lea rcx, [rip+msg_after_outer]
    xor edx, edx
    call note
    nop
.Lsm1:                                  /* state -1 */
    lea rcx, [rsp+32]
    call guard_dtor
    mov eax, ebx
    add rsp, 80
    pop rbx
    ret
    .seh_handlerdata
    .rva fi_main
    .text
    .seh_endproc

/* Catch funclets: rcx the handler's address, rdx the parent's establisher frame, saved at
 * entry rsp+16 = establisher + 56 (the dispFrame of their FuncInfo4). */
    .def catch_int; .scl 3; .type 32; .endef
catch_int:                              /* catch (int e) */
    .seh_proc catch_int
    .seh_handler __CxxFrameHandler4, @unwind, @except
    mov [rsp+16], rdx
    push rbx
    .seh_pushreg rbx
    sub rsp, 32
    .seh_stackalloc 32
    .seh_endprologue
    mov rbx, rdx
    lea rcx, [rip+msg_inner_int]
    movsxd rdx, dword ptr [rbx+56]
    call note
    cmp dword ptr [rbx+56], 42
    jne 1f
    lea rcx, [rip+msg_rethrow]
    xor edx, edx
    call note
    xor ecx, ecx
    xor edx, edx
    call _CxxThrowException
1:  lea rax, [rip+.Lafter_inner]        /* the continuation: returned */
    add rsp, 32
    pop rbx
    ret
    .seh_handlerdata
    .rva fi_catch_inner
    .text
    .seh_endproc

    .def catch_base; .scl 3; .type 32; .endef
catch_base:                             /* catch (Base &b) */
    .seh_proc catch_base
    .seh_handler __CxxFrameHandler4, @unwind, @except
    mov [rsp+16], rdx
    push rbx
    .seh_pushreg rbx
    sub rsp, 32
    .seh_stackalloc 32
    .seh_endprologue
    mov rcx, [rdx+56]
    call note_base
    xor eax, eax                        /* continuation 0 of the tables */
    add rsp, 32
    pop rbx
    ret
    .seh_handlerdata
    .rva fi_catch_inner
    .text
    .seh_endproc

    .def catch_all; .scl 3; .type 32; .endef
catch_all:                              /* catch (...) */
    .seh_proc catch_all
    .seh_handler __CxxFrameHandler4, @unwind, @except
    mov [rsp+16], rdx
    push rbx
    .seh_pushreg rbx
    sub rsp, 32
    .seh_stackalloc 32
    .seh_endprologue
    mov rbx, rdx
    lea rcx, [rip+msg_outer]
    xor edx, edx
    call note
    cmp dword ptr [rbx+64], 3
    jne 1f
    lea rcx, [rip+msg_rethrow]
    xor edx, edx
    call note
    xor ecx, ecx
    xor edx, edx
    call _CxxThrowException
1:  lea rax, [rip+.Lafter_outer]
    add rsp, 32
    pop rbx
    ret
    .seh_handlerdata
    .rva fi_catch_outer
    .text
    .seh_endproc

    .section .rdata,"dr"
name_g:          .asciz "g"
name_g2:         .asciz "g2"
msg_inner_int:   .asciz " inner int %ld"
msg_rethrow:     .asciz ", rethrow;"
msg_after_inner: .asciz " after the inner try"
msg_after_outer: .asciz " after the outer try"
msg_outer:       .asciz " outer catch(...)"

/* FuncInfo4: header 0x38 = unwind map, try map, /EHs. */
fi_main:
    .byte 0x38
    .rva unwind_map
    .rva try_map
    .rva ip_main
/* The catch funclets': 0x39 = the same plus "catch funclet", then dispFrame 56. */
fi_catch_inner:
    .byte 0x39
    .rva unwind_map
    .rva try_map
    .rva ip_catch_inner
    .byte 56 << 1
fi_catch_outer:
    .byte 0x39
    .rva unwind_map
    .rva try_map
    .rva ip_catch_outer
    .byte ((56 << 4) | 7) & 0xff, (56 << 4) >> 8, 0, 0      /* 4-byte number */

/* Unwind map: 5 entries (2-byte count); each nextOffset<<2 | type (1 DtorWithObj, 2
 * DtorWithPtrToObj, 0 none), nextOffset going back from the entry's offset (0, 6, 7, 13, 16)
 * to that of the state it leads to, or before the first for -1. */
unwind_map:
    .byte (5 << 2) | 1, 0
    .byte (1 << 2 | 1) << 1             /* state 0 -> -1: ~g, object at 32 */
    .rva guard_dtor
    .byte 32 << 1
    .byte (6 << 2) << 1                 /* state 1 -> 0 */
    .byte (1 << 2 | 2) << 1             /* state 2 -> 1: ~g2 through the pointer at 48 */
    .rva guard_dtor
    .byte 48 << 1
    .byte ((7 << 2) << 3) | 3, 0, 0     /* state 3 -> 1 (3-byte number) */
    .byte 0x0f                          /* state 4 -> 0 (5-byte number) */
    .long 16 << 2

/* Try map: the inner try first. low, high, catch high, RVA of its handlers. */
try_map:
    .byte 2 << 1
    .byte 2 << 1, 2 << 1, 3 << 1
    .rva handlers_inner
    .byte 1 << 1, 3 << 1, 4 << 1
    .rva handlers_outer

/* Handlers: header (1 adjectives, 2 type, 4 catch object, 0x10 one continuation). */
handlers_inner:
    .byte 2 << 1
    .byte 0x06                          /* catch (int e): type, object */
    .rva "??_R0H@8"
    .byte 56 << 1
    .rva catch_int
    .byte 0x17                          /* catch (Base &b): reference, continuation */
    .byte 8 << 1
    .rva "??_R0?AUBase@@@8"
    .byte 56 << 1
    .rva catch_base
    .byte 0x0f                          /* the continuation: .Lafter_inner */
    .long .Lafter_inner - fh4_try
handlers_outer:
    .byte 1 << 1
    .byte 0x01                          /* catch (...) */
    .byte 0x40 << 1
    .rva catch_all

/* IP-to-state maps: (ip delta, state + 1) pairs, ips relative to the function's start. */
ip_main:
    .byte 6 << 1
    .byte 0x0f
    .long 0
    .byte 0 << 1
    .byte 0x0f
    .long .Ls0 - fh4_try
    .byte 1 << 1
    .byte 0x0f
    .long .Ls2 - .Ls0
    .byte 3 << 1
    .byte 0x0f
    .long .Ls1 - .Ls2
    .byte 2 << 1
    .byte 0x0f
    .long .Ls0b - .Ls1
    .byte 1 << 1
    .byte 0x0f
    .long .Lsm1 - .Ls0b
    .byte 0 << 1
ip_catch_inner:
    .byte 1 << 1
    .byte 0, 4 << 1                     /* from its start: state 3 */
ip_catch_outer:
    .byte 1 << 1
    .byte 0, 5 << 1                     /* state 4 */
