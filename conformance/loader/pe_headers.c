/* runtimes: msvcrt ucrt */
/* loader/pe_headers: the program's own headers as mapped: PE32+ magic 0x20B, machine 0x8664
 * (AMD64), 16 data directories, SizeOfImage page aligned, the section alignment 0x1000.
 * Expected per the PE/COFF specification
 * (https://learn.microsoft.com/windows/win32/debug/pe-format: Optional Header Magic, Machine
 * Types). Per the specification and the mingw-w64 link; Wine 8.0 agrees. */
#include "common.h"

int main(void)
{
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)GetModuleHandleW(NULL);
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((char *)dos + dos->e_lfanew);
    printf("signature=%d magic=0x%x machine=0x%x\n", nt->Signature == IMAGE_NT_SIGNATURE, nt->OptionalHeader.Magic, nt->FileHeader.Machine);
    printf("dirs=%lu section align=0x%lx image size aligned=%d\n", (unsigned long)nt->OptionalHeader.NumberOfRvaAndSizes,
           (unsigned long)nt->OptionalHeader.SectionAlignment, (nt->OptionalHeader.SizeOfImage & 0xfff) == 0);
    return 0;
}
