/* casemap.c: ntdll's generated case tables, compiled for the ELF side too, so that file names
 * compare ignoring case by the same upcase table PE code uses. */
#include "../dlls/ntdll/nls_tables.c"
