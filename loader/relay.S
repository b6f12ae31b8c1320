/* relay.S: the +relay thunk body. A per-export thunk loads its struct relay_info into %rax and
 * jumps here; we log the call, call the real function with the same arguments (registers and
 * 16 stack arguments, enough for variadic functions too), log the return, and return.
 * struct relay_info: +0 target, +8 argument count (as a 64-bit value), then names. */
    .text
    .globl vinho_relay_entry
    .type vinho_relay_entry, @function
vinho_relay_entry:
    movq %rcx, 8(%rsp)          /* the caller's home space takes the register arguments */
    movq %rdx, 16(%rsp)
    movq %r8, 24(%rsp)
    movq %r9, 32(%rsp)
    pushq %rbp
    movq %rsp, %rbp             /* 8(%rbp): return address; 16(%rbp): argument 0 */
    pushq %rbx
    pushq %r12
    movq %rax, %rbx
    subq $0x100, %rsp
    andq $-16, %rsp
    movdqa %xmm0, 0xa0(%rsp)
    movdqa %xmm1, 0xb0(%rsp)
    movdqa %xmm2, 0xc0(%rsp)
    movdqa %xmm3, 0xd0(%rsp)
    movq %rbx, %rcx             /* the loggers are ms_abi, so they keep rsi, rdi and xmm6-15, */
    leaq 16(%rbp), %rdx         /* which the PE caller expects preserved */
    movq 8(%rbp), %r8
    call vinho_relay_log_call
    movq $16, %rcx              /* 16 stack arguments, whatever the count: variadic */
1:  movq 40(%rbp,%rcx,8), %rax  /* argument 4 + (rcx - 1) */
    movq %rax, 24(%rsp,%rcx,8)
    decq %rcx
    jnz 1b
2:  movq 16(%rbp), %rcx
    movq 24(%rbp), %rdx
    movq 32(%rbp), %r8
    movq 40(%rbp), %r9
    movdqa 0xa0(%rsp), %xmm0
    movdqa 0xb0(%rsp), %xmm1
    movdqa 0xc0(%rsp), %xmm2
    movdqa 0xd0(%rsp), %xmm3
    call *(%rbx)
    movq %rax, %r12
    movdqa %xmm0, 0xa0(%rsp)
    movq %rbx, %rcx
    movq %rax, %rdx
    movq 8(%rbp), %r8
    call vinho_relay_log_ret
    movq %r12, %rax
    movdqa 0xa0(%rsp), %xmm0
    leaq -16(%rbp), %rsp
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size vinho_relay_entry, .-vinho_relay_entry
    .section .note.GNU-stack,"",@progbits
