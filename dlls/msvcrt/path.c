/* path.c: _splitpath/_makepath and their wide forms, from one template (path_tmpl.h). */
#include "msvcrt.h"

#define CH char
#define NAME(narrow, wide) narrow
#include "path_tmpl.h"
#undef CH
#undef NAME

#define CH wchar_t
#define NAME(narrow, wide) wide
#include "path_tmpl.h"
