/* reloc.c: an image that cannot load at its preferred base. The Makefile links it with
 * --image-base 0x170000000, where vinho's ntdll.dll sits, so the loader must place it elsewhere
 * and apply its base relocations: every absolute address stored in data (pointers to strings,
 * to data, to functions) must then point into the image where it really is.
 * Expected: https://learn.microsoft.com/en-us/windows/win32/debug/pe-format#the-reloc-section-image-only
 * (IMAGE_REL_BASED_DIR64: the 64-bit field gets the difference between the actual and the
 * preferred base added). "not at the preferred base" is a vinho fact (its ntdll is there); on
 * Windows an ASLR image is usually moved too. Checked with Wine 8.0 except that line. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

extern IMAGE_DOS_HEADER __ImageBase;

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

static const char message[] = "a static string";
static const char *message_ptr = message;           /* an absolute pointer in .data */
static const char *names[] = { "zero", "one", "two" };
static int value = 1234;
static int *value_ptr = &value;
static int (*ops[])(int, int) = { add, mul };
static struct { const char *name; int (*op)(int, int); int *data; } entries[] = {
    { "add", add, &value }, { "mul", mul, NULL },
};

static int inside(const void *p)
{
    const BYTE *base = (const BYTE *)GetModuleHandleA(NULL);
    const IMAGE_NT_HEADERS *nt = (const IMAGE_NT_HEADERS *)(base + __ImageBase.e_lfanew);
    return (const BYTE *)p >= base && (const BYTE *)p < base + nt->OptionalHeader.SizeOfImage;
}

int main(void)
{
    volatile int i1 = 1, i2 = 2;
    HMODULE self = GetModuleHandleA(NULL);

    printf("not at the preferred base 0x170000000: %s\n",
           self != (HMODULE)0x170000000ULL ? "yes" : "no");
    printf("GetModuleHandle(NULL) == &__ImageBase: %s\n", self == (HMODULE)&__ImageBase ? "yes" : "no");
    printf("message_ptr -> [%s], inside the image: %s\n", message_ptr, inside(message_ptr) ? "yes" : "no");
    printf("names[%d] = %s, names[%d] = %s\n", i1, names[i1], i2, names[i2]);
    printf("*value_ptr = %d, points at value: %s\n", *value_ptr, value_ptr == &value ? "yes" : "no");
    printf("ops[0](6, 7) = %d, ops[1](6, 7) = %d\n", ops[i1 - 1](6, 7), ops[i2 - 1](6, 7));
    printf("entries[1].op(3, 4) = %d (%s), entries[0].data -> %d\n", entries[i1].op(3, 4),
           entries[i1].name, *entries[i1 - 1].data);
    printf("function pointers inside the image: %s\n", inside((void *)ops[0]) && inside((void *)entries[1].op) ? "yes" : "no");
    return 0;
}
