/* mathcalls.h: the operations and flags of the gate calls __vinho_math and __vinho_strtod,
 * shared by their ELF side (ntcalls/math.c) and the C runtimes that call them. */
#ifndef VINHO_MATHCALLS_H
#define VINHO_MATHCALLS_H

/* __vinho_math(op, a, b, &result, &raised): result = the host libm's function of a (and b);
 * raised = the VINHO_FP_* exceptions the computation raised. The host's exception flags are
 * also left raised in the caller's floating-point state, as the call would have raised them.
 * Operations are only ever added at the end. */
enum vinho_math_op {
    VINHO_MATH_SIN = 1,
    VINHO_MATH_COS,
    VINHO_MATH_TAN,
    VINHO_MATH_ASIN,
    VINHO_MATH_ACOS,
    VINHO_MATH_ATAN,
    VINHO_MATH_ATAN2,       /* atan2(a, b) */
    VINHO_MATH_SINH,
    VINHO_MATH_COSH,
    VINHO_MATH_TANH,
    VINHO_MATH_EXP,
    VINHO_MATH_LOG,
    VINHO_MATH_LOG10,
    VINHO_MATH_POW,         /* pow(a, b) */
    VINHO_MATH_FMOD,        /* fmod(a, b) */
    VINHO_MATH_HYPOT,       /* hypot(a, b) */
    VINHO_MATH_ACOSH,       /* C99, for the UCRT */
    VINHO_MATH_ASINH,
    VINHO_MATH_ATANH,
    VINHO_MATH_CBRT,
    VINHO_MATH_EXPM1,
    VINHO_MATH_LOG1P,
    VINHO_MATH_LOG2,
    VINHO_MATH_EXP2,
    VINHO_MATH_OP_COUNT
};

/* Exceptions raised, as reported in *int_result. */
#define VINHO_FP_INVALID    0x01
#define VINHO_FP_ZERODIVIDE 0x02
#define VINHO_FP_OVERFLOW   0x04
#define VINHO_FP_UNDERFLOW  0x08
#define VINHO_FP_INEXACT    0x10

/* __vinho_strtod(str, flags, &value, &consumed): converts the longest prefix of str of the form
 *     [whitespace] [sign] (digits [. [digits]] | . digits) [exponent [sign] digits]
 * with '.' as the radix and correct rounding; whitespace is " \t\n\v\f\r", the exponent letter
 * e or E (and d or D with VINHO_STRTOD_D_EXPONENT). No hexadecimal, infinity or NaN forms.
 * consumed = the prefix's length, 0 when there is no number (value 0).
 * Returns STATUS_SUCCESS, or, with value and consumed set all the same:
 *     STATUS_FLOAT_OVERFLOW   the value is beyond the range of a double (value is +-infinity);
 *     STATUS_FLOAT_UNDERFLOW  non-zero digits rounded to zero (value is +-0).
 * A result that is subnormal but not zero is a success. */
#define VINHO_STRTOD_D_EXPONENT 0x0001  /* Fortran's 1.5d2 (msvcrt.dll; not UCRT) */
#define VINHO_STRTOD_VALID_FLAGS VINHO_STRTOD_D_EXPONENT

#ifndef STATUS_FLOAT_OVERFLOW
#define STATUS_FLOAT_OVERFLOW  ((NTSTATUS)0xC0000091)
#endif
#ifndef STATUS_FLOAT_UNDERFLOW
#define STATUS_FLOAT_UNDERFLOW ((NTSTATUS)0xC0000093)
#endif

#endif /* VINHO_MATHCALLS_H */
