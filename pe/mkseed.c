/* mkseed.c: writes crafted PE images into a directory, as the fuzz target's seed corpus. */
#include <stdio.h>

#include "craft.h"

int main(int argc, char **argv)
{
    static const struct { const char *name; struct craft_opts opts; } seeds[] = {
        { "pe32plus-all.exe", { false, CRAFT_ALL } },
        { "pe32-all.exe", { true, CRAFT_ALL } },
        { "pe32plus-bare.exe", { false, 0 } },
        { "pe32plus-resources.exe", { false, CRAFT_RESOURCES } },
    };
    static uint8_t buf[CRAFT_FILE_SIZE];

    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
        char path[4096];
        size_t size = craft_image(buf, &seeds[i].opts);
        FILE *f;

        snprintf(path, sizeof(path), "%s/%s", argv[1], seeds[i].name);
        if (!(f = fopen(path, "wb")) || fwrite(buf, 1, size, f) != size || fclose(f)) {
            perror(path);
            return 1;
        }
    }
    return 0;
}
