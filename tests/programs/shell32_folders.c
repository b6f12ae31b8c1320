/* shell32_folders.c: SHGetFolderPathW under a profile folder the test chooses (USERPROFILE set
 * to a folder beside it, so the result does not depend on the prefix): a missing folder gives
 * E_FAIL, CSIDL_FLAG_CREATE makes it, an invalid CSIDL gives E_INVALIDARG. (Wine ignores
 * USERPROFILE and answers from its own prefix, so this output is vinho's only.) */
#include <windows.h>
#include <shlobj.h>
#include <stdio.h>

int main(void)
{
    WCHAR profile[MAX_PATH], path[MAX_PATH];
    HRESULT hr;
    int n;

    GetCurrentDirectoryW(MAX_PATH, profile);
    lstrcatW(profile, L"\\folders_profile");
    RemoveDirectoryW(L"folders_profile\\AppData\\Roaming");
    RemoveDirectoryW(L"folders_profile\\AppData");
    RemoveDirectoryW(L"folders_profile");
    CreateDirectoryW(profile, NULL);
    SetEnvironmentVariableW(L"USERPROFILE", profile);
    n = lstrlenW(profile);

    hr = SHGetFolderPathW(NULL, CSIDL_PROFILE, NULL, SHGFP_TYPE_CURRENT, path);
    printf("profile: %#lx same=%d\n", hr, !lstrcmpiW(path, profile));
    hr = SHGetFolderPathW(NULL, CSIDL_APPDATA, NULL, SHGFP_TYPE_CURRENT, path);
    printf("appdata missing: %#lx empty=%d\n", hr, path[0] == 0);
    hr = SHGetFolderPathW(NULL, CSIDL_APPDATA | CSIDL_FLAG_CREATE, NULL, SHGFP_TYPE_CURRENT, path);
    printf("appdata created: %#lx [%ls] is dir=%d\n", hr, path + n,
           (GetFileAttributesW(path) & FILE_ATTRIBUTE_DIRECTORY) != 0);
    hr = SHGetFolderPathW(NULL, CSIDL_APPDATA, NULL, SHGFP_TYPE_CURRENT, path);
    printf("appdata exists: %#lx\n", hr);
    hr = SHGetFolderPathW(NULL, 0x7f, NULL, SHGFP_TYPE_CURRENT, path);
    printf("invalid CSIDL: %#lx\n", hr);
    RemoveDirectoryW(L"folders_profile\\AppData\\Roaming");
    RemoveDirectoryW(L"folders_profile\\AppData");
    RemoveDirectoryW(L"folders_profile");
    return 0;
}
