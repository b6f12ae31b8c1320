/* scan_sources.h: the inputs of dllrt's scanf engine that msvcrt's scanf family (scanf.c,
 * scanf_wide.c) and the UCRT's __stdio_common_v*scanf (ucrtbase/stdio_common.c) share. */
#ifndef VINHO_MSVCRT_SCAN_SOURCES_H
#define VINHO_MSVCRT_SCAN_SOURCES_H

#include "scanf.h"

/* A narrow string read up to its NUL or its end. */
struct msvcrt_string_input {
    const unsigned char *p, *end;
};

/* Float text to a double through our strtod (msvcrt's syntax). */
double msvcrt_scan_to_double(const char *text, void *ctx);
/* src reads str: length chars at most ((size_t)-1 or more than the address space: up to the NUL). */
void msvcrt_string_source(struct scan_source *src, struct msvcrt_string_input *in,
                          const char *str, size_t length);
/* src reads f with fgetc and gives back with ungetc (the caller holds the stream's lock). */
void msvcrt_stream_source(struct scan_source *src, FILE *f);

#endif /* VINHO_MSVCRT_SCAN_SOURCES_H */
