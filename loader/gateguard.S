/* gateguard.S: every gate call enters the ELF side through here. The guard records where the
 * PE caller resumes and the registers the Windows ABI keeps (one frame per nested gate call, per
 * thread), puts its own return point in the caller's return slot and jumps to the ELF function,
 * whose arguments stay where the caller put them. A fault in ELF code while a frame is armed is
 * turned by loader/signal.c into a return of STATUS_ACCESS_VIOLATION from that call.
 * Frame layout (struct gate_frame in loader/loader.h): 0 resume address, 8 rsp at entry,
 * 16 rbx, 24 rbp, 32 rdi, 40 rsi, 48 r12, 56 r13, 64 r14, 72 r15, 80..239 xmm6-xmm15. */
    .text
    .globl vinho_gate_guard
    .type vinho_gate_guard, @function
vinho_gate_guard:                       /* r11: the ELF function */
    movl %fs:vinho_gate_depth@tpoff, %r10d
    cmpl $32, %r10d
    jae 9f                              /* nested too deep: call it unguarded */
    incl %fs:vinho_gate_depth@tpoff
    shlq $8, %r10
    movq %fs:0, %rax
    leaq vinho_gate_frames@tpoff(%rax,%r10), %r10
    movq (%rsp), %rax
    movq %rax, 0(%r10)
    movq %rsp, 8(%r10)
    movq %rbx, 16(%r10)
    movq %rbp, 24(%r10)
    movq %rdi, 32(%r10)
    movq %rsi, 40(%r10)
    movq %r12, 48(%r10)
    movq %r13, 56(%r10)
    movq %r14, 64(%r10)
    movq %r15, 72(%r10)
    movdqu %xmm6, 80(%r10)
    movdqu %xmm7, 96(%r10)
    movdqu %xmm8, 112(%r10)
    movdqu %xmm9, 128(%r10)
    movdqu %xmm10, 144(%r10)
    movdqu %xmm11, 160(%r10)
    movdqu %xmm12, 176(%r10)
    movdqu %xmm13, 192(%r10)
    movdqu %xmm14, 208(%r10)
    movdqu %xmm15, 224(%r10)
    leaq vinho_gate_return(%rip), %rax
    movq %rax, (%rsp)
9:  jmp *%r11
    .size vinho_gate_guard, .-vinho_gate_guard

    .globl vinho_gate_return
    .type vinho_gate_return, @function
vinho_gate_return:                      /* rax: the status; rsp as the caller expects */
    decl %fs:vinho_gate_depth@tpoff
    movl %fs:vinho_gate_depth@tpoff, %r10d
    shlq $8, %r10
    movq %fs:0, %r11
    leaq vinho_gate_frames@tpoff(%r11,%r10), %r10
    cmpl $0, %fs:vinho_suspend_pending@tpoff
    jne 1f
    jmp *0(%r10)
1:  pushq 0(%r10)                       /* SuspendThread came while in vinho's code: stop here */
    pushq %rax
    pushq %rbp
    movq %rsp, %rbp
    andq $-16, %rsp
    subq $32, %rsp                      /* home space of the ms_abi call */
    movq %r10, %rcx
    call vinho_gate_suspend_point
    movq %rbp, %rsp
    popq %rbp
    popq %rax
    ret                                 /* to the PE caller */
    .size vinho_gate_return, .-vinho_gate_return
    .section .note.GNU-stack,"",@progbits
