/* console/stdout_file_type: with stdout redirected to a file and stdin from NUL, GetFileType says
 * FILE_TYPE_DISK for stdout and FILE_TYPE_CHAR for NUL.
 * Expected per https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-getfiletype. Wine
 * 8.0 agrees. (The runner and record.cmd both redirect stdout to a file and stdin from NUL.) */
#include "common.h"

int main(void)
{
    printf("stdout=%lu stdin=%lu\n", (unsigned long)GetFileType(GetStdHandle(STD_OUTPUT_HANDLE)),
           (unsigned long)GetFileType(GetStdHandle(STD_INPUT_HANDLE)));
    return 0;
}
