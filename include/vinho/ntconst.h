/* ntconst.h: NT flag and class values used on the ELF side (values from the Windows SDK/DDK docs). */
#ifndef VINHO_NTCONST_H
#define VINHO_NTCONST_H

/* Access rights */
#define DELETE                    0x00010000
#define READ_CONTROL              0x00020000
#define SYNCHRONIZE               0x00100000
#define GENERIC_READ              0x80000000u
#define GENERIC_WRITE             0x40000000u
#define GENERIC_EXECUTE           0x20000000u
#define GENERIC_ALL               0x10000000u
#define MAXIMUM_ALLOWED           0x02000000u
#define FILE_READ_DATA            0x0001
#define FILE_LIST_DIRECTORY       0x0001
#define FILE_WRITE_DATA           0x0002
#define FILE_ADD_FILE             0x0002
#define FILE_APPEND_DATA          0x0004
#define FILE_READ_EA              0x0008
#define FILE_WRITE_EA             0x0010
#define FILE_EXECUTE              0x0020
#define FILE_TRAVERSE             0x0020
#define FILE_DELETE_CHILD         0x0040
#define FILE_READ_ATTRIBUTES      0x0080
#define FILE_WRITE_ATTRIBUTES     0x0100

/* Share access */
#define FILE_SHARE_READ           0x1
#define FILE_SHARE_WRITE          0x2
#define FILE_SHARE_DELETE         0x4

/* NtCreateFile dispositions */
#define FILE_SUPERSEDE            0
#define FILE_OPEN                 1
#define FILE_CREATE               2
#define FILE_OPEN_IF              3
#define FILE_OVERWRITE            4
#define FILE_OVERWRITE_IF         5

/* IO_STATUS_BLOCK.Information after NtCreateFile */
#define FILE_SUPERSEDED           0
#define FILE_OPENED               1
#define FILE_CREATED              2
#define FILE_OVERWRITTEN          3
#define FILE_EXISTS               4
#define FILE_DOES_NOT_EXIST       5

/* NtCreateFile options */
#define FILE_DIRECTORY_FILE             0x00000001
#define FILE_WRITE_THROUGH              0x00000002
#define FILE_SEQUENTIAL_ONLY            0x00000004
#define FILE_NO_INTERMEDIATE_BUFFERING  0x00000008
#define FILE_SYNCHRONOUS_IO_ALERT       0x00000010
#define FILE_SYNCHRONOUS_IO_NONALERT    0x00000020
#define FILE_NON_DIRECTORY_FILE         0x00000040
#define FILE_CREATE_TREE_CONNECTION     0x00000080
#define FILE_COMPLETE_IF_OPLOCKED       0x00000100
#define FILE_NO_EA_KNOWLEDGE            0x00000200
#define FILE_OPEN_REMOTE_INSTANCE       0x00000400
#define FILE_RANDOM_ACCESS              0x00000800
#define FILE_DELETE_ON_CLOSE            0x00001000
#define FILE_OPEN_BY_FILE_ID            0x00002000
#define FILE_OPEN_FOR_BACKUP_INTENT     0x00004000
#define FILE_NO_COMPRESSION             0x00008000
#define FILE_OPEN_REQUIRING_OPLOCK      0x00010000
#define FILE_RESERVE_OPFILTER           0x00100000
#define FILE_OPEN_REPARSE_POINT         0x00200000
#define FILE_OPEN_NO_RECALL             0x00400000
#define FILE_OPEN_FOR_FREE_SPACE_QUERY  0x00800000
#define FILE_VALID_OPTION_FLAGS         0x00ffffff

/* File attributes */
#define FILE_ATTRIBUTE_READONLY   0x0001
#define FILE_ATTRIBUTE_HIDDEN     0x0002
#define FILE_ATTRIBUTE_SYSTEM     0x0004
#define FILE_ATTRIBUTE_DIRECTORY  0x0010
#define FILE_ATTRIBUTE_ARCHIVE    0x0020
#define FILE_ATTRIBUTE_NORMAL     0x0080
#define FILE_ATTRIBUTE_REPARSE_POINT 0x0400

/* OBJECT_ATTRIBUTES.Attributes */
#define OBJ_INHERIT               0x00000002
#define OBJ_CASE_INSENSITIVE      0x00000040
#define OBJ_OPENIF                0x00000080

/* FILE_INFORMATION_CLASS */
#define FileDirectoryInformation        1
#define FileBasicInformation            4
#define FileStandardInformation         5
#define FileInternalInformation         6
#define FileEaInformation               7
#define FileAccessInformation           8
#define FileNameInformation             9
#define FileRenameInformation           10
#define FileLinkInformation             11
#define FileNamesInformation            12
#define FileDispositionInformation      13
#define FilePositionInformation         14
#define FileModeInformation             16
#define FileAlignmentInformation        17
#define FileAllInformation              18
#define FileAllocationInformation       19
#define FileEndOfFileInformation        20
#define FilePipeLocalInformation        24
#define FileNetworkOpenInformation      34
#define FileAttributeTagInformation     35
#define FileIdBothDirectoryInformation  37
#define FileDispositionInformationEx    64
#define FileRenameInformationEx         65

/* FS_INFORMATION_CLASS */
#define FileFsVolumeInformation         1
#define FileFsSizeInformation           3
#define FileFsDeviceInformation         4
#define FileFsAttributeInformation      5
#define FileFsFullSizeInformation       7

/* DEVICE_TYPE */
#define FILE_DEVICE_DISK                0x00000007
#define FILE_DEVICE_NAMED_PIPE          0x00000011
#define FILE_DEVICE_NULL                0x00000015
#define FILE_DEVICE_CONSOLE             0x00000050
#define FILE_DEVICE_SERIAL_PORT         0x0000001b
#define FILE_DEVICE_UNKNOWN             0x00000022

/* Virtual memory */
#define MEM_COMMIT                0x00001000
#define MEM_RESERVE               0x00002000
#define MEM_DECOMMIT              0x00004000
#define MEM_RELEASE               0x00008000
#define MEM_FREE                  0x00010000
#define MEM_PRIVATE               0x00020000
#define MEM_MAPPED                0x00040000
#define MEM_RESET                 0x00080000
#define MEM_TOP_DOWN              0x00100000
#define MEM_WRITE_WATCH           0x00200000
#define MEM_RESET_UNDO            0x01000000
#define MEM_LARGE_PAGES           0x20000000
#define MEM_IMAGE                 0x01000000
#define PAGE_NOACCESS             0x01
#define PAGE_READONLY             0x02
#define PAGE_READWRITE            0x04
#define PAGE_WRITECOPY            0x08
#define PAGE_EXECUTE              0x10
#define PAGE_EXECUTE_READ         0x20
#define PAGE_EXECUTE_READWRITE    0x40
#define PAGE_EXECUTE_WRITECOPY    0x80
#define PAGE_GUARD                0x100
#define PAGE_NOCACHE              0x200
#define PAGE_WRITECOMBINE         0x400

/* Sections */
#define SEC_FILE                  0x00800000
#define SEC_IMAGE                 0x01000000
#define SEC_RESERVE               0x04000000
#define SEC_COMMIT                0x08000000
#define SEC_NOCACHE               0x10000000
#define SEC_LARGE_PAGES           0x80000000
#define SECTION_QUERY             0x0001
#define SECTION_MAP_WRITE         0x0002
#define SECTION_MAP_READ          0x0004
#define SECTION_MAP_EXECUTE       0x0008
#define SECTION_EXTEND_SIZE       0x0010
#define ViewShare                 1
#define ViewUnmap                 2

#define DUPLICATE_CLOSE_SOURCE    0x1
#define DUPLICATE_SAME_ACCESS     0x2

#endif
