/* runtimes: msvcrt ucrt */
/* printf/text_mode_newline: stdout in text mode turns "\n" into "\r\n" and leaves a lone "\r"
 * alone; after _setmode(_O_BINARY) "\n" stays "\n".
 * Expected per https://learn.microsoft.com/cpp/c-runtime-library/reference/setmode. Wine 8.0
 * agrees. */
#include "common.h"

int main(void)
{
    printf("text\n");
    printf("cr\ralone\n");
    fflush(stdout);
    _setmode(1, 0x8000);   /* _O_BINARY */
    printf("binary\n");
    fflush(stdout);
    _setmode(1, 0x4000);   /* _O_TEXT */
    printf("text again\n");
    return 0;
}
