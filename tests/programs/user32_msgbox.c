/* user32_msgbox.c: with no GUI, a message box writes its caption and text to stderr and returns
 * its default button at once (docs/win32dlls.md); GetSystemMetrics' session facts. Under Wine a
 * real box would wait for a click, so this output is vinho's only. */
#include <windows.h>
#include <stdio.h>

int main(void)
{
    int r;
    printf("MB_OK: %d\n", MessageBoxW(NULL, L"text", L"caption", MB_OK));
    printf("MB_YESNO: %d\n", MessageBoxW(NULL, L"question?", L"caption", MB_YESNO | MB_ICONQUESTION));
    printf("MB_YESNOCANCEL|MB_DEFBUTTON3: %d\n", MessageBoxA(NULL, "a", "b", MB_YESNOCANCEL | MB_DEFBUTTON3));
    printf("MB_OKCANCEL|MB_DEFBUTTON2: %d\n", MessageBoxA(NULL, "a", "b", MB_OKCANCEL | MB_DEFBUTTON2));
    printf("MB_RETRYCANCEL|MB_DEFBUTTON4: %d\n", MessageBoxA(NULL, "a", "b", MB_RETRYCANCEL | MB_DEFBUTTON4));
    SetLastError(0xdeadbeef);
    r = MessageBoxW(NULL, L"a", L"b", 0xf);
    printf("bad style: %d error=%lu\n", r, GetLastError());
    printf("SM_CLEANBOOT=%d SM_REMOTESESSION=%d\n", GetSystemMetrics(SM_CLEANBOOT), GetSystemMetrics(SM_REMOTESESSION));
    return 0;
}
