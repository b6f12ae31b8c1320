/* fpbits.h: the bits of a double or a float and back, for math.c and math_float.c. */
#ifndef VINHO_MSVCRT_FPBITS_H
#define VINHO_MSVCRT_FPBITS_H

#include <stdint.h>
#include <string.h>

static inline uint64_t bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof(u));
    return u;
}

static inline double from_bits(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof(x));
    return x;
}

static inline uint32_t float_bits(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof(u));
    return u;
}

static inline float float_from_bits(uint32_t u)
{
    float x;
    memcpy(&x, &u, sizeof(x));
    return x;
}

#endif /* VINHO_MSVCRT_FPBITS_H */
