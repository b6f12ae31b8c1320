/* start.S: calls a Windows x64 function with one argument on a stack of its own. */
    .text
    .globl vinho_call_on_stack
    .type vinho_call_on_stack, @function
/* int vinho_call_on_stack(void *func, void *arg, void *stack_top) */
vinho_call_on_stack:
    .cfi_startproc
    pushq %rbp
    .cfi_def_cfa_offset 16
    .cfi_offset %rbp, -16
    movq %rsp, %rbp
    .cfi_def_cfa_register %rbp
    movq %rdx, %rsp
    andq $-16, %rsp
    subq $32, %rsp          /* the callee's home space for its register arguments */
    movq %rsi, %rcx
    callq *%rdi
    movq %rbp, %rsp
    popq %rbp
    .cfi_def_cfa %rsp, 8
    ret
    .cfi_endproc
    .size vinho_call_on_stack, .-vinho_call_on_stack
    .section .note.GNU-stack,"",@progbits
