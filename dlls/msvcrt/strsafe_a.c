/* strsafe_a.c: the narrow instance of strsafe_tmpl.h (strcpy_s, strtok_s, _strset...). */
#include "msvcrt.h"

#define CH char
#define SETCH int
#define NAME(narrow, wide) narrow
#include "strsafe_tmpl.h"
