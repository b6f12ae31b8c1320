/* utf7.h: the UTF-7 conversions of utf7.c, for MultiByteToWideChar and WideCharToMultiByte. */
#ifndef VINHO_KERNELBASE_UTF7_H
#define VINHO_KERNELBASE_UTF7_H

/* Both return the length converted, or 0 with *error the Win32 error to set (0: none). */
INT utf7_mb_to_wc(DWORD flags, const char *src, INT srclen, WCHAR *dst, INT dstlen, DWORD *error);
INT utf7_wc_to_mb(DWORD flags, const WCHAR *src, INT srclen, char *dst, INT dstlen,
                  const char *defchar, const BOOL *used, DWORD *error);

#endif
