/* startup.c: Winsock start-up and clean-up, its last error, protocol enumeration and overlapped
 * results. vinho has no socket providers yet (docs/go.md): nothing else of Winsock exists. */
#include "vinho/pe_side.h"
#include <winsock2.h>

DEFAULT_DEBUG_CHANNEL(ntdll);

static LONG startups;   /* WSAStartup calls not yet matched by WSACleanup */

/***********************************************************************
 *           WSAStartup   (WS2_32.115)
 *
 * Documented: the highest version we support (2.2) that is at most the one asked for; versions
 * below 1.0 fail with WSAVERNOTSUPPORTED, a NULL data pointer with WSAEFAULT. The error is the
 * return value; the last error is not set.
 */
int WINAPI WSAStartup(WORD version, WSADATA *data)
{
    static const char description[] = "WinSock 2.0";
    static const char status[] = "Running";

    TRACE("%#x %p\n", version, data);
    if (!LOBYTE(version))
        return WSAVERNOTSUPPORTED;
    if (!data)
        return WSAEFAULT;
    memset(data, 0, sizeof(*data));
    /* 1.x and 2.x below 2.2 get what they asked for; anything higher gets 2.2. */
    data->wVersion = LOBYTE(version) > 2 || (LOBYTE(version) == 2 && HIBYTE(version) > 2)
                   ? MAKEWORD(2, 2) : version;
    data->wHighVersion = MAKEWORD(2, 2);
    memcpy(data->szDescription, description, sizeof(description));
    memcpy(data->szSystemStatus, status, sizeof(status));
    InterlockedIncrement(&startups);
    return 0;
}

/***********************************************************************
 *           WSACleanup   (WS2_32.116)
 */
int WINAPI WSACleanup(void)
{
    LONG n = startups;
    do {
        if (n <= 0) {
            SetLastError(WSANOTINITIALISED);
            return SOCKET_ERROR;
        }
    } while (InterlockedCompareExchange(&startups, n - 1, n) != n && (n = startups, 1));
    return 0;
}

/***********************************************************************
 *           WSAGetLastError   (WS2_32.111)
 */
int WINAPI WSAGetLastError(void)
{
    return GetLastError();
}

/***********************************************************************
 *           WSASetLastError   (WS2_32.112)
 */
void WINAPI WSASetLastError(int error)
{
    SetLastError(error);
}

/***********************************************************************
 *           WSAEnumProtocolsW   (WS2_32.@)
 *
 * Returns the number of protocols installed: vinho has no socket providers, so none (Go's
 * runtime asks at start). Before WSAStartup: WSANOTINITIALISED.
 */
int WINAPI WSAEnumProtocolsW(int *protocols, WSAPROTOCOL_INFOW *buffer, DWORD *length)
{
    TRACE("%p %p %p\n", protocols, buffer, length);
    if (startups <= 0) {
        SetLastError(WSANOTINITIALISED);
        return SOCKET_ERROR;
    }
    FIXME_ONCE("vinho has no socket providers: no protocols to list\n");
    return 0;
}

/***********************************************************************
 *           WSAGetOverlappedResult   (WS2_32.@)
 *
 * The result of an overlapped operation from its OVERLAPPED (Internal: the NT status,
 * InternalHigh: the bytes). No socket operation of vinho ever starts, so flags (MSG_* of a
 * receive) are always 0.
 */
BOOL WINAPI WSAGetOverlappedResult(SOCKET s, WSAOVERLAPPED *ov, DWORD *transferred, BOOL wait,
                                   DWORD *flags)
{
    NTSTATUS status;
    TRACE("%#Ix %p %p %d %p\n", s, ov, transferred, wait, flags);
    if (!ov || !transferred || !flags) {
        SetLastError(WSAEFAULT);
        return FALSE;
    }
    status = (NTSTATUS)ov->Internal;
    if (status == STATUS_PENDING) {
        if (!wait) {
            SetLastError(WSA_IO_INCOMPLETE);
            return FALSE;
        }
        NtWaitForSingleObject(ov->hEvent ? ov->hEvent : (HANDLE)s, FALSE, NULL);
        status = (NTSTATUS)ov->Internal;
    }
    *transferred = (DWORD)ov->InternalHigh;
    *flags = 0;
    if (status) {
        SetLastError(RtlNtStatusToDosError(status));
        return FALSE;
    }
    return TRUE;
}
