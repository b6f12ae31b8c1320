/* printf/scanf_sizes: size prefixes: %hd into a short, %ld, %lld, %I64d, %I64x into 64 bits.
 * Expected per
 * https://learn.microsoft.com/cpp/c-runtime-library/format-specification-fields-scanf-and-wscanf-functions. Wine 8.0 agrees.
 * runtimes: msvcrt ucrt */
#include "common.h"

int main(void)
{
    short h = 0;
    long l = 0;
    long long ll = 0, i64 = 0;
    unsigned long long x = 0;
    int n = sscanf("-3 -70000 -9000000000 123456789012 ffffffffff", "%hd %ld %lld %I64d %I64x", &h, &l, &ll, &i64, &x);
    printf("n=%d %d %ld %lld %lld %llx\n", n, h, l, ll, i64, x);
    return 0;
}
