/* msvcrt_stdio.c: stream behaviour beyond the basics of files.c: text-mode translation in both
 * directions (a lone CR stays, Ctrl-Z ends a text file), ftell/fseek in text mode, ungetc,
 * switching between reading and writing on an "r+" stream, writes larger than the buffer,
 * setvbuf, feof/ferror/clearerr, fgets on a long line, and errno of failed calls.
 * Expected, from Microsoft's documentation:
 * - text mode https://learn.microsoft.com/en-us/cpp/c-runtime-library/text-and-binary-mode-file-i-o
 *   (LF is written as CR LF; CR LF is read as LF; Ctrl-Z is end of file on input);
 * - ftell https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/ftell-ftelli64
 *   (in text mode the position counts the CR LF pairs in the file);
 * - fopen "r+" https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fopen-wfopen
 *   (a fflush or fseek must come between reading and writing);
 * - ungetc https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/ungetc-ungetwc;
 * - setvbuf https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/setvbuf
 *   (bad mode or size: -1 and EINVAL);
 * - fgets https://learn.microsoft.com/en-us/cpp/c-runtime-library/reference/fgets-fgetws;
 * - errno values https://learn.microsoft.com/en-us/cpp/c-runtime-library/errno-constants
 *   (ENOENT 2, EBADF 9, EINVAL 22). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define NAME "vinho_msvcrt_stdio.txt"

static void dump_binary(const char *what)
{
    unsigned char buf[64];
    FILE *f = fopen(NAME, "rb");
    size_t n = f ? fread(buf, 1, sizeof(buf), f) : 0;

    printf("%s: %u bytes:", what, (unsigned)n);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", buf[i]);
    printf("\n");
    if (f)
        fclose(f);
}

static void text_translation(void)
{
    FILE *f = fopen(NAME, "w");
    char line[32];
    int c;

    fputs("ab\ncd\r\n", f);
    fputc('\r', f);
    fputs("e\n", f);
    fclose(f);
    dump_binary("written in text mode");

    f = fopen(NAME, "r");
    printf("text reads:");
    while ((c = fgetc(f)) != EOF)
        printf(" %02x", c);
    printf("\nfeof %d, ferror %d\n", !!feof(f), !!ferror(f));
    clearerr(f);
    printf("after clearerr: feof %d\n", !!feof(f));
    rewind(f);
    fgets(line, sizeof(line), f);
    printf("first line: %u chars, ftell %ld\n", (unsigned)strlen(line), ftell(f));
    fclose(f);

    f = fopen(NAME, "wb");
    fputs("one\r\ntwo\x1athree\r\n", f);
    fclose(f);
    f = fopen(NAME, "rt");
    while (fgets(line, sizeof(line), f))
        printf("before Ctrl-Z: [%.*s] (%u chars)\n", (int)strcspn(line, "\n"), line, (unsigned)strlen(line));
    printf("at Ctrl-Z: feof %d\n", !!feof(f));
    fclose(f);
}

static void positions(void)
{
    FILE *f = fopen(NAME, "w+");
    char buf[16];
    int c;

    fputs("line1\nline2\n", f);
    printf("ftell after two text lines: %ld\n", ftell(f));
    fseek(f, 0, SEEK_SET);
    fgets(buf, sizeof(buf), f);
    printf("ftell after reading one line: %ld\n", ftell(f));
    c = fgetc(f);
    printf("next char %c, ungetc('X') = %c, ", c, ungetc('X', f));
    c = fgetc(f);
    printf("then fgetc = %c, ", c);
    c = fgetc(f);
    printf("then fgetc = %c\n", c);
    fseek(f, 0, SEEK_END);
    printf("fseek end: ftell %ld\n", ftell(f));
    fseek(f, -3, SEEK_CUR);
    printf("fseek -3 from the end: ftell %ld, ", ftell(f));
    printf("next char %02x\n", fgetc(f));
    fclose(f);

    f = fopen(NAME, "r+b");
    fgetc(f);
    fseek(f, 0, SEEK_CUR);
    fputc('#', f);
    fflush(f);
    fseek(f, 0, SEEK_SET);
    printf("r+ after overwrite: [%.6s]\n", fgets(buf, sizeof(buf), f));
    fclose(f);
}

static void big_writes(void)
{
    static char block[10000];
    FILE *f = fopen(NAME, "wb");
    size_t n;

    for (size_t i = 0; i < sizeof(block); i++)
        block[i] = 'a' + i % 26;
    printf("fwrite 10000: %u\n", (unsigned)fwrite(block, 1, sizeof(block), f));
    printf("fwrite 3 x 7: %u\n", (unsigned)fwrite(block, 7, 3, f));
    printf("ftell: %ld\n", ftell(f));
    fclose(f);
    memset(block, 0, sizeof(block));
    f = fopen(NAME, "rb");
    n = fread(block, 1, 5000, f);
    printf("fread 5000: %u, block[4999]=%c\n", (unsigned)n, block[4999]);
    n = fread(block, 4, 5000, f);
    printf("fread 4 x 5000: %u items, feof %d\n", (unsigned)n, !!feof(f));
    fclose(f);
}

static void errors(void)
{
    char buf[8];
    FILE *f;
    int ret;

    errno = 0;
    f = fopen("vinho_msvcrt_no_such_file", "r");
    printf("fopen missing: %s, errno %d\n", f ? "FILE" : "NULL", errno);
    errno = 0;
    f = fopen(NAME, "z");
    printf("fopen mode z: %s, errno %d\n", f ? "FILE" : "NULL", errno);
    f = fopen(NAME, "r");
    errno = 0;
    ret = setvbuf(f, NULL, 99, 512);
    printf("setvbuf mode 99: %d, errno %d\n", ret, errno);
    printf("setvbuf _IOFBF 8: %d\n", setvbuf(f, buf, _IOFBF, sizeof(buf)));
    ret = fputc('x', f);
    printf("fputc on a read-only stream: %d, ferror %d\n", ret, !!ferror(f));
    fclose(f);
    printf("remove: %d\n", remove(NAME));
}

int main(void)
{
    text_translation();
    positions();
    big_writes();
    errors();
    return 0;
}
