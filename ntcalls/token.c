/* token.c: the access token of the process: one user, the privileges of a standard
 * (non-elevated) account, no impersonation (docs/win32dlls.md). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "ntcalls/ntcalls.h"
#include "vinho/regdefs.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(advapi);

#define OBJ_TOKEN ((enum object_type)0x546f6b)     /* outside enum object_type: see registry.c */

#ifndef STATUS_NOT_ALL_ASSIGNED
#define STATUS_NOT_ALL_ASSIGNED ((NTSTATUS)0x00000106)
#endif
#ifndef STATUS_NO_TOKEN
#define STATUS_NO_TOKEN ((NTSTATUS)0xC000007C)
#endif

/* TOKEN_INFORMATION_CLASS values we answer. */
enum { TOKEN_USER_CLASS = 1, TOKEN_PRIVILEGES_CLASS = 3, TOKEN_TYPE_CLASS = 8,
       TOKEN_ELEVATION_TYPE_CLASS = 18, TOKEN_ELEVATION_CLASS = 20,
       TOKEN_INTEGRITY_LEVEL_CLASS = 25, TOKEN_IS_APP_CONTAINER_CLASS = 29 };

#define SE_PRIVILEGE_ENABLED_BY_DEFAULT 0x1
#define SE_PRIVILEGE_ENABLED            0x2
#define SE_GROUP_INTEGRITY              0x20

/* What a standard user holds on Windows 10 (whoami /priv): only SeChangeNotify is enabled. */
static const struct { ULONG luid; bool by_default; } held_privileges[] = {
    { 19, false },      /* SeShutdownPrivilege */
    { 23, true },       /* SeChangeNotifyPrivilege */
    { 25, false },      /* SeUndockPrivilege */
    { 33, false },      /* SeIncreaseWorkingSetPrivilege */
    { 34, false },      /* SeTimeZonePrivilege */
};
#define NB_HELD (sizeof(held_privileges) / sizeof(held_privileges[0]))

struct token {
    struct object obj;
    bool enabled[NB_HELD];      /* under token_lock */
};
static pthread_mutex_t token_lock = PTHREAD_MUTEX_INITIALIZER;

/* Layouts of winnt.h. */
struct luid_attr { ULONG low; LONG high; ULONG attributes; };
struct token_privileges { ULONG count; struct luid_attr privileges[]; };
struct sid_and_attributes { void *sid; ULONG attributes; };
struct sid5 { BYTE revision, count, authority[6]; ULONG sub[5]; };

static void token_destroy(struct object *obj)
{
    free(obj);
}
static const struct object_ops token_ops = { "token", token_destroy };

/***********************************************************************
 *           NtOpenProcessTokenEx
 */
NTSTATUS WINAPI NtOpenProcessTokenEx(HANDLE process, ACCESS_MASK access, ULONG attributes, HANDLE *out)
{
    struct token *token;
    HANDLE handle;
    NTSTATUS status;
    if (process != (HANDLE)(LONG_PTR)-1) {
        FIXME("tokens of other processes (%p) are not implemented\n", process);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (!(token = calloc(1, sizeof(*token))))
        return STATUS_NO_MEMORY;
    object_init(&token->obj, OBJ_TOKEN, &token_ops);
    for (size_t i = 0; i < NB_HELD; i++)
        token->enabled[i] = held_privileges[i].by_default;
    if ((status = handle_alloc(&token->obj, access, attributes, &handle))) {
        object_unref(&token->obj);
        return status;
    }
    *out = handle;
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtOpenThreadTokenEx
 *
 * Threads never impersonate here, so no thread has a token of its own.
 */
NTSTATUS WINAPI NtOpenThreadTokenEx(HANDLE thread, ACCESS_MASK access, BOOLEAN as_self,
                                    ULONG attributes, HANDLE *out)
{
    return STATUS_NO_TOKEN;
}

static NTSTATUS get_token(HANDLE handle, struct token **out)
{
    NTSTATUS status = handle_get(handle, OBJ_TOKEN, (struct object **)out, NULL);
    return status == STATUS_OBJECT_TYPE_MISMATCH ? STATUS_INVALID_HANDLE : status;
}

static void make_user_sid(struct sid5 *sid)
{
    static const struct sid5 user = { 1, 5, { 0, 0, 0, 0, 0, 5 }, { 21, 0, 0, 0, VN_USER_RID } };
    *sid = user;
}

/* Builds the answer in buf (large enough for every class we answer); returns its size or 0. */
static ULONG token_answer(struct token *token, ULONG info_class, unsigned char *buf, void *user_buf)
{
    switch (info_class) {
    case TOKEN_USER_CLASS: {
        struct sid_and_attributes *sa = (void *)buf;
        make_user_sid((struct sid5 *)(buf + sizeof(*sa)));
        sa->sid = (unsigned char *)user_buf + sizeof(*sa);     /* where the caller will see it */
        sa->attributes = 0;
        return sizeof(*sa) + 8 + 5 * 4;
    }
    case TOKEN_INTEGRITY_LEVEL_CLASS: {
        struct sid_and_attributes *sa = (void *)buf;
        struct { BYTE revision, count, authority[6]; ULONG sub[1]; } *sid = (void *)(buf + sizeof(*sa));
        static const BYTE mandatory[6] = { 0, 0, 0, 0, 0, 16 };
        sid->revision = 1;
        sid->count = 1;
        memcpy(sid->authority, mandatory, 6);
        sid->sub[0] = 0x2000;                   /* SECURITY_MANDATORY_MEDIUM_RID */
        sa->sid = (unsigned char *)user_buf + sizeof(*sa);
        sa->attributes = SE_GROUP_INTEGRITY;
        return sizeof(*sa) + 8 + 4;
    }
    case TOKEN_PRIVILEGES_CLASS: {
        struct token_privileges *tp = (void *)buf;
        tp->count = NB_HELD;
        for (size_t i = 0; i < NB_HELD; i++) {
            tp->privileges[i].low = held_privileges[i].luid;
            tp->privileges[i].high = 0;
            tp->privileges[i].attributes = (held_privileges[i].by_default ? SE_PRIVILEGE_ENABLED_BY_DEFAULT : 0)
                                         | (token->enabled[i] ? SE_PRIVILEGE_ENABLED : 0);
        }
        return sizeof(*tp) + NB_HELD * sizeof(struct luid_attr);
    }
    case TOKEN_TYPE_CLASS:
        *(ULONG *)buf = 1;              /* TokenPrimary */
        return sizeof(ULONG);
    case TOKEN_ELEVATION_TYPE_CLASS:
        *(ULONG *)buf = 1;              /* TokenElevationTypeDefault: no linked admin token */
        return sizeof(ULONG);
    case TOKEN_ELEVATION_CLASS:
    case TOKEN_IS_APP_CONTAINER_CLASS:
        *(ULONG *)buf = 0;              /* not elevated; not an app container */
        return sizeof(ULONG);
    default:
        return 0;
    }
}

/***********************************************************************
 *           NtQueryInformationToken
 */
NTSTATUS WINAPI NtQueryInformationToken(HANDLE handle, ULONG info_class, PVOID info, ULONG length,
                                        ULONG *result_length)
{
    unsigned char buf[256];
    struct token *token;
    NTSTATUS status;
    ULONG size;
    if ((status = get_token(handle, &token)))
        return status;
    pthread_mutex_lock(&token_lock);
    size = token_answer(token, info_class, buf, info);
    pthread_mutex_unlock(&token_lock);
    object_unref(&token->obj);
    if (!size) {
        FIXME("token information class %u not implemented\n", info_class);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (result_length)
        *result_length = size;
    if (length < size)
        return STATUS_BUFFER_TOO_SMALL;
    memcpy(info, buf, size);
    return STATUS_SUCCESS;
}

/***********************************************************************
 *           NtAdjustPrivilegesToken
 *
 * Privileges the token holds are enabled or disabled; any other one asked for leaves the call
 * successful with STATUS_NOT_ALL_ASSIGNED, as for a standard user on Windows.
 */
NTSTATUS WINAPI NtAdjustPrivilegesToken(HANDLE handle, BOOLEAN disable_all, PVOID new_state,
                                        ULONG length, PVOID prev_state, ULONG *result_length)
{
    struct token_privileges *req = NULL, *prev;
    bool want[NB_HELD], set[NB_HELD] = { false }, missing = false;
    struct token *token;
    NTSTATUS status;
    ULONG count = 0, changed = 0, size;
    if (!disable_all) {
        if (!new_state)
            return STATUS_INVALID_PARAMETER;
        count = ((struct token_privileges *)new_state)->count;
        if (count > 1024)
            return STATUS_INVALID_PARAMETER;
        if (!(req = malloc(sizeof(*req) + count * sizeof(struct luid_attr))))
            return STATUS_NO_MEMORY;
        memcpy(req, new_state, sizeof(*req) + count * sizeof(struct luid_attr));
    }
    for (ULONG i = 0; i < count; i++) {
        size_t k;
        for (k = 0; k < NB_HELD; k++)
            if (req->privileges[i].high == 0 && req->privileges[i].low == held_privileges[k].luid)
                break;
        if (k == NB_HELD) {
            missing = true;
            continue;
        }
        set[k] = true;
        want[k] = (req->privileges[i].attributes & SE_PRIVILEGE_ENABLED) != 0;
    }
    free(req);
    if ((status = get_token(handle, &token)))
        return status;
    if (!(prev = calloc(1, sizeof(*prev) + NB_HELD * sizeof(struct luid_attr)))) {
        object_unref(&token->obj);
        return STATUS_NO_MEMORY;
    }
    pthread_mutex_lock(&token_lock);
    for (size_t k = 0; k < NB_HELD; k++) {
        bool now = disable_all ? false : set[k] ? want[k] : token->enabled[k];
        if (now == token->enabled[k])
            continue;
        prev->privileges[changed].low = held_privileges[k].luid;
        prev->privileges[changed].attributes = token->enabled[k] ? SE_PRIVILEGE_ENABLED : 0;
        changed++;
        token->enabled[k] = now;
    }
    pthread_mutex_unlock(&token_lock);
    object_unref(&token->obj);
    prev->count = changed;
    size = sizeof(*prev) + changed * sizeof(struct luid_attr);
    if (prev_state) {
        if (result_length)
            *result_length = size;
        if (length >= size)
            memcpy(prev_state, prev, size);
    }
    free(prev);
    return missing ? STATUS_NOT_ALL_ASSIGNED : STATUS_SUCCESS;
}

/***********************************************************************
 *           __vinho_random
 *
 * Random bytes from the kernel (getrandom), behind RtlGenRandom and CryptGenRandom. The bytes go
 * through a local buffer, so that a bad caller pointer faults outside getrandom.
 */
#include <sys/random.h>
#include <errno.h>
NTSTATUS WINAPI __vinho_random(PVOID buffer, ULONG length)
{
    unsigned char chunk[256];
    ULONG done = 0;
    while (done < length) {
        size_t want = length - done < sizeof(chunk) ? length - done : sizeof(chunk);
        ssize_t got = getrandom(chunk, want, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return errno_to_status(errno);
        }
        memcpy((unsigned char *)buffer + done, chunk, got);
        done += got;
    }
    return STATUS_SUCCESS;
}
