/* regdefs.h: layouts of the NT registry and token query buffers, for both sides of the gate
 * (mingw-w64's winternl.h does not declare them). Layouts are Windows' (wdm.h / ntifs.h). */
#ifndef VINHO_REGDEFS_H
#define VINHO_REGDEFS_H

/* KEY_INFORMATION_CLASS */
#define VN_KEY_BASIC_INFORMATION        0
#define VN_KEY_NODE_INFORMATION         1
#define VN_KEY_FULL_INFORMATION         2
#define VN_KEY_NAME_INFORMATION         3
/* KEY_VALUE_INFORMATION_CLASS */
#define VN_KEY_VALUE_BASIC_INFORMATION   0
#define VN_KEY_VALUE_FULL_INFORMATION    1
#define VN_KEY_VALUE_PARTIAL_INFORMATION 2

struct vn_key_basic_information {
    LARGE_INTEGER LastWriteTime;
    ULONG TitleIndex;
    ULONG NameLength;           /* bytes */
    WCHAR Name[1];
};
struct vn_key_node_information {
    LARGE_INTEGER LastWriteTime;
    ULONG TitleIndex;
    ULONG ClassOffset;
    ULONG ClassLength;
    ULONG NameLength;
    WCHAR Name[1];
};
struct vn_key_full_information {
    LARGE_INTEGER LastWriteTime;
    ULONG TitleIndex;
    ULONG ClassOffset;
    ULONG ClassLength;
    ULONG SubKeys;
    ULONG MaxNameLen;
    ULONG MaxClassLen;
    ULONG Values;
    ULONG MaxValueNameLen;
    ULONG MaxValueDataLen;
    WCHAR Class[1];
};
struct vn_key_name_information {
    ULONG NameLength;
    WCHAR Name[1];
};
struct vn_key_value_basic_information {
    ULONG TitleIndex;
    ULONG Type;
    ULONG NameLength;
    WCHAR Name[1];
};
struct vn_key_value_full_information {
    ULONG TitleIndex;
    ULONG Type;
    ULONG DataOffset;
    ULONG DataLength;
    ULONG NameLength;
    WCHAR Name[1];
};
struct vn_key_value_partial_information {
    ULONG TitleIndex;
    ULONG Type;
    ULONG DataLength;
    UCHAR Data[1];
};

/* NtCreateKey options and dispositions (winnt.h values). */
#define VN_REG_OPTION_VOLATILE      0x00000001
#define VN_REG_OPTION_CREATE_LINK   0x00000002
#define VN_REG_OPTION_BACKUP_RESTORE 0x00000004
#define VN_REG_OPTION_OPEN_LINK     0x00000008
#define VN_REG_CREATED_NEW_KEY      1
#define VN_REG_OPENED_EXISTING_KEY  2

/* The one user of a vinho session: S-1-5-21-0-0-0-1000 (a local account, machine part zero,
 * RID 1000 = the first account Windows creates). HKEY_CURRENT_USER is \Registry\User\<it>. */
#define VN_USER_SID_STRING "S-1-5-21-0-0-0-1000"
#define VN_USER_SID_STRING_W L"S-1-5-21-0-0-0-1000"
#define VN_USER_RID 1000

#ifndef STATUS_KEY_DELETED
#define STATUS_KEY_DELETED              ((NTSTATUS)0xC000017C)
#endif
#ifndef STATUS_CHILD_MUST_BE_VOLATILE
#define STATUS_CHILD_MUST_BE_VOLATILE   ((NTSTATUS)0xC0000181)
#endif

/* Value types (winnt.h), for the ELF side. */
#ifndef REG_SZ
#define REG_NONE        0
#define REG_SZ          1
#define REG_EXPAND_SZ   2
#define REG_BINARY      3
#define REG_DWORD       4
#define REG_MULTI_SZ    7
#define REG_QWORD       11
#endif

#endif
