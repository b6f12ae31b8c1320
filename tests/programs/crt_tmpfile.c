/* crt_tmpfile.c: tmpfile, tmpfile_s, tmpnam, tmpnam_s, _tempnam; runs under msvcrt and the
 * UCRT (ucrt.list). Expected, from Microsoft's documentation:
 * - tmpfile https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/tmpfile
 *   (opened "w+b"; deleted when closed);
 * - tmpnam https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/tempnam-wtempnam-tmpnam-wtmpnam
 *   (a name that does not exist; successive calls give different names; _tempnam's name starts
 *   with the prefix and lies in the folder TMP names, else in dir). */
#include <errno.h>
#include <io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

errno_t __cdecl tmpfile_s(FILE **out);     /* not declared by mingw's headers by default */

int main(void)
{
    /* 260: the UCRT's L_tmpnam (its names are in the temporary folder); mingw's header says
     * 14, msvcrt.dll's value. */
    char a[260], b[260], line[32] = "", *p, *q;
    FILE *f = tmpfile(), *g = NULL;

    printf("tmpfile: %s\n", f ? "ok" : "NULL");
    if (f) {
        fputs("scratch\n", f);
        rewind(f);
        fgets(line, sizeof(line), f);
        printf("read back: %s", line);
        printf("fclose: %d\n", fclose(f));
    }
    errno_t err = tmpfile_s(&g);
    printf("tmpfile_s: %d %s\n", err, g ? "ok" : "NULL");
    if (g)
        fclose(g);
    p = tmpnam(a);
    q = tmpnam(b);
    printf("tmpnam: returns its buffers %d, names differ %d, exists %d\n", p == a && q == b,
           strcmp(a, b) != 0, _access(a, 0) == 0);
    printf("tmpnam(NULL): %s\n", tmpnam(NULL) ? "a name" : "NULL");
    printf("tmpnam_s: %d\n", tmpnam_s(a, sizeof(a)));
    _putenv("TMP=");
    p = _tempnam(".", "vnh");
    printf("_tempnam(\".\", \"vnh\"): %s\n", p && strstr(p, "vnh") && _access(p, 0) != 0
                                              ? "a new name with the prefix" : "wrong");
    free(p);
    return 0;
}
