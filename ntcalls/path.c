/* path.c: NT paths to Unix paths (\??\C:\x -> $prefix/drive_c/x, \??\Z:\x -> /x), the prefix,
 * and UTF-16 <-> UTF-8. Case-insensitive lookup and the full Windows path rules come with
 * the files issue; what is here is exact for paths whose case matches. */
#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ntcalls/ntcalls.h"
#include "vinho/debug.h"

DEFAULT_DEBUG_CHANNEL(file);

char *utf16_to_utf8(const WCHAR *str, size_t len, size_t *out_len)
{
    char *out = malloc(len * 3 + 1), *p = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned c = str[i];
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < len && str[i + 1] >= 0xdc00 && str[i + 1] < 0xe000)
            c = 0x10000 + ((c - 0xd800) << 10) + (str[++i] - 0xdc00);
        else if (c >= 0xd800 && c < 0xe000)
            c = 0xfffd;
        if (c < 0x80) {
            *p++ = c;
        } else if (c < 0x800) {
            *p++ = 0xc0 | (c >> 6);
            *p++ = 0x80 | (c & 0x3f);
        } else if (c < 0x10000) {
            *p++ = 0xe0 | (c >> 12);
            *p++ = 0x80 | ((c >> 6) & 0x3f);
            *p++ = 0x80 | (c & 0x3f);
        } else {
            *p++ = 0xf0 | (c >> 18);
            *p++ = 0x80 | ((c >> 12) & 0x3f);
            *p++ = 0x80 | ((c >> 6) & 0x3f);
            *p++ = 0x80 | (c & 0x3f);
        }
    }
    *p = 0;
    if (out_len)
        *out_len = p - out;
    return out;
}

/* Decodes one UTF-8 sequence at s[0..len); returns its length (1 for an invalid byte). */
static size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0], min;
    size_t n;
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xc2 && c < 0xe0) { n = 2; c &= 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c < 0xf0) { n = 3; c &= 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c < 0xf5) { n = 4; c &= 0x07; min = 0x10000; }
    else { *cp = 0xfffd; return 1; }
    if (n > len) { *cp = 0xfffd; return 1; }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) { *cp = 0xfffd; return i; }
        c = (c << 6) | (s[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c < 0xe000)) { *cp = 0xfffd; return n; }
    *cp = c;
    return n;
}

WCHAR *utf8_to_utf16(const char *str, size_t len, size_t *out_len)
{
    WCHAR *out = malloc((len + 1) * sizeof(WCHAR)), *p = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len;) {
        unsigned c;
        i += utf8_decode((const unsigned char *)str + i, len - i, &c);
        if (c >= 0x10000) {
            *p++ = 0xd800 + ((c - 0x10000) >> 10);
            *p++ = 0xdc00 + ((c - 0x10000) & 0x3ff);
        } else {
            *p++ = c;
        }
    }
    *p = 0;
    if (out_len)
        *out_len = p - out;
    return out;
}

static char prefix_path[PATH_MAX];

const char *vinho_prefix(void)
{
    if (!prefix_path[0]) {
        const char *env = getenv("VINHO_PREFIX"), *home = getenv("HOME");
        if (env && *env)
            snprintf(prefix_path, sizeof(prefix_path), "%s", env);
        else {
            if (!home || !*home) {
                struct passwd *pw = getpwuid(getuid());
                home = pw ? pw->pw_dir : "/tmp";
            }
            snprintf(prefix_path, sizeof(prefix_path), "%s/.vinho", home);
        }
    }
    return prefix_path;
}

/* The Unix folder a drive letter maps to: $prefix/dosdevices/x: if present, else the defaults. */
static bool drive_root(WCHAR letter, char *out, size_t size)
{
    char link[PATH_MAX];
    struct stat st;
    letter |= 0x20;
    if (letter < 'a' || letter > 'z')
        return false;
    snprintf(link, sizeof(link), "%s/dosdevices/%c:", vinho_prefix(), letter);
    if (!stat(link, &st)) {
        snprintf(out, size, "%s", link);
        return true;
    }
    if (letter == 'c') {
        snprintf(out, size, "%s/drive_c", vinho_prefix());
        return true;
    }
    if (letter == 'z') {
        out[0] = 0;
        return true;
    }
    return false;
}

static bool ieq(const WCHAR *w, size_t len, const char *a)
{
    size_t i;
    for (i = 0; i < len && a[i]; i++) {
        WCHAR c = w[i];
        if (c >= 'a' && c <= 'z')
            c -= 32;
        if (c != (WCHAR)a[i])
            return false;
    }
    return i == len && !a[i];
}

/* Device names that have a Unix meaning. */
static const char *device_path(const WCHAR *name, size_t len)
{
    if (ieq(name, len, "NUL"))
        return "/dev/null";
    if (ieq(name, len, "CONIN$") || ieq(name, len, "CONOUT$") || ieq(name, len, "CON"))
        return "/dev/tty";
    return NULL;
}

NTSTATUS nt_to_unix_path(const UNICODE_STRING *nt, char **unix_path)
{
    const WCHAR *p = nt->Buffer;
    size_t len = nt->Length / sizeof(WCHAR), rest_len;
    char root[PATH_MAX], *rest, *out;
    const char *dev;

    if (len < 4 || p[0] != '\\' || p[1] != '?' || p[2] != '?' || p[3] != '\\') {
        WARN("unsupported NT path %s\n", debugstr_wn(p, len));
        return STATUS_OBJECT_PATH_SYNTAX_BAD;
    }
    p += 4;
    len -= 4;
    if ((dev = device_path(p, len))) {
        *unix_path = strdup(dev);
        return *unix_path ? STATUS_SUCCESS : STATUS_NO_MEMORY;
    }
    if (len < 2 || p[1] != ':' || (len > 2 && p[2] != '\\'))
        return STATUS_OBJECT_PATH_NOT_FOUND;
    if (!drive_root(p[0], root, sizeof(root)))
        return STATUS_OBJECT_PATH_NOT_FOUND;
    for (size_t i = 2; i < len; i++)
        if (p[i] == 0 || p[i] == '/')
            return STATUS_OBJECT_NAME_INVALID;
    if (!(rest = utf16_to_utf8(p + 2, len - 2, &rest_len)))
        return STATUS_NO_MEMORY;
    for (char *c = rest; *c; c++)
        if (*c == '\\')
            *c = '/';
    if (!(out = malloc(strlen(root) + rest_len + 2))) {
        free(rest);
        return STATUS_NO_MEMORY;
    }
    sprintf(out, "%s%s", root, rest_len ? rest : "/");
    free(rest);
    TRACE("%s -> %s\n", debugstr_wn(nt->Buffer, nt->Length / 2), out);
    *unix_path = out;
    return STATUS_SUCCESS;
}
