/* runtimes: msvcrt ucrt */
/* strconv/compare_string: CompareStringOrdinal with and without bIgnoreCase, and
 * CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE) return CSTR_LESS_THAN/EQUAL/GREATER_THAN
 * (1/2/3).
 * Expected per
 * https://learn.microsoft.com/windows/win32/api/stringapiset/nf-stringapiset-comparestringordinal.
 * Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    printf("ordinal: %d %d %d\n", CompareStringOrdinal(L"abc", -1, L"abd", -1, FALSE),
           CompareStringOrdinal(L"abc", -1, L"ABC", -1, TRUE), CompareStringOrdinal(L"b", -1, L"a", -1, FALSE));
    printf("ordinal case: %d\n", CompareStringOrdinal(L"a", -1, L"B", -1, FALSE));
    printf("invariant: %d\n", CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, L"abc", -1, L"ABC", -1));
    return 0;
}
